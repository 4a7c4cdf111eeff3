// Overview (/): totals, items per store by stock level (chart), what needs attention across the
// stores, and the stores. Data: /api/overview and /api/stores, polled live.
import { BarChart } from './chart.js';
import { DataTable } from './data-table.js';
import { itemLink, keepTimesFresh, levelBadge, paths, setText, storeLink, timeElement } from './dom.js';
import { formatCount, plural, timeValue } from './format.js';
import { LEVEL_ORDER } from './table-model.js';
import { Live } from './live.js';

const byId = (id) => document.getElementById(id);

let storesByName = new Map();

const chart = new BarChart(byId('stores-chart'), {
  tooltip: (store) => {
    const s = storesByName.get(store);
    return s ? `Units: ${formatCount(s.units)}` : null;
  },
});

const attention = new DataTable({
  table: byId('attention'),
  columns: [
    { key: 'level', cell: (r) => levelBadge(r.level), sortValue: (r) => LEVEL_ORDER[r.level] ?? 9 },
    { key: 'store', cell: (r) => storeLink(r.store) },
    { key: 'item', cell: (r) => itemLink(r.item) },
    { key: 'count', numeric: true, cell: (r) => formatCount(r.count) },
    { key: 'updatedAt', cell: (r) => timeElement(r.updatedAt), sortValue: (r) => timeValue(r.updatedAt) },
  ],
  rowData: (r) => ({ store: r.store, item: r.item }),
  noun: ['item', 'items'],
  pageSize: 25,
  pager: byId('attention-pager'),
  hideSinglePager: true,
  levelFilter: byId('attention-level'),
  status: byId('attention-status'),
  emptyText: 'Nothing is out of stock or low on stock.',
});

const stores = new DataTable({
  table: byId('stores'),
  columns: [
    { key: 'store', header: true, cell: (r) => storeLink(r.store) },
    { key: 'items', numeric: true, cell: (r) => formatCount(r.items) },
    { key: 'outOfStock', numeric: true, cell: (r) => formatCount(r.outOfStock) },
    { key: 'lowStock', numeric: true, cell: (r) => formatCount(r.lowStock) },
    { key: 'units', numeric: true, cell: (r) => formatCount(r.units) },
    { key: 'updatedAt', cell: (r) => timeElement(r.updatedAt), sortValue: (r) => timeValue(r.updatedAt) },
  ],
  rowData: (r) => ({ store: r.store }),
  noun: ['store', 'stores'],
  pageSize: 100,
  pager: byId('stores-pager'),
  hideSinglePager: true,
  search: byId('store-search'),
  textOf: (r) => r.store,
  status: byId('stores-status'),
  emptyText: 'No inventory has been uploaded yet.',
  initial: { sort: 'store', direction: 'asc' },
});

function renderOverview(overview) {
  setText('total-stores', formatCount(overview.stores));
  setText('total-items', formatCount(overview.items));
  setText('total-out', formatCount(overview.outOfStock));
  setText('total-low', formatCount(overview.lowStock));
  setText('total-units', formatCount(overview.units));
  const rows = overview.attention ?? [];
  attention.setRows(rows);
  const note = byId('attention-note');
  const total = overview.attentionTotal ?? rows.length;
  note.hidden = total <= rows.length;
  note.textContent = total > rows.length
    ? `Showing the first ${formatCount(rows.length)} of ${plural(total, 'item')} that need attention, out of stock first.`
    : '';
}

/** Stores with the most out-of-stock, then low-stock items first: the ones to look at. */
function worstFirst(a, b) {
  return (b.outOfStock ?? 0) - (a.outOfStock ?? 0) || (b.lowStock ?? 0) - (a.lowStock ?? 0)
    || String(a.store).localeCompare(String(b.store));
}

function describe(list) {
  if (list.length === 0) {
    return 'Bar chart of items per store by stock level: no stores yet.';
  }
  const worst = list.slice(0, 3)
    .map((s) => `${s.store}: ${formatCount(s.outOfStock)} out of stock, ${formatCount(s.lowStock)} low`)
    .join('; ');
  return `Bar chart of items per store by stock level, ${plural(list.length, 'store')}, most out of stock first. `
    + `${worst}. The stores table below lists every figure.`;
}

function renderStores(list) {
  const rows = Array.isArray(list) ? list : [];
  storesByName = new Map(rows.map((s) => [s.store, s]));
  stores.setRows(rows);
  const sorted = [...rows].sort(worstFirst);
  chart.draw({
    categories: sorted.map((s) => s.store),
    series: [
      { name: 'Out of stock', level: 'OUT', values: sorted.map((s) => s.outOfStock ?? 0) },
      { name: 'Low', level: 'LOW', values: sorted.map((s) => s.lowStock ?? 0) },
      {
        name: 'In stock',
        level: 'OK',
        values: sorted.map((s) => Math.max(0, (s.items ?? 0) - (s.outOfStock ?? 0) - (s.lowStock ?? 0))),
      },
    ],
    // The items in stock would dwarf the few that need attention: they are one click away.
    hidden: ['In stock'],
    description: describe(sorted),
  });
  const more = sorted.length > 16
    ? ` ${plural(sorted.length, 'store')}: drag the slider beside the chart to see the others.` : '';
  byId('stores-chart-caption').textContent = 'Items out of stock and low per store, most out of stock first; '
    + `choose “In stock” in the legend to add the items in stock.${more}`;
}

keepTimesFresh();
new Live()
  .source(paths.api('overview'), renderOverview)
  .source(paths.api('stores'), renderStores)
  .start();
