/**
 * Records of a format without quoting (Asterisk queue_log): a line is a record and the delimiter
 * splits it, nothing else. csv-parse would do the same, but it builds an error object for every
 * line whose field count differs from the first line's (queue_log lines have 6 to 9 fields), which
 * makes it much slower (docs/performance.md, "Unquoted formats split by lines").
 */
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';

/** Splits decoded text (strings, or validated UTF-8 buffers) into records; emits one string[] per line. */
export class LineSplitter extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private line: number;
  private first: boolean;
  /** `firstLine`: the number of the first line split (a read that continues a growing file begins further on, with no byte-order mark). */
  constructor(
    private readonly delimiter: string,
    private readonly file: string,
    private readonly maxLine: number,
    firstLine = 1,
  ) {
    super({ readableObjectMode: true, writableObjectMode: false, decodeStrings: false });
    this.line = firstLine - 1;
    this.first = firstLine === 1;
  }

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, done: TransformCallback): void {
    let text = this.carry + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (nl - start > this.maxLine) return done(this.tooLong());
      this.emit_(text, start, nl);
      start = nl + 1;
    }
    this.carry = text.slice(start);
    if (this.carry.length > this.maxLine) return done(this.tooLong());
    done();
  }

  override _flush(done: TransformCallback): void {
    const rest = this.carry + this.decoder.end();
    if (rest.length > this.maxLine) return done(this.tooLong());
    if (rest.length > 0) this.emit_(rest, 0, rest.length);
    done();
  }

  private emit_(text: string, start: number, end: number): void {
    this.line++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    this.push(text.slice(start, end).split(this.delimiter));
  }

  private tooLong(): InputError {
    const limit = this.maxLine >= 1048576 ? `${Math.round(this.maxLine / 1048576)} MiB` : `${this.maxLine} characters`;
    return new InputError(`${this.file}: line ${this.line + 1}: the line is longer than ${limit}`, { hint: 'this is not a line-per-record log; check the file and --profile' });
  }
}
