/**
 * Checks made once per file on its first 64 KiB (the sample that encoding and delimiter detection
 * read): UTF-8 text mixed with bytes that are not UTF-8, and line ends other than LF and CRLF.
 * They cost nothing per row: the rest of the file is checked by the strict decoders and csv-parse.
 */
import { InputError } from '../errors.js';

/** Where a sample that is not valid UTF-8 shows UTF-8 text too. */
export interface MixedEncoding {
  /** The first byte that is not UTF-8: its line (1-based) and offset in the file (0-based). */
  line: number;
  byte: number;
  /** A line that is UTF-8 text (the first one found), if any line is wholly UTF-8. */
  utf8Line?: number;
}

/** Length of the well-formed UTF-8 sequence at `i` (2–4), or 0 when the bytes there are not one. */
function sequenceLength(buf: Buffer, i: number): number {
  const b = buf[i] as number;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) len = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + len > buf.length) return 0;
  const second = buf[i + 1] as number;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < len; k++) if (((buf[i + k] as number) & 0xc0) !== 0x80) return 0;
  return len;
}

function isGb18030(bytes: Buffer): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A sample that is not valid UTF-8 is GBK (GB18030) text, unless it also holds UTF-8 text: a line
 * that is wholly UTF-8 with two or more characters of three bytes (Chinese), or that is UTF-8 and
 * cannot be GB18030, or more three-byte UTF-8 characters than bytes that are not UTF-8. GBK text
 * read as UTF-8 gives an invalid byte at most of its characters, and a GBK line always decodes as
 * GB18030, so none of these happens in a GBK file. `cut`: the sample stops before the end of the
 * file. Returns where the sample mixes them, or undefined.
 */
export function findMixedUtf8(sample: Buffer, cut: boolean): MixedEncoding | undefined {
  let line = 1;
  let lineStart = 0;
  let lineMulti = 0;
  let lineThree = 0;
  let lineInvalid = false;
  let threeByte = 0;
  let invalid = 0;
  let first: { line: number; byte: number } | undefined;
  let proof: number | undefined;
  let utf8Line: number | undefined;
  /** `partial`: the last line of a sample cut short, which may end inside a GBK character. */
  const endLine = (end: number, partial = false): void => {
    if (lineMulti === 0 || lineInvalid) return;
    utf8Line ??= line;
    if (proof === undefined && (lineThree >= 2 || (!partial && !isGb18030(sample.subarray(lineStart, end))))) proof = line;
  };
  for (let i = 0; i < sample.length; ) {
    const b = sample[i] as number;
    if (b < 0x80) {
      if (b === 0x0a) {
        endLine(i);
        line++;
        lineStart = i + 1;
        lineMulti = lineThree = 0;
        lineInvalid = false;
      }
      i++;
      continue;
    }
    const len = sequenceLength(sample, i);
    if (len > 0) {
      lineMulti++;
      if (len >= 3) {
        lineThree++;
        threeByte++;
      }
      i += len;
    } else {
      invalid++;
      first ??= { line, byte: i };
      lineInvalid = true;
      i++;
    }
  }
  endLine(sample.length, cut);
  if (!first || (proof === undefined && threeByte <= invalid)) return undefined;
  return { ...first, utf8Line: proof ?? utf8Line };
}

/** The refusal of a file whose sample mixes UTF-8 and other bytes. */
export function mixedEncodingError(file: string, m: MixedEncoding): InputError {
  const though = m.utf8Line !== undefined ? `, though line ${m.utf8Line} is UTF-8 text` : ' among UTF-8 text';
  return new InputError(`${file}: line ${m.line}: byte ${m.byte}: not UTF-8${though}: the file mixes encodings`, {
    hint: 'export the file again in one encoding (UTF-8), or say which encoding it is in with --encoding utf-8 or --encoding gbk',
  });
}

const LINE_END_HINT = `save the file again as "CSV UTF-8 (Comma delimited)", or turn every CR into LF: tr '\\r' '\\n' < IN.csv > OUT.csv (the blank lines this leaves are skipped)`;

/**
 * Refuses a sample with a carriage return (CR) that is not followed by a line feed, outside a
 * quoted value: lines ending with CR alone (old Mac files) would make the whole file one header
 * line, and one such line among LF lines would join two records. `quoted` false: a format without
 * quoting (every '"' is text). `cut`: the sample stops before the end of the file.
 */
export function checkLineEnds(text: string, file: string, opts: { delimiter: string; quoted: boolean; cut: boolean }): void {
  let line = 1;
  let ended = false;
  let inQuotes = false;
  let fieldStart = true;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      ended = true;
      fieldStart = true;
      continue;
    }
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && fieldStart && opts.quoted) {
      inQuotes = true;
      fieldStart = false;
    } else if (c === opts.delimiter) fieldStart = true;
    else if (c === '\r') {
      if (text[i + 1] === '\n') continue;
      if (i + 1 === text.length && opts.cut) return;
      throw ended
        ? new InputError(`${file}: line ${line}: a bare CR (carriage return) outside quotes: lines must end with LF or CRLF, and a value holding a line break must be quoted`, { hint: LINE_END_HINT })
        : new InputError(`${file}: line 1 ends with a bare CR (carriage return): lines must end with LF or CRLF, not CR alone (the old Mac line end)`, { hint: LINE_END_HINT });
    } else fieldStart = false;
  }
}

/** Refuses a header with a bare CR in a column name (quoted: the sample check sees only unquoted ones). */
export function checkHeaderCells(cells: readonly string[], file: string, line: number): void {
  const at = cells.findIndex((c) => /\r(?!\n)/.test(c));
  if (at < 0) return;
  throw new InputError(`${file}: line ${line}: column ${at + 1} of the header holds a bare CR (carriage return): this is not a header line`, {
    hint: 'a column name cannot hold a line break: remove it from the first line',
  });
}
