// Small DOM and formatting helpers for the Sync, Monitoring and Conflicts pages. Text from the
// server, record values above all, goes in through textContent only; nothing is parsed as HTML.

export function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

// A definition list of [term, value, testId] rows.
export function facts(rows) {
  const dl = el('dl', { class: 'facts' });
  for (const [term, value, testId] of rows) {
    dl.append(el('dt', {}, term));
    dl.append(el('dd', { 'data-testid': testId }, value));
  }
  return dl;
}

const NUMBER = new Intl.NumberFormat('en-US');

export function count(n) {
  return n === null || n === undefined ? '–' : NUMBER.format(n);
}

// "45 seconds", "3 minutes", "1 h 5 min".
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) {
    return `${s} second${s === 1 ? '' : 's'}`;
  }
  const minutes = Math.round(s / 60);
  if (minutes < 90) {
    return `${minutes} minutes`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function time(iso) {
  if (!iso) {
    return '–';
  }
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? String(iso) : at.toLocaleString();
}

// "9 AM" for the hour starting at iso, in the browser's time zone.
export function hourOf(iso) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) {
    return String(iso);
  }
  const h = at.getHours();
  return `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? 'AM' : 'PM'}`;
}

// A record value as plain text: empty values are said, objects are shown as JSON.
export function valueText(value) {
  if (value === null || value === undefined || value === '') {
    return '(empty)';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Fills a <select> with the orgs and picks `selected` (or the first).
export function fillOrgSelect(select, orgs, selected) {
  select.replaceChildren(
    ...orgs.map((org) => el('option', { value: org.id }, `${org.name} (${org.environment})`)),
  );
  if (orgs.some((org) => org.id === selected)) {
    select.value = selected;
  }
  return select.value || null;
}

export const ROLE_RANK = { admin: 0, manager: 1, user: 2, guest: 3 };

// True when `role` is at least `minimum` (admin > manager > user > guest).
export function atLeast(role, minimum) {
  return (ROLE_RANK[role] ?? 99) <= ROLE_RANK[minimum];
}

// Shows text (or hides the line when empty) in a status line; kind "error" styles it as one.
export function say(node, text, kind = 'info') {
  node.hidden = !text;
  node.textContent = text ?? '';
  node.dataset.kind = kind;
}
