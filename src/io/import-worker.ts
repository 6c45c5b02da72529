/**
 * Worker thread of an import: reads, decodes and parses the file (csv-parse, the slow part) on
 * the second core, and posts the records to the main thread in batches; the main thread
 * validates and inserts them. At most a few batches are in flight, so memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toWire } from '../errors.js';
import { readRecordBatches, sniffFile } from './csv-read.js';
import type { SourceJob, SourceMessage } from './import-protocol.js';

const MAX_IN_FLIGHT = 2;
/**
 * A batch is also posted once its fields hold this many characters: a batch of `batchSize` wide
 * records (a record may be up to 4 MiB) would not fit in this worker's 48 MB heap.
 */
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

async function run(job: SourceJob, post: (m: SourceMessage) => void, waitForAck: () => Promise<void>): Promise<void> {
  const sniffed = sniffFile(job.path, job.file, job);
  let started = false;
  if (job.headerless) {
    started = true;
    post({ type: 'start', encoding: sniffed.encoding, delimiter: sniffed.delimiter, notices: sniffed.notices, headers: [] });
  }
  let records: string[][] = [];
  let lines: number[] = [];
  let inFlight = 0;
  let bytes = 0;
  let chars = 0;
  const flush = async (): Promise<void> => {
    post({ type: 'batch', records, lines, bytes });
    records = [];
    lines = [];
    chars = 0;
    if (++inFlight >= MAX_IN_FLIGHT) {
      await waitForAck();
      inFlight--;
    }
  };
  for await (const batch of readRecordBatches(job.path, job.file, sniffed, { quoted: job.quoted })) {
    for (const rec of batch) {
      if (!started) {
        // Blank lines (even of spaces or delimiters) before the header are skipped.
        if (rec.record.every((f) => f.trim() === '')) continue;
        started = true;
        post({ type: 'start', encoding: sniffed.encoding, delimiter: sniffed.delimiter, notices: sniffed.notices, headers: rec.record });
        continue;
      }
      records.push(rec.record);
      lines.push(rec.line);
      bytes = rec.bytes;
      for (const field of rec.record) chars += field.length;
      if (chars >= MAX_BATCH_CHARS) await flush();
    }
    if (records.length >= job.batchSize) await flush();
  }
  if (!started) throw new AppError(`${job.file}: the file has no header line`, 3);
  if (records.length > 0) await flush();
  post({ type: 'end' });
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
    const error = toWire(e);
    port.postMessage({ type: 'error', error } satisfies SourceMessage);
  });
}
