// Unit tests of the dashboard's formatting helpers: node --test services/dashboard/src/test/js
import assert from 'node:assert/strict';
import test from 'node:test';
import { clockTime, formatCount, levelLabel, parseTime, plural, relativeTime } from '../../main/resources/static/js/format.js';

const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const ago = (ms) => new Date(NOW - ms).toISOString();

test('relative times read like "5 min ago"', () => {
  assert.equal(relativeTime(ago(3_000), NOW), 'just now');
  assert.equal(relativeTime(ago(42_000), NOW), '42 s ago');
  assert.equal(relativeTime(ago(5 * 60_000 + 59_000), NOW), '5 min ago');
  assert.equal(relativeTime(ago(3 * 3_600_000), NOW), '3 h ago');
  assert.equal(relativeTime(ago(26 * 3_600_000), NOW), '1 day ago');
  assert.equal(relativeTime(ago(5 * 86_400_000), NOW), '5 days ago');
  assert.equal(relativeTime(ago(45 * 86_400_000), NOW), '2026-10-18');
});

test('a time slightly ahead of the local clock is "just now", a missing one a dash', () => {
  assert.equal(relativeTime(new Date(NOW + 20_000).toISOString(), NOW), 'just now');
  assert.equal(relativeTime(new Date(NOW + 3_600_000).toISOString(), NOW), 'in the future');
  assert.equal(relativeTime(null, NOW), '–');
  assert.equal(relativeTime('not a time', NOW), '–');
});

test('nanosecond timestamps parse to the millisecond', () => {
  assert.equal(parseTime('2026-11-21T10:00:00.123456789Z').toISOString(), '2026-11-21T10:00:00.123Z');
  assert.equal(parseTime('2026-11-21T10:00:00Z').toISOString(), '2026-11-21T10:00:00.000Z');
  assert.equal(parseTime(''), null);
});

test('clock times are hh:mm:ss', () => {
  assert.equal(clockTime(new Date(2026, 11, 2, 9, 5, 7)), '09:05:07');
});

test('counts are grouped, missing counts a dash', () => {
  assert.equal(formatCount(10000), '10,000');
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(null), '–');
  assert.equal(plural(1, 'item'), '1 item');
  assert.equal(plural(1234, 'store'), '1,234 stores');
  assert.equal(levelLabel('OUT'), 'Out of stock');
  assert.equal(levelLabel('whatever'), 'Unknown');
});
