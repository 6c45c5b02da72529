/**
 * The thread an import runs in. `hotline import` does its validation and SQLite writes here, in
 * a worker with a small heap limit, so that the garbage of a million converted rows is collected
 * early instead of growing the process (the main thread's heap has no limit that a running
 * process can set). The main thread keeps the terminal: progress bar, messages, Ctrl-C (a shared
 * flag the import checks between batches) and the exit code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importFile, type ImportOptions, type ImportSummary } from '../app/import-files.js';
import type { ImportKind } from '../domain/kinds.js';
import { toDbStateError } from '../db/errors.js';
import { DbStateError, toSystemStateError, toWire, type WireError } from '../errors.js';
import { openDb } from './context.js';
import { protectFile } from '../io/protected-files.js';
import { resolveDbPath } from '../db/path.js';
import type { ImportFlags } from './actions/import.js';
import type { GlobalOptions } from './options.js';
import type { Policy } from '../domain/policy.js';
import type { Runtime } from './runtime.js';

export interface ImportJob {
  kind: ImportKind;
  files: string[];
  flags: ImportFlags;
  globals: GlobalOptions;
  policy: Policy;
  env: Record<string, string | undefined>;
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
  const { loadMapping } = await import('../io/mapping/mapping.js');
  const mapping = job.flags.mapping ? loadMapping(job.flags.mapping, job.kind) : undefined;
  const flag = new Int32Array(job.interrupt);
  const started = Math.floor(Date.now() / 1000);
  const now = (): number => job.now + Math.floor(Date.now() / 1000) - started;
  const rt = { env: job.env } as unknown as Runtime;
  for (const f of job.files) protectFile(f, 'the input file'); // a --rejects file may not replace one
  const handle = openDb(job.globals, rt, { durable: true, create: true });
  try {
    const quick = handle.db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') {
      throw new DbStateError(`${handle.path}: the database fails its quick check (${String(quick)}); nothing was imported`, { hint: 'run hotline db check, and restore from a backup copy' });
    }
    const { flags, policy } = job;
    const opts: ImportOptions = {
      kind: job.kind, files: job.files, encoding: flags.encoding, delimiter: flags.delimiter, sourceZone: flags.sourceTz, zone: policy.timezone, kpi: policy.kpi,
      skipInvalid: flags.skipInvalid ?? false, rejects: flags.rejects, force: flags.force ?? false, again: flags.again ?? false, profile: flags.profile, mapping, requireRows: flags.requireRows ?? false,
      calendars: policy.calendars,
    };
    for (const file of job.files) {
      post({ type: 'file', file });
      const summary = await importFile(file, opts, {
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
    (e: unknown) => port.postMessage({ type: 'error', error: toWire(toDbStateError(e, resolveDbPath(job.globals.db, job.env)) ?? toSystemStateError(e) ?? e) } satisfies ThreadMessage),
  );
}
