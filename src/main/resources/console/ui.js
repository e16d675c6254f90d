// Pieces every view shares: the lookup form, messages, where an answer came from.
import {h} from './dom.js';
import {ApiFailure} from './api.js';

/**
 * A small form; submitting it navigates to the hash built from its values, so every lookup has a link.
 * @param fields [{name, label, value, pattern, placeholder}]
 * @param toHash values -> '#/...'
 */
export function lookupForm(fields, toHash, button = 'Show') {
  const inputs = fields.map(f => h('input', {
    id: `f-${f.name}`, name: f.name, value: f.value ?? '', required: f.optional ? null : true,
    pattern: f.pattern ?? null, placeholder: f.placeholder ?? '', inputmode: f.numeric ? 'numeric' : null,
    type: f.type ?? 'text', spellcheck: 'false', autocomplete: 'off',
  }));
  const form = h('form', {class: 'lookup'},
    fields.map((f, i) => h('label', {for: `f-${f.name}`}, h('span', null, f.label), inputs[i])),
    h('button', {type: 'submit'}, button));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const values = Object.fromEntries(fields.map((f, i) => [f.name, inputs[i].value.trim()]));
    location.hash = toHash(values);
  });
  return form;
}

export const message = (kind, text) => h('p', {class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status'}, text);

export const loading = () => message('info', 'Loading…');

/** The message for anything a lookup threw. */
export function failure(error) {
  if (error instanceof ApiFailure) return message(error.status === 404 ? 'warn' : 'error', error.explain());
  console.error(error);
  return message('error', `Something went wrong in the console: ${error.message}`);
}

/** Which instance answered, and how (the API's X-Served-* headers). */
export function provenance(answer) {
  if (!answer.servedBy) return null;
  const stale = answer.staleMs ? `, ${answer.staleMs} ms behind` : '';
  return h('p', {class: 'provenance'}, `served by ${answer.servedBy} (${answer.servedFrom}${stale})`);
}

export const panel = (title, ...children) => h('section', {class: 'panel'}, h('h1', null, title), ...children);

/** Shows "Loading…" in target, then what produce() returns, or the failure it threw. */
export async function fill(target, produce) {
  target.replaceChildren(loading());
  try {
    target.replaceChildren(...[await produce()].flat().filter(Boolean));
  } catch (error) {
    target.replaceChildren(failure(error));
  }
}

export const yesNo = value => (value === null || value === undefined ? null : value ? 'yes' : 'no');

/** A titled list of fields. */
export const group = (title, ...fields) => h('div', {class: 'group'}, h('h3', null, title), h('dl', null, ...fields));
