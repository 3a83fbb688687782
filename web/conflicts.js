// Conflicts review (#conflicts/<org id>): records changed on both sides under manual review, each
// with a field-by-field diff (the value before either change, Salesforce's, Scopien's). The reviewer
// keeps one side per field and resolves. Guests read only; the server checks again. Record values
// go in through textContent only.

import { atLeast, el, fillOrgSelect, say, time, valueText } from './dom.js';

const $ = (id) => document.getElementById(id);

export function createConflictsPage({ api, onError, role, onOrgChosen }) {
  const ui = {
    view: $('conflicts-view'),
    title: $('conflicts-title'),
    org: $('conflicts-org'),
    message: $('conflicts-message'),
    list: $('conflict-list'),
    none: $('no-conflicts'),
  };
  let orgId = null;

  function fail(error, context) {
    if (!onError(error)) {
      say(ui.message, `${context} ${error.message}`, 'error');
    }
  }

  function valueCell(value) {
    const empty = value === null || value === undefined || value === '';
    return el('td', { class: empty ? 'muted' : null }, valueText(value));
  }

  function sideChoice(conflict, diff, side, label) {
    const name = `keep-${conflict.id}-${diff.field}`;
    const id = `${name}-${side}`;
    const cell = el('td', { class: 'choice' });
    const radio = el('input', {
      type: 'radio',
      name,
      id,
      value: side,
      'data-testid': `keep-${side}`,
      'data-field': diff.field,
      'aria-label': `Keep ${label}'s value of ${diff.field}`,
    });
    radio.disabled = !atLeast(role(), 'user');
    cell.append(radio);
    return cell;
  }

  function conflictItem(conflict) {
    const item = el('li', { class: 'card conflict', 'data-testid': 'conflict', 'data-conflict-id': conflict.id, 'data-record-id': conflict.recordId });
    const headingId = `conflict-${conflict.id}`;
    item.append(el('h2', { id: headingId }, `${conflict.object} ${conflict.recordId}`));
    item.append(el('p', { class: 'muted' }, `Changed in Salesforce and in Scopien; found ${time(conflict.detectedAt)}.`));
    const form = el('form', { 'aria-labelledby': headingId, novalidate: true });
    const table = el('table', { class: 'diff-table' });
    const caption = el('caption', { class: 'visually-hidden' }, `Fields of ${conflict.object} ${conflict.recordId} that differ`);
    table.append(caption);
    const head = el('tr');
    for (const title of ['Field', 'Before', 'Salesforce', 'Scopien', 'Keep Salesforce', 'Keep Scopien']) {
      head.append(el('th', { scope: 'col' }, title));
    }
    table.append(head);
    for (const diff of conflict.fields) {
      const tr = el('tr', { 'data-testid': 'conflict-field', 'data-field': diff.field });
      tr.append(el('th', { scope: 'row' }, diff.field));
      tr.append(valueCell(diff.base), valueCell(diff.salesforce), valueCell(diff.scopien));
      tr.append(sideChoice(conflict, diff, 'salesforce', 'Salesforce'), sideChoice(conflict, diff, 'scopien', 'Scopien'));
      table.append(tr);
    }
    const scroll = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': headingId });
    scroll.append(table);
    form.append(scroll);
    const error = el('p', { class: 'form-error', role: 'alert', 'data-testid': 'conflict-error', hidden: true });
    const resolve = el('button', { type: 'submit', class: 'primary-button', 'data-testid': 'resolve-button' }, 'Resolve');
    resolve.disabled = !atLeast(role(), 'user');
    const actions = el('div', { class: 'actions' });
    actions.append(resolve);
    form.append(error, actions);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit(conflict, form, error, resolve);
    });
    item.append(form);
    return item;
  }

  async function submit(conflict, form, error, button) {
    const fields = {};
    for (const diff of conflict.fields) {
      const chosen = form.querySelector(`input[data-field="${CSS.escape(diff.field)}"]:checked`);
      if (!chosen) {
        say(error, `Choose which value of ${diff.field} to keep.`, 'error');
        form.querySelector(`input[data-field="${CSS.escape(diff.field)}"]`).focus();
        return;
      }
      fields[diff.field] = chosen.value;
    }
    button.disabled = true;
    try {
      await api.resolveConflict(orgId, conflict.id, fields);
      const kept = Object.entries(fields).map(([field, side]) => `${field} from ${side === 'salesforce' ? 'Salesforce' : 'Scopien'}`);
      say(ui.message, `Resolved ${conflict.object} ${conflict.recordId}: kept ${kept.join(', ')}.`);
      await load();
      ui.title.focus();
    } catch (failure) {
      button.disabled = false;
      if (!onError(failure)) {
        say(error, failure.message, 'error');
      }
    }
  }

  async function load() {
    try {
      const conflicts = (await api.conflicts(orgId)).filter((c) => c.status === 'open');
      ui.list.replaceChildren(...conflicts.map(conflictItem));
      ui.none.hidden = conflicts.length > 0;
    } catch (error) {
      fail(error, 'The conflicts could not be loaded.');
    }
  }

  ui.org.addEventListener('change', () => onOrgChosen(ui.org.value));

  return {
    async show(requestedOrg, orgs) {
      ui.view.hidden = false;
      say(ui.message, '');
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
