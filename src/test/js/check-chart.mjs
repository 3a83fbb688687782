// Checks web/chart.js in node (see BreakdownChartTest): which replies get a chart, the bars read
// from the table, and the SVG drawn, with a minimal stand-in for the browser's document.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const { breakdownData, barChart } = await import(path.join(here, '../../../web/chart.js'));

const reply =
  'From **Acme Production** (production, Acme Corporation), live: the number of open cases by priority, largest first: **6,305** in all.\n\n' +
  '| Priority | Cases |\n|---|---|\n| Medium | 2,102 |\n| High | 2,101 |\n| Low | 2,100 |\n| (none) | 2 |\n| **Total** | **6,305** |';
const grouped = [{ tool: 'aggregate_records', status: 'ok', arguments: { object: 'Case', function: 'count', groupBy: ['Priority'] } }];

const data = breakdownData(reply, grouped);
assert.equal(data.title, 'Cases');
assert.equal(data.groupTitle, 'Priority');
assert.deepEqual(data.bars.map((b) => [b.label, b.value, b.text]), [
  ['Medium', 2102, '2,102'],
  ['High', 2101, '2,101'],
  ['Low', 2100, '2,100'],
  ['(none)', 2, '2'],
]);

const twoFields =
  '| Stage | Lead Source | Opportunities | Total Amount |\n|---|---|---|---|\n' +
  '| Closed Won | Web | 10 | 1,500.50 |\n| Closed Won | Phone | 4 | 900 |\n| **Total** |  | **14** | **2,400.50** |';
const byTwo = breakdownData(twoFields, [{ tool: 'aggregate_records', status: 'ok', arguments: { groupBy: ['StageName', 'LeadSource'] } }]);
assert.deepEqual(byTwo.bars.map((b) => [b.label, b.value]), [['Closed Won · Web', 1500.5], ['Closed Won · Phone', 900]]);
assert.equal(byTwo.title, 'Total Amount');
assert.equal(byTwo.groupTitle, 'Stage and Lead Source');

assert.equal(breakdownData(reply, [{ tool: 'aggregate_records', status: 'ok', arguments: { function: 'count' } }]), null, 'no breakdown, no chart');
assert.equal(breakdownData(reply, [{ tool: 'query_records', status: 'ok', arguments: {} }]), null, 'a list gets no chart');
assert.equal(breakdownData(reply, [{ ...grouped[0], status: 'error' }]), null, 'a failed call gets no chart');
assert.equal(breakdownData('No table here.', grouped), null);
assert.equal(breakdownData('| Priority | Cases |\n|---|---|\n| High | many |\n| Low | 3 |', grouped), null, 'a value that is not a number');

// A document just big enough for barChart: elements with attributes, children and text.
class Node {
  constructor(tag) { this.tag = tag; this.attributes = {}; this.children = []; this.textContent = ''; }
  setAttribute(name, value) { this.attributes[name] = value; }
  append(...nodes) { this.children.push(...nodes); }
  all(tag) { return this.children.flatMap((c) => [...(c.tag === tag ? [c] : []), ...c.all(tag)]); }
}
globalThis.document = { createElement: (tag) => new Node(tag), createElementNS: (ns, tag) => new Node(tag) };

const figure = barChart(data);
assert.equal(figure.attributes['data-testid'], 'breakdown-chart');
const rects = figure.all('rect');
assert.equal(rects.length, 4);
assert.equal(Number(rects[0].attributes.width), 260, 'the largest bar is full width');
assert.ok(Number(rects[3].attributes.width) >= 1 && Number(rects[3].attributes.width) < 5);
assert.deepEqual(figure.all('text').map((t) => t.textContent), ['Medium', '2,102', 'High', '2,101', 'Low', '2,100', '(none)', '2']);
assert.equal(figure.all('figcaption')[0].textContent, 'Cases by Priority');
const chart = figure.all('svg')[0];
assert.equal(chart.attributes.role, 'img');
assert.match(chart.attributes['aria-label'], /^Bar chart of Cases by Priority, 4 bars/, 'the chart has an accessible name');
assert.ok(Number(chart.attributes.width) <= 360, 'narrow enough for a phone without shrinking its text much');
const labels = figure.all('text').filter((t) => t.attributes.class === 'chart-label');
assert.ok(labels.every((t, i) => Number(t.attributes.y) < Number(rects[i].attributes.y)), 'each label sits above its bar');
console.log('chart checks passed');
