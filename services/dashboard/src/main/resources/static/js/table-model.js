// Filtering, sorting and paging of table rows (no DOM), unit-tested with `node --test`.
// A store can hold 10,000 items: the page renders only the rows of the current page, and the
// filtered + sorted list is cached until the rows or the query change.

/** Order of stock levels when sorting by level: the ones needing attention first. */
export const LEVEL_ORDER = { OUT: 0, LOW: 1, OK: 2, UNKNOWN: 3 };

/** Level filter values of the select #level-filter. */
export const LEVEL_FILTERS = {
  all: () => true,
  low: (level) => level === 'LOW',
  out: (level) => level === 'OUT',
};

/**
 * Rows whose text contains the search (case-insensitive) and whose level passes the filter.
 * @param rows the rows
 * @param query {search, level}
 * @param textOf the searched text of a row (default: row.item)
 * @param levelOf the level of a row (default: row.level)
 */
export function filterRows(rows, query, textOf = (row) => row.item, levelOf = (row) => row.level) {
  const search = (query.search ?? '').trim().toLowerCase();
  const levelOk = LEVEL_FILTERS[query.level] ?? LEVEL_FILTERS.all;
  if (!search && levelOk === LEVEL_FILTERS.all) {
    return rows;
  }
  return rows.filter((row) => levelOk(levelOf(row)) && (!search || String(textOf(row) ?? '').toLowerCase().includes(search)));
}

/**
 * The key text sorts by: lower case, digit runs padded so that "Item 9" comes before "Item 10".
 * Comparing these keys with < is several times faster than a collator on 10,000 rows.
 */
export function textKey(value) {
  return String(value).toLowerCase().replace(/\d+/g, (digits) => digits.padStart(16, '0'));
}

/**
 * A sorted copy of the rows (stable: ties keep their order). Numbers sort numerically, text
 * naturally and case-insensitively; missing values go last in both directions.
 * @param valueOf (row, key) => the sort value of the row's column
 */
export function sortRows(rows, key, direction, valueOf = (row, k) => row[k]) {
  if (!key) {
    return rows;
  }
  const sign = direction === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => {
    const value = valueOf(row, key);
    const missing = value === null || value === undefined || value === '';
    return [missing ? null : typeof value === 'number' ? value : textKey(value), row];
  });
  keyed.sort(([a], [b]) => {
    if (a === null || b === null) {
      return a === b ? 0 : a === null ? 1 : -1;
    }
    return sign * (a < b ? -1 : a > b ? 1 : 0);
  });
  return keyed.map(([, row]) => row);
}

/**
 * One page of rows. Pages count from 1; a page past the end is clamped to the last page
 * (rows disappear on a live update), a page before the start to the first.
 * @returns {rows, page, pages, total, from, to} (from/to 1-based and inclusive; 0 when empty)
 */
export function paginate(rows, page, pageSize) {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(Number(page) || 1)), pages);
  const start = (current - 1) * pageSize;
  const slice = rows.slice(start, start + pageSize);
  return {
    rows: slice,
    page: current,
    pages,
    total,
    from: total === 0 ? 0 : start + 1,
    to: start + slice.length,
  };
}

/**
 * The rows of a table as shown: sorted, filtered and paged. The sorted list is kept until the rows
 * or the sort change, the filtered one until the search or level change too; paging only slices.
 */
export class TableModel {
  /**
   * @param options {pageSize, textOf, levelOf, sortValueOf}
   */
  constructor(options = {}) {
    this.pageSize = options.pageSize ?? 100;
    this.textOf = options.textOf ?? ((row) => row.item);
    this.levelOf = options.levelOf ?? ((row) => row.level);
    this.sortValueOf = options.sortValueOf ?? ((row, key) => row[key]);
    this.rows = [];
    this.query = { search: '', level: 'all', sort: null, direction: 'asc', page: 1 };
    // Sorted once per data or sort change; searching filters the sorted list (order is kept).
    this.sorted = null;
    this.filtered = null;
  }

  setRows(rows) {
    this.rows = Array.isArray(rows) ? rows : [];
    this.sorted = null;
    this.filtered = null;
  }

  /** Changes the query; a new search, filter or sort goes back to page 1 unless a page is given. */
  update(change) {
    const next = { ...this.query, ...change };
    const resorted = next.sort !== this.query.sort || next.direction !== this.query.direction;
    const refiltered = next.search !== this.query.search || next.level !== this.query.level;
    if (resorted) {
      this.sorted = null;
    }
    if (resorted || refiltered) {
      this.filtered = null;
      if (change.page === undefined) {
        next.page = 1;
      }
    }
    this.query = next;
  }

  /** Sorts by a column: the same column again flips the direction, a new one starts ascending. */
  toggleSort(key) {
    if (this.query.sort === key) {
      this.update({ direction: this.query.direction === 'asc' ? 'desc' : 'asc' });
    }
    else {
      this.update({ sort: key, direction: 'asc' });
    }
  }

  /** The visible page: {rows, page, pages, total, from, to, all} (all = the unfiltered count). */
  view() {
    if (!this.sorted) {
      this.sorted = sortRows(this.rows, this.query.sort, this.query.direction, this.sortValueOf);
      this.filtered = null;
    }
    if (!this.filtered) {
      this.filtered = filterRows(this.sorted, this.query, this.textOf, this.levelOf);
    }
    const page = paginate(this.filtered, this.query.page, this.pageSize);
    this.query.page = page.page;
    return { ...page, all: this.rows.length };
  }
}
