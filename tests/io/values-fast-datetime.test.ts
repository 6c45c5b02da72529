/**
 * parseDateTime reads "YYYY-MM-DD HH:mm:ss" (and "…THH:mm:ss", "…THH:mm:ssZ") without its
 * regular expression. Every such text, valid or not, must give what the expression gives: the
 * same text with two spaces (or "T ") between date and time skips the fast path and is read by it.
 */
import { describe, expect, test } from 'vitest';
import { parseDateTime } from '../../src/io/values.js';
import { random } from '../helpers/random.js';


function outcome(text: string, zone: string): { value: number } | { error: string; hint?: string } {
  try {
    return { value: parseDateTime(text, zone) };
  } catch (e) {
    const err = e as { message: string; hint?: string };
    return { error: err.message, hint: err.hint };
  }
}

/** The same date-time as read by the regular expression (two characters between date and time). */
function slowOutcome(text: string, zone: string): ReturnType<typeof outcome> {
  const slow = text.slice(0, 10) + (text[10] === 'T' ? 'T ' : '  ') + text.slice(11);
  const r = outcome(slow, zone);
  return 'error' in r ? { ...r, error: r.error.replace(slow, text) } : r;
}

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];

describe('parseDateTime fast path', () => {
  test('valid and invalid fixed-form texts read as the regular expression reads them', () => {
    const next = random(20261127);
    const two = (n: number): string => String(n).padStart(2, '0');
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      const year = 1890 + Math.floor(next() * 150);
      // Months, days, hours, minutes and seconds sometimes out of range.
      const month = Math.floor(next() * 14);
      const day = Math.floor(next() * 33);
      const hour = Math.floor(next() * 26);
      const minute = Math.floor(next() * 62);
      const second = Math.floor(next() * 62);
      const sep = next() < 0.2 ? 'T' : ' ';
      const utc = sep === 'T' && next() < 0.5 ? 'Z' : '';
      const text = `${year}-${two(month)}-${two(day)}${sep}${two(hour)}:${two(minute)}:${two(second)}${utc}`;
      const zone = ZONES[i % ZONES.length] as string;
      const fast = outcome(text, zone);
      expect(fast, `${text} in ${zone}`).toEqual(slowOutcome(text, zone));
      if ('value' in fast) valid++;
    }
    expect(valid).toBeGreaterThan(5000);
  });

  test('texts of the same length that are not the fixed form still go through the expression', () => {
    expect(parseDateTime('2026/01/05 08:30:00', 'Asia/Shanghai')).toBe(parseDateTime('2026-01-05 08:30:00', 'Asia/Shanghai'));
    expect(parseDateTime('2026-01-05 8:30:00Z', 'Asia/Shanghai')).toBe(Date.UTC(2026, 0, 5, 8, 30) / 1000);
    expect(parseDateTime('2026-01-05T08:30:00Z', 'Asia/Shanghai')).toBe(Date.UTC(2026, 0, 5, 8, 30) / 1000);
    expect(() => parseDateTime('2026-01-05T08:30:00z', 'Asia/Shanghai')).toThrow('"2026-01-05T08:30:00z" is not a date-time');
    expect(() => parseDateTime('2026-01-0a 08:30:00', 'Asia/Shanghai')).toThrow('"2026-01-0a 08:30:00" is not a date-time');
    expect(() => parseDateTime('2026-01-05 08:30:0\u0660', 'Asia/Shanghai')).toThrow('is not a date-time');
    expect(() => parseDateTime('2026-02-30 08:30:00', 'Asia/Shanghai')).toThrow('"2026-02-30 08:30:00" is not a real date');
    expect(() => parseDateTime('2026-01-05 24:00:00', 'Asia/Shanghai')).toThrow('"2026-01-05 24:00:00" is not a real time of day');
  });

  test('the clock that skips and repeats an hour is read as before', () => {
    // New York: 2026-03-08 02:30 does not exist; 2026-11-01 01:30 happens twice.
    for (const text of ['2026-03-08 02:30:00', '2026-11-01 01:30:00', '2026-11-01T01:30:00']) {
      expect(outcome(text, 'America/New_York')).toEqual(slowOutcome(text, 'America/New_York'));
    }
    expect(parseDateTime('2026-11-01 01:30:00', 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30) / 1000);
  });
});
