/**
 * The thread an import runs in. `hotline import` does its validation and SQLite writes here, in
 * a worker with a small heap limit, so that the garbage of a million converted rows is collected
 * early instead of growing the process (the main thread's heap has no limit that a running
 * process can set). The main thread keeps the terminal: progress bar, messages, Ctrl-C (a shared
 * flag the import checks between batches) and the exit code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importFile, type ImportOptions, type ImportSummary } from '../app/import-files.js';
import { openDatabase } from '../db/connection.js';
import { toDbStateError } from '../db/errors.js';
import { DbStateError, toSystemStateError, toWire, type WireError } from '../errors.js';
import { protectFile } from '../io/protected-files.js';

export interface ImportJob {
  /** The database file, as the command resolved it (--db, $HOTLINE_DB or the default). */
  db: { path: string; busyTimeoutMs: number };
  /** What to import and how: the command's flags and the policy, resolved (a mapping file read and checked). */
  options: ImportOptions;
  /** Int32Array over it: [0] becomes 1 on Ctrl-C / SIGTERM. */
  interrupt: SharedArrayBuffer;
  /** Epoch seconds of the ledger's clock at the start (the main thread's Runtime.now). */
  now: number;
}

export type ThreadMessage =
  /** `note`: information only (the encoding a file was read in), shown on a terminal or with --verbose. */
  | { type: 'notice'; line: string; note?: boolean }
  | { type: 'file'; file: string }
  | { type: 'progress'; bytes: number; total: number }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'done' }
  | { type: 'error'; error: WireError };

/** Runs the job's files in turn; posts what the main thread shows. */
export async function runJob(job: ImportJob, post: (m: ThreadMessage) => void): Promise<void> {
  const { options } = job;
  const flag = new Int32Array(job.interrupt);
  const started = Math.floor(Date.now() / 1000);
  const now = (): number => job.now + Math.floor(Date.now() / 1000) - started;
  // A --rejects file may not replace an input or the mapping (the registry is per thread).
  for (const f of options.files) protectFile(f, 'the input file');
  if (options.mapping) protectFile(options.mapping.file, 'the mapping file');
  const handle = openDatabase({ ...job.db, durable: true, create: true });
  try {
    const quick = handle.db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') {
      throw new DbStateError(`${handle.path}: the database fails its quick check (${String(quick)}); nothing was imported`, { hint: 'run hotline db check, and restore from a backup copy' });
    }
    for (const file of options.files) {
      post({ type: 'file', file });
      const summary = await importFile(file, options, {
        db: handle.db, dbPath: handle.path, now, isInterrupted: () => Atomics.load(flag, 0) === 1,
        notice: (line, note) => post({ type: 'notice', line, note }),
        progress: (_f, bytes, total) => post({ type: 'progress', bytes, total }),
      });
      post({ type: 'summary', summary });
    }
    try {
      handle.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      // The imports above are committed (in the WAL); copying them into the main file can wait
      // for the next connection. A failure here (a full disk) must not report them as lost.
      post({ type: 'notice', line: `warning: ${handle.path}: the imports are committed, but moving them from the -wal file into the database failed (${(e as Error).message}); SQLite retries on the next run` });
    }
  } finally {
    handle.close();
  }
}

if (parentPort && (workerData as { importJob?: ImportJob } | undefined)?.importJob) {
  const port = parentPort;
  const job = (workerData as { importJob: ImportJob }).importJob;
  runJob(job, (m) => port.postMessage(m)).then(
    () => port.postMessage({ type: 'done' } satisfies ThreadMessage),
    (e: unknown) => port.postMessage({ type: 'error', error: toWire(toDbStateError(e, job.db.path) ?? toSystemStateError(e) ?? e) } satisfies ThreadMessage),
  );
}
