// Item page (/items/{item}): the item in every store the user may see. Data: /api/items/{item},
// polled live.
import { DataTable } from './data-table.js';
import { keepTimesFresh, levelBadge, paths, setText, storeLink, timeElement } from './dom.js';
import { formatCount, plural, timeValue } from './format.js';
import { LEVEL_ORDER } from './table-model.js';
import { Live } from './live.js';

const byId = (id) => document.getElementById(id);
const item = document.querySelector('main').dataset.item;

const stores = new DataTable({
  table: byId('item-stores'),
  columns: [
    { key: 'store', header: true, cell: (r) => storeLink(r.store) },
    { key: 'count', numeric: true, cell: (r) => formatCount(r.count) },
    { key: 'level', cell: (r) => levelBadge(r.level), sortValue: (r) => LEVEL_ORDER[r.level] ?? 9 },
    { key: 'lowStock', numeric: true, cell: (r) => formatCount(r.lowStock) },
    { key: 'updatedAt', cell: (r) => timeElement(r.updatedAt), sortValue: (r) => timeValue(r.updatedAt) },
  ],
  rowData: (r) => ({ store: r.store }),
  noun: ['store', 'stores'],
  pageSize: 100,
  pager: byId('item-pager'),
  hideSinglePager: true,
  levelFilter: byId('item-level'),
  status: byId('item-status'),
  emptyText: 'No store you can see has this item.',
  initial: { sort: 'store', direction: 'asc' },
});

function render(list) {
  const rows = Array.isArray(list) ? list : [];
  stores.setRows(rows);
  const units = rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
  const out = rows.filter((r) => r.level === 'OUT').length;
  const low = rows.filter((r) => r.level === 'LOW').length;
  setText('item-store-count', formatCount(rows.length));
  setText('item-units', formatCount(units));
  setText('item-out', formatCount(out));
  setText('item-low', formatCount(low));
  setText('item-summary', rows.length === 0 ? 'No store you can see has this item.'
    : `In ${plural(rows.length, 'store')}: out of stock in ${formatCount(out)}, low in ${formatCount(low)}.`);
}

keepTimesFresh();
new Live().source(paths.api(`items/${encodeURIComponent(item)}`), render, () => render([])).start();
