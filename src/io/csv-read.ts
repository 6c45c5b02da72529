/**
 * Reading delimited text files: encoding and delimiter detection, strict decoding, and a
 * stream of records with their physical line numbers (csv-parse does the parsing).
 */
import { closeSync, createReadStream, openSync, read, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../errors.js';
import { Channel } from './channel.js';
import { LineSplitter } from './line-split.js';
import { checkLineEnds, findMixedUtf8, mixedEncodingError } from './sample-checks.js';
import type { Encoding } from './encodings.js';
import type { ReadDigest } from './file-stamp.js';

export type { Encoding } from './encodings.js';

export interface Sniffed {
  encoding: Encoding;
  delimiter: string;
  /** Messages for stderr, e.g. "decoded as GB18030". */
  notices: string[];
}

const SAMPLE_BYTES = 64 * 1024;

/** The first 64 KiB of a file named by its path, or of one already open (`source` a descriptor: the import reads it once). */
function readSample(source: string | number): Buffer {
  const fd = typeof source === 'number' ? source : openSync(source, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const n = readSync(fd, buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    if (fd !== source) closeSync(fd);
  }
}

function rejectBinary(sample: Buffer, file: string): void {
  const hex = sample.subarray(0, 4).toString('hex');
  if (hex === '504b0304') throw new InputError(`${file}: this is an Excel workbook (.xlsx), not a CSV file`, { hint: 'open it in Excel and save as "CSV UTF-8 (Comma delimited)"' });
  if (hex === 'd0cf11e0') throw new InputError(`${file}: this is an old Excel workbook (.xls), not a CSV file`, { hint: 'open it in Excel and save as "CSV UTF-8 (Comma delimited)"' });
  if (sample.subarray(0, 4).toString('latin1') === '%PDF') throw new InputError(`${file}: this is a PDF file, not a CSV file`);
  const nul = sample.indexOf(0);
  if (nul >= 0) {
    const line = 1 + countNewlines(sample.subarray(0, nul));
    throw new InputError(`${file}: line ${line}: byte ${nul}: NUL byte: this is a binary file, not a CSV text export`, { hint: 'export the data as CSV text' });
  }
}

/** Strips an incomplete multi-byte sequence cut off at the end of a sample. */
function trimCutSequence(sample: Buffer): Buffer {
  let end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = sample[end - i] as number;
    if ((b & 0xc0) !== 0x80) return (b & 0x80) === 0 ? sample : sample.subarray(0, end - i);
  }
  return sample;
}

/**
 * Detects the encoding (a BOM, valid UTF-8, UTF-8 mixed with other bytes: refused, else GB18030)
 * and the delimiter of a file, and refuses line ends other than LF and CRLF (src/io/sample-checks.ts).
 * `source`: a path, or a descriptor already open. `quoted` false: a format without quoting.
 * `limit`: the bytes an import will read (a phone-system log's last line, not ended yet, is not).
 */
export function sniffFile(source: string | number, file: string, opts: { encoding?: Encoding; delimiter?: string; quoted?: boolean; limit?: number }): Sniffed {
  const whole = readSample(source);
  if (whole.length === 0) throw new InputError(`${file}: the file is empty (0 bytes)`, { hint: 'export the data again; a file needs at least a header line' });
  const sample = opts.limit !== undefined && opts.limit < whole.length ? whole.subarray(0, opts.limit) : whole;
  if (sample.length === 0) {
    // No line end at all: a file that is not such a log at all (CR line ends …) is refused as such.
    sniffFile(source, file, { ...opts, limit: undefined });
    throw new InputError(`${file}: no line is complete yet (the file has no line end)`, { hint: 'import it again once the program that writes it has written a line' });
  }
  const notices: string[] = [];
  const cut = sample.length === SAMPLE_BYTES;
  let encoding = opts.encoding;
  if (!encoding) {
    if (sample[0] === 0xff && sample[1] === 0xfe) encoding = 'utf-16le';
    else if (sample[0] === 0xfe && sample[1] === 0xff) encoding = 'utf-16be';
    else {
      rejectBinary(sample, file);
      const whole = cut ? trimCutSequence(sample) : sample;
      // A UTF-8 byte-order mark says UTF-8 as a UTF-16 one says UTF-16: a byte that is not UTF-8
      // is then refused where it is (Utf8Validator), not read as GB18030 with the mark.
      const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
      if (bom || isUtf8(whole)) encoding = 'utf-8';
      else {
        const mixed = findMixedUtf8(whole, cut);
        if (mixed) throw mixedEncodingError(file, mixed);
        encoding = 'gb18030';
        notices.push(`${file}: not UTF-8; decoding as GB18030 (GBK). Use --encoding to choose another.`);
      }
    }
  }
  const head = new TextDecoder(encoding).decode(sample);
  if (head.replace(/^\ufeff/, '').trim() === '') throw new InputError(`${file}: the file has no header line (only a byte-order mark or blank lines)`);
  const delimiter = opts.delimiter ?? detectDelimiter(head);
  checkLineEnds(head, file, { delimiter, quoted: opts.quoted !== false, cut });
  return { encoding, delimiter, notices };
}

/** The candidate (`,` `;` tab `|`) that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of text.replace(/^\ufeff/, '').replace(/^[\r\n]+/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) as number)) best = d;
  return best;
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Strict streaming decoder: a byte sequence invalid in the encoding is an InputError with line and byte. */
class StrictDecoder extends Transform {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private bytes: number;
  private newlines: number;
  /** `at`: where the read begins (a continuation of a growing file), for the byte and line in messages. */
  constructor(private readonly encoding: Encoding, private readonly file: string, at: ReadStart = FILE_START) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder(encoding, { fatal: true });
    this.bytes = at.offset;
    this.newlines = at.line - 1;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.bytes += chunk.length;
      this.newlines += countNewlines(chunk);
      done(null, text);
    } catch {
      done(this.decodeError(chunk));
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new InputError(`${this.file}: line ${this.newlines + 1}: the file ends in the middle of a ${this.encoding} character`, { hint: 'the file is truncated or not in this encoding; try --encoding' }));
    }
  }
  private decodeError(chunk: Buffer): InputError {
    // The first bad byte: the shortest prefix of this chunk that fails to decode.
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder(this.encoding, { fatal: true }).decode(chunk.subarray(0, mid + 1), { stream: true });
        lo = mid + 1;
      } catch {
        hi = mid;
      }
    }
    const offset = lo;
    const line = this.newlines + 1 + countNewlines(chunk.subarray(0, offset));
    const other = this.encoding === 'utf-8' ? 'gb18030' : 'utf-8';
    return new InputError(`${this.file}: line ${line}: byte ${this.bytes + offset}: invalid ${this.encoding} bytes`, {
      hint: `the file mixes encodings or is not ${this.encoding}; try --encoding ${other}`,
    });
  }
}

/** Where a read begins: a byte offset at the start of a line, and that line's number (1-based). */
export interface ReadStart {
  offset: number;
  line: number;
}

const FILE_START: ReadStart = { offset: 0, line: 1 };

/** Where a read of records ended (ReadOptions.tally). */
export interface ReadTally {
  lines: number;
  lastRecordLine: number;
}

export interface SourceRecord {
  record: string[];
  /** Physical line where the record starts (1-based). */
  line: number;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
}

/**
 * Files are read 32 KiB at a time: the records of one read are converted and posted before the
 * next read, so few of them are alive when the parsing worker's young generation is collected,
 * and the survivors are what a collection copies (docs/performance.md, "Small reads, small
 * batches, many in flight").
 */
const READ_CHUNK = 32 * 1024;

/** The largest record csv-parse accepts: a longer one is almost surely an unclosed quote, and memory stays bounded. */
const MAX_RECORD_SIZE = 4 * 1024 * 1024;

/** csv-parse error → InputError naming the file, line and reason. */
function csvError(e: CsvError, file: string, startLine?: number): InputError {
  const reached = (e as unknown as { lines?: number }).lines;
  const line = startLine ?? reached;
  const reason = startLine === undefined ? e.message.replace(/^[^:]*: /, '')
    : e.code === 'CSV_MAX_RECORD_SIZE' ? `the record starting on this line is larger than 4 MiB${reached !== undefined && reached !== startLine ? ` (reading stopped at line ${reached})` : ''}`
    : `a quoted value opened on line ${startLine} is never closed`;
  const hints: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed: the whole file is refused; fix the quote and import again',
    INVALID_OPENING_QUOTE: 'a quote inside an unquoted value; quote the whole value and double the inner quote ("")',
    CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote; double the quote ("") inside a quoted value',
    CSV_MAX_RECORD_SIZE: 'one record is larger than 4 MiB: probably an unclosed quote',
  };
  return new InputError(`${file}: line ${line ?? '?'}: ${reason}`, { hint: hints[e.code] });
}

/**
 * UTF-8 input is validated without decoding (isUtf8 on each chunk, an incomplete character
 * carried to the next), and csv-parse decodes only the fields: no text is decoded twice.
 */
class Utf8Validator extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private bytes: number;
  private newlines: number;
  constructor(private readonly file: string, at: ReadStart = FILE_START) {
    super();
    this.bytes = at.offset;
    this.newlines = at.line - 1;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = trimCutSequence(buf);
    if (!isUtf8(whole)) return done(this.error(whole));
    const nul = whole.indexOf(0);
    if (nul >= 0) {
      const line = this.newlines + 1 + countNewlines(whole.subarray(0, nul));
      return done(new InputError(`${this.file}: line ${line}: byte ${this.bytes + nul}: NUL byte: this is a binary file, not a CSV text export`, { hint: 'export the data as CSV text' }));
    }
    this.carry = Buffer.from(buf.subarray(whole.length));
    if (this.carry.length > 3) return done(this.error(buf));
    this.bytes += whole.length;
    this.newlines += countNewlines(whole);
    done(null, whole);
  }
  override _flush(done: TransformCallback): void {
    // The carry is held back in case the next chunk completes it; at the end it is the file's
    // last character, whole (a line without its line end, ending in 号) or cut short.
    if (this.carry.length) return isUtf8(this.carry) ? done(null, this.carry) : done(this.error(this.carry));
    done();
  }
  private error(chunk: Buffer): InputError {
    // ignoreBOM: a BOM at the start is kept in the text, so that the offset counts its 3 bytes.
    const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk);
    const bad = Math.max(0, lossy.indexOf('\ufffd'));
    const offset = Buffer.byteLength(lossy.slice(0, bad));
    const line = this.newlines + 1 + countNewlines(chunk.subarray(0, offset));
    return new InputError(`${this.file}: line ${line}: byte ${this.bytes + offset}: invalid UTF-8 bytes`, {
      hint: 'the file mixes encodings or is not UTF-8; try --encoding gb18030',
    });
  }
}

/**
 * A descriptor given to readRecordBatches stays open when its stream is destroyed (a ReadStream
 * closes its descriptor through `fs.close` even with autoClose false): the caller checks the
 * file through it afterwards, then closes it.
 */
const KEEP_OPEN = { read, close: (_fd: number, done: (e: null) => void): void => done(null) };

export interface ReadOptions {
  /** False: '"' is an ordinary character (formats without quoting). */
  quoted?: boolean;
  /** Read this open descriptor (from byte 0; left open) instead of opening `path`. */
  fd?: number;
  /** Fed every chunk read, in order: the hash of exactly the bytes parsed (one read, no second pass). */
  digest?: ReadDigest;
  /** Read from this line start (a continuation of a growing file, docs/growing-logs.md); default the start of the file. */
  from?: ReadStart;
  /** Read up to this byte offset (exclusive); default the end of the file. */
  to?: number;
  /**
   * Set once the records are all read: the physical lines read (counted from the start of the
   * file, a last line without its end included), and the line the last record began on.
   */
  tally?: ReadTally;
}

/**
 * Streams the records of a delimited file, a batch of already-parsed records at a time (the
 * first record is the header). Blank lines are skipped; line numbers stay physical.
 */
export async function* readRecordBatches(path: string, file: string, sniffed: Sniffed, opts: ReadOptions = {}): AsyncGenerator<SourceRecord[]> {
  const from = opts.from ?? FILE_START;
  if (opts.to !== undefined && opts.to <= from.offset) {
    if (opts.tally) Object.assign(opts.tally, { lines: from.line - 1, lastRecordLine: 0 });
    return;
  }
  // createReadStream's end is inclusive.
  const range = { start: from.offset, end: opts.to === undefined ? undefined : opts.to - 1 };
  const input = opts.fd === undefined ? createReadStream(path, { ...range, highWaterMark: READ_CHUNK }) : createReadStream(path, { fd: opts.fd, ...range, autoClose: false, fs: KEEP_OPEN, highWaterMark: READ_CHUNK });
  let bytes = 0;
  const digest = opts.digest;
  input.on('data', (chunk) => {
    bytes += chunk.length;
    digest?.update(chunk as Buffer);
  });
  const decoder = sniffed.encoding === 'utf-8' ? new Utf8Validator(file, from) : new StrictDecoder(sniffed.encoding, file, from);
  // A format without quoting is split by lines (src/io/line-split.ts), faster than csv-parse on
  // lines of varying field counts; everything else goes through csv-parse.
  const quoted = opts.quoted !== false;
  const parser = !quoted
    ? new LineSplitter(sniffed.delimiter, file, MAX_RECORD_SIZE, from.line)
    : parse({
      delimiter: sniffed.delimiter,
      record_delimiter: ['\r\n', '\n'],
      // A byte-order mark is one only at the start of the file.
      bom: from.offset === 0,
      quote: '"',
      relax_column_count: true,
      max_record_size: MAX_RECORD_SIZE,
    });
  /** A token each time the parser may have records, has ended or a stage failed (the first failure is kept). */
  const ready = new Channel<void>();
  let ended = false;
  let failure: unknown;
  const fail = (e: unknown): void => {
    failure ??= e;
    ready.put();
  };
  input.on('error', fail);
  decoder.on('error', fail);
  parser.on('error', fail);
  parser.on('readable', () => ready.put());
  parser.on('end', () => {
    ended = true;
    ready.put();
  });
  input.pipe(decoder).pipe(parser);
  // Physical line numbers: one per record, plus the line feeds inside quoted values.
  let next = from.line;
  let lastRecordLine = 0;
  try {
    for (;;) {
      const batch: SourceRecord[] = [];
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        const line = next++;
        lastRecordLine = line;
        if (quoted) for (const field of record) if (field.includes('\n')) next += field.split('\n').length - 1;
        if (record.length === 1 && record[0] === '') continue;
        batch.push({ record, line, bytes });
      }
      if (failure) throw failure;
      if (batch.length > 0) yield batch;
      else if (ended) {
        if (opts.tally) Object.assign(opts.tally, { lines: next - 1, lastRecordLine });
        return;
      }
      else await ready.take();
    }
  } catch (e) {
    // Both errors are about the record that starts on the line after the last one read: name it,
    // not the line csv-parse had reached (a quote left open on line 2 runs on for 4 MiB of lines).
    if (e instanceof CsvError) throw csvError(e, file, e.code === 'CSV_QUOTE_NOT_CLOSED' || e.code === 'CSV_MAX_RECORD_SIZE' ? next : undefined);
    throw e;
  } finally {
    input.destroy();
    parser.destroy();
  }
}
