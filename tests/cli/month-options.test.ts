// Month options on the command line (src/cli/options.ts parseMonthArg, src/cli/dates.ts
// resolveMonth) read months with the one parser of src/domain/dates.ts (issue 19 item 1): `YYYY-MM`
// only, years 1900–2999 as for dates. The spellings a CSV month column also takes (2026/10,
// 2026年10月) are refused here: an option is typed by a person or a script, in one spelling.
import { InvalidArgumentError } from 'commander';
import { describe, expect, test } from 'vitest';
import { monthOrCurrent, resolveMonth } from '../../src/cli/dates.js';
import { parseMonthArg } from '../../src/cli/options.js';
import { UsageError } from '../../src/errors.js';

function refusal(f: () => unknown): { type: string; message: string; hint?: string } {
  try {
    f();
  } catch (e) {
    return { type: (e as Error).constructor.name, message: (e as Error).message, ...((e as UsageError).hint ? { hint: (e as UsageError).hint } : {}) };
  }
  throw new Error('not refused');
}

describe('a month option', () => {
  test.each([
    { text: '2026-10', expected: '2026-10' },
    { text: '1900-01', expected: '1900-01' },
    { text: '2999-12', expected: '2999-12' },
  ])('$text → $expected', ({ text, expected }) => {
    expect(parseMonthArg(text)).toBe(expected);
    expect(resolveMonth(text)).toBe(expected);
  });

  test.each([
    { name: 'month 13', text: '2026-13' },
    { name: 'year 0000', text: '0000-01' },
    { name: 'one-digit month', text: '2026-1' },
    { name: 'year 3000 (a year no date takes either)', text: '3000-01' },
    { name: 'year 9999', text: '9999-12' },
    { name: 'a CSV spelling: 2026/10', text: '2026/10' },
    { name: 'a CSV spelling: 2026年10月', text: '2026年10月' },
    { name: 'full-width digits', text: '２０２６-１０' },
  ])('$name ($text) → a usage error, with the messages of exit 2', ({ text }) => {
    expect(refusal(() => parseMonthArg(text))).toEqual({ type: InvalidArgumentError.name, message: 'expected a month YYYY-MM' });
    expect(refusal(() => resolveMonth(text))).toEqual({ type: 'UsageError', message: `"${text}" is not a month`, hint: 'use YYYY-MM' });
  });
});

// appraise history --to and training promotions --as-of: the option, else this month in the policy zone
describe('monthOrCurrent', () => {
  const halfPastMidnightInShanghai = Date.UTC(2026, 9, 31, 16, 30) / 1000; // 2026-11-01 00:30 in Shanghai, still October in UTC
  test.each([
    { name: 'no option, Shanghai: November has begun', text: undefined, zone: 'Asia/Shanghai', expected: '2026-11' },
    { name: 'no option, UTC: still October', text: undefined, zone: 'UTC', expected: '2026-10' },
    { name: 'the option wins', text: '2025-12', zone: 'Asia/Shanghai', expected: '2025-12' },
  ])('$name → $expected', ({ text, zone, expected }) => {
    expect(monthOrCurrent(text, zone, halfPastMidnightInShanghai)).toBe(expected);
  });

  test('an invalid option is a usage error', () => {
    expect(refusal(() => monthOrCurrent('2026-13', 'UTC', halfPastMidnightInShanghai))).toEqual({ type: 'UsageError', message: '"2026-13" is not a month', hint: 'use YYYY-MM' });
  });
});
