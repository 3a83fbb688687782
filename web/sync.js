// The Sync page of one org (#sync/<org id>): which objects sync, field mappings, sync settings,
// and Sync Now with a live progress bar fed by the run's server-sent events. Admins change the
// settings; managers and admins start and stop syncs; everyone else reads. The server checks every
// role again. Server text goes in through textContent only.

import { atLeast, count, duration, el, fillOrgSelect, say } from './dom.js';
import { lastSyncText } from './integrations.js';

const $ = (id) => document.getElementById(id);

// The objects a newly connected org syncs (the product guide's defaults, which the server applies).
const DEFAULT_OBJECTS = new Set(
  ['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'Task', 'Event', 'Project__c', 'Invoice__c']
    .map((name) => name.toLowerCase()),
);

const POLICIES = [
  ['', 'Org setting'],
  ['salesforce-wins', 'Salesforce wins'],
  ['scopien-wins', 'Scopien wins'],
  ['manual-review', 'Manual review'],
];

const RUN_STATUS = { running: 'Running', succeeded: 'Succeeded', partial: 'Finished with errors', failed: 'Failed' };

export function createSyncPage({ api, onError, role, onOrgChosen }) {
  const ui = {
    view: $('sync-view'),
    title: $('sync-title'),
    org: $('sync-org'),
    message: $('sync-message'),
    announce: $('sync-announce'),
    syncNow: $('sync-now'),
    full: $('sync-full'),
    stop: $('sync-stop'),
    roleNote: $('sync-role-note'),
    progress: $('sync-progress'),
    bar: $('sync-progress-bar'),
    progressText: $('sync-progress-text'),
    progressObjects: $('sync-progress-objects'),
    eta: $('sync-eta'),
    objectsForm: $('objects-form'),
    objectGroups: $('object-groups'),
    saveObjects: $('save-objects'),
    mappingRows: $('mapping-rows'),
    mappingForm: $('mapping-form'),
    mappingObject: $('mapping-object'),
    mappingField: $('mapping-sf-field'),
    mappingFields: $('mapping-sf-fields'),
    mappingName: $('mapping-scopien-field'),
    mappingError: $('mapping-error'),
    settingsForm: $('settings-form'),
  };
  let orgId = null;
  let objects = [];
  let followed = null;

  function fail(error, context) {
    if (!onError(error)) {
      say(ui.message, context ? `${context} ${error.message}` : error.message, 'error');
    }
  }

  const isAdmin = () => atLeast(role(), 'admin');
  const labelOf = (name) => objects.find((o) => o.object === name)?.label ?? name;

  function applyRole() {
    const manager = atLeast(role(), 'manager');
    ui.syncNow.disabled = !manager;
    ui.full.disabled = !manager;
    ui.stop.disabled = !manager;
    for (const form of [ui.objectsForm, ui.mappingForm, ui.settingsForm]) {
      form.querySelectorAll('input, select, button').forEach((control) => {
        control.disabled = !isAdmin();
      });
    }
    const notes = [];
    if (!manager) {
      notes.push('Only managers and admins can start or stop a sync.');
    }
    if (!isAdmin()) {
      notes.push('Only admins can change objects, mappings and settings.');
    }
    say(ui.roleNote, notes.join(' '));
  }

  // ---- objects ----

  function objectRow(o) {
    const id = `object-${o.object}`;
    const row = el('li', { class: 'object-row', 'data-testid': 'object-row', 'data-object': o.object });
    const box = el('input', { type: 'checkbox', id, 'data-testid': id, 'data-object': o.object });
    box.checked = o.selected;
    const label = el('label', { for: id });
    label.append(el('span', { class: 'object-label' }, o.label ?? o.object));
    if (o.label && o.label !== o.object) {
      label.append(el('span', { class: 'muted' }, ` ${o.object}`));
    }
    if (DEFAULT_OBJECTS.has(o.object.toLowerCase())) {
      label.append(el('span', { class: 'tag', title: 'Selected by default' }, 'default'));
    }
    const stats = el('span', { class: 'object-stats', 'data-testid': 'object-stats' },
      `${count(o.localCount)} local · ${lastSyncText(o.lastSyncAt)}`);
    const policy = el('select', {
      'data-testid': `policy-${o.object}`,
      'data-object': o.object,
      'aria-label': `When ${o.label ?? o.object} records conflict`,
    });
    for (const [value, text] of POLICIES) {
      policy.append(el('option', { value }, text));
    }
    policy.value = o.conflictPolicy ?? '';
    row.append(box, label, stats, policy);
    return row;
  }

  function renderObjects() {
    const groups = [['Standard Objects', objects.filter((o) => !o.custom)], ['Custom Objects', objects.filter((o) => o.custom)]];
    ui.objectGroups.replaceChildren(...groups.filter(([, list]) => list.length > 0).map(([title, list]) => {
      const set = el('fieldset', { class: 'object-group' });
      set.append(el('legend', {}, title));
      const ul = el('ul', { class: 'object-list' });
      ul.append(...list.map(objectRow));
      set.append(ul);
      return set;
    }));
    ui.mappingObject.replaceChildren(...objects.filter((o) => o.selected)
      .map((o) => el('option', { value: o.object }, o.label ?? o.object)));
    fillFieldHints();
    applyRole();
  }

  function fillFieldHints() {
    const fields = objects.find((o) => o.object === ui.mappingObject.value)?.fields ?? [];
    ui.mappingFields.replaceChildren(...fields.map((f) => el('option', { value: f })));
  }

  async function loadObjects() {
    try {
      objects = await api.syncObjects(orgId);
      renderObjects();
    } catch (error) {
      fail(error, 'The objects could not be loaded.');
    }
  }

  async function saveObjects(event) {
    event.preventDefault();
    const selected = {};
    const policies = {};
    for (const o of objects) {
      const box = ui.objectGroups.querySelector(`input[data-object="${CSS.escape(o.object)}"]`);
      const policy = ui.objectGroups.querySelector(`select[data-object="${CSS.escape(o.object)}"]`);
      if (box && box.checked !== o.selected) {
        selected[o.object] = box.checked;
      }
      if (policy && policy.value !== (o.conflictPolicy ?? '')) {
        policies[o.object] = policy.value || null;
      }
    }
    if (Object.keys(selected).length === 0 && Object.keys(policies).length === 0) {
      say(ui.message, 'Nothing changed.');
      return;
    }
    ui.saveObjects.disabled = true;
    try {
      if (Object.keys(policies).length > 0) {
        await api.updateSyncSettings(orgId, { objectPolicies: policies });
      }
      if (Object.keys(selected).length > 0) {
        await api.selectObjects(orgId, selected);
      }
      const names = Object.entries(selected).map(([name, on]) => `${labelOf(name)} ${on ? 'selected' : 'not selected'}`);
      const overrides = Object.keys(policies).map((name) => `conflict policy of ${labelOf(name)} changed`);
      say(ui.message, `Saved: ${[...names, ...overrides].join(', ')}.`);
    } catch (error) {
      fail(error, 'The object selection was not saved.');
    } finally {
      await loadObjects();
    }
  }

  // ---- field mappings ----

  function mappingRow(m) {
    const attention = m.status === 'needs_attention';
    const tr = el('tr', { 'data-testid': 'mapping-row', class: attention ? 'needs-attention' : null });
    tr.append(el('td', {}, `${m.object}.${m.salesforceField}`));
    tr.append(el('td', { 'aria-hidden': 'true' }, '→'));
    tr.append(el('td', {}, m.scopienField));
    tr.append(el('td', {}, m.custom ? 'Custom' : 'Default'));
    tr.append(el('td', { 'data-testid': 'mapping-status' }, attention ? 'Needs attention' : 'Active'));
    const action = el('td');
    if (m.custom || attention) {
      const remove = el('button', {
        type: 'button',
        class: 'quiet-button',
        'data-testid': 'mapping-remove',
        'aria-label': `Remove mapping of ${m.object}.${m.salesforceField}`,
      }, 'Remove');
      remove.disabled = !isAdmin();
      remove.addEventListener('click', () => removeMapping(m, remove));
      action.append(remove);
    }
    tr.append(action);
    return tr;
  }

  async function loadMappings() {
    try {
      const mappings = await api.mappings(orgId);
      ui.mappingRows.replaceChildren(...mappings.map(mappingRow));
    } catch (error) {
      fail(error, 'The field mappings could not be loaded.');
    }
  }

  async function removeMapping(m, button) {
    button.disabled = true;
    try {
      await api.removeMapping(orgId, m.object, m.salesforceField);
      say(ui.message, `The mapping of ${m.object}.${m.salesforceField} was removed.`);
      await loadMappings();
    } catch (error) {
      button.disabled = false;
      fail(error, 'The mapping was not removed.');
    }
  }

  async function addMapping(event) {
    event.preventDefault();
    const body = {
      object: ui.mappingObject.value,
      salesforceField: ui.mappingField.value.trim(),
      scopienField: ui.mappingName.value.trim(),
    };
    const missing = !body.object ? ui.mappingObject : !body.salesforceField ? ui.mappingField : !body.scopienField ? ui.mappingName : null;
    if (missing) {
      say(ui.mappingError, 'Choose an object and give both the Salesforce field and the Scopien name.', 'error');
      missing.focus();
      return;
    }
    try {
      const added = await api.addMapping(orgId, body);
      say(ui.mappingError, '');
      ui.mappingField.value = '';
      ui.mappingName.value = '';
      say(ui.message, `${added.object}.${added.salesforceField} now shows as ${added.scopienField}.`);
      await loadMappings();
    } catch (error) {
      if (!onError(error)) {
        say(ui.mappingError, error.message, 'error');
        ui.mappingField.focus();
      }
    }
  }

  // ---- settings ----

  async function loadSettings() {
    try {
      const s = await api.syncSettings(orgId);
      const form = ui.settingsForm;
      form.querySelector(`input[name="frequency"][value="${CSS.escape(s.frequency)}"]`).checked = true;
      form.querySelector(`input[name="conflict"][value="${CSS.escape(s.conflictPolicy)}"]`).checked = true;
      form.elements.inbound.checked = s.inbound;
      form.elements.outbound.checked = s.outbound;
    } catch (error) {
      fail(error, 'The sync settings could not be loaded.');
    }
  }

  async function saveSettings(event) {
    event.preventDefault();
    const form = ui.settingsForm;
    const change = {
      frequency: form.querySelector('input[name="frequency"]:checked').value,
      inbound: form.elements.inbound.checked,
      outbound: form.elements.outbound.checked,
      conflictPolicy: form.querySelector('input[name="conflict"]:checked').value,
    };
    try {
      await api.updateSyncSettings(orgId, change);
      say(ui.message, 'Sync settings saved.');
    } catch (error) {
      fail(error, 'The sync settings were not saved.');
    }
    await loadSettings();
  }

  // ---- Sync Now and its progress ----

  function renderRun(run) {
    ui.progress.hidden = false;
    ui.progress.dataset.status = run.status;
    ui.progress.dataset.runId = run.id;
    // A finished run with nothing to read is complete, though its percent says 0.
    const nothingToDo = run.status === 'succeeded' && !run.progress?.total;
    const percent = nothingToDo ? 100 : run.progress?.percent ?? 0;
    ui.bar.value = percent;
    ui.bar.textContent = `${percent}%`;
    ui.progressText.textContent =
      `${percent}% (${count(run.progress?.done)} / ${count(run.progress?.total)} records) · ${RUN_STATUS[run.status] ?? run.status}`;
    ui.progressObjects.replaceChildren(...(run.objects ?? []).map((o) => el('li', { 'data-testid': 'progress-object', 'data-object': o.object },
      `${labelOf(o.object)}: ${count(o.done)} of ${count(o.total)}`
      + (run.status === 'running' ? '' : ` (${count(o.created)} created, ${count(o.updated)} updated, ${count(o.deleted)} deleted, ${count(o.failed)} failed)`))));
    if (run.status === 'running') {
      ui.eta.textContent = run.etaSeconds === null || run.etaSeconds === undefined
        ? 'Estimating the time left…'
        : `Estimated time left: ${duration(run.etaSeconds)}`;
    } else {
      const took = run.finishedAt && run.startedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : null;
      ui.eta.textContent = `${RUN_STATUS[run.status] ?? run.status} in ${duration(took)}${run.message ? `: ${run.message}` : ''}`;
    }
    ui.stop.hidden = run.status !== 'running';
    ui.syncNow.hidden = run.status === 'running';
  }

  async function follow(runId) {
    if (followed === runId) {
      return;
    }
    followed = runId;
    const forOrg = orgId;
    say(ui.announce, 'Sync started.');
    try {
      await api.followRun(runId, (name, run) => {
        if (name === 'progress' && followed === runId) {
          renderRun(run);
        }
      });
    } catch (error) {
      if (onError(error)) {
        return;
      }
      // The stream broke (a proxy, the network): read the run until it ends instead.
      await poll(runId);
    }
    if (followed !== runId) {
      return;
    }
    followed = null;
    try {
      const run = await api.syncRun(runId);
      renderRun(run);
      say(ui.announce, `Sync ${RUN_STATUS[run.status]?.toLowerCase() ?? run.status}.`);
    } catch (error) {
      fail(error, 'The run could not be read.');
    }
    if (forOrg === orgId) {
      await loadObjects();
    }
  }

  async function poll(runId) {
    for (;;) {
      const run = await api.syncRun(runId);
      if (followed !== runId) {
        return;
      }
      renderRun(run);
      if (run.status !== 'running') {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  async function syncNow() {
    ui.syncNow.disabled = true;
    say(ui.message, '');
    try {
      const { runId } = await api.startSync(orgId, ui.full.checked ? { full: true } : {});
      follow(runId);
    } catch (error) {
      fail(error, 'The sync did not start.');
    } finally {
      applyRole();
    }
  }

  async function stop() {
    const runId = ui.progress.dataset.runId;
    if (!runId) {
      return;
    }
    ui.stop.disabled = true;
    try {
      await api.stopSync(runId);
      say(ui.message, 'Stopping at the next page; a later sync resumes from there.');
    } catch (error) {
      fail(error, 'The sync could not be stopped.');
    } finally {
      applyRole();
    }
  }

  async function loadLatestRun() {
    ui.progress.hidden = true;
    ui.stop.hidden = true;
    ui.syncNow.hidden = false;
    try {
      const [latest] = await api.syncRuns(orgId, 1);
      if (latest) {
        renderRun(latest);
        if (latest.status === 'running') {
          follow(latest.id);
        }
      }
    } catch (error) {
      fail(error, 'The latest run could not be read.');
    }
  }

  ui.syncNow.addEventListener('click', syncNow);
  ui.stop.addEventListener('click', stop);
  ui.objectsForm.addEventListener('submit', saveObjects);
  ui.mappingForm.addEventListener('submit', addMapping);
  ui.mappingObject.addEventListener('change', fillFieldHints);
  ui.settingsForm.addEventListener('submit', saveSettings);
  ui.org.addEventListener('change', () => onOrgChosen(ui.org.value));

  return {
    async show(requestedOrg, orgs) {
      ui.view.hidden = false;
      followed = null;
      say(ui.message, '');
      orgId = fillOrgSelect(ui.org, orgs, requestedOrg);
      if (!orgId) {
        say(ui.message, 'No Salesforce org is connected yet.');
        return;
      }
      applyRole();
      await Promise.all([loadObjects(), loadMappings(), loadSettings()]);
      await loadLatestRun();
      ui.title.focus();
    },
    hide() {
      ui.view.hidden = true;
      followed = null;
    },
  };
}
