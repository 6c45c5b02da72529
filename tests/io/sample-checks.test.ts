// The checks on a file's first 64 KiB (src/io/sample-checks.ts): UTF-8 mixed with other bytes,
// line ends other than LF and CRLF, and a header cell with a bare CR.
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkHeaderCells, checkLineEnds, findMixedUtf8 } from '../../src/io/sample-checks.js';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const gbk = (s: string): Buffer => iconv.encode(s, 'gbk');
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

/** The InputError of `run`, as plain data. */
function inputError(run: () => unknown): { message: string; hint: string | undefined } {
  try {
    run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { message: e.message, hint: e.hint };
  }
  throw new Error('expected an InputError');
}

describe('findMixedUtf8', () => {
  test.each([
    { name: 'UTF-8 names, then Renée in Latin-1', bytes: Buffer.concat([utf8('id,name\nC1,张三\nC2,Ren'), latin1('ée\n')]), expected: { line: 3, byte: 24, utf8Line: 2 } },
    { name: 'GBK rows, then a UTF-8 row', bytes: Buffer.concat([gbk('id,name\nG1,王小明\n'), utf8('U1,陈大文\n')]), expected: { line: 2, byte: 11, utf8Line: 3 } },
    // One UTF-8 character per line (no line is proof), but they outnumber the invalid byte.
    { name: 'many lines of one UTF-8 character, one stray byte on the last', bytes: Buffer.concat([utf8('id,name\nC1,王\nC2,李\nC3,张\n'), latin1('C4,\xe9\n')]), expected: { line: 5, byte: 32, utf8Line: 2 } },
    // The UTF-8 character shares its line with the invalid byte: no line is UTF-8 text.
    { name: 'UTF-8 and a stray byte on one line', bytes: Buffer.concat([utf8('id,name\nC1,张三李'), latin1('\xe9\n')]), expected: { line: 2, byte: 20, utf8Line: undefined } },
  ])('$name → mixed at line $expected.line', ({ bytes, expected }) => {
    expect(findMixedUtf8(bytes, false)).toEqual(expected);
  });

  test.each([
    { name: 'GBK Chinese', bytes: gbk('通话编号,客户姓名,客户地址\nC1,张三丰,广东省深圳市南山区科技园\nC2,李四,上海市浦东新区世纪大道\n') },
    // 李 (C0 EE) is not UTF-8, 的 (B5 C4) neither; 渭 (CE BC) is a valid two-byte UTF-8 sequence by chance.
    { name: 'GBK with a character that happens to be valid UTF-8', bytes: gbk('id,name\nC1,渭\nC2,李\n') },
    { name: 'Latin-1 without any UTF-8', bytes: latin1('id,name\nC1,Renée\nC2,Zoë\n') },
  ])('$name → not mixed (read as GB18030)', ({ bytes }) => {
    expect(findMixedUtf8(bytes, false)).toBeUndefined();
  });

  test('the last line of a sample cut short is not taken for UTF-8 because it ends inside a GBK character', () => {
    // 瓻 in GBK is E7 93 BB…: cut after three bytes it reads as UTF-8 and cannot be GB18030.
    const cut = Buffer.concat([gbk('id,name\nC1,李四\n'), utf8('C2,'), Buffer.from([0xe7, 0x93, 0xbb])]);
    expect(findMixedUtf8(cut, true)).toBeUndefined();
    expect(findMixedUtf8(cut, false)).toEqual({ line: 2, byte: 11, utf8Line: 3 });
  });
});

describe('checkLineEnds', () => {
  const HINT = `save the file again as "CSV UTF-8 (Comma delimited)", or turn every CR into LF: tr '\\r' '\\n' < IN.csv > OUT.csv (the blank lines this leaves are skipped)`;
  const FIRST = { message: 'f.csv: line 1 ends with a bare CR (carriage return): lines must end with LF or CRLF, not CR alone (the old Mac line end)', hint: HINT };
  const at = (line: number): { message: string; hint: string } => ({ message: `f.csv: line ${line}: a bare CR (carriage return) outside quotes: lines must end with LF or CRLF, and a value holding a line break must be quoted`, hint: HINT });
  const opts = { delimiter: ',', quoted: true, cut: false };

  test.each([
    { name: 'CR-only line ends', text: 'a,b\r1,2\r', expected: FIRST },
    { name: 'a header ending with CR alone, then LF', text: 'a,b\r1,2\n3,4\n', expected: FIRST },
    { name: 'blank LF lines, then a CR-only header', text: '\n\na,b\r1,2\r', expected: at(3) },
    { name: 'a bare CR ending line 3 among CRLF and LF', text: 'a,b\r\n1,2\n3,4\r5,6\n', expected: at(3) },
    { name: 'a bare CR inside an unquoted value', text: 'a,b\n1,x\ry\n', expected: at(2) },
    { name: 'a bare CR as the last byte of the whole file', text: 'a,b\n1,2\r', expected: at(2) },
    { name: 'after a quoted value with a line feed: the line count is physical', text: 'a,b\n1,"x\ny"\n2,3\r', expected: at(4) },
    { name: 'a quote that is not at the start of a value does not open one', text: 'a,b\n1,5"x\r2\n', expected: at(2) },
  ])('$name → refused', ({ text, expected }) => {
    expect(inputError(() => checkLineEnds(text, 'f.csv', opts))).toEqual(expected);
  });

  test.each([
    { name: 'LF', text: 'a,b\n1,2\n' },
    { name: 'CRLF', text: 'a,b\r\n1,2\r\n' },
    { name: 'CRLF and LF mixed', text: 'a,b\r\n1,2\n3,4\r\n' },
    { name: 'a bare CR inside a quoted value', text: 'a,b\n1,"x\ry"\n' },
    { name: 'an escaped quote before the CR inside a quoted value', text: 'a,b\n1,"x""\ry"\n' },
    { name: 'a BOM and no line end at all', text: '\ufeffa,b' },
    { name: 'a tab-delimited file with a quoted CR', text: 'a\tb\n1\t"x\ry"\n' },
  ])('$name → accepted', ({ text }) => {
    expect(() => checkLineEnds(text, 'f.csv', { ...opts, delimiter: text.includes('\t') ? '\t' : ',' })).not.toThrow();
  });

  test('a sample cut right after a CR: the next byte may be its LF, so it is not refused', () => {
    expect(() => checkLineEnds('a,b\r\n1,2\r', 'f.csv', { ...opts, cut: true })).not.toThrow();
    expect(inputError(() => checkLineEnds('a,b\r\n1,2\r', 'f.csv', opts))).toEqual(at(2));
  });

  test('a format without quoting: a quote does not hide a bare CR', () => {
    const text = '1|"x\ry"|z\n';
    expect(() => checkLineEnds(text, 'queue_log', { delimiter: '|', quoted: true, cut: false })).not.toThrow();
    expect(inputError(() => checkLineEnds(text, 'f.csv', { delimiter: '|', quoted: false, cut: false }))).toEqual(FIRST);
  });
});

describe('checkHeaderCells', () => {
  test('a bare CR in a column name: refused naming the column', () => {
    expect(inputError(() => checkHeaderCells(['call_id', 'customer\rname'], 'f.csv', 3))).toEqual({
      message: 'f.csv: line 3: column 2 of the header holds a bare CR (carriage return): this is not a header line',
      hint: 'a column name cannot hold a line break: remove it from the first line',
    });
  });

  test('CRLF or LF in a quoted column name, or none: accepted here', () => {
    expect(() => checkHeaderCells(['call_id', 'wait\r\n(s)', 'talk\n(s)', 'outcome'], 'f.csv', 1)).not.toThrow();
  });
});
