// Unit tests of the items table's filtering, sorting and paging: node --test services/dashboard/src/test/js
import assert from 'node:assert/strict';
import test from 'node:test';
import { TableModel, filterRows, paginate, sortRows, textKey } from '../../main/resources/static/js/table-model.js';

const rows = [
  { item: 'Echo Dot', count: 12, level: 'OK' },
  { item: 'Echo Show 10', count: 0, level: 'OUT' },
  { item: 'Echo Show 8', count: 2, level: 'LOW' },
  { item: 'Fire TV', count: null, level: 'UNKNOWN' },
  { item: 'Kindle', count: 3, level: 'LOW' },
];
const names = (list) => list.map((r) => r.item);

test('search matches a substring of the item, ignoring case', () => {
  assert.deepEqual(names(filterRows(rows, { search: 'SHOW' })), ['Echo Show 10', 'Echo Show 8']);
  assert.deepEqual(names(filterRows(rows, { search: '  dot ' })), ['Echo Dot']);
  assert.equal(filterRows(rows, { search: '' }), rows);
});

test('the level filter keeps low or out items', () => {
  assert.deepEqual(names(filterRows(rows, { level: 'low' })), ['Echo Show 8', 'Kindle']);
  assert.deepEqual(names(filterRows(rows, { level: 'out' })), ['Echo Show 10']);
  assert.deepEqual(names(filterRows(rows, { level: 'out', search: 'kindle' })), []);
  assert.equal(filterRows(rows, { level: 'all' }).length, 5);
});

test('sorting is numeric for counts and natural for names; missing values go last both ways', () => {
  assert.deepEqual(names(sortRows(rows, 'count', 'asc')), ['Echo Show 10', 'Echo Show 8', 'Kindle', 'Echo Dot', 'Fire TV']);
  assert.deepEqual(names(sortRows(rows, 'count', 'desc')), ['Echo Dot', 'Kindle', 'Echo Show 8', 'Echo Show 10', 'Fire TV']);
  assert.deepEqual(names(sortRows(rows, 'item', 'asc')).slice(1, 3), ['Echo Show 8', 'Echo Show 10']);
  assert.ok(textKey('a') < textKey('B'));
  assert.ok(textKey('Item 9') < textKey('item 10'));
});

test('pages hold 100 rows; a page past the end shows the last one', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({ item: `Item ${i}`, count: i % 50, level: 'OK' }));
  const first = paginate(many, 1, 100);
  assert.equal(first.rows.length, 100);
  assert.deepEqual([first.page, first.pages, first.from, first.to, first.total], [1, 100, 1, 100, 10_000]);
  const last = paginate(many, 250, 100);
  assert.deepEqual([last.page, last.from, last.to], [100, 9_901, 10_000]);
  assert.deepEqual(paginate([], 3, 100), { rows: [], page: 1, pages: 1, total: 0, from: 0, to: 0 });
});

test('the model keeps search, filter, sort and page across new data, and restarts at page 1 on a new query', () => {
  const model = new TableModel({ pageSize: 2 });
  model.setRows(rows);
  model.update({ sort: 'count', direction: 'asc' });
  model.update({ page: 2 });
  assert.deepEqual(names(model.view().rows), ['Kindle', 'Echo Dot']);
  model.setRows([...rows, { item: 'Echo Buds', count: 1, level: 'LOW' }]);
  const view = model.view();
  assert.equal(view.page, 2);
  assert.deepEqual(names(view.rows), ['Echo Show 8', 'Kindle']);
  model.update({ search: 'echo' });
  assert.equal(model.query.page, 1);
  model.toggleSort('count');
  assert.equal(model.query.direction, 'desc');
  model.toggleSort('item');
  assert.deepEqual([model.query.sort, model.query.direction], ['item', 'asc']);
});

test('10,000 rows filter and sort quickly', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({ item: `Item ${String(i).padStart(5, '0')}`, count: (i * 37) % 60, level: i % 9 ? 'OK' : 'LOW' }));
  const model = new TableModel();
  model.setRows(many);
  const start = performance.now();
  model.update({ search: '12', sort: 'count', direction: 'desc' });
  const view = model.view();
  const elapsed = performance.now() - start;
  assert.equal(view.rows.length, 100);
  assert.ok(elapsed < 200, `took ${elapsed} ms`);
});
