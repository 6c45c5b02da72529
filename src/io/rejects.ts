/**
 * The --rejects file of `--skip-invalid`: each bad row as it was in the input, with its line
 * and the reason, in CSV (UTF-8 with BOM, formulas neutralised). Written to a temporary file and
 * renamed when the import commits; removed when it does not.
 */
import { closeSync, fsyncSync, renameSync, rmSync } from 'node:fs';
import { checkOutputTarget, writeChunk } from './output.js';
import { csvLine } from './render/csv-line.js';
import { createTempFile, removeStaleTemps } from './temp-files.js';

interface RejectRow {
  line: number;
  column: string;
  reason: string;
  hint?: string;
  record: string[];
}

export class RejectsWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private count = 0;
  constructor(
    /** Where the file goes when the import commits with rejected rows. */
    readonly path: string,
    private readonly headers: string[],
    force: boolean,
  ) {
    checkOutputTarget(path, force, '--rejects file');
    removeStaleTemps(path);
    ({ path: this.tmp, fd: this.fd } = createTempFile(path, 0o600));
    writeChunk(this.fd, '\ufeff' + this.line([...headers, 'line', 'reason']));
  }
  private line(cells: (string | number)[]): string {
    return csvLine(cells);
  }
  write(issue: RejectRow): void {
    if (this.fd === undefined) return;
    const cells = this.headers.map((_, i) => issue.record[i] ?? '');
    const extra = issue.record.slice(this.headers.length);
    const reason = (issue.column ? `${issue.column}: ` : '') + issue.reason + (extra.length ? ` [extra fields: ${extra.join(' | ')}]` : '');
    writeChunk(this.fd, this.line([...cells, issue.line, reason]));
    this.count++;
  }
  /** Keeps the file when rows were rejected. */
  commit(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    if (this.count > 0) renameSync(this.tmp, this.path);
    else rmSync(this.tmp, { force: true });
  }
  /** Removes the temporary file (after a failed import). */
  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }
}
