// An owner id -> the identity card.
import {h, badge, field, link, time} from './dom.js';
import {getJson, path} from './api.js';
import {fill, group, idField, lookupView, provenance, yesNo} from './ui.js';

export async function render(root, [ownerId = '']) {
  const result = lookupView(root, {
    title: 'Who is behind an owner id', route: 'owner', hint: 'Enter the owner_id a RingCentral login returned (it is an extension id).',
    fields: [idField('ownerId', 'Owner id', ownerId, {placeholder: 'owner_id from a login'})],
  });
  if (!result) return;
  await fill(result, async () => {
    const answer = await getJson(path(['v1', 'identities', ownerId])).catch(error => {
      if (error.status === 404) error.message += ': only owners that logged in have an identity';
      throw error;
    });
    return [card(answer.body), provenance(answer)];
  });
}

function card(identity) {
  const account = identity.account;
  return h('article', {class: 'card identity', 'data-owner-id': identity.ownerId},
    h('header', null,
      h('h2', {'data-field': 'name'}, identity.name ?? '(no name)'),
      h('div', {class: 'badges'},
        badge(identity.resolution),
        identity.admin ? badge('admin') : null,
        identity.accountRoot ? badge('account root', 'root') : null)),
    h('div', {class: 'columns'},
      group('Extension',
        field('Extension id', 'extensionId', link(identity.extensionId, 'history', identity.extensionId)),
        field('Number', 'extensionNumber', identity.extensionNumber && identity.accountId
          ? link(identity.extensionNumber, 'number', identity.accountId, identity.extensionNumber) : identity.extensionNumber),
        field('Type', 'type', identity.type),
        field('Status', 'status', identity.status),
        field('Admin', 'admin', yesNo(identity.admin)),
        field('Account root', 'accountRoot', yesNo(identity.accountRoot)),
        field('Resolution', 'resolution', identity.resolution)),
      group('Account',
        field('Company', 'companyName', account?.companyName),
        field('Account id', 'accountId', identity.accountId ? link(identity.accountId, 'account', identity.accountId) : null),
        field('Main number', 'mainNumber', account?.mainNumber),
        field('Account status', 'accountStatus', account?.status)),
      group('Logins',
        field('Logins', 'loginCount', identity.loginCount),
        field('First login', 'firstLoginAt', time(identity.firstLoginAt)),
        field('Last login', 'lastLoginAt', time(identity.lastLoginAt)),
        field('Number at last login', 'extensionNumberAtLogin', identity.extensionNumberAtLogin),
        field('Updated', 'updatedAt', time(identity.updatedAt)))));
}
