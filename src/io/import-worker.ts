/**
 * Worker thread of an import: reads, decodes, parses and validates the file, and posts the
 * converted rows to the main thread in batches, which inserts them. Parsing (the slow part)
 * thus runs on the second core while SQLite writes on the first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KIND_SPECS } from '../domain/kinds.js';
import { AppError } from '../errors.js';
import { readRecords, sniffFile } from './csv-read.js';
import { buildRowPlan, type RowPlan } from './row-plan.js';
import type { SourceJob, SourceMessage, SourceIssue } from './import-protocol.js';

const MAX_IN_FLIGHT = 4;

async function run(job: SourceJob, post: (m: SourceMessage) => void, waitForAck: () => Promise<void>): Promise<void> {
  const sniffed = sniffFile(job.path, job.file, job);
  let plan: RowPlan | undefined;
  let rows: unknown[][] = [];
  let lines: number[] = [];
  let issues: SourceIssue[] = [];
  let total = 0;
  let inFlight = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    post({ type: 'batch', rows, lines, issues, bytes });
    rows = [];
    lines = [];
    issues = [];
    if (++inFlight >= MAX_IN_FLIGHT) {
      await waitForAck();
      inFlight--;
    }
  };
  for await (const rec of readRecords(job.path, job.file, sniffed)) {
    bytes = rec.bytes;
    if (!plan) {
      plan = buildRowPlan(KIND_SPECS[job.kind], rec.record, { file: job.file, zone: job.zone, sourceZone: job.sourceZone });
      post({ type: 'start', encoding: sniffed.encoding, delimiter: sniffed.delimiter, notices: sniffed.notices, columns: plan.columns, headers: plan.headers, ignored: plan.ignored });
      continue;
    }
    if (rec.record.every((f) => f.trim() === '')) continue;
    total++;
    const out = plan.convert(rec.record, rec.line);
    if ('values' in out) {
      rows.push(out.values);
      lines.push(rec.line);
    } else {
      issues.push({ ...out.issue, record: rec.record });
    }
    if (rows.length + issues.length >= job.batchSize) await flush();
  }
  if (!plan) throw new AppError(`${job.file}: the file has no header line`, 3);
  await flush();
  post({ type: 'end', rows: total });
}

if (parentPort) {
  const port = parentPort;
  const acks: Array<() => void> = [];
  let credit = 0;
  port.on('message', (m: { type: string }) => {
    if (m.type !== 'ack') return;
    const next = acks.shift();
    if (next) next();
    else credit++;
  });
  const waitForAck = (): Promise<void> => {
    if (credit > 0) {
      credit--;
      return Promise.resolve();
    }
    return new Promise((resolve) => acks.push(resolve));
  };
  run(workerData as SourceJob, (m) => port.postMessage(m), waitForAck).catch((e: unknown) => {
    const error = e instanceof AppError
      ? { message: e.message, exitCode: e.exitCode, hint: e.hint, details: e.details }
      : { message: e instanceof Error ? (e.stack ?? e.message) : String(e), exitCode: 1 };
    port.postMessage({ type: 'error', error } satisfies SourceMessage);
  });
}
