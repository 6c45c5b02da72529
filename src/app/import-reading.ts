/** What an import learns of a file as the parsing worker's messages pass on to the writer. */
import type { WriteEvent } from '../db/import-writer.js';
import { InputError } from '../errors.js';
import type { ConvertStage } from '../io/convert-stage.js';
import type { EndMessage, ReadEnd, StartMessage } from '../io/import-protocol.js';
import type { ImportSource } from '../io/import-source.js';
import { RejectsWriter } from '../io/rejects.js';
import type { ImportEnv, ImportOptions } from './import-files.js';

/**
 * What the parsing worker told of a file, as its messages go on to the writer: the header (notices
 * said, the rejects file opened), the rows the writing thread checks itself (ConvertStage.check),
 * the rows counted, and at the end the profile's report and the hash of the bytes read.
 */
export class FileReading {
  start: StartMessage | undefined;
  rejects: RejectsWriter | undefined;
  rows = 0;
  sha256 = '';
  report: EndMessage['report'] = null;
  /** Where the read ended (docs/growing-logs.md). */
  read: ReadEnd | undefined;

  constructor(
    private readonly opts: ImportOptions,
    private readonly env: ImportEnv,
    private readonly stage: ConvertStage,
    private readonly file: string,
    /** What was appended to a file imported before: no rows there is no empty export (docs/growing-logs.md). */
    private readonly continuation = false,
  ) {}

  async *events(source: ImportSource): AsyncGenerator<WriteEvent> {
    for await (const m of source) {
      if (m.type === 'start') {
        this.started(m);
        yield m;
      } else if (m.type === 'batch') {
        this.stage.check(m);
        this.rows += m.records;
        yield m;
      } else {
        this.sha256 = m.sha256;
        this.report = m.report;
        this.read = m.read;
        if (m.appendedWhileRead > 0) this.env.notice(`${this.file}: ${m.appendedWhileRead} bytes were appended while it was read: left for the next import`, true);
        yield { type: 'end', rows: this.rows, sha256: m.sha256, read: m.read };
        if (this.rows === 0 && this.opts.requireRows && !this.continuation) {
          throw new InputError(`${this.file}: no data rows, only a header: nothing was imported (--require-rows)`, { hint: 'the export may have run before the data was there; export it again' });
        }
      }
    }
  }

  private started(m: StartMessage): void {
    this.start = m;
    for (const n of m.notices) this.env.notice(n.line, n.note);
    this.stage.start(m.fileHeader);
    if (this.opts.skipInvalid) this.rejects = new RejectsWriter(this.opts.rejects ?? `${this.file.replace(/\.[^.]*$/, '')}.rejects.csv`, m.rejectsHeaders, this.opts.force);
  }
}
