// DOM helpers. Data is only ever written with textContent / attributes (never innerHTML), and
// URLs are built with encodeURIComponent, so store and item names cannot inject markup.
import { exactTime, levelLabel, relativeTime } from './format.js';

/** The application's base path (the layout writes it into <meta name="app-base">), ending in "/". */
export const BASE = (() => {
  const meta = document.querySelector('meta[name="app-base"]');
  const base = meta?.getAttribute('content') || '/';
  return base.endsWith('/') ? base : `${base}/`;
})();

/** Paths of pages, API and CSV exports; every name is one encoded path segment. */
export const paths = {
  store: (store) => `${BASE}stores/${encodeURIComponent(store)}`,
  item: (item) => `${BASE}items/${encodeURIComponent(item)}`,
  upload: (id) => `${BASE}uploads/${encodeURIComponent(id)}`,
  login: () => `${BASE}login?expired`,
  api: (path) => `${BASE}api/${path}`,
};

/**
 * Creates an element. props: {text, className, attrs: {name: value}, dataset: {key: value}};
 * children: nodes or strings (as text). Null/undefined/false attribute values are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  if (props.className) {
    element.className = props.className;
  }
  if (props.text !== undefined && props.text !== null) {
    element.textContent = String(props.text);
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const [key, value] of Object.entries(props.dataset ?? {})) {
    if (value !== null && value !== undefined) {
      element.dataset[key] = String(value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** A link with text. */
export function link(href, text, props = {}) {
  return h('a', { ...props, text, attrs: { ...(props.attrs ?? {}), href } });
}

/**
 * Whether a store or item name can be a path segment: the server's request firewall refuses
 * encoded "/", "\", ";" and "%" (400), and "." / ".." are not segments.
 */
export function linkable(name) {
  const text = String(name ?? '');
  return text !== '' && text !== '.' && text !== '..' && !/[/\\;%]/.test(text);
}

/** A link to the store's page, or its name as text when no URL can carry it. */
export function storeLink(store) {
  return linkable(store) ? link(paths.store(store), store) : h('span', { text: store });
}

/** A link to the item's page, or its name as text when no URL can carry it. */
export function itemLink(item) {
  return linkable(item) ? link(paths.item(item), item) : h('span', { text: item });
}

/** <time datetime="ISO" title="exact local time">5 min ago</time>, refreshed by refreshTimes(). */
export function timeElement(value) {
  if (value === null || value === undefined || value === '') {
    return h('span', { className: 'muted', text: '–' });
  }
  return h('time', {
    text: relativeTime(value),
    attrs: { datetime: String(value), title: exactTime(value) },
    dataset: { relative: '' },
  });
}

/** Rewrites every relative time on the page (called every 30 s). */
export function refreshTimes(root = document) {
  const now = Date.now();
  for (const time of root.querySelectorAll('time[data-relative]')) {
    const text = relativeTime(time.getAttribute('datetime'), now);
    if (time.textContent !== text) {
      time.textContent = text;
    }
  }
}

/** Keeps the relative times current: every 30 s while the page is visible, and on return. */
export function keepTimesFresh(intervalMs = 30000) {
  setInterval(() => {
    if (!document.hidden) {
      refreshTimes();
    }
  }, intervalMs);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      refreshTimes();
    }
  });
}

/** A level badge: <span class="level level-out">Out of stock</span>. */
export function levelBadge(level) {
  const known = ['OUT', 'LOW', 'OK'].includes(level) ? level : 'UNKNOWN';
  return h('span', { className: `level level-${known.toLowerCase()}`, text: levelLabel(known) });
}

/** An upload status badge, styled like the uploads page (status-loaded, status-failed, ...). */
export function statusBadge(status) {
  const value = status || 'UNKNOWN';
  return h('span', { className: `badge status-${value.toLowerCase()}`, text: value.replaceAll('_', ' ') });
}

/** Replaces the children of an element. */
export function replaceChildren(element, ...children) {
  element.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
}

/** Sets the text of the element with this id (if present). */
export function setText(id, text) {
  const element = document.getElementById(id);
  if (element && element.textContent !== text) {
    element.textContent = text;
  }
}

/** Shows (or with null hides) the page's error message (#page-error). */
export function showPageError(message) {
  const element = document.getElementById('page-error');
  if (!element) {
    return;
  }
  element.textContent = message ?? '';
  element.hidden = !message;
}
