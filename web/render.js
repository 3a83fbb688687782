// Builds the chat's DOM from server data. Every piece of text, from the assistant or from a
// record, goes in through textContent or a checked attribute; nothing is ever parsed as HTML.

import { parseBlocks } from './markdown.js';
import { barChart, breakdownData } from './chart.js';

const STATUS_TEXT = {
  running: 'running…',
  ok: 'done',
  error: 'failed',
  needs_confirmation: 'waiting for your confirmation',
};

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

function appendInline(parent, spans) {
  for (const span of spans) {
    if (span.type === 'strong') {
      const strong = el('strong');
      appendInline(strong, span.children);
      parent.append(strong);
    } else if (span.type === 'code') {
      parent.append(el('code', {}, span.text));
    } else if (span.type === 'link') {
      parent.append(el('a', { href: span.href, target: '_blank', rel: 'noopener noreferrer' }, span.text));
    } else {
      parent.append(document.createTextNode(span.text));
    }
  }
}

function table(block) {
  const wrapper = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table' });
  const tableEl = el('table', { 'data-testid': 'reply-table' });
  const headRow = el('tr');
  block.header.forEach((cell, i) => {
    const th = el('th', { scope: 'col', class: block.align[i] ? `align-${block.align[i]}` : null });
    appendInline(th, cell);
    headRow.append(th);
  });
  const head = el('thead');
  head.append(headRow);
  tableEl.append(head);
  const body = el('tbody');
  for (const row of block.rows) {
    const tr = el('tr');
    row.forEach((cell, i) => {
      const td = el('td', { class: block.align[i] ? `align-${block.align[i]}` : null });
      appendInline(td, cell);
      tr.append(td);
    });
    body.append(tr);
  }
  tableEl.append(body);
  wrapper.append(tableEl);
  return wrapper;
}

// The reply text as a fragment of paragraphs, lists, code blocks and tables.
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  for (const block of parseBlocks(text)) {
    if (block.type === 'paragraph') {
      const p = el('p');
      block.lines.forEach((line, i) => {
        if (i > 0) {
          p.append(el('br'));
        }
        appendInline(p, line);
      });
      fragment.append(p);
    } else if (block.type === 'heading') {
      const p = el('p', { class: 'reply-heading' });
      const strong = el('strong');
      appendInline(strong, block.inline);
      p.append(strong);
      fragment.append(p);
    } else if (block.type === 'list') {
      const list = el(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = el('li');
        appendInline(li, item);
        list.append(li);
      }
      fragment.append(list);
    } else if (block.type === 'code') {
      const pre = el('pre');
      pre.append(el('code', {}, block.text));
      fragment.append(pre);
    } else if (block.type === 'table') {
      fragment.append(table(block));
    }
  }
  return fragment;
}

function describeArguments(args) {
  if (!args || typeof args !== 'object') {
    return '';
  }
  const text = Object.entries(args)
    .map(([name, value]) => `${name}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function toolCallItem(call) {
  const status = String(call.status ?? '');
  const item = el('li', {
    class: `tool-call status-${status.replace(/[^a-z_]/g, '')}`,
    'data-testid': 'tool-call',
    'data-tool': call.tool,
    'data-status': status,
  });
  item.append(el('span', { class: 'tool-name' }, String(call.tool ?? '')));
  item.append(el('span', { class: 'tool-status' }, STATUS_TEXT[status] ?? status));
  const args = describeArguments(call.arguments);
  if (args) {
    item.append(el('span', { class: 'tool-args', title: JSON.stringify(call.arguments) }, args));
  }
  return item;
}

function toolCallList(toolCalls) {
  const list = el('ul', { class: 'tool-calls', 'aria-label': 'Tools used', 'data-testid': 'tool-calls' });
  for (const call of toolCalls) {
    list.append(toolCallItem(call));
  }
  return list;
}

// A reply being written: tool calls appear as they start and settle as they end, and the text grows
// as it streams in (plain text; the finished reply replaces this item, rendered from Markdown).
export function liveReply() {
  const item = el('li', {
    class: 'message message-assistant message-live',
    'data-testid': 'live-reply',
    'data-role': 'assistant',
    'aria-busy': 'true',
  });
  item.append(el('p', { class: 'author' }, 'Scopien'));
  const tools = el('ul', { class: 'tool-calls', 'aria-label': 'Tools in use', 'data-testid': 'tool-activity' });
  const text = el('p', { class: 'streaming-text', 'data-testid': 'streaming-text' });
  const body = el('div', { class: 'message-body' });
  body.append(text);
  item.append(tools, body);
  const running = [];
  return {
    item,
    tool(call) {
      const shown = toolCallItem(call);
      if (call.status === 'running') {
        tools.append(shown);
        running.push(shown);
        return;
      }
      const started = running.shift();
      if (started) {
        started.replaceWith(shown);
      } else {
        tools.append(shown);
      }
    },
    delta(piece) {
      text.textContent += String(piece ?? '');
    },
  };
}

// A confirm/cancel pair for the writes of one reply that wait for confirmation, all together
// (count > 1 says so on the buttons); handlers come from app.js.
export function confirmationActions({ onConfirm, onCancel, count = 1 }) {
  const actions = el('div', { class: 'actions', role: 'group', 'aria-label': count > 1 ? `${count} pending changes` : 'Pending change', 'data-testid': 'confirmation' });
  const confirm = el('button', { type: 'button', class: 'primary-button', 'data-testid': 'confirm-button' }, count > 1 ? `Confirm all ${count}` : 'Confirm');
  const cancel = el('button', { type: 'button', class: 'secondary-button', 'data-testid': 'cancel-button' }, count > 1 ? `Cancel all ${count}` : 'Cancel');
  confirm.addEventListener('click', () => onConfirm(actions));
  cancel.addEventListener('click', () => onCancel(actions));
  actions.append(confirm, cancel);
  return actions;
}

// Replaces a confirm/cancel pair with a line saying how it ended.
export function settleActions(actions, text) {
  actions.replaceChildren(el('p', { class: 'settled', 'data-testid': 'confirmation-outcome' }, text));
}

export function needsConfirmation(entry) {
  return pendingCount(entry) > 0;
}

// How many writes of a reply wait for confirmation (they are confirmed or cancelled together).
export function pendingCount(entry) {
  return entry.role === 'assistant' ? (entry.toolCalls ?? []).filter((c) => c.status === 'needs_confirmation').length : 0;
}

// One transcript entry as a list item: {role: user|assistant|note|error, text, toolCalls?, org?}.
export function messageItem(entry) {
  const role = ['user', 'assistant', 'note', 'error'].includes(entry.role) ? entry.role : 'note';
  const item = el('li', { class: `message message-${role}`, 'data-testid': 'message', 'data-role': role });
  const author = { user: 'You', assistant: 'Scopien', note: 'Scopien', error: 'Problem' }[role];
  item.append(el('p', { class: 'author' }, author));
  const body = el('div', { class: 'message-body' });
  if (role === 'assistant') {
    body.append(renderMarkdown(entry.text));
    const breakdown = breakdownData(entry.text, entry.toolCalls);
    if (breakdown) {
      body.append(barChart(breakdown));
    }
  } else {
    body.append(el('p', {}, String(entry.text ?? '')));
  }
  item.append(body);
  if (role === 'assistant' && entry.org) {
    item.append(el('p', { class: 'message-org', 'data-environment': entry.org.environment },
      `${entry.org.name} · ${entry.org.environment}`));
  }
  if (role === 'assistant' && Array.isArray(entry.toolCalls) && entry.toolCalls.length > 0) {
    item.append(toolCallList(entry.toolCalls));
  }
  return item;
}

// Fills the header badge with the org a conversation works in; colour comes from data-environment.
export function fillOrgBadge(badge, org) {
  badge.replaceChildren();
  if (!org) {
    badge.dataset.environment = '';
    badge.textContent = 'No org yet';
    return;
  }
  badge.dataset.environment = ['production', 'sandbox'].includes(org.environment) ? org.environment : '';
  badge.dataset.orgId = org.id;
  badge.append(el('span', { class: 'visually-hidden' }, 'Active org: '));
  badge.append(el('span', { class: 'org-name' }, org.name));
  badge.append(el('span', { class: 'org-environment' }, org.environment));
}
