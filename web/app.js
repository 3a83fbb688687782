// The chat panel: sign in with Salesforce (a session cookie the server sets) or with an API key,
// then talk to Scopien. The key and the conversation's id live in sessionStorage, so they end with the tab; the conversation itself is kept by the server
// and read back after a reload (or a server restart) from GET api/conversations/{id}/messages.
// Replies stream in: tool calls show as they start and end, and the text as it is written.

import { ApiError, createApi } from './api.js';
import { createConflictsPage } from './conflicts.js';
import { el } from './dom.js';
import { createFieldSecurity } from './fieldsecurity.js';
import { createIntegrations } from './integrations.js';
import { createMonitoringPage } from './monitoring.js';
import { confirmationActions, fillOrgBadge, liveReply, messageItem, needsConfirmation, pendingCount, settleActions } from './render.js';
import { createSyncPage } from './sync.js';

const KEY = 'scopien.apiKey';
const CONVERSATION = 'scopien.conversationId';
const MAX_TRANSCRIPT = 200;
const SET_ASIDE = 'Not confirmed: a later message set it aside.';
const ENDED = 'Your sign-in has ended (the session expired or the key was revoked). Sign in again.';

const $ = (id) => document.getElementById(id);
const ui = {
  loginView: $('login-view'),
  loginForm: $('login-form'),
  keyInput: $('api-key'),
  loginError: $('login-error'),
  loginSubmit: $('login-submit'),
  sso: $('sso'),
  ssoOrgs: $('sso-orgs'),
  chatView: $('chat-view'),
  sessionBar: $('session-bar'),
  badge: $('org-badge'),
  orgSelect: $('org-select'),
  userName: $('user-name'),
  settings: $('settings-button'),
  integrationsView: $('integrations-view'),
  navLinks: document.querySelectorAll('.page-nav .nav-link'),
  backToChat: $('back-to-chat'),
  signOut: $('sign-out'),
  messages: $('messages'),
  emptyHint: $('empty-hint'),
  thinking: $('thinking'),
  composer: $('composer'),
  input: $('message-input'),
  send: $('send-button'),
};

const state = {
  me: null,
  orgs: [],
  activeOrg: null,
  busy: false,
  transcript: [],
};

const api = createApi(() => sessionStorage.getItem(KEY));

const fieldSecurity = createFieldSecurity({ api });

const integrations = createIntegrations({
  api,
  onOrgsChanged: async () => {
    await loadOrgs();
    await refreshConversation();
  },
  // A 401 means the key is gone: back to the login. Other errors are the page's to show.
  onError: (error) => {
    if (error instanceof ApiError && error.status === 401) {
      signOut(ENDED);
      return true;
    }
    return false;
  },
});

// The Sync, Monitoring and Conflicts pages (#sync/<org id> ...): anyone signed in opens them; what
// each role may change is decided inside them (and checked again by the server).
const pageOptions = (page) => ({
  api,
  onError: (error) => {
    if (error instanceof ApiError && error.status === 401) {
      signOut(ENDED);
      return true;
    }
    return false;
  },
  role: () => state.me?.role,
  onOrgChosen: (orgId) => {
    window.location.hash = `${page}/${encodeURIComponent(orgId)}`;
  },
});
const pages = {
  sync: createSyncPage(pageOptions('sync')),
  monitoring: createMonitoringPage(pageOptions('monitoring')),
  conflicts: createConflictsPage(pageOptions('conflicts')),
};

function conversationId() {
  return sessionStorage.getItem(CONVERSATION);
}

function setConversationId(id) {
  if (id) {
    sessionStorage.setItem(CONVERSATION, id);
  } else {
    sessionStorage.removeItem(CONVERSATION);
  }
}

// ---- sign in and out ----

function showLogin(message) {
  ui.chatView.hidden = true;
  ui.integrationsView.hidden = true;
  Object.values(pages).forEach((page) => page.hide());
  ui.sessionBar.hidden = true;
  ui.loginView.hidden = false;
  ui.loginError.hidden = !message;
  ui.loginError.textContent = message ?? '';
  ui.keyInput.setAttribute('aria-invalid', message ? 'true' : 'false');
  ui.keyInput.focus();
  showSalesforceOrgs();
}

// "Sign in with Salesforce": one button per connected org; each goes to the org's login page.
async function showSalesforceOrgs() {
  let orgs = [];
  try {
    orgs = (await api.signInOrgs()).orgs ?? [];
  } catch {
    orgs = [];
  }
  ui.ssoOrgs.replaceChildren(
    ...orgs.map((org) =>
      el('a', {
        class: 'primary-button',
        href: `auth/salesforce/login?org=${encodeURIComponent(org.id)}`,
        'data-testid': 'sso-login',
      }, `Sign in with Salesforce (${org.name})`)),
  );
  ui.sso.hidden = orgs.length === 0;
}

// With a key: checks it. Without: asks whether the browser holds a session (after Salesforce).
async function signIn(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  }
  let me;
  try {
    me = await api.me();
  } catch (error) {
    sessionStorage.removeItem(KEY);
    if (!key && error instanceof ApiError && error.status === 401) {
      showLogin();
      return;
    }
    showLogin(error instanceof ApiError && error.status === 401
      ? 'That API key was not accepted. Check it and try again.'
      : error.message);
    return;
  }
  state.me = me;
  ui.userName.textContent = `${me.name} (${me.role})`;
  ui.settings.hidden = me.role !== 'admin';
  ui.keyInput.value = '';
  ui.loginView.hidden = true;
  ui.sessionBar.hidden = false;
  await loadOrgs();
  await refreshConversation();
  await loadHistory();
  await route();
}

// ---- pages: the chat, and Settings → Integrations (#integrations, admins only) ----

async function route() {
  if (!state.me) {
    return;
  }
  const [pageName, orgPart] = window.location.hash.replace(/^#/, '').split('/');
  for (const link of ui.navLinks) {
    const target = link.getAttribute('href').replace(/^#/, '');
    if (target === pageName) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const page = Object.hasOwn(pages, pageName) ? pages[pageName] : null;
  Object.entries(pages).forEach(([name, other]) => name !== pageName && other.hide());
  if (page) {
    integrations.hide();
    ui.settings.setAttribute('aria-pressed', 'false');
    ui.chatView.hidden = true;
    await loadOrgs();
    await page.show(orgPart ? decodeURIComponent(orgPart) : state.activeOrg?.id, state.orgs);
    return;
  }
  const wantsSettings = window.location.hash === '#integrations';
  if (wantsSettings && state.me.role === 'admin') {
    ui.chatView.hidden = true;
    ui.settings.setAttribute('aria-pressed', 'true');
    const returning = new URLSearchParams(window.location.search).get('connect');
    await integrations.show(returning);
    await fieldSecurity.show();
    return;
  }
  if (wantsSettings) {
    addEntry({ role: 'note', text: 'Only admins can open Settings → Integrations.' });
    window.history.replaceState(null, '', window.location.pathname);
  }
  integrations.hide();
  ui.settings.setAttribute('aria-pressed', 'false');
  ui.chatView.hidden = false;
  ui.input.focus();
}

function signOut(message) {
  // A browser session (no key) is ended on the server too; the cookie goes with it.
  if (!sessionStorage.getItem(KEY) && state.me) {
    api.logout().catch(() => {});
  }
  sessionStorage.removeItem(KEY);
  state.me = null;
  setConversationId(null);
  state.transcript = [];
  state.activeOrg = null;
  ui.messages.replaceChildren();
  ui.emptyHint.hidden = false;
  showLogin(message);
}

// Any 401 after sign-in means the key was revoked: back to the login, saying why.
function handleError(error, context) {
  if (error instanceof ApiError && error.status === 401) {
    signOut(ENDED);
    return;
  }
  if (error instanceof ApiError && error.code === 'unknown_conversation') {
    setConversationId(null);
    addEntry({ role: 'note', text: 'That conversation is no longer known to the server; your next message starts a new one.' });
    return;
  }
  addEntry({ role: 'error', text: context ? `${context} ${error.message}` : error.message });
}

// ---- orgs ----

async function loadOrgs() {
  try {
    state.orgs = await api.orgs();
  } catch (error) {
    handleError(error, 'The list of orgs could not be loaded.');
    state.orgs = [];
  }
  const options = state.orgs.map((org) => {
    const option = document.createElement('option');
    option.value = org.id;
    option.textContent = `${org.name} (${org.environment})${org.status === 'active' ? '' : ` – ${org.status.replace('_', ' ')}`}`;
    option.disabled = org.status !== 'active';
    return option;
  });
  ui.orgSelect.replaceChildren(...options);
  ui.orgSelect.disabled = options.length === 0;
}

// With no conversation yet, the badge shows the org a new one starts in: the first production org.
function defaultOrg() {
  return state.orgs.find((o) => o.environment === 'production') ?? state.orgs[0] ?? null;
}

async function refreshConversation() {
  const id = conversationId();
  if (!id) {
    setActiveOrg(defaultOrg());
    return;
  }
  try {
    const conversation = await api.conversation(id);
    setActiveOrg(conversation.org);
  } catch (error) {
    handleError(error);
    setActiveOrg(defaultOrg());
  }
}

function setActiveOrg(org) {
  state.activeOrg = org ? { id: org.id, name: org.name, environment: org.environment } : null;
  fillOrgBadge(ui.badge, state.activeOrg);
  if (org && [...ui.orgSelect.options].some((o) => o.value === org.id)) {
    ui.orgSelect.value = org.id;
  }
}

async function switchOrg() {
  const org = state.orgs.find((o) => o.id === ui.orgSelect.value);
  if (!org || org.id === state.activeOrg?.id) {
    return;
  }
  const id = conversationId();
  if (!id) {
    // A conversation starts with its first message; asking for the switch in words starts one.
    await send(`Switch to ${org.name}`);
    return;
  }
  setBusy(true);
  try {
    const conversation = await api.switchOrg(id, org.id);
    setActiveOrg(conversation.org);
    addEntry({ role: 'note', text: `Now working in ${conversation.org.name} (${conversation.org.environment}).` });
  } catch (error) {
    setActiveOrg(state.activeOrg);
    handleError(error, 'The org could not be switched.');
  } finally {
    setBusy(false);
  }
}

// ---- transcript ----

function saveTranscript() {
  state.transcript = state.transcript.slice(-MAX_TRANSCRIPT);
}

// The conversation as the server kept it. Only its last reply can still wait for a confirmation.
async function loadHistory() {
  const id = conversationId();
  state.transcript = [];
  ui.messages.replaceChildren();
  if (!id) {
    scrollToEnd();
    return;
  }
  try {
    const history = await api.history(id);
    const turns = Array.isArray(history.messages) ? history.messages : [];
    state.transcript = turns.map((turn, i) => {
      const entry = { role: turn.role === 'user' ? 'user' : 'assistant', text: turn.text, toolCalls: turn.toolCalls ?? [] };
      if (needsConfirmation(entry) && (i !== turns.length - 1 || !history.pendingChange)) {
        entry.settled = 'No longer waiting for confirmation.';
      }
      return entry;
    });
    ui.messages.replaceChildren(...state.transcript.map((entry, i) =>
      itemFor(entry, i === state.transcript.length - 1)));
  } catch (error) {
    handleError(error, 'The conversation could not be loaded.');
  }
  scrollToEnd();
}

function itemFor(entry, isLatest) {
  const item = messageItem(entry);
  if (needsConfirmation(entry)) {
    if (!entry.settled && isLatest) {
      item.append(confirmationActions({
        onConfirm: (actions) => settle(entry, actions, 'confirm'),
        onCancel: (actions) => settle(entry, actions, 'cancel'),
        count: pendingCount(entry),
      }));
    } else {
      const actions = document.createElement('div');
      actions.className = 'actions';
      settleActions(actions, entry.settled ?? SET_ASIDE);
      item.append(actions);
    }
  }
  return item;
}

function addEntry(entry) {
  state.transcript.push(entry);
  saveTranscript();
  ui.messages.append(itemFor(entry, true));
  scrollToEnd();
}

// A new message sets aside any write still waiting: the server treats it as "not confirmed".
function retirePendingConfirmations() {
  for (const actions of ui.messages.querySelectorAll('[data-testid="confirmation"]')) {
    settleActions(actions, 'Not confirmed: a later message set it aside.');
  }
  for (const entry of state.transcript) {
    if (needsConfirmation(entry) && !entry.settled) {
      entry.settled = SET_ASIDE;
    }
  }
  saveTranscript();
}

async function settle(entry, actions, action) {
  const id = conversationId();
  if (state.busy || !id) {
    return;
  }
  for (const button of actions.querySelectorAll('button')) {
    button.disabled = true;
  }
  setBusy(true);
  try {
    const reply = action === 'confirm' ? await api.confirm(id) : await api.cancel(id);
    entry.settled = action === 'confirm' ? 'Confirmed.' : 'Cancelled: nothing was changed.';
    settleActions(actions, entry.settled);
    acceptReply(reply);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'no_pending_write') {
      entry.settled = 'Nothing is waiting for confirmation any more.';
      settleActions(actions, entry.settled);
      saveTranscript();
    } else {
      for (const button of actions.querySelectorAll('button')) {
        button.disabled = false;
      }
    }
    handleError(error);
  } finally {
    setBusy(false);
    ui.input.focus();
  }
}

// ---- sending ----

function acceptReply(reply) {
  setConversationId(reply.conversationId);
  addEntry({ role: 'assistant', text: reply.reply, org: reply.org, toolCalls: reply.toolCalls ?? [] });
  setActiveOrg(reply.org ?? state.activeOrg);
}

async function send(text) {
  if (state.busy || !text.trim()) {
    return;
  }
  retirePendingConfirmations();
  addEntry({ role: 'user', text });
  setBusy(true);
  const live = liveReply();
  ui.messages.append(live.item);
  scrollToEnd();
  try {
    const reply = await api.chatStream(text, conversationId(), (name, data) => {
      if (name === 'tool') {
        live.tool(data);
      } else if (name === 'delta') {
        live.delta(data.text);
      }
      scrollToEnd();
    });
    live.item.remove();
    acceptReply(reply);
  } catch (error) {
    live.item.remove();
    if (!ui.input.value) {
      ui.input.value = text;
    }
    handleError(error);
  } finally {
    setBusy(false);
  }
}

function setBusy(busy) {
  state.busy = busy;
  ui.send.disabled = busy;
  ui.orgSelect.disabled = busy || state.orgs.length === 0;
  ui.thinking.hidden = !busy;
  ui.messages.setAttribute('aria-busy', busy ? 'true' : 'false');
}

function scrollToEnd() {
  ui.emptyHint.hidden = ui.messages.childElementCount > 0;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  ui.messages.scrollTo({ top: ui.messages.scrollHeight, behavior: reduce ? 'auto' : 'smooth' });
}

// ---- wiring ----

ui.loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = ui.keyInput.value.trim();
  if (!key) {
    showLogin('Enter your API key.');
    return;
  }
  signIn(key);
});

ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.input.value;
  if (state.busy || !text.trim()) {
    ui.input.focus();
    return;
  }
  ui.input.value = '';
  send(text.trim()).finally(() => ui.input.focus());
});

ui.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

ui.orgSelect.addEventListener('change', () => switchOrg());
ui.settings.addEventListener('click', () => {
  window.location.hash = 'integrations';
});
ui.backToChat.addEventListener('click', () => {
  window.history.pushState(null, '', window.location.pathname);
  route();
});
window.addEventListener('hashchange', () => route());
ui.signOut.addEventListener('click', () => signOut());

// A key saved in this tab, else the session cookie of a Salesforce sign-in, else the login.
signIn(sessionStorage.getItem(KEY));
