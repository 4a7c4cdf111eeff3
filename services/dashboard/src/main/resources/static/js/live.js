// Live updates by polling with ETags: every 5 s each source of the page is asked with
// If-None-Match; 304 keeps what is shown, 200 re-renders. Polling pauses while the tab is hidden.
// The #live indicator in the header says whether the page is current.
import { clockTime } from './format.js';
import { paths, showPageError } from './dom.js';

/** A response the page cannot recover from by retrying (403). */
class Forbidden extends Error {}

async function messageOf(response, fallback) {
  try {
    const body = await response.json();
    return body?.message || fallback;
  }
  catch {
    return fallback;
  }
}

export class Live {
  /**
   * @param options {interval} milliseconds between polls (default 5000)
   */
  constructor(options = {}) {
    this.interval = options.interval ?? 5000;
    this.sources = [];
    this.timer = null;
    this.running = false;
    this.stopped = false;
    this.state = null;
    this.indicator = document.getElementById('live');
    this.announcer = document.getElementById('live-announcer');
  }

  /**
   * Adds a polled URL.
   * @param url the API URL
   * @param onData called with the parsed JSON of every 200
   * @param onNotFound called on 404 (the store/item has no data yet; polling goes on)
   */
  source(url, onData, onNotFound = () => {}) {
    this.sources.push({ url, onData, onNotFound, etag: null, missing: false });
    return this;
  }

  start() {
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) {
        this.pause();
      }
      else {
        this.resume();
      }
    });
    this.setState('connecting', 'Connecting…');
    this.resume();
    return this;
  }

  pause() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.stopped) {
      this.setState('paused', 'Paused while the tab is hidden');
    }
  }

  resume() {
    if (this.stopped || this.running) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = null;
    this.poll();
  }

  async poll() {
    this.running = true;
    try {
      await Promise.all(this.sources.map((source) => this.fetchSource(source)));
      this.setState('live', `Live · updated ${clockTime()}`);
    }
    catch (error) {
      if (error instanceof Forbidden) {
        this.stopped = true;
        showPageError(error.message);
        this.setState('stopped', 'Not live: no access');
      }
      else {
        this.setState('offline', 'Offline – retrying');
      }
    }
    finally {
      this.running = false;
    }
    if (!this.stopped && !document.hidden) {
      this.timer = setTimeout(() => this.poll(), this.interval);
    }
  }

  async fetchSource(source) {
    const headers = { Accept: 'application/json' };
    if (source.etag) {
      headers['If-None-Match'] = source.etag;
    }
    const response = await fetch(source.url, { cache: 'no-cache', credentials: 'same-origin', headers });
    // An expired web session may also be answered with a redirect to the sign-in page.
    if (response.status === 401 || (response.redirected && new URL(response.url).pathname.endsWith('/login'))) {
      window.location.assign(paths.login());
      throw new Error('signed out');
    }
    if (response.status === 403) {
      throw new Forbidden(await messageOf(response, 'You do not have access to this data.'));
    }
    if (response.status === 304) {
      return;
    }
    if (response.status === 404) {
      if (!source.missing) {
        source.missing = true;
        source.etag = null;
        source.onNotFound(await messageOf(response, 'Not found'));
      }
      return;
    }
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const etag = response.headers.get('ETag');
    // With cache: 'no-cache' the browser may revalidate itself and hand back its cached 200:
    // the same ETag means nothing changed.
    if (etag && etag === source.etag && !source.missing) {
      return;
    }
    const data = await response.json();
    source.etag = etag;
    source.missing = false;
    source.onData(data);
  }

  setState(state, text) {
    if (!this.indicator) {
      return;
    }
    const label = this.indicator.querySelector('.live-text') ?? this.indicator;
    label.textContent = text;
    if (this.state !== state) {
      this.indicator.dataset.state = state;
      // Screen readers hear going offline and coming back, not every tick of the clock.
      if (this.announcer) {
        if (state === 'offline' || state === 'stopped') {
          this.announcer.textContent = text;
        }
        else if (state === 'live' && this.state === 'offline') {
          this.announcer.textContent = 'Back online: live updates resumed';
        }
      }
      this.state = state;
    }
  }
}
