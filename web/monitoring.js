// The Monitoring page (#monitoring/<org id>): the org's sync health, every org's Salesforce API
// usage, the org's recent runs with their per-object counts, and its recent sync errors with the
// action taken and their status. Anyone signed in may read it. Server text goes in through
// textContent only.

import { count, duration, el, facts, fillOrgSelect, hourOf, say, time } from './dom.js';

const $ = (id) => document.getElementById(id);

const RUN_STATUS = { running: 'Running', succeeded: 'Succeeded', partial: 'Finished with errors', failed: 'Failed' };

export function createMonitoringPage({ api, onError, onOrgChosen }) {
  const ui = {
    view: $('monitoring-view'),
    title: $('monitoring-title'),
    org: $('monitoring-org'),
    refresh: $('monitoring-refresh'),
    message: $('monitoring-message'),
    healthTitle: $('health-title'),
    health: $('health-body'),
    usage: $('usage-list'),
    runs: $('runs-body'),
    errors: $('errors-list'),
    noErrors: $('no-errors'),
  };
  let orgId = null;
  let orgs = [];

  function fail(error, context) {
    if (!onError(error)) {
      say(ui.message, `${context} ${error.message}`, 'error');
    }
  }

  async function loadHealth() {
    try {
      const h = await api.syncHealth(orgId);
      ui.healthTitle.textContent = `Sync Health: ${h.rating}`;
      ui.health.dataset.rating = h.rating;
      const last = h.lastError ? `${h.lastError.message} (${h.lastError.status.toLowerCase()})` : 'None';
      ui.health.replaceChildren(facts([
        ['Success Rate', h.successRate === null || h.successRate === undefined ? '–' : `${h.successRate}%`, 'health-success-rate'],
        ['Avg Sync Time', duration(h.averageSyncSeconds), 'health-average-time'],
        ['Records/Hour', count(h.recordsPerHour), 'health-records-per-hour'],
        ['Errors (24h)', count(h.errors24h), 'health-errors-24h'],
        ['Last Error', last, 'health-last-error'],
        ['Last Run', h.lastRunAt ? `${time(h.lastRunAt)} (${RUN_STATUS[h.lastRunStatus] ?? h.lastRunStatus})` : 'No runs yet', 'health-last-run'],
      ]));
    } catch (error) {
      fail(error, 'Sync health could not be loaded.');
    }
  }

  function usageCard(org, u) {
    const item = el('li', { class: 'usage-card', 'data-testid': 'usage-card', 'data-org-id': org.id });
    const headingId = `usage-${org.id}`;
    item.append(el('h3', { id: headingId }, `${org.name} (${org.environment})`));
    if (!u) {
      item.append(el('p', { class: 'muted' }, 'Not available.'));
      return item;
    }
    const share = u.percent > 0 && u.percent < 1 ? '<1' : Math.round(u.percent);
    const peak = u.peakHour ? `${hourOf(u.peakHour.start)} - ${count(u.peakHour.calls)} calls` : 'No calls in the last 24 hours';
    item.append(facts([
      ['Daily Limit', u.dailyLimit ? count(u.dailyLimit) : 'Not reported yet', 'usage-daily-limit'],
      ['Used Today', `${count(u.usedToday)} (${share}%)`, 'usage-used-today'],
      ['Peak Hour', peak, 'usage-peak-hour'],
      ['Remaining', count(u.remaining), 'usage-remaining'],
    ]));
    const meter = el('meter', {
      min: 0,
      max: Math.max(1, u.dailyLimit),
      low: Math.round(u.dailyLimit * 0.5),
      high: Math.round(u.dailyLimit * 0.8),
      optimum: 0,
      value: u.usedToday,
      'aria-labelledby': headingId,
      'aria-valuetext': `${share}% of the daily limit used`,
      'data-testid': 'usage-meter',
    }, `${share}%`);
    item.append(meter);
    if (u.hours && u.hours.length > 0) {
      const details = el('details', { class: 'usage-hours' });
      details.append(el('summary', {}, 'Scopien\'s calls per hour'));
      const table = el('table');
      const head = el('tr');
      head.append(el('th', { scope: 'col' }, 'Hour'), el('th', { scope: 'col' }, 'Calls'));
      table.append(head);
      for (const hour of u.hours) {
        const tr = el('tr');
        tr.append(el('td', {}, `${time(hour.start)}`), el('td', {}, count(hour.calls)));
        table.append(tr);
      }
      details.append(table);
      item.append(details);
    }
    return item;
  }

  async function loadUsage() {
    const cards = await Promise.all(orgs.map(async (org) => {
      try {
        return usageCard(org, await api.usage(org.id));
      } catch (error) {
        fail(error, `The API usage of ${org.name} could not be loaded.`);
        return usageCard(org, null);
      }
    }));
    ui.usage.replaceChildren(...cards);
  }

  function runItem(run) {
    const item = el('li', { class: 'run-item', 'data-testid': 'run-item', 'data-run-id': run.id, 'data-status': run.status });
    const took = run.finishedAt ? duration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000) : 'still running';
    item.append(el('h3', {}, `${time(run.startedAt)} · ${RUN_STATUS[run.status] ?? run.status}`));
    item.append(el('p', { class: 'muted' },
      `${run.trigger === 'manual' ? 'Sync Now' : 'Scheduled'}${run.full ? ', full' : ''} · ${took} · ${count(run.apiCalls)} API calls`
      + (run.message ? ` · ${run.message}` : '')));
    const table = el('table', { class: 'run-table' });
    const head = el('tr');
    for (const title of ['Object', 'Created', 'Updated', 'Deleted', 'Failed']) {
      head.append(el('th', { scope: 'col' }, title));
    }
    table.append(head);
    for (const o of run.objects ?? []) {
      const tr = el('tr', { 'data-testid': 'run-object', 'data-object': o.object });
      tr.append(el('th', { scope: 'row' }, o.object));
      for (const n of [o.created, o.updated, o.deleted, o.failed]) {
        tr.append(el('td', { class: 'number' }, count(n)));
      }
      table.append(tr);
    }
    const scroll = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Objects of the run started ${time(run.startedAt)}` });
    scroll.append(table);
    item.append(scroll);
    return item;
  }

  async function loadRuns() {
    try {
      const runs = await api.syncRuns(orgId, 10);
      ui.runs.replaceChildren(...(runs.length ? runs.map(runItem) : [el('li', { class: 'muted' }, 'No runs yet.')]));
    } catch (error) {
      fail(error, 'The recent runs could not be loaded.');
    }
  }

  function errorItem(e) {
    const item = el('li', { class: 'error-item', 'data-testid': 'error-item', 'data-status': e.status });
    const where = [e.object, e.recordId].filter(Boolean).join(' ');
    item.append(el('p', { class: 'error-line' }, `${time(e.at)} - ${e.message}${where ? ` (${where})` : ''}`
      + (e.occurrences > 1 ? ` · ${e.occurrences} times` : '')));
    item.append(el('p', { 'data-testid': 'error-action' }, `Action: ${e.action ?? '–'}`));
    item.append(el('p', { 'data-testid': 'error-status', class: 'error-status', 'data-status': e.status }, `Status: ${e.status}`));
    return item;
  }

  async function loadErrors() {
    try {
      const errors = await api.syncErrors(orgId);
      ui.errors.replaceChildren(...errors.map(errorItem));
      ui.noErrors.hidden = errors.length > 0;
    } catch (error) {
      fail(error, 'The sync errors could not be loaded.');
    }
  }

  async function load() {
    say(ui.message, '');
    await Promise.all([loadHealth(), loadUsage(), loadRuns(), loadErrors()]);
  }

  ui.refresh.addEventListener('click', () => load());
  ui.org.addEventListener('change', () => onOrgChosen(ui.org.value));

  return {
    async show(requestedOrg, allOrgs) {
      ui.view.hidden = false;
      orgs = allOrgs;
      orgId = fillOrgSelect(ui.org, orgs, requestedOrg);
      if (!orgId) {
        say(ui.message, 'No Salesforce org is connected yet.');
        return;
      }
      await load();
      ui.title.focus();
    },
    hide() {
      ui.view.hidden = true;
    },
  };
}
