// Settings → Integrations: the connected orgs, "Connect Salesforce" (the browser sign-in with the
// org), the verification card, Reconnect, Disconnect and Remove. Admins only; every text from the
// server goes in through textContent.

const STANDARD_HOSTS = {
  production: 'https://login.salesforce.com',
  sandbox: 'https://test.salesforce.com',
};

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// "Just now", "5 min ago", "3 h ago", or the date; "Not synced yet" when never.
export function lastSyncText(iso, now = Date.now()) {
  if (!iso) {
    return 'Not synced yet';
  }
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return String(iso);
  }
  const minutes = Math.floor((now - at) / 60000);
  if (minutes < 1) {
    return 'Just now';
  }
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  if (minutes < 24 * 60) {
    return `${Math.floor(minutes / 60)} h ago`;
  }
  return new Date(at).toLocaleString();
}

function domainOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url ?? '';
  }
}

const STATUS_LABELS = { active: 'Active', needs_reauth: 'Needs re-authorisation', disconnected: 'Disconnected' };

export function createIntegrations({ api, onOrgsChanged, onError }) {
  const ui = {
    view: $('integrations-view'),
    title: $('integrations-title'),
    message: $('integrations-message'),
    card: $('verification-card'),
    cardTitle: $('verification-title'),
    list: $('org-list'),
    noOrgs: $('no-orgs'),
    add: $('add-org'),
    form: $('connect-form'),
    standardLabel: $('standard-login-label'),
    loginUrl: $('login-url'),
    name: $('org-name'),
    clientId: $('client-id'),
    clientSecret: $('client-secret'),
    callbackUrl: $('callback-url'),
    error: $('connect-error'),
    authorize: $('authorize-button'),
    cancel: $('cancel-connect'),
  };
  let orgs = [];

  function say(text, kind = 'info') {
    ui.message.hidden = !text;
    ui.message.textContent = text ?? '';
    ui.message.dataset.kind = kind;
  }

  function fail(error, context) {
    if (onError(error)) {
      return;
    }
    say(context ? `${context} ${error.message}` : error.message, 'error');
  }

  function environment() {
    return ui.form.querySelector('input[name="environment"]:checked').value;
  }

  function customLogin() {
    return ui.form.querySelector('input[name="login"]:checked').value === 'custom';
  }

  function syncLoginFields() {
    ui.standardLabel.textContent = `Standard: ${STANDARD_HOSTS[environment()]}`;
    ui.loginUrl.disabled = !customLogin();
    if (customLogin()) {
      ui.loginUrl.focus();
    }
  }

  function showForm(show) {
    ui.form.hidden = !show;
    ui.add.hidden = show;
    ui.error.hidden = true;
    if (show) {
      ui.callbackUrl.textContent = `${window.location.origin}/oauth/callback`;
      syncLoginFields();
      ui.name.focus();
    }
  }

  function showFormError(text, field) {
    ui.error.hidden = false;
    ui.error.textContent = text;
    for (const input of [ui.name, ui.clientId, ui.loginUrl]) {
      input.setAttribute('aria-invalid', input === field ? 'true' : 'false');
    }
    (field ?? ui.authorize).focus();
  }

  function fillCard(card, title) {
    ui.card.hidden = false;
    ui.cardTitle.textContent = title;
    const fields = {
      'card-org': card.organizationName ?? card.name,
      'card-edition': card.edition ?? '',
      'card-user': card.username ?? '',
      'card-status': card.statusLabel ?? STATUS_LABELS[card.status] ?? card.status,
      'card-last-sync': lastSyncText(card.lastSyncAt),
      'card-domain': card.domain ?? domainOf(card.instanceUrl),
    };
    for (const [testId, text] of Object.entries(fields)) {
      ui.card.querySelector(`[data-testid="${testId}"]`).textContent = text;
    }
    ui.card.dataset.orgId = card.id;
  }

  async function showCard(id) {
    try {
      const card = await api.orgCard(id);
      fillCard(card, `${card.name} (${card.environment})`);
      ui.card.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      fail(error, 'The org could not be read.');
    }
  }

  function orgItem(org) {
    const item = el('li', { class: 'org-item', 'data-testid': 'org-item', 'data-org-id': org.id, 'data-status': org.status });
    const text = el('div');
    const name = el('p', { class: 'org-item-name' });
    name.append(el('span', {}, org.name));
    name.append(el('span', { class: 'org-badge', 'data-environment': org.environment }, org.environment));
    text.append(name);
    const facts = el('ul', { class: 'org-item-facts' });
    facts.append(el('li', { 'data-testid': 'org-domain' }, domainOf(org.instanceUrl)));
    const status = el('li', { class: 'org-status', 'data-status': org.status, 'data-testid': 'org-status' },
      `Status: ${STATUS_LABELS[org.status] ?? org.status}`);
    facts.append(status);
    facts.append(el('li', {}, `Last sync: ${lastSyncText(org.lastSyncAt)}`));
    text.append(facts);
    item.append(text);

    const actions = el('div', { class: 'actions', role: 'group', 'aria-label': `Actions for ${org.name}` });
    const button = (label, testId, handler, primary = false) => {
      const b = el('button', { type: 'button', class: primary ? 'primary-button' : 'secondary-button', 'data-testid': testId }, label);
      b.addEventListener('click', () => handler(b));
      actions.append(b);
    };
    button('Details', 'org-details', () => showCard(org.id));
    if (org.status !== 'disconnected') {
      button('Sync', 'org-sync', () => {
        window.location.hash = `sync/${encodeURIComponent(org.id)}`;
      });
    }
    if (org.status !== 'active') {
      button('Reconnect', 'org-reconnect', (b) => reconnect(org, b), true);
    }
    if (org.status !== 'disconnected') {
      button('Disconnect', 'org-disconnect', (b) => disconnect(org, b));
    } else {
      button('Remove', 'org-remove', (b) => remove(org, b));
    }
    item.append(actions);
    return item;
  }

  async function load() {
    try {
      orgs = await api.orgs();
    } catch (error) {
      fail(error, 'The connected orgs could not be loaded.');
      return;
    }
    ui.list.replaceChildren(...orgs.map(orgItem));
    ui.noOrgs.hidden = orgs.length > 0;
    ui.add.textContent = orgs.length > 0 ? '+ Add Another Org' : 'Connect Salesforce';
  }

  async function changed() {
    await load();
    await onOrgsChanged();
  }

  async function reconnect(org, button) {
    button.disabled = true;
    say('');
    try {
      const reply = await api.reconnectOrg(org.id);
      if (reply.authorization) {
        say(`Taking you to ${domainOf(reply.authorization.authorizeUrl)} to sign in again…`);
        window.location.assign(reply.authorization.authorizeUrl);
        return;
      }
      fillCard(reply.org, `Reconnected: ${reply.org.name} (${reply.org.environment})`);
      say(`${reply.org.name} is connected again.`);
      await changed();
    } catch (error) {
      fail(error, `${org.name} could not be reconnected.`);
    } finally {
      button.disabled = false;
    }
  }

  async function disconnect(org, button) {
    if (!window.confirm(`Disconnect ${org.name}? Scopien revokes its access at Salesforce and stops using it until it is reconnected.`)) {
      return;
    }
    button.disabled = true;
    try {
      const reply = await api.disconnectOrg(org.id);
      say(reply.tokenRevoked
        ? `${org.name} is disconnected; Salesforce revoked its tokens.`
        : `${org.name} is disconnected, but Salesforce could not confirm the revocation: revoke the app's access in Salesforce too.`,
      reply.tokenRevoked ? 'info' : 'error');
      ui.card.hidden = true;
      await changed();
    } catch (error) {
      fail(error, `${org.name} could not be disconnected.`);
      button.disabled = false;
    }
  }

  async function remove(org, button) {
    if (!window.confirm(`Remove ${org.name} from Scopien? Its settings and history here are deleted.`)) {
      return;
    }
    button.disabled = true;
    try {
      await api.removeOrg(org.id);
      say(`${org.name} was removed.`);
      ui.card.hidden = true;
      await changed();
    } catch (error) {
      fail(error, `${org.name} could not be removed.`);
      button.disabled = false;
    }
  }

  async function authorize(event) {
    event.preventDefault();
    const name = ui.name.value.trim();
    const clientId = ui.clientId.value.trim();
    const loginUrl = customLogin() ? ui.loginUrl.value.trim() : '';
    if (!name) {
      showFormError('Give the org a name, such as Production Org.', ui.name);
      return;
    }
    if (customLogin() && !loginUrl) {
      showFormError('Enter the org\'s My Domain URL, such as https://acme.my.salesforce.com.', ui.loginUrl);
      return;
    }
    if (!clientId) {
      showFormError('Enter the connected app\'s Consumer Key.', ui.clientId);
      return;
    }
    const body = { name, environment: environment(), clientId };
    if (loginUrl) {
      body.loginUrl = loginUrl;
    }
    if (ui.clientSecret.value) {
      body.clientSecret = ui.clientSecret.value;
    }
    ui.authorize.disabled = true;
    try {
      const start = await api.connectOrg(body);
      ui.clientSecret.value = '';
      ui.authorize.textContent = `Opening ${domainOf(start.authorizeUrl)}…`;
      window.location.assign(start.authorizeUrl);
    } catch (error) {
      ui.authorize.disabled = false;
      if (onError(error)) {
        return;
      }
      const field = { invalid_org_name: ui.name, org_name_taken: ui.name, missing_client_id: ui.clientId }[error.code]
        ?? (/login/.test(error.code ?? '') ? ui.loginUrl : null);
      showFormError(error.message, field);
    }
  }

  // Back from the org: show how the sign-in ended, then drop the id from the address bar.
  async function finishSignIn(requestId) {
    window.history.replaceState(null, '', `${window.location.pathname}#integrations`);
    try {
      const outcome = await api.connectOutcome(requestId);
      if (outcome.status === 'connected' && outcome.org) {
        fillCard(outcome.org, outcome.reconnect ? 'Reconnected to Salesforce' : 'Connected to Salesforce');
        say(`${outcome.org.name} is connected.`);
        await onOrgsChanged();
      } else if (outcome.status === 'failed') {
        say(`The connection was not made: ${outcome.error?.message ?? 'unknown reason'}`, 'error');
      } else {
        say('The sign-in at Salesforce has not finished yet.');
      }
    } catch (error) {
      fail(error, 'The result of the sign-in could not be read.');
    }
  }

  ui.add.addEventListener('click', () => showForm(true));
  ui.cancel.addEventListener('click', () => showForm(false));
  ui.form.addEventListener('change', (event) => {
    if (event.target.name === 'environment' || event.target.name === 'login') {
      syncLoginFields();
    }
  });
  ui.form.addEventListener('submit', authorize);

  return {
    async show(returningRequestId) {
      ui.view.hidden = false;
      ui.authorize.disabled = false;
      ui.authorize.textContent = 'Authorize';
      if (returningRequestId) {
        await finishSignIn(returningRequestId);
      } else {
        say('');
        ui.card.hidden = true;
      }
      await load();
      ui.title.focus();
    },
    hide() {
      ui.view.hidden = true;
      showForm(false);
    },
  };
}
