/**
 * Checks made once per file on its first 64 KiB (the sample that encoding and delimiter detection
 * read): line ends other than LF and CRLF.
 * They cost nothing per row.
 */
import { InputError } from '../errors.js';

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
