// FIXED_OFFSETS (src/domain/dates.ts): a zone answered without Intl must give what ICU gives, at
// every 3 hours from its `since` to 2100 and at a few instants up to the year 9999 (the fast path's
// end); outside that range ICU is asked as for any other zone.
import { describe, expect, test } from 'vitest';
import { FIXED_OFFSETS, epochToLocal, localToEpoch, zoneOffsetSeconds } from '../../src/domain/dates.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset ICU gives (the code path of every other zone). */
function icuOffset(zone: string, at: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(new Date(at * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) / 1000 - at;
}

describe.each([...FIXED_OFFSETS].map(([zone, fixed]) => ({ zone, ...fixed })))('$zone', ({ zone, since, offset }) => {
  test('ICU agrees every 3 hours from `since` to 2100', () => {
    const end = Date.UTC(2100, 0, 1) / 1000;
    const differing: number[] = [];
    for (let at = since; at < end; at += 3 * 3600) if (icuOffset(zone, at) !== offset) differing.push(at);
    expect(differing).toEqual([]);
  });

  test('ICU agrees far ahead, and zoneOffsetSeconds gives the fixed offset', () => {
    for (const at of [Date.UTC(2999, 11, 31, 23, 59, 59) / 1000, Date.UTC(9999, 0, 1) / 1000, Date.UTC(9999, 11, 31, 23, 59, 59) / 1000]) {
      expect(icuOffset(zone, at)).toBe(offset);
      expect(zoneOffsetSeconds(zone, at)).toBe(offset);
    }
  });

  test('from the year 10000 on, and before `since`, ICU is still asked', () => {
    for (const at of [Date.UTC(10000, 0, 1) / 1000, 8.64e12 - 86400 * 400]) expect(zoneOffsetSeconds(zone, at)).toBe(icuOffset(zone, at));
    for (let at = since - 86400 * 400; at < since; at += 86400) expect(zoneOffsetSeconds(zone, at)).toBe(icuOffset(zone, at));
  });

  test('wall times round-trip', () => {
    const t = { year: 2026, month: 10, day: 12, hour: 9, minute: 0, second: 5 };
    expect(epochToLocal(localToEpoch(t, zone), zone)).toEqual(t);
  });
});
