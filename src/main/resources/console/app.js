// The console: hash routes to views, and the API token form.
import {replace} from './dom.js';
import {tokens} from './api.js';
import {failure} from './ui.js';
import * as owner from './owner.js';
import * as account from './account.js';
import * as history from './history.js';
import * as number from './number.js';
import * as connections from './connections.js';

const views = {owner, account, history, number, connections};
const main = document.getElementById('view');

/** '#/account/42?page=2' -> {name: 'account', args: ['42'], query: URLSearchParams}. */
function parse(hash) {
  const [route, query] = hash.replace(/^#\/?/, '').split('?');
  const [name, ...args] = route.split('/').filter(Boolean).map(decodeURIComponent);
  return {name: views[name] ? name : 'owner', args, query: new URLSearchParams(query ?? '')};
}

async function show() {
  const {name, args, query} = parse(location.hash);
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.view === name);
  }
  // A fresh container per navigation: a slow answer to an earlier one lands in a detached container, unseen.
  const container = document.createElement('div');
  replace(main, container);
  try {
    await views[name].render(container, args, query);
  } catch (error) {
    container.append(failure(error));
  }
}

function tokenForm() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('api-token');
  const state = document.getElementById('token-state');
  const refresh = () => { state.textContent = tokens.get('api') ? 'token set for this tab' : 'no token'; };
  form.addEventListener('submit', event => {
    event.preventDefault();
    tokens.set('api', input.value.trim());
    input.value = '';
    refresh();
    show();
  });
  document.getElementById('forget-token').addEventListener('click', () => {
    tokens.set('api', '');
    refresh();
    show();
  });
  refresh();
}

tokenForm();
window.addEventListener('hashchange', show);
show();
