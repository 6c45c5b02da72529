// Date and time formats of mapping files (src/io/mapping/date-format.ts): the tokens
// YYYY YY MM M DD D HH H mm ss, literals, two-digit years, impossible dates and times, and the
// formats that are refused when the mapping is read.
import { describe, expect, test } from 'vitest';
import { canonicalDate, canonicalDateTime, compileDateFormat, expandYear2, type DateParts } from '../../src/io/mapping/date-format.js';

/** The parts a format reads from a cell; fails the test when the cell is refused. */
function parts(format: string, cell: string): DateParts {
  const out = compileDateFormat(format).read(cell);
  if (typeof out === 'string') throw new Error(`expected "${cell}" to match ${format}, got: ${out}`);
  return out;
}

/** Why a format refuses a cell; fails the test when the cell is read. */
function refusal(format: string, cell: string): string {
  const out = compileDateFormat(format).read(cell);
  if (typeof out !== 'string') throw new Error(`expected "${cell}" to be refused by ${format}, got ${JSON.stringify(out)}`);
  return out;
}

/** The message of the Error compileDateFormat throws; fails the test when the format compiles. */
function compileError(format: string): string {
  try {
    compileDateFormat(format);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`expected "${format}" to be refused`);
}

describe('tokens', () => {
  test.each([
    { format: 'YYYY-MM-DD HH:mm:ss', cell: '2026-03-05 08:07:09', want: { year: 2026, month: 3, day: 5, hour: 8, minute: 7, second: 9 } },
    { format: 'YYMMDD', cell: '990201', want: { year: 1999, month: 2, day: 1 } },
    { format: 'H:mm:ss', cell: '7:02:47', want: { hour: 7, minute: 2, second: 47 } },
    { format: 'H:mm:ss', cell: '17:12:19', want: { hour: 17, minute: 12, second: 19 } },
    { format: 'DD/MM/YYYY', cell: '31/12/2025', want: { year: 2025, month: 12, day: 31 } },
    { format: 'D.M.YYYY', cell: '5.3.2026', want: { year: 2026, month: 3, day: 5 } },
    { format: 'D.M.YYYY', cell: '15.11.2026', want: { year: 2026, month: 11, day: 15 } },
    { format: 'M/D/YY H:mm', cell: '2/9/26 9:05', want: { year: 2026, month: 2, day: 9, hour: 9, minute: 5 } },
    { format: 'YYYYMMDDHHmmss', cell: '20260305080709', want: { year: 2026, month: 3, day: 5, hour: 8, minute: 7, second: 9 } },
    { format: "YYYY-MM-DD'T'HH:mm", cell: "2026-03-05'T'08:07", want: { year: 2026, month: 3, day: 5, hour: 8, minute: 7 } },
    { format: 'YYYY-MM-DDTHH:mm:ss', cell: '2026-03-05T08:07:09', want: { year: 2026, month: 3, day: 5, hour: 8, minute: 7, second: 9 } },
    { format: 'YYYY年M月D日', cell: '2026年3月5日', want: { year: 2026, month: 3, day: 5 } },
    { format: 'HH:mm', cell: '23:59', want: { hour: 23, minute: 59 } },
  ])('$format reads "$cell"', ({ format, cell, want }) => {
    expect(parts(format, cell)).toEqual(want);
  });

  test('a format reports which parts it reads', () => {
    expect([...compileDateFormat('YYMMDD').parts].sort()).toEqual(['day', 'month', 'year']);
    expect([...compileDateFormat('H:mm:ss').parts].sort()).toEqual(['hour', 'minute', 'second']);
    expect([...compileDateFormat('DD/MM/YYYY HH:mm').parts].sort()).toEqual(['day', 'hour', 'minute', 'month', 'year']);
    expect(compileDateFormat('DD/MM/YYYY').text).toBe('DD/MM/YYYY');
  });

  test('two-digit tokens want two digits; one-letter tokens take one or two', () => {
    expect(refusal('DD/MM/YYYY', '5/3/2026')).toBe('does not match the format DD/MM/YYYY');
    expect(refusal('HH:mm', '9:05')).toBe('does not match the format HH:mm');
    expect(refusal('H:mm', '9:5')).toBe('does not match the format H:mm');
    expect(refusal('YYYY-MM-DD', '26-03-05')).toBe('does not match the format YYYY-MM-DD');
    expect(parts('D/M/YYYY', '05/03/2026')).toEqual({ year: 2026, month: 3, day: 5 });
  });

  test('literals must be there as written, and nothing may follow or precede', () => {
    expect(refusal('DD/MM/YYYY', '05-03-2026')).toBe('does not match the format DD/MM/YYYY');
    expect(refusal('DD/MM/YYYY', '05/03/2026 ')).toBe('does not match the format DD/MM/YYYY');
    expect(refusal('DD/MM/YYYY', 'x05/03/2026')).toBe('does not match the format DD/MM/YYYY');
    expect(refusal('YYMMDD', '9902011')).toBe('does not match the format YYMMDD');
    expect(refusal('YYYY.MM.DD', '2026x03x05')).toBe('does not match the format YYYY.MM.DD');
  });

  test('regular-expression characters in a format are literals', () => {
    expect(parts('(YYYY)[MM]{DD}+*?^$|\\', '(2026)[03]{05}+*?^$|\\')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(refusal('YYYY.MM', '2026-03')).toBe('does not match the format YYYY.MM');
  });
});

describe('two-digit years (YY): 69–99 are 19xx, 00–68 are 20xx', () => {
  test.each([
    [69, 1969], [70, 1970], [99, 1999], [0, 2000], [1, 2001], [26, 2026], [68, 2068],
  ])('expandYear2(%i) = %i', (yy, year) => {
    expect(expandYear2(yy)).toBe(year);
  });

  test.each([
    ['690101', 1969], ['990201', 1999], ['000101', 2000], ['680101', 2068],
  ])('YYMMDD reads %s in %i', (cell, year) => {
    expect(parts('YYMMDD', cell).year).toBe(year);
  });
});

describe('impossible dates and times are refused, naming the format', () => {
  test.each([
    ['DD/MM/YYYY', '30/02/2026', 'is not a real date (format DD/MM/YYYY)'],
    ['DD/MM/YYYY', '29/02/2026', 'is not a real date (format DD/MM/YYYY)'],
    ['DD/MM/YYYY', '31/04/2026', 'is not a real date (format DD/MM/YYYY)'],
    ['DD/MM/YYYY', '00/01/2026', 'is not a real date (format DD/MM/YYYY)'],
    ['YYMMDD', '991301', 'is not a real date (format YYMMDD)'],
    ['YYMMDD', '990001', 'is not a real date (format YYMMDD)'],
    ['H:mm:ss', '24:00:00', 'is not a real time of day (format H:mm:ss)'],
    ['HH:mm', '25:10', 'is not a real time of day (format HH:mm)'],
    ['HH:mm', '12:60', 'is not a real time of day (format HH:mm)'],
    ['H:mm:ss', '7:02:60', 'is not a real time of day (format H:mm:ss)'],
    ['YYYY-MM-DD HH:mm', '2026-03-05 24:00', 'is not a real time of day (format YYYY-MM-DD HH:mm)'],
  ])('%s refuses "%s"', (format, cell, reason) => {
    expect(refusal(format, cell)).toBe(reason);
  });

  test('29 February of a leap year is a date', () => {
    expect(parts('DD/MM/YYYY', '29/02/2028')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parts('YYMMDD', '000229')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  test('midnight and the last second of a day are times', () => {
    expect(parts('H:mm:ss', '0:00:00')).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(parts('HH:mm:ss', '23:59:59')).toEqual({ hour: 23, minute: 59, second: 59 });
  });
});

describe('formats that are not formats', () => {
  test.each([
    ['', 'the format is empty'],
    ['yyyy-MM-dd', '"y" at position 1 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['YYYY-MM-DD hh:mm', '"h" at position 12 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['YYYY-MM-DD HH:mm:SS', '"S" at position 18 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['YYYY-MM-DD HH:m', '"m" at position 15 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['Y-MM-DD', '"Y" at position 1 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['YYYYY-MM-DD', '"Y" at position 5 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['DD/MM/YYYY a', '"a" at position 12 is not a token (tokens: YYYY YY MM M DD D HH H mm ss)'],
    ['YYYY-MM-DD MM', '"MM" repeats the month already in the format'],
    ['YYYY YY', '"YY" repeats the year already in the format'],
    ['H:mm H', '"H" repeats the hour already in the format'],
    // Issue 18.8: two one-or-two-digit tokens with no separator between them read one value two ways.
    ['YYYYMD', 'M and D both take 1 or 2 digits and nothing separates them, so the digits split two ways (111 is 1 and 11, or 11 and 1); use MM and DD, or put a separator between them'],
    ['YYMD', 'M and D both take 1 or 2 digits and nothing separates them, so the digits split two ways (111 is 1 and 11, or 11 and 1); use MM and DD, or put a separator between them'],
    ['MYYYYD', 'M and D both take 1 or 2 digits and nothing separates them, so the digits split two ways (111 is 1 and 11, or 11 and 1); use MM and DD, or put a separator between them'],
    ['YYYY-MM-DH:mm', 'D and H both take 1 or 2 digits and nothing separates them, so the digits split two ways (111 is 1 and 11, or 11 and 1); use DD and HH, or put a separator between them'],
  ])('"%s": %s', (format, message) => {
    expect(compileError(format)).toBe(message);
  });

  test.each([
    { format: 'YYYYMDD', cell: '2026315', want: { year: 2026, month: 3, day: 15 } },
    { format: 'YYYYMDD', cell: '20261105', want: { year: 2026, month: 11, day: 5 } },
    { format: 'YYYYMMDD H:mm', cell: '20261105 9:05', want: { year: 2026, month: 11, day: 5, hour: 9, minute: 5 } },
  ])('one 1-or-2-digit token in a run of digits is read one way: $format "$cell"', ({ format, cell, want }) => {
    expect(parts(format, cell)).toEqual(want);
  });
});

describe('canonical text', () => {
  test('canonicalDate pads to YYYY-MM-DD', () => {
    expect(canonicalDate({ year: 1999, month: 2, day: 1 })).toBe('1999-02-01');
    expect(canonicalDate(parts('D.M.YYYY', '5.3.2026'))).toBe('2026-03-05');
  });

  test('canonicalDateTime pads to YYYY-MM-DD HH:mm:ss; missing seconds are 0', () => {
    expect(canonicalDateTime({ ...parts('YYMMDD', '990201'), ...parts('H:mm:ss', '7:02:47') })).toBe('1999-02-01 07:02:47');
    expect(canonicalDateTime(parts('M/D/YY H:mm', '2/9/26 9:05'))).toBe('2026-02-09 09:05:00');
  });
});
