// Store page (/stores/{store}): summary, last upload, a chart of the items with the lowest counts,
// and the items table (search, level filter, sort, 100 rows a page). Data: /api/stores/{store}
// and /api/stores/{store}/items, polled live. The table's query is kept in the address (?q=&level=
// &sort=&dir=&page=) so a reload or a shared link shows the same rows.
import { BarChart } from './chart.js';
import { DataTable } from './data-table.js';
import { h, itemLink, keepTimesFresh, levelBadge, link, paths, replaceChildren, setText, showPageError, statusBadge,
  timeElement } from './dom.js';
import { formatCount, plural, timeValue } from './format.js';
import { LEVEL_ORDER } from './table-model.js';
import { Live } from './live.js';

const CHART_ITEMS = 50;
const byId = (id) => document.getElementById(id);
const store = document.querySelector('main').dataset.store;
const storePath = encodeURIComponent(store);

function initialQuery() {
  const params = new URLSearchParams(window.location.search);
  // The API lists the items by name: the table starts that way.
  const query = { sort: 'item', direction: 'asc' };
  if (params.has('q')) {
    query.search = params.get('q');
  }
  if (['all', 'low', 'out'].includes(params.get('level'))) {
    query.level = params.get('level');
  }
  if (['item', 'count', 'level', 'lowStock', 'updatedAt'].includes(params.get('sort'))) {
    query.sort = params.get('sort');
    query.direction = params.get('dir') === 'desc' ? 'desc' : 'asc';
  }
  if (params.has('page')) {
    query.page = Number(params.get('page')) || 1;
  }
  return query;
}

function rememberQuery(query) {
  const params = new URLSearchParams();
  if (query.search) {
    params.set('q', query.search);
  }
  if (query.level && query.level !== 'all') {
    params.set('level', query.level);
  }
  if (query.sort && !(query.sort === 'item' && query.direction === 'asc')) {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  if (query.page > 1) {
    params.set('page', String(query.page));
  }
  const search = params.toString();
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

const items = new DataTable({
  table: byId('items'),
  columns: [
    { key: 'item', header: true, cell: (r) => itemLink(r.item) },
    { key: 'count', numeric: true, cell: (r) => formatCount(r.count) },
    { key: 'level', cell: (r) => levelBadge(r.level), sortValue: (r) => LEVEL_ORDER[r.level] ?? 9 },
    { key: 'lowStock', numeric: true, cell: (r) => formatCount(r.lowStock) },
    { key: 'updatedAt', cell: (r) => timeElement(r.updatedAt), sortValue: (r) => timeValue(r.updatedAt) },
  ],
  rowData: (r) => ({ item: r.item }),
  noun: ['item', 'items'],
  pageSize: 100,
  pager: byId('pager'),
  search: byId('search'),
  levelFilter: byId('level-filter'),
  status: byId('items-status'),
  emptyText: 'No inventory for this store yet.',
  initial: initialQuery(),
  onQueryChange: rememberQuery,
});

const chart = new BarChart(byId('items-chart'));

function renderSummary(summary) {
  setText('store-items', formatCount(summary.items));
  setText('store-out', formatCount(summary.outOfStock));
  setText('store-low', formatCount(summary.lowStock));
  setText('store-units', formatCount(summary.units));
  replaceChildren(byId('store-updated'), timeElement(summary.updatedAt));
  const upload = summary.lastUpload;
  const target = byId('last-upload');
  if (!upload) {
    replaceChildren(target, h('span', { className: 'muted', text: 'No upload recorded for this store.' }));
    return;
  }
  const when = upload.finishedAt ?? upload.receivedAt;
  replaceChildren(target,
    upload.id ? link(paths.upload(upload.id), upload.key ?? upload.id) : h('span', { text: upload.key ?? '–' }),
    ' ', statusBadge(upload.status), ' ',
    h('span', { className: 'muted' }, upload.finishedAt ? 'finished ' : 'received ', timeElement(when)));
}

/**
 * The chart draws the items in stock with the lowest counts (the next to run out) against their
 * thresholds; out-of-stock items would be bars of length 0, so the caption counts them instead.
 */
function renderItems(list) {
  const rows = Array.isArray(list) ? list : [];
  items.setRows(rows);
  const inStock = rows.filter((r) => r.count !== null && r.count !== undefined && r.count > 0);
  const out = rows.filter((r) => r.level === 'OUT').length;
  const lowest = [...inStock]
    .sort((a, b) => a.count - b.count || String(a.item).localeCompare(String(b.item)))
    .slice(0, CHART_ITEMS);
  const level = (wanted) => lowest.map((r) => (r.level === wanted ? r.count : null));
  chart.draw({
    categories: lowest.map((r) => r.item),
    series: [
      { name: 'Low', level: 'LOW', values: level('LOW') },
      { name: 'In stock', level: 'OK', values: level('OK') },
    ],
    markers: lowest.some((r) => r.lowStock !== null && r.lowStock !== undefined)
      ? { name: 'Low-stock threshold', values: lowest.map((r) => r.lowStock ?? null) }
      : undefined,
    labels: true,
    description: describe(lowest, inStock.length, out),
  });
  const drawn = inStock.length > CHART_ITEMS
    ? `The ${CHART_ITEMS} lowest counts of the ${plural(inStock.length, 'item')} in stock, lowest first.`
    : `The ${plural(inStock.length, 'item')} in stock, lowest count first.`;
  const missing = out > 0
    ? ` Not drawn: ${plural(out, 'item')} out of stock (choose “Out of stock” under Stock level below).` : '';
  setText('items-chart-caption', `${drawn}${missing}`);
}

function describe(lowest, inStock, out) {
  const outText = out > 0 ? ` ${plural(out, 'item')} out of stock are not drawn.` : '';
  if (lowest.length === 0) {
    return `Bar chart of item counts: no item in stock.${outText}`;
  }
  const first = lowest.slice(0, 5).map((r) => `${r.item} ${formatCount(r.count)}`).join(', ');
  return `Bar chart of the ${formatCount(lowest.length)} lowest counts of ${plural(inStock, 'item')} in stock: `
    + `${first}${lowest.length > 5 ? ', …' : ''}.${outText} The items table below lists every item.`;
}

function notFound() {
  setText('store-items', '0');
  setText('store-out', '0');
  setText('store-low', '0');
  setText('store-units', '0');
  renderItems([]);
  replaceChildren(byId('last-upload'), h('span', { className: 'muted', text: 'No upload recorded for this store.' }));
  showPageError(null);
}

keepTimesFresh();
new Live()
  .source(paths.api(`stores/${storePath}`), renderSummary, notFound)
  .source(paths.api(`stores/${storePath}/items`), renderItems, notFound)
  .start();
