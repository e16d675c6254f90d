// Pieces every view shares: the lookup form, messages, where an answer came from.
import {h} from './dom.js';
import {ApiFailure} from './api.js';

/** A form field for a decimal id. */
export const idField = (name, label, value, extra = {}) =>
  ({name, label, value, pattern: '[0-9]{1,19}', numeric: true, ...extra});

/**
 * A lookup view's frame: its title, a form over `fields` that navigates to `#/<route>/<value>/...` (so every lookup
 * has a link), and the result area. Returns the result area, or null after showing `hint` while a field is empty.
 * @param fields [{name, label, value, pattern, placeholder, numeric}]
 */
export function lookupView(root, {title, route, fields, hint}) {
  const inputs = fields.map(f => h('input', {
    id: `f-${f.name}`, name: f.name, value: f.value ?? '', required: true, pattern: f.pattern ?? null,
    placeholder: f.placeholder ?? '', inputmode: f.numeric ? 'numeric' : null, spellcheck: 'false', autocomplete: 'off',
  }));
  const form = h('form', {class: 'lookup'},
    fields.map((f, i) => h('label', {for: `f-${f.name}`}, h('span', null, f.label), inputs[i])),
    h('button', {type: 'submit'}, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = ['#', route, ...inputs.map(input => encodeURIComponent(input.value.trim()))].join('/');
  });
  const result = h('div', {class: 'result'});
  root.append(panel(title, form, result));
  if (fields.some(f => !f.value)) {
    result.append(message('info', hint));
    return null;
  }
  return result;
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
