import { describe, expect, test } from 'vitest';
import {
  FieldError,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseDuration,
  parseId,
  parseInteger,
  parseMonth,
  parsePhone,
  parseYesNo,
} from '../../src/io/values.js';

/** The FieldError a parser throws, as { message, hint }; fails the test when it does not throw. */
function rejection(parse: () => unknown): { message: string; hint: string | undefined } {
  try {
    const value = parse();
    throw new Error(`expected a FieldError, got ${JSON.stringify(value)}`);
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    return { message: e.message, hint: e.hint };
  }
}

const EXCEL_NUMBER_HINT = 'the column was saved by Excel as a number; format it as text in Excel and export again';
const EXCEL_DATE_HINT = 'format the column as yyyy-mm-dd hh:mm:ss in Excel and export again';

describe('parseDateTime', () => {
  // 2026-11-03 09:05 in Shanghai is 01:05 UTC (1793667900); 09:05 UTC is 1793696700.
  test.each([
    { name: 'YYYY-MM-DD HH:mm:ss in Shanghai', text: '2026-11-03 09:05:00', zone: 'Asia/Shanghai', expected: 1793667900 },
    { name: 'YYYY-MM-DD HH:mm:ss in UTC', text: '2026-11-03 09:05:00', zone: 'UTC', expected: 1793696700 },
    { name: 'YYYY-MM-DD HH:mm (no seconds) in Shanghai', text: '2026-11-03 09:05', zone: 'Asia/Shanghai', expected: 1793667900 },
    { name: 'YYYY-MM-DD HH:mm (no seconds) in UTC', text: '2026-11-03 09:05', zone: 'UTC', expected: 1793696700 },
    { name: 'YYYY/M/D H:mm in Shanghai', text: '2026/11/3 9:05', zone: 'Asia/Shanghai', expected: 1793667900 },
    { name: 'YYYY/M/D H:mm in UTC', text: '2026/11/3 9:05', zone: 'UTC', expected: 1793696700 },
    { name: 'Asterisk 2020/2/10 22:41 in Shanghai', text: '2020/2/10 22:41', zone: 'Asia/Shanghai', expected: 1581345660 },
    { name: 'Asterisk 2020/2/10 22:41 in UTC', text: '2020/2/10 22:41', zone: 'UTC', expected: 1581374460 },
    { name: 'ISO with Z ignores the Shanghai zone', text: '2026-11-03T09:05:00Z', zone: 'Asia/Shanghai', expected: 1793696700 },
    { name: 'ISO with Z in UTC', text: '2026-11-03T09:05:00Z', zone: 'UTC', expected: 1793696700 },
    { name: 'ISO with +08:00 read in Shanghai', text: '2026-11-03T09:05:00+08:00', zone: 'Asia/Shanghai', expected: 1793667900 },
    { name: 'ISO with +08:00 ignores the UTC zone', text: '2026-11-03T09:05:00+08:00', zone: 'UTC', expected: 1793667900 },
    { name: 'ISO with -05:00', text: '2026-11-03T09:05:00-05:00', zone: 'Asia/Shanghai', expected: 1793714700 },
    { name: 'ISO with +0530 (no colon)', text: '2026-11-03T09:05:00+0530', zone: 'UTC', expected: 1793676900 },
    { name: 'fractional seconds with an offset are dropped', text: '2026-11-03T09:05:00.123+08:00', zone: 'UTC', expected: 1793667900 },
    { name: 'fractional seconds .999 are truncated, not rounded', text: '2026-11-03 09:05:00.999', zone: 'Asia/Shanghai', expected: 1793667900 },
    { name: 'full-width digits and ideographic space', text: '２０２６－１１－０３\u3000０９：０５', zone: 'Asia/Shanghai', expected: 1793667900 },
  ])('$name → $expected', ({ text, zone, expected }) => {
    expect(parseDateTime(text, zone)).toBe(expected);
  });

  test.each([
    { name: 'February 30th', text: '2026-02-30 10:00', expected: '"2026-02-30 10:00" is not a real date', hint: undefined },
    { name: 'hour 24', text: '2026-11-03 24:00', expected: '"2026-11-03 24:00" is not a real time of day', hint: undefined },
    { name: 'Excel serial number', text: '45963', expected: '"45963" is an Excel date serial number, not a date', hint: EXCEL_DATE_HINT },
    { name: 'Excel serial with a time fraction', text: '45963.5', expected: '"45963.5" is an Excel date serial number, not a date', hint: EXCEL_DATE_HINT },
    { name: 'ambiguous day/month', text: '03/04/2026', expected: '"03/04/2026" is ambiguous (day and month order unknown)', hint: 'use YYYY-MM-DD HH:mm:ss' },
    { name: 'date without a time', text: '2026-11-03', expected: '"2026-11-03" is not a date-time', hint: 'use YYYY-MM-DD HH:mm[:ss], YYYY/M/D H:mm[:ss] or ISO 8601' },
  ])('$name → $expected', ({ text, expected, hint }) => {
    expect(rejection(() => parseDateTime(text, 'Asia/Shanghai'))).toEqual({ message: expected, hint });
  });
});

describe('parseDate', () => {
  test.each([
    { name: 'YYYY-MM-DD', text: '2026-11-03', expected: '2026-11-03' },
    { name: 'YYYY/M/D is zero-padded', text: '2026/1/5', expected: '2026-01-05' },
    { name: 'leap day', text: '2024-02-29', expected: '2024-02-29' },
    { name: 'midnight time from Excel is dropped', text: '2026-11-03 00:00', expected: '2026-11-03' },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseDate(text)).toBe(expected);
  });

  test.each([
    { name: 'February 30th', text: '2026-02-30', expected: '"2026-02-30" is not a real date', hint: undefined },
    { name: 'a time of day', text: '2026-11-03 09:05', expected: '"2026-11-03 09:05" has a time of day; a date is expected', hint: 'use YYYY-MM-DD' },
    { name: 'an ISO instant', text: '2026-11-03T00:00:00Z', expected: '"2026-11-03T00:00:00Z" has a time of day; a date is expected', hint: 'use YYYY-MM-DD' },
    { name: 'Excel serial number', text: '45963', expected: '"45963" is an Excel date serial number, not a date', hint: EXCEL_DATE_HINT },
    { name: 'ambiguous day/month', text: '03/04/2026', expected: '"03/04/2026" is ambiguous (day and month order unknown)', hint: 'use YYYY-MM-DD HH:mm:ss' },
    { name: 'text', text: 'abc', expected: '"abc" is not a date', hint: 'use YYYY-MM-DD or YYYY/M/D' },
  ])('$name → $expected', ({ text, expected, hint }) => {
    expect(rejection(() => parseDate(text))).toEqual({ message: expected, hint });
  });
});

describe('parseDuration', () => {
  test.each([
    { name: 'whole seconds', text: '75', expected: 75 },
    { name: 'zero', text: '0', expected: 0 },
    { name: 'H:MM:SS', text: '0:01:15', expected: 75 },
    { name: 'one hour', text: '1:00:00', expected: 3600 },
    { name: 'exactly 24 hours as H:MM:SS', text: '24:00:00', expected: 86400 },
    { name: 'exactly 24 hours in seconds', text: '86400', expected: 86400 },
    { name: 'full-width digits', text: '１２', expected: 12 },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseDuration(text)).toBe(expected);
  });

  const DURATION_HINT = 'use whole seconds (75) or H:MM:SS (0:01:15)';
  test.each([
    { name: 'negative seconds', text: '-5', expected: '"-5" is negative; a duration cannot be', hint: undefined },
    { name: 'negative H:MM:SS', text: '-0:01:00', expected: '"-0:01:00" is negative; a duration cannot be', hint: undefined },
    { name: 'over 24 h as H:MM:SS', text: '24:00:01', expected: '"24:00:01" is longer than 24 hours', hint: undefined },
    { name: 'one second over 24 h in seconds', text: '86401', expected: '"86401" is longer than 24 hours', hint: undefined },
    { name: '99999 seconds (27.8 h)', text: '99999', expected: '"99999" is longer than 24 hours', hint: undefined },
    { name: 'over 24 h in six-digit seconds', text: '100000', expected: '"100000" is longer than 24 hours', hint: undefined },
    { name: 'text', text: 'abc', expected: '"abc" is not a duration', hint: DURATION_HINT },
    { name: 'decimal seconds', text: '1.5', expected: '"1.5" is not a duration', hint: DURATION_HINT },
    { name: 'MM:SS is ambiguous', text: '01:15', expected: '"01:15" is not a duration', hint: DURATION_HINT },
  ])('$name → $expected', ({ text, expected, hint }) => {
    expect(rejection(() => parseDuration(text))).toEqual({ message: expected, hint });
  });
});

describe('parseDecimal and parseInteger', () => {
  test.each([
    { name: 'decimal', text: '12.5', expected: 12.5 },
    { name: 'negative', text: '-3', expected: -3 },
    { name: 'leading plus', text: '+7', expected: 7 },
    { name: 'leading point', text: '.5', expected: 0.5 },
    { name: 'full-width digits', text: '１２３', expected: 123 },
  ])('parseDecimal: $name → $expected', ({ text, expected }) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  test.each([
    { name: 'whole number', text: '42', expected: 42 },
    { name: 'full-width digits', text: '１２３', expected: 123 },
    { name: 'a .0 decimal is whole', text: '3.0', expected: 3 },
    { name: 'at the top of 1–5', text: '5', range: { min: 1, max: 5 }, expected: 5 },
  ])('parseInteger: $name → $expected', ({ text, range, expected }) => {
    expect(parseInteger(text, range)).toBe(expected);
  });

  test.each([
    { name: 'thousands separator', text: '1,234.50', expected: '"1,234.50" has a thousands separator', hint: 'write it as 1234.50' },
    { name: 'thousands separator, no decimals', text: '1,234', expected: '"1,234" has a thousands separator', hint: 'write it as 1234' },
    { name: 'full-width thousands separator', text: '１，２３４', expected: '"１，２３４" has a thousands separator', hint: 'write it as 1234' },
    { name: 'a dash for "none"', text: '-', expected: '"-" is not a number', hint: undefined },
    { name: 'NaN', text: 'NaN', expected: '"NaN" is not a number', hint: undefined },
    { name: 'Infinity', text: 'Infinity', expected: '"Infinity" is not a number', hint: undefined },
    { name: 'exponent', text: '1e3', expected: '"1e3" is not a number', hint: undefined },
  ])('parseDecimal: $name → $expected', ({ text, expected, hint }) => {
    expect(rejection(() => parseDecimal(text))).toEqual({ message: expected, hint });
  });

  test.each([
    { name: 'below the minimum', parse: () => parseDecimal('-1', { min: 0 }), expected: '-1 is below the minimum 0' },
    { name: 'above the maximum', parse: () => parseDecimal('100001', { min: 0, max: 100000 }), expected: '100001 is above the maximum 100000' },
    { name: 'integer above 1–5', parse: () => parseInteger('6', { min: 1, max: 5 }), expected: '6 is above the maximum 5' },
    { name: 'integer below 1–5', parse: () => parseInteger('0', { min: 1, max: 5 }), expected: '0 is below the minimum 1' },
    { name: 'integer with a fraction', parse: () => parseInteger('2.5'), expected: '"2.5" is not a whole number' },
    { name: 'integer NaN', parse: () => parseInteger('NaN'), expected: '"NaN" is not a number' },
  ])('$name → $expected', ({ parse, expected }) => {
    expect(rejection(parse).message).toBe(expected);
  });
});

describe('parseYesNo', () => {
  test.each([
    { name: '1', text: '1', expected: 1 },
    { name: '0', text: '0', expected: 0 },
    { name: 'y', text: 'y', expected: 1 },
    { name: 'n', text: 'n', expected: 0 },
    { name: 'yes', text: 'yes', expected: 1 },
    { name: 'no', text: 'no', expected: 0 },
    { name: 'YES upper case', text: 'YES', expected: 1 },
    { name: 'true', text: 'true', expected: 1 },
    { name: 'False mixed case', text: 'False', expected: 0 },
    { name: '是', text: '是', expected: 1 },
    { name: '否', text: '否', expected: 0 },
    { name: 'full-width 1', text: '１', expected: 1 },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  test('maybe → rejected with the accepted spellings', () => {
    expect(rejection(() => parseYesNo('maybe'))).toEqual({ message: '"maybe" is not yes or no', hint: 'use 1/0, yes/no, true/false or 是/否' });
  });
});

describe('parsePhone', () => {
  test.each([
    { name: 'mobile', text: '13812341234', expected: '13812341234' },
    { name: '+86 with spaces', text: '+86 138 1234 5678', expected: '13812345678' },
    { name: '0086 prefix', text: '0086 13812345678', expected: '13812345678' },
    { name: 'dashes', text: '138-1234-5678', expected: '13812345678' },
    { name: 'Beijing landline keeps its zero', text: '010-12345678', expected: '01012345678' },
    { name: 'landline with brackets', text: '(010) 1234-5678', expected: '01012345678' },
    { name: 'Shenzhen landline with spaces', text: '0755 1234 5678', expected: '075512345678' },
    { name: 'full-width digits', text: '１３８１２３４１２３４', expected: '13812341234' },
    { name: 'full-width +86', text: '＋８６ １３８１２３４５６７８', expected: '13812345678' },
    { name: 'foreign number keeps its +', text: '+1 212 555 0100', expected: '+12125550100' },
    { name: 'service number', text: '95598', expected: '95598' },
    { name: 'anonymous', text: 'anonymous', expected: null },
    { name: 'Anonymous capitalised', text: 'Anonymous', expected: null },
    { name: '未知', text: '未知', expected: null },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parsePhone(text)).toBe(expected);
  });

  test.each([
    { name: 'Excel scientific notation', text: '1.38123E+10', expected: '"1.38123E+10" is a phone number mangled by Excel', hint: EXCEL_NUMBER_HINT },
    { name: 'letters', text: 'abc', expected: '"abc" is not a phone number', hint: undefined },
    { name: 'two digits', text: '12', expected: '"12" is not a phone number', hint: undefined },
  ])('$name → $expected', ({ text, expected, hint }) => {
    expect(rejection(() => parsePhone(text))).toEqual({ message: expected, hint });
  });
});

describe('parseId', () => {
  test.each([
    { name: '19-digit order number stays exact', text: '1234567890123456789', expected: '1234567890123456789' },
    { name: 'leading zeros kept', text: '00123', expected: '00123' },
    { name: 'tracking number with letters', text: 'SF1234567890', expected: 'SF1234567890' },
    { name: 'an E that is not an exponent', text: 'E100', expected: 'E100' },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseId(text)).toBe(expected);
  });

  test('1.23E+18 → rejected with the Excel hint', () => {
    expect(rejection(() => parseId('1.23E+18'))).toEqual({ message: '"1.23E+18" looks like a number mangled by Excel', hint: EXCEL_NUMBER_HINT });
  });

  test('a tab inside an id → rejected', () => {
    expect(rejection(() => parseId('a\tb'))).toEqual({ message: 'identifier contains control characters', hint: undefined });
  });
});

describe('invisible characters in identifiers (issue 18.5)', () => {
  test.each([
    { name: 'zero-width space', text: 'C1\u200b', expected: 'identifier contains an invisible format character U+200B (zero-width space)' },
    { name: 'word joiner inside', text: '10\u206001', expected: 'identifier contains an invisible format character U+2060 (word joiner)' },
    { name: 'a BOM in front', text: '\ufeff1001', expected: 'identifier contains an invisible format character U+FEFF (byte-order mark)' },
    { name: 'a right-to-left mark', text: '1001\u200f', expected: 'identifier contains an invisible format character U+200F (right-to-left mark)' },
    { name: 'invisible times (no name given)', text: '10\u206201', expected: 'identifier contains an invisible format character U+2062' },
    { name: 'a soft hyphen', text: '10\u00ad01', expected: 'identifier contains an invisible format character U+00AD (soft hyphen)' },
  ])('$name → rejected', ({ text, expected }) => {
    expect(rejection(() => parseId(text))).toEqual({ message: expected, hint: 'retype the value: it holds a character that cannot be seen' });
  });

  test.each([
    { name: 'DEL', text: 'a\u007fb' },
    { name: 'a C1 control (U+0085)', text: 'a\u0085b' },
  ])('$name → rejected as a control character', ({ text }) => {
    expect(rejection(() => parseId(text))).toEqual({ message: 'identifier contains control characters', hint: undefined });
  });

  test.each([
    { name: 'Chinese', text: '客服一组' },
    { name: 'full-width digits (a different id, kept)', text: '１００１' },
    { name: 'an inner no-break space (visible as a space; kept)', text: '10\u00a001' },
  ])('$name → kept', ({ text }) => {
    expect(parseId(text)).toBe(text);
  });
});

describe('UTC offsets (issue 18.6)', () => {
  test.each([
    { name: '+14:00 (Kiribati)', text: '2026-11-03T09:05:00+14:00', expected: 1793646300 },
    { name: '-12:00', text: '2026-11-03T09:05:00-12:00', expected: 1793739900 },
    { name: '+05:45 (Nepal)', text: '2026-11-03T09:05:00+0545', expected: 1793676000 },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseDateTime(text, 'UTC')).toBe(expected);
  });

  test.each([
    { name: '+99', text: '2026-11-03T09:05:00+99', offset: '+99' },
    { name: '+25:00', text: '2026-11-03 09:05:00 +25:00', offset: '+25:00' },
    { name: '+0860 (60 minutes)', text: '2026-11-03T09:05:00+0860', offset: '+0860' },
    { name: '+14:30 (past +14:00)', text: '2026-11-03T09:05:00+14:30', offset: '+14:30' },
    { name: '-13:00 (before -12:00)', text: '2026-11-03T09:05:00-13:00', offset: '-13:00' },
  ])('$name → rejected', ({ text, offset }) => {
    expect(rejection(() => parseDateTime(text, 'UTC'))).toEqual({
      message: `"${text}" has an impossible UTC offset ${offset}`,
      hint: 'offsets run from -12:00 to +14:00, with minutes below 60 (e.g. +08:00)',
    });
  });
});

describe('parseMonth (issue 18.8)', () => {
  test.each([
    { name: 'YYYY-MM', text: '2026-10', expected: '2026-10' },
    { name: 'YYYY年M月', text: '2026年9月', expected: '2026-09' },
    { name: 'YYYY/MM', text: '2026/10', expected: '2026-10' },
    { name: 'full-width digits', text: '２０２６年１０月', expected: '2026-10' },
  ])('$name → $expected', ({ text, expected }) => {
    expect(parseMonth(text)).toBe(expected);
  });

  test.each([
    { name: 'year 0000', text: '0000-01' },
    { name: 'year 1899', text: '1899-12' },
    { name: 'year 3000', text: '3000-01' },
    { name: 'month 13', text: '2026-13' },
  ])('$name → rejected', ({ text }) => {
    expect(rejection(() => parseMonth(text))).toEqual({ message: `"${text}" is not a month`, hint: 'use YYYY-MM, a year from 1900 to 2999' });
  });
});
