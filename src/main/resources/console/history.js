// An extension -> its versions as a timeline (type-2 history, oldest first).
import {h, badge, link, text, time} from './dom.js';
import {getJson, path} from './api.js';
import {fill, idField, lookupView, provenance} from './ui.js';

const TRACKED = [['extensionNumber', 'Number'], ['name', 'Name'], ['status', 'Status'], ['type', 'Type'], ['admin', 'Admin']];

export async function render(root, [extensionId = '']) {
  const result = lookupView(root, {
    title: 'The history of an extension', route: 'history', hint: 'Enter an extension id to see every version it went through.',
    fields: [idField('extensionId', 'Extension id', extensionId)],
  });
  if (!result) return;
  await fill(result, async () => {
    const answer = await getJson(path(['v1', 'extensions', extensionId, 'history']));
    return [timeline(answer.body.rows), provenance(answer)];
  });
}

function timeline(rows) {
  const current = rows[rows.length - 1];
  return h('article', {class: 'card history', 'data-extension-id': current.extensionId},
    h('header', null,
      h('h2', null, text(current.name)),
      h('p', {class: 'hint'}, `extension ${current.extensionId} of account `,
        link(current.accountId, 'account', current.accountId), ` · ${rows.length} version${rows.length === 1 ? '' : 's'}`)),
    h('ol', {class: 'timeline'}, rows.map((row, i) => version(row, rows[i - 1]))));
}

function version(row, previous) {
  const value = (name, v) => (name === 'admin' ? (v ? 'yes' : 'no') : text(v));
  return h('li', {class: `version${row.current ? ' current' : ''}`, 'data-version': row.version, 'data-change': row.change},
    h('div', {class: 'when'}, time(row.validFrom), ' → ', row.validTo ? time(row.validTo) : h('span', {class: 'now'}, 'now')),
    h('div', {class: 'what'}, h('span', {class: 'version-number'}, `v${row.version}`), badge(row.change)),
    h('dl', {class: 'values'}, TRACKED.map(([name, label]) => {
      const changed = previous && previous[name] !== row[name];
      const shown = name === 'extensionNumber' && row[name]
        ? link(row[name], 'number', row.accountId, row[name]) : value(name, row[name]);
      return h('div', {class: changed ? 'changed' : null},
        h('dt', null, label), h('dd', {'data-field': name}, shown));
    })));
}
