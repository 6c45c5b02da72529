import { describe, expect, test } from 'vitest';
import { addDays, epochToLocal, formatDate, formatLocalDateTime, localDateOf, localHourOf, localToEpoch, parseIsoDate, startOfLocalDay, type IsoDate } from '../../src/domain/dates.js';

describe('local time in a zone', () => {
  test.each([
    { name: 'Shanghai midnight', zone: 'Asia/Shanghai', local: '2026-10-01T00:00:00', utc: '2026-09-30T16:00:00Z' },
    { name: 'UTC', zone: 'UTC', local: '2026-10-01T00:00:00', utc: '2026-10-01T00:00:00Z' },
    { name: 'New York before DST ends', zone: 'America/New_York', local: '2026-11-01T00:30:00', utc: '2026-11-01T04:30:00Z' },
    { name: 'New York after DST ends', zone: 'America/New_York', local: '2026-11-01T03:00:00', utc: '2026-11-01T08:00:00Z' },
    { name: 'Jerusalem summer', zone: 'Asia/Jerusalem', local: '2026-07-01T12:00:00', utc: '2026-07-01T09:00:00Z' },
  ])('$name → $utc', ({ zone, local, utc }) => {
    const [d, t] = local.split('T') as [string, string];
    const [year, month, day] = d.split('-').map(Number) as [number, number, number];
    const [hour, minute, second] = t.split(':').map(Number) as [number, number, number];
    const epoch = localToEpoch({ year, month, day, hour, minute, second }, zone);
    expect(new Date(epoch * 1000).toISOString().replace('.000', '')).toBe(utc);
    expect(formatLocalDateTime(epochToLocal(epoch, zone))).toBe(local);
  });

  test('a call at 23:30 Shanghai time is on that day whatever TZ the process has', () => {
    const epoch = Date.UTC(2026, 9, 1, 15, 30) / 1000;
    expect(localDateOf(epoch, 'Asia/Shanghai')).toBe('2026-10-01');
    expect(localDateOf(epoch, 'UTC')).toBe('2026-10-01');
    expect(localDateOf(epoch + 3600, 'Asia/Shanghai')).toBe('2026-10-02');
  });

  test('start of a local day', () => {
    expect(startOfLocalDay('2026-10-01' as IsoDate, 'Asia/Shanghai')).toBe(Date.UTC(2026, 8, 30, 16) / 1000);
  });
});

describe('calendar dates', () => {
  test.each([
    { name: 'leap day', text: '2024-02-29', expected: '2024-02-29' },
    { name: 'not a leap year', text: '2026-02-29', expected: undefined },
    { name: 'month 13', text: '2026-13-01', expected: undefined },
    { name: 'wrong form', text: '2026/10/01', expected: undefined },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  test('addDays crosses months and years', () => {
    expect(addDays('2026-12-31' as IsoDate, 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01' as IsoDate, -1)).toBe('2026-02-28');
  });
});

describe('clock changes', () => {
  test('a repeated hour takes the earlier instant', () => {
    const epoch = localToEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York');
    expect(new Date(epoch * 1000).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
  test('a skipped hour moves forward', () => {
    const epoch = localToEpoch({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/New_York');
    expect(new Date(epoch * 1000).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('localDateOf and localHourOf (the local day and hour of imported rows)', () => {
  const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
  const starts = [Date.UTC(1986, 3, 1) / 1000, Date.UTC(2026, 2, 7) / 1000, Date.UTC(2026, 9, 24) / 1000];

  test('agree with epochToLocal for instants in time order, one zone after another', () => {
    for (const zone of zones) {
      for (const start of starts) {
        // Every 7 minutes 13 seconds for 12 days: both clock changes of 2026 in Europe and the US.
        for (let t = start; t < start + 12 * 86400; t += 433) {
          const local = epochToLocal(t, zone);
          expect(localDateOf(t, zone), `${t} in ${zone}`).toBe(formatDate(local));
          expect(localHourOf(t, zone), `${t} in ${zone}`).toBe(local.hour);
        }
      }
    }
  });

  test('agree with epochToLocal when instants and zones come in any order', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const zone = zones[Math.floor(next() * zones.length)] as string;
      const t = Math.floor(Date.UTC(1980, 0, 1) / 1000 + next() * 60 * 365 * 86400);
      const local = epochToLocal(t, zone);
      expect(localDateOf(t, zone), `${t} in ${zone}`).toBe(formatDate(local));
      expect(localHourOf(t, zone), `${t} in ${zone}`).toBe(local.hour);
    }
  });
});
