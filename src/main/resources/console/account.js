// An account -> its extensions: counts by status, filters, pages.
import {h, badge, field, link, text, time} from './dom.js';
import {getJson, path} from './api.js';
import {fill, group, idField, lookupView, message} from './ui.js';

const TYPES = ['User', 'Department', 'Announcement', 'Voicemail', 'DigitalUser', 'VirtualUser', 'FaxUser', 'PagingOnly',
  'SharedLinesGroup', 'IvrMenu', 'ApplicationExtension', 'ParkLocation', 'Limited', 'Bot', 'Site', 'Room'];
const PER_PAGE = ['25', '50', '100', '250'];

export async function render(root, [accountId = ''], query) {
  const result = lookupView(root, {
    title: 'An account and its extensions', route: 'account', hint: 'Enter an account id (the company\'s RingCentral account).',
    fields: [idField('accountId', 'Account id', accountId)],
  });
  if (!result) return;
  const filters = {
    status: query.getAll('status'), type: query.getAll('type'),
    page: Number(query.get('page') ?? 1), perPage: query.get('perPage') ?? '50',
  };
  await fill(result, async () => {
    const [account, listing] = await Promise.all([
      getJson(path(['v1', 'accounts', accountId])),
      getJson(path(['v1', 'accounts', accountId, 'extensions'], filters)),
    ]);
    return [summary(account.body, filters), filterForm(accountId, filters), table(listing.body.records),
      pager(accountId, filters, listing.body.paging)];
  });
}

/** The hash of this view with other filters. */
function hashOf(accountId, filters) {
  const query = new URLSearchParams();
  for (const name of ['status', 'type']) for (const v of filters[name]) query.append(name, v);
  if (filters.page > 1) query.set('page', filters.page);
  if (filters.perPage !== '50') query.set('perPage', filters.perPage);
  return `#/account/${encodeURIComponent(accountId)}${query.size ? '?' + query : ''}`;
}

function summary(account, filters) {
  const counts = Object.entries(account.extensionCounts ?? {});
  const chip = (label, status, count) => h('a', {
    class: 'chip' + (String(filters.status) === String(status ?? '') ? ' active' : ''),
    href: hashOf(account.accountId, {...filters, status: status ? [status] : [], page: 1}),
    'data-status': status ?? 'all',
  }, label, count === null ? null : h('b', null, String(count)));
  return h('article', {class: 'card account', 'data-account-id': account.accountId},
    h('header', null, h('h2', {'data-field': 'companyName'}, account.companyName ?? '(no company name)'),
      h('div', {class: 'badges'}, badge(account.status))),
    h('div', {class: 'columns'},
      group('Account', field('Account id', 'accountId', account.accountId), field('Main number', 'mainNumber', account.mainNumber),
        field('Brand', 'brand', account.brand), field('Observed', 'observedAt', time(account.observedAt))),
      h('div', {class: 'group counts'}, h('h3', null, 'Extensions by status'),
        h('div', {class: 'chips'}, chip('All but deleted', null, null),
          counts.map(([status, n]) => chip(status, status, n))))));
}

function filterForm(accountId, filters) {
  const statuses = ['Enabled', 'Disabled', 'NotActivated', 'Unassigned', 'Frozen', 'Deleted'];
  const select = (name, options, selected, none) => h('select', {id: `filter-${name}`, name},
    h('option', {value: ''}, none),
    options.map(o => h('option', {value: o, selected: selected === o}, o)));
  const status = select('status', statuses, filters.status[0], 'all but deleted');
  const type = select('type', TYPES, filters.type[0], 'all types');
  const perPage = h('select', {id: 'filter-perPage', name: 'perPage'},
    PER_PAGE.map(n => h('option', {value: n, selected: n === filters.perPage}, n)));
  const form = h('form', {class: 'filters'},
    h('label', null, 'Status ', status), h('label', null, 'Type ', type), h('label', null, 'Per page ', perPage),
    h('button', {type: 'submit'}, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = hashOf(accountId, {status: status.value ? [status.value] : [], type: type.value ? [type.value] : [],
      page: 1, perPage: perPage.value});
  });
  return form;
}

function table(records) {
  if (!records.length) return message('info', 'No extensions on this page.');
  return h('table', {class: 'extensions'},
    h('thead', null, h('tr', null, ['Extension id', 'Number', 'Name', 'Type', 'Status', 'Admin'].map(t => h('th', null, t)))),
    h('tbody', null, records.map(e => h('tr', {'data-extension-id': e.extensionId},
      h('td', null, link(e.extensionId, 'history', e.extensionId)),
      h('td', null, e.extensionNumber ? link(e.extensionNumber, 'number', e.accountId, e.extensionNumber) : '—'),
      h('td', {class: 'name'}, text(e.name)),
      h('td', null, text(e.type)),
      h('td', null, badge(e.deleted ? 'Deleted' : e.status)),
      h('td', null, e.admin ? 'admin' : '')))));
}

function pager(accountId, filters, paging) {
  const to = page => hashOf(accountId, {...filters, page});
  const range = paging.pageStart === undefined ? '' : ` · ${paging.pageStart + 1}–${paging.pageEnd + 1}`;
  return h('nav', {class: 'pager', 'data-page': paging.page, 'data-total-pages': paging.totalPages},
    paging.page > 1 ? h('a', {href: to(paging.page - 1), rel: 'prev'}, '← Previous') : h('span', {class: 'none'}, '← Previous'),
    h('span', {class: 'position'}, `Page ${paging.page} of ${Math.max(paging.totalPages, 1)} · ${paging.totalElements} extensions${range}`),
    paging.page < paging.totalPages ? h('a', {href: to(paging.page + 1), rel: 'next'}, 'Next →') : h('span', {class: 'none'}, 'Next →'));
}
