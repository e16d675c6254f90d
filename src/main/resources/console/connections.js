// The RingCentral connections the poller sweeps, and their health. Needs ADMIN_TOKEN.
import {h, badge, text, time} from './dom.js';
import {getJson, tokens} from './api.js';
import {fill, message, panel} from './ui.js';

export async function render(root) {
  const result = h('div', {class: 'result'});
  const input = h('input', {id: 'admin-token', type: 'password', placeholder: 'ADMIN_TOKEN', spellcheck: 'false', autocomplete: 'off'});
  const form = h('form', {class: 'lookup'},
    h('label', {for: 'admin-token'}, h('span', null, 'Admin token'), input),
    h('button', {type: 'submit'}, 'Show connections'),
    h('span', {class: 'hint'}, tokens.get('admin') ? 'admin token set for this tab' : 'no admin token'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    tokens.set('admin', input.value.trim());
    root.replaceChildren();
    render(root);
  });
  root.append(panel('Connections', form, result));
  if (!tokens.get('admin')) {
    result.append(message('info', 'Connections need the admin token (ADMIN_TOKEN): it stays in this tab only.'));
    return;
  }
  await fill(result, async () => {
    try {
      return list((await getJson('/v1/connections', 'admin')).body.connections);
    } catch (error) {
      if (error.status === 404) return message('warn', 'This instance does not serve /v1/connections yet.');
      if (error.status === 403) return message('warn', `Connections are not enabled here: ${error.message}`);
      if (error.status === 401) return message('error', 'The admin token was refused.');
      throw error;
    }
  });
}

function list(connections) {
  if (!connections.length) return message('info', 'No connections yet.');
  return h('table', {class: 'connections'},
    h('thead', null, h('tr', null,
      ['Name', 'Status', 'Account', 'Owner', 'Held by', 'Last sweep', 'Next sweep', 'Push'].map(t => h('th', null, t)))),
    h('tbody', null, connections.map(c => h('tr', {'data-connection-id': c.connectionId},
      h('td', {class: 'name'}, text(c.name)),
      h('td', null, badge(c.status), c.statusReason ? h('div', {class: 'hint'}, c.statusReason) : null),
      h('td', null, text(c.accountId)),
      h('td', null, text(c.ownerId)),
      h('td', null, text(c.heldBy)),
      h('td', null, c.lastSweep ? [time(c.lastSweep.at), h('div', {class: 'hint'},
        `${text(c.lastSweep.outcome)} · ${c.lastSweep.extensions ?? 0} extensions, ${c.lastSweep.changed ?? 0} changed, `
        + `${c.lastSweep.deleted ?? 0} deleted`)] : '—'),
      h('td', null, time(c.nextSweepAt)),
      h('td', null, c.subscription ? [badge(c.subscription.status), h('div', {class: 'hint'}, 'until ',
        time(c.subscription.expiresAt))] : '—')))));
}
