// The dashboard tab's shell: connects to the Teams host (theme, locale, single sign-on token), or offers the
// Development sign-in outside Teams; shows the menu /tab/api/me gives, loads pages, polls live ones, runs actions.
import { Api, ApiError, fetchTexts } from './api.js';
import { h, format } from './dom.js';
import { renderBlock } from './blocks.js';

const DEV_TOKEN_KEY = 'bepbot-dev-token';
const TEAMS_TIMEOUT_MS = 3000;

const state = {
  texts: {},
  api: null,
  me: null,
  route: null,
  view: null,
  viewJson: '',
  timer: null,
  sorts: new Map(),
  notice: null,
};

const main = document.getElementById('main');

boot().catch(() => showError(state.texts.Error_Unexpected ?? 'Error'));

async function boot() {
  const host = await connectTeams();
  const locale = host.locale ?? navigator.language ?? 'fr-BE';
  document.documentElement.lang = locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
  applyTheme(host.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'));
  state.texts = await fetchTexts(locale);
  shellTexts();
  showLoading();

  if (host.teams) {
    state.api = new Api({ locale, canRefresh: true, token: () => host.teams.authentication.getAuthToken(), refresh: () => host.teams.authentication.getAuthToken() });
  } else {
    const token = sessionStorage.getItem(DEV_TOKEN_KEY);
    if (!token) {
      await offerDevSignIn(locale);
      return;
    }
    state.api = new Api({ locale, canRefresh: false, token: async () => token, refresh: null });
  }

  try {
    state.me = await state.api.get('me');
  } catch (error) {
    if (!host.teams) sessionStorage.removeItem(DEV_TOKEN_KEY);
    showApiError(error);
    return;
  }

  showWho();
  buildMenu();
  addEventListener('hashchange', () => navigate(true));
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && state.view?.refreshSeconds) refresh();
  });
  await navigate(false);
}

// Inside Teams the SDK answers at once; in a plain browser (local play) it never does, hence the time-out.
async function connectTeams() {
  const teams = window.microsoftTeams;
  if (!teams?.app?.initialize) return { teams: null };
  try {
    await Promise.race([teams.app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TEAMS_TIMEOUT_MS))]);
    const context = await teams.app.getContext();
    teams.app.registerOnThemeChangeHandler?.((theme) => applyTheme(theme));
    return { teams, theme: context?.app?.theme, locale: context?.app?.locale };
  } catch {
    return { teams: null };
  }
}

function applyTheme(theme) {
  const name = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'default';
  document.body.classList.remove('theme-default', 'theme-dark', 'theme-contrast');
  document.body.classList.add(`theme-${name}`);
}

function shellTexts() {
  document.title = state.texts.App_Title;
  document.getElementById('app-title').textContent = state.texts.App_Title;
  document.getElementById('skip').textContent = state.texts.Skip_ToContent;
  document.getElementById('confirm-yes').textContent = state.texts.Confirm_Yes;
  document.getElementById('confirm-no').textContent = state.texts.Confirm_No;
}

function showLoading() {
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading', text: state.texts.Loading }));
}

async function offerDevSignIn(locale) {
  const response = await fetch('api/dev/people', { cache: 'no-store', credentials: 'omit', headers: { 'Accept-Language': locale } });
  main.removeAttribute('aria-busy');
  if (!response.ok) {
    main.replaceChildren(h('h1', { tabindex: '-1', text: state.texts.App_Title }), h('p', { text: state.texts.NoTeams_Text }));
    return;
  }

  const people = await response.json();
  main.replaceChildren(
    h('h1', { tabindex: '-1', text: state.texts.SignIn_Title }),
    h('p', { text: state.texts.SignIn_Text }),
    h('ul', { class: 'people' }, people.map((person) => h('li', {},
      h('button', {
        type: 'button',
        class: 'person',
        onclick: async () => {
          const signIn = await fetch('api/dev/sign-in', {
            method: 'POST',
            cache: 'no-store',
            credentials: 'omit',
            headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
            body: JSON.stringify({ aadObjectId: person.aadObjectId }),
          });
          if (!signIn.ok) {
            showError(state.texts.Error_SignInFailed);
            return;
          }
          sessionStorage.setItem(DEV_TOKEN_KEY, (await signIn.json()).token);
          location.reload();
        },
      }, h('span', { class: 'person-name', text: format(state.texts.SignIn_As, person.name) }), h('span', { class: 'person-role', text: person.roleText }))))));
}

function showWho() {
  const who = document.getElementById('who');
  who.replaceChildren(format(state.texts.SignedInAs, state.me.name, state.me.roleText));
  if (state.me.demo) who.append(' ', h('span', { class: 'badge', text: state.texts.Demo_Notice }));
}

function buildMenu() {
  const menu = document.getElementById('menu');
  if (state.me.menu.length === 0) return;
  menu.setAttribute('aria-label', state.texts.Menu_Label);
  menu.replaceChildren(h('ul', {}, state.me.menu.map((item) => h('li', {}, h('a', { href: `#/${item.name}`, dataset: { page: item.name }, text: item.title })))));
  menu.hidden = false;
}

function markMenu(pageName) {
  for (const link of document.querySelectorAll('#menu a')) {
    if (link.dataset.page === pageName) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function currentRoute() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const [name, query = ''] = hash.split('?');
  return { name: name || state.me.menu[0]?.name || null, query };
}

async function navigate(moveFocus) {
  clearTimeout(state.timer);
  state.route = currentRoute();
  state.viewJson = '';
  state.notice = null;
  markMenu(state.route.name);
  if (!state.route.name) {
    showGuest();
    return;
  }
  showLoading();
  await load({ moveFocus });
}

function showGuest() {
  main.replaceChildren(h('h1', { tabindex: '-1', text: state.texts.Guest_Title }), h('p', { text: state.texts.Guest_Text }));
  shown();
}

// Marks which address the page now shows (what a test, or an assistive tool, can wait for).
function shown() {
  main.removeAttribute('aria-busy');
  document.body.dataset.shown = location.hash;
}

async function load({ moveFocus = false, quiet = false } = {}) {
  const route = state.route;
  let view;
  try {
    view = await state.api.get(`pages/${encodeURIComponent(route.name)}${route.query ? `?${route.query}` : ''}`);
  } catch (error) {
    if (route !== state.route) return;
    if (quiet && error.kind === 'network') {
      schedule();
      return;
    }
    showApiError(error);
    return;
  }
  if (route !== state.route) return;
  const json = JSON.stringify(view);
  if (json !== state.viewJson) {
    state.view = view;
    state.viewJson = json;
    render(moveFocus);
  }
  schedule();
}

function schedule() {
  clearTimeout(state.timer);
  if (state.view?.refreshSeconds) state.timer = setTimeout(refresh, state.view.refreshSeconds * 1000);
}

function refresh() {
  if (document.hidden) return;
  load({ quiet: true });
}

// A re-render (a live page's update, a sort) keeps the focus on the same control and the page where it was.
function render(moveFocus) {
  const focusKey = document.activeElement?.dataset?.focusKey;
  const view = state.view;
  const ctx = { texts: state.texts, run, announce, sorts: state.sorts, key: `${state.route.name}?${state.route.query}`, rerender: () => render(false) };
  const children = [];
  if (view.back) children.push(h('p', { class: 'back' }, h('a', { href: `#/${view.back}`, text: `← ${state.texts.Back}` })));
  children.push(h('h1', { id: 'page-title', tabindex: '-1', text: view.title }));
  if (view.refreshSeconds) children.push(h('p', { class: 'live' }, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), state.texts.Live_Notice));
  if (state.notice) children.push(state.notice);
  view.blocks.forEach((block, index) => children.push(renderBlock(block, index, ctx)));
  main.replaceChildren(...children);
  shown();
  if (moveFocus) {
    document.getElementById('page-title')?.focus();
  } else if (focusKey) {
    const again = [...main.querySelectorAll('[data-focus-key]')].find((node) => node.dataset.focusKey === focusKey);
    again?.focus({ preventScroll: true });
  }
}

function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  // A new node each time, so that the same message twice is read twice.
  setTimeout(() => { region.textContent = text; }, 50);
}

function confirmFirst(text) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise((resolve) => {
    const yes = document.getElementById('confirm-yes');
    const no = document.getElementById('confirm-no');
    const close = (answer) => {
      yes.onclick = null;
      no.onclick = null;
      dialog.onclose = null;
      dialog.close();
      resolve(answer);
    };
    yes.onclick = () => close(true);
    no.onclick = () => close(false);
    dialog.onclose = () => resolve(false);
    dialog.showModal();
    no.focus();
  });
}

// Runs an action: the result's message is announced and shown; a refusal changes nothing; the page reloads (or
// shows the view the action returned). Checklist ticks pass keepPage, so ticking quickly is never interrupted.
async function run(verb, data, { confirm, origin, quiet = false, keepPage = false } = {}) {
  if (confirm && !(await confirmFirst(confirm))) {
    origin?.focus();
    return null;
  }
  if (quiet) announce(state.texts.Checklist_Saving);
  let result;
  try {
    result = await state.api.post(`actions/${encodeURIComponent(verb)}`, data);
  } catch (error) {
    const message = error.serverMessage ?? messageOf(error);
    announce(message);
    if (!quiet) setNotice(false, message, null);
    if (error.kind === 'signedOut') showApiError(error);
    else if (!keepPage) rerenderKeepingFocus();
    return { done: false, message };
  }
  announce(result.message);
  if (!quiet) setNotice(result.done, result.message, result.download);
  if (result.next) {
    state.view = result.next;
    state.viewJson = JSON.stringify(result.next);
    render(true);
  } else if (keepPage) {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => load({ quiet: true }), 1500);
  } else {
    await load({ quiet: true });
    rerenderKeepingFocus();
  }
  return result;
}

function rerenderKeepingFocus() {
  if (state.view) render(false);
}

function setNotice(done, message, download) {
  state.notice = h('div', { class: `notice ${done ? 'notice-done' : 'notice-refused'}` },
    h('p', { text: message }),
    download ? h('p', {}, h('a', { class: 'button primary', href: download, target: '_blank', rel: 'noopener', dataset: { focusKey: 'notice-download' }, text: state.texts.Download })) : null);
}

function messageOf(error) {
  switch (error.kind) {
    case 'signedOut': return state.texts.Error_SignedOut;
    case 'signInFailed': return state.texts.Error_SignInFailed;
    case 'network': return state.texts.Error_Network;
    case 'forbidden': return state.texts.Error_PageForbidden;
    case 'notFound': return state.texts.Error_UnknownPage;
    default: return state.texts.Error_Unexpected;
  }
}

function showApiError(error) {
  clearTimeout(state.timer);
  const kind = error instanceof ApiError ? error.kind : 'failed';
  const title = kind === 'forbidden' ? state.texts.Forbidden_Title : state.texts.App_Title;
  const message = kind === 'signedOut' || kind === 'signInFailed' || kind === 'network' ? messageOf(error) : (error.serverMessage ?? messageOf(error));
  main.replaceChildren(
    h('h1', { tabindex: '-1', text: title }),
    h('p', { class: 'error', role: 'alert', text: message }),
    kind === 'network' ? h('p', {}, h('button', { type: 'button', onclick: () => navigate(true), text: state.texts.Retry })) : null);
  shown();
}

function showError(message) {
  main.removeAttribute('aria-busy');
  main.replaceChildren(h('p', { class: 'error', role: 'alert', text: message }));
}
