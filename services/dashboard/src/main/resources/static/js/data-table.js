// A table rendered from rows: sortable headers (buttons inside th, aria-sort), optional search,
// level filter and pager. Only the current page's rows are in the DOM, so a 10,000-item store
// stays fast. The header cells come from the template (th[data-sort] > button).
import { h } from './dom.js';
import { formatCount } from './format.js';
import { TableModel } from './table-model.js';

export class DataTable {
  /**
   * @param options
   *   table       the <table>
   *   columns     [{key, cell: row => Node|string, numeric}]
   *   rowData     row => {name: value} written as data-* attributes of the row (e.g. {item})
   *   noun        [one, many] for counts ("item", "items")
   *   pageSize    rows per page (default 100)
   *   pager       the pager container ([data-role=prev|next|info] inside), optional
   *   hideSinglePager  hide the pager when everything fits on one page
   *   search      an <input> filtering by text, optional; textOf: row => searched text
   *   levelFilter a <select> with all/low/out, optional; levelOf: row => level
   *   status      an element announcing the number of matches (aria-live), optional
   *   emptyText   shown when there are no rows at all
   *   initial     initial query {search, level, sort, direction, page}
   *   onQueryChange query => void, after every change made by the user
   */
  constructor(options) {
    this.options = options;
    this.table = options.table;
    this.columns = options.columns;
    this.body = this.table.tBodies[0] ?? this.table.appendChild(document.createElement('tbody'));
    this.model = new TableModel({
      pageSize: options.pageSize ?? 100,
      textOf: options.textOf,
      levelOf: options.levelOf,
      sortValueOf: (row, key) => {
        const column = this.columns.find((c) => c.key === key);
        return column?.sortValue ? column.sortValue(row) : row[key];
      },
    });
    this.loaded = false;
    if (options.initial) {
      this.model.update(options.initial);
    }
    this.wireHeaders();
    this.wireControls();
  }

  wireHeaders() {
    for (const th of this.table.querySelectorAll('th[data-sort]')) {
      const button = th.querySelector('button');
      button?.addEventListener('click', () => {
        this.model.toggleSort(th.dataset.sort);
        this.changed();
      });
    }
  }

  wireControls() {
    const { search, levelFilter, pager } = this.options;
    if (search) {
      search.value = this.model.query.search ?? '';
      search.addEventListener('input', () => {
        this.model.update({ search: search.value });
        this.changed(true);
      });
    }
    if (levelFilter) {
      levelFilter.value = this.model.query.level ?? 'all';
      if (levelFilter.value !== this.model.query.level) {
        levelFilter.value = 'all';
        this.model.update({ level: 'all' });
      }
      levelFilter.addEventListener('change', () => {
        this.model.update({ level: levelFilter.value });
        this.changed(true);
      });
    }
    if (pager) {
      this.prev = pager.querySelector('[data-role="prev"]');
      this.next = pager.querySelector('[data-role="next"]');
      this.info = pager.querySelector('[data-role="info"]');
      this.prev?.addEventListener('click', () => this.turn(-1, this.prev, this.next));
      this.next?.addEventListener('click', () => this.turn(1, this.next, this.prev));
    }
  }

  turn(delta, button, other) {
    this.model.update({ page: this.model.query.page + delta });
    this.changed();
    // A button disabled at the first/last page would drop the keyboard focus.
    if (button.disabled && !other.disabled) {
      other.focus();
    }
  }

  changed(announce = false) {
    this.render(announce);
    this.options.onQueryChange?.({ ...this.model.query });
  }

  /** New data (a live update): the search, filter, sort and page stay. */
  setRows(rows) {
    this.loaded = true;
    this.model.setRows(rows);
    this.render(false);
  }

  render(announce) {
    const view = this.model.view();
    const focus = this.focusedCell();
    const fragment = document.createDocumentFragment();
    if (view.total === 0) {
      const text = !this.loaded ? 'Loading…'
        : view.all === 0 ? (this.options.emptyText ?? 'Nothing to show.') : 'Nothing matches the search or filter.';
      fragment.append(h('tr', { className: 'empty' },
        h('td', { text, attrs: { colspan: this.columns.length } })));
    }
    for (const row of view.rows) {
      const tr = h('tr', { dataset: this.options.rowData?.(row) });
      for (const column of this.columns) {
        const content = column.cell ? column.cell(row) : row[column.key];
        tr.append(h(column.header ? 'th' : 'td',
          { className: column.numeric ? 'num' : undefined, attrs: { scope: column.header ? 'row' : undefined } },
          content instanceof Node ? content : String(content ?? '–')));
      }
      fragment.append(tr);
    }
    this.body.replaceChildren(fragment);
    this.restoreFocus(focus);
    this.renderHeaders();
    this.renderPager(view);
    this.renderStatus(view, announce);
  }

  /**
   * "12 items of 10,000 match" (a polite live region). Written first after the reader's own
   * search or filter; from then on kept true when new data changes the numbers (a poll that
   * changes nothing leaves the text, so nothing is announced).
   */
  renderStatus(view, announce) {
    const status = this.options.status;
    if (!status || (!announce && !status.textContent)) {
      return;
    }
    const text = view.total === view.all
      ? `Showing all ${this.count(view.all)}`
      : `${this.count(view.total)} of ${formatCount(view.all)} match`;
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  count(n) {
    const [one, many] = this.options.noun ?? ['row', 'rows'];
    return `${formatCount(n)} ${n === 1 ? one : many}`;
  }

  renderHeaders() {
    const { sort, direction } = this.model.query;
    for (const th of this.table.querySelectorAll('th[data-sort]')) {
      if (th.dataset.sort === sort) {
        th.setAttribute('aria-sort', direction === 'desc' ? 'descending' : 'ascending');
      }
      else {
        th.removeAttribute('aria-sort');
      }
    }
  }

  renderPager(view) {
    const { pager, hideSinglePager } = this.options;
    if (!pager) {
      return;
    }
    pager.hidden = Boolean(hideSinglePager) && view.pages <= 1;
    if (this.prev) {
      this.prev.disabled = view.page <= 1;
    }
    if (this.next) {
      this.next.disabled = view.page >= view.pages;
    }
    if (this.info) {
      this.info.textContent = view.total === 0
        ? 'No rows'
        : `Page ${formatCount(view.page)} of ${formatCount(view.pages)} · ${formatCount(view.from)}–${formatCount(view.to)} of ${this.count(view.total)}`;
    }
  }

  /** Where the keyboard focus is inside the body, to put it back after a live re-render. */
  focusedCell() {
    const active = document.activeElement;
    if (!active || !this.body.contains(active)) {
      return null;
    }
    const tr = active.closest('tr');
    return { data: { ...tr.dataset }, cell: active.closest('td,th')?.cellIndex ?? 0 };
  }

  restoreFocus(focus) {
    if (!focus) {
      return;
    }
    const same = [...this.body.rows].find((tr) => Object.entries(focus.data).every(([k, v]) => tr.dataset[k] === v));
    const target = same?.cells[focus.cell]?.querySelector('a,button') ?? same?.querySelector('a,button');
    target?.focus();
  }
}
