// A bar chart under a breakdown: when a reply's aggregate_records call grouped its totals, the
// reply's table holds one row per group and a last row with the grand total. The chart is drawn
// from that table as plain SVG built with createElementNS and textContent; no library, no markup.

import { parseBlocks } from './markdown.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_BARS = 25;
// Each group takes two lines, its label above its bar, so the chart is narrow enough for a phone
// (a 350-unit viewBox in a ~320 px message keeps its 12 px text at about 11 px) and long labels
// need no column of their own.
const ROW = 38;
const LABEL_LINE = 15;
const BAR_HEIGHT = 15;
const BAR_WIDTH = 260;
const VALUE_WIDTH = 90;
const MAX_LABEL = 52;

function spanText(spans) {
  return spans.map((s) => (s.type === 'strong' ? spanText(s.children) : String(s.text ?? ''))).join('');
}

function isStrong(cell) {
  return cell.length === 1 && cell[0].type === 'strong';
}

function parseNumber(text) {
  const clean = text.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : null;
}

// The groups of a breakdown reply as [{label, value, text}], or null when the reply is not one:
// the last successful aggregate_records call must have groupBy fields, and the last table of the
// text must have a number in its last column for every group row (the bold total row is left out).
export function breakdownData(text, toolCalls) {
  const calls = (toolCalls ?? []).filter((c) => c.tool === 'aggregate_records' && c.status === 'ok');
  const call = calls[calls.length - 1];
  const groupBy = call?.arguments?.groupBy;
  const groups = Array.isArray(groupBy) ? groupBy.length : typeof groupBy === 'string' ? 1 : 0;
  if (groups === 0) {
    return null;
  }
  const tables = parseBlocks(text).filter((b) => b.type === 'table');
  const table = tables[tables.length - 1];
  if (!table || table.header.length < groups + 1) {
    return null;
  }
  const bars = [];
  for (const row of table.rows) {
    if (isStrong(row[0])) {
      continue;
    }
    const valueText = spanText(row[row.length - 1]).trim();
    const value = parseNumber(valueText);
    if (value === null) {
      return null;
    }
    const label = row.slice(0, groups).map((cell) => spanText(cell).trim()).join(' · ');
    bars.push({ label, value, text: valueText });
  }
  if (bars.length < 2) {
    return null;
  }
  return {
    title: spanText(table.header[table.header.length - 1]),
    groupTitle: table.header.slice(0, groups).map((cell) => spanText(cell).trim()).join(' and '),
    bars: bars.slice(0, MAX_BARS),
  };
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function shorten(label) {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

// The chart for breakdownData's result: one horizontal bar per group under its label, scaled to
// the largest value. The SVG is named for screen readers; the reply's table above it holds the
// same numbers.
export function barChart(data) {
  const figure = document.createElement('figure');
  figure.className = 'breakdown-chart';
  figure.setAttribute('data-testid', 'breakdown-chart');
  const width = BAR_WIDTH + VALUE_WIDTH;
  const height = data.bars.length * ROW + 2;
  const by = data.groupTitle ? ` by ${data.groupTitle}` : '';
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': `Bar chart of ${data.title}${by}, ${data.bars.length} bars; the table above has the values`,
  });
  const largest = Math.max(...data.bars.map((b) => Math.abs(b.value)), 1);
  data.bars.forEach((bar, i) => {
    const y = i * ROW + 2;
    const group = svg('g', { 'data-testid': 'chart-bar' });
    const label = svg('text', { x: 0, y: y + LABEL_LINE - 3, class: 'chart-label' }, shorten(bar.label));
    label.append(svg('title', {}, bar.label));
    const length = Math.max(1, Math.round((Math.abs(bar.value) / largest) * BAR_WIDTH));
    const barTop = y + LABEL_LINE + 1;
    const rect = svg('rect', { x: 0, y: barTop, width: length, height: BAR_HEIGHT, rx: 3, class: 'chart-bar' });
    rect.append(svg('title', {}, `${bar.label}: ${bar.text}`));
    const value = svg('text', { x: length + 6, y: barTop + BAR_HEIGHT - 3, class: 'chart-value' }, bar.text);
    group.append(label, rect, value);
    chart.append(group);
  });
  const caption = document.createElement('figcaption');
  caption.textContent = `${data.title}${by}`;
  figure.append(chart, caption);
  return figure;
}
