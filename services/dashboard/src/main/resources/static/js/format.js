// Pure formatting helpers (no DOM), unit-tested with `node --test` (src/test/js).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Parses an ISO-8601 instant into a Date, or null. Fractions finer than milliseconds
 * (e.g. nanosecond timestamps) are cut to milliseconds, which Date.parse always accepts.
 */
export function parseTime(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  const text = String(value).replace(/(\.\d{3})\d+/, '$1');
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? null : new Date(millis);
}

/** Milliseconds since the epoch of an ISO-8601 instant (sorts numerically), or null. */
export function timeValue(value) {
  const date = parseTime(value);
  return date ? date.getTime() : null;
}

/**
 * "just now", "40 s ago", "5 min ago", "3 h ago", "2 days ago"; older than 30 days:
 * the date. A time slightly in the future (clock skew) counts as "just now".
 */
export function relativeTime(value, now = Date.now()) {
  const date = parseTime(value);
  if (!date) {
    return '–';
  }
  const elapsed = (now instanceof Date ? now.getTime() : now) - date.getTime();
  if (elapsed < 10 * SECOND) {
    return elapsed > -MINUTE ? 'just now' : 'in the future';
  }
  if (elapsed < MINUTE) {
    return `${Math.floor(elapsed / SECOND)} s ago`;
  }
  if (elapsed < HOUR) {
    return `${Math.floor(elapsed / MINUTE)} min ago`;
  }
  if (elapsed < DAY) {
    return `${Math.floor(elapsed / HOUR)} h ago`;
  }
  if (elapsed < 30 * DAY) {
    const days = Math.floor(elapsed / DAY);
    return days === 1 ? '1 day ago' : `${days} days ago`;
  }
  return date.toISOString().slice(0, 10);
}

const exactFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** The exact local time with its zone, for tooltips (title attributes). */
export function exactTime(value) {
  const date = parseTime(value);
  return date ? exactFormat.format(date) : '';
}

/** hh:mm:ss in local time, 24-hour clock. */
export function clockTime(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const countFormat = new Intl.NumberFormat('en');

/** 12,345; "–" for a missing count. */
export function formatCount(value) {
  return value === null || value === undefined || Number.isNaN(Number(value)) ? '–' : countFormat.format(value);
}

const LEVEL_LABELS = { OUT: 'Out of stock', LOW: 'Low', OK: 'OK', UNKNOWN: 'Unknown' };

/** Human label of a stock level (OUT, LOW, OK, UNKNOWN). */
export function levelLabel(level) {
  return LEVEL_LABELS[level] ?? LEVEL_LABELS.UNKNOWN;
}

/** "items" or "item" after a count. */
export function plural(count, one, many = `${one}s`) {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
