/**
 * Worker thread of an import: reads, decodes, parses and converts the file (csv-parse, a
 * profile's or a mapping's work, the row checks) on the second core, and posts the rows in
 * batches to the thread that writes them, leaving that thread a share of the checks. At most a
 * few batches are in flight, so memory stays flat.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toWire } from '../errors.js';
import { appendBatch, ConvertStage, emptyBatch, type ConvertedBatch } from './convert-stage.js';
import { readRecordBatches, sniffFile } from './csv-read.js';
import { changedWhileRead, changeOf, ReadDigest } from './file-stamp.js';
import { checkHeaderCells } from './sample-checks.js';
import { Channel, InFlight } from './channel.js';
import type { BatchMessage, Notice, SourceJob, SourceMessage } from './import-protocol.js';

/**
 * Batches posted and not yet acknowledged by the writing thread. Batches are small (a few hundred
 * rows: what is alive at a young-generation collection is copied, so small batches die cheaply),
 * so a deeper queue absorbs the writing thread's pauses (a summary flush, a slow page write)
 * without stalling this thread (docs/performance.md, "Small reads, small batches, many in flight").
 */
const MAX_IN_FLIGHT = 12;
/**
 * A batch is also posted once its fields hold this many characters (a record may be up to 4 MiB),
 * and no more batches are posted while those in flight hold MAX_IN_FLIGHT_CHARS: wide records
 * cannot pile up in either thread's heap.
 */
const MAX_BATCH_CHARS = 1024 * 1024;
const MAX_IN_FLIGHT_CHARS = 4 * 1024 * 1024;

/**
 * Reads the file through one descriptor (sample, records and hash), and refuses it when it changed
 * while it was read: also when reading failed, since a file cut short mid-record fails for that.
 */
async function run(job: SourceJob, post: (m: SourceMessage) => void, acks: Channel<void>): Promise<void> {
  const fd = openSync(job.path, 'r');
  try {
    const digest = new ReadDigest();
    try {
      await convertFile(job, fd, digest, post, acks);
    } catch (e) {
      const change = changeOf(fd, job.stamp);
      throw change ? changedWhileRead(job.file, change) : e;
    }
  } finally {
    closeSync(fd);
  }
}

/** Sniffs, parses and converts the open file, feeding `digest` every byte read, and posts the rows. */
async function convertFile(job: SourceJob, fd: number, digest: ReadDigest, post: (m: SourceMessage) => void, acks: Channel<void>): Promise<void> {
  const sniffed = sniffFile(fd, job.file, job);
  const stage = new ConvertStage(job.convert);
  let started = false;
  const start = (headers: string[]): void => {
    started = true;
    const header = stage.start(headers);
    const notes = sniffed.notices.map((line): Notice => ({ line, note: true }));
    post({ type: 'start', encoding: sniffed.encoding, delimiter: sniffed.delimiter, ...header, notices: [...notes, ...header.notices] });
  };
  if (job.headerless) start([]);
  // Records are converted as soon as they are parsed (one input chunk at a time), so that they
  // die young, and posted in batches of about `batchSize`. Some chunks' checks are left to the
  // writing thread (ConvertStage.checkedByWriter), which has time to spare while this one parses.
  // A batch holds either checked rows or cells, so rows keep their file order.
  let records: string[][] = [];
  let lines: number[] = [];
  let pending = newBatch();
  /** The batches posted and not yet acknowledged, and their characters. */
  const inFlight = new InFlight(acks, { maxItems: MAX_IN_FLIGHT, maxWeight: MAX_IN_FLIGHT_CHARS });
  let bytes = 0;
  let chars = 0;
  let chunks = 0;
  const convert = (byWriter: boolean): void => {
    if (records.length === 0) return;
    appendBatch(pending, stage.batch(records, lines, byWriter));
    records = [];
    lines = [];
  };
  const flush = async (): Promise<void> => {
    convert(pending.cells !== undefined);
    pending.bytes = bytes;
    post(pending);
    const sent = chars;
    pending = newBatch();
    chars = 0;
    await inFlight.sent(sent);
  };
  for await (const batch of readRecordBatches(job.path, job.file, sniffed, { quoted: job.quoted, fd, digest })) {
    for (const rec of batch) {
      if (!started) {
        // Blank lines (even of spaces or delimiters) before the header are skipped.
        if (rec.record.every((f) => f.trim() === '')) continue;
        checkHeaderCells(rec.record, job.file, rec.line);
        start(rec.record);
        continue;
      }
      records.push(rec.record);
      lines.push(rec.line);
      bytes = rec.bytes;
      for (const field of rec.record) chars += field.length;
      if (chars >= MAX_BATCH_CHARS) await flush();
    }
    if (records.length === 0) continue;
    const byWriter = stage.checkedByWriter(++chunks);
    if (byWriter !== (pending.cells !== undefined) && !isEmpty(pending)) await flush();
    convert(byWriter);
    if (pending.rows.length + pending.issues.length + (pending.cells?.length ?? 0) >= job.batchSize) await flush();
  }
  if (!started) throw new AppError(`${job.file}: the file has no header line`, 3);
  // Read to the end: the rows are those of the bytes hashed only if the file is still as it was.
  const change = changeOf(fd, job.stamp, digest.bytes);
  if (change) throw changedWhileRead(job.file, change);
  convert(pending.cells !== undefined);
  if (!isEmpty(pending)) await flush();
  // What a profile still holds goes in a batch of its own, as it always has (batch boundaries decide the writer's chunks).
  const end = stage.end();
  post({ type: 'batch', bytes: digest.bytes, ...end.batch });
  post({ type: 'end', report: end.report, sha256: digest.hex() });
}

function newBatch(): BatchMessage {
  return { type: 'batch', bytes: 0, ...emptyBatch() };
}

function isEmpty(b: ConvertedBatch): boolean {
  return b.rows.length === 0 && b.issues.length === 0 && b.records === 0 && b.skipped === 0 && b.rings.length === 0 && b.presence.length === 0 && b.cells === undefined;
}

if (parentPort) {
  const port = parentPort;
  const acks = new Channel<void>();
  port.on('message', (m: { type: string }) => {
    if (m.type === 'ack') acks.put();
  });
  run(workerData as SourceJob, (m) => port.postMessage(m), acks).catch((e: unknown) => {
    const error = toWire(e);
    port.postMessage({ type: 'error', error } satisfies SourceMessage);
  });
}
