/**
 * The parsing of an import: reads, decodes, parses and converts the file (csv-parse, a profile's
 * or a mapping's work, the row checks) and posts the rows in batches to the thread that writes
 * them, leaving that thread a share of the checks. At most a few batches are in flight, so memory
 * stays flat. It runs in a worker thread of its own (src/io/import-worker.ts) on the second core
 * for a large file, or in the writing thread itself for a small one (src/io/import-source.ts).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { AppError } from '../errors.js';
import { appendBatch, ConvertStage, emptyBatch, type ConvertedBatch } from './convert-stage.js';
import { readRecordBatches, sniffFile, type ReadStart, type ReadTally, type Sniffed } from './csv-read.js';
import { endsLine, lastLineEnd, linesByByte, prefixHashes } from './file-growth.js';
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
export async function run(job: SourceJob, post: (m: SourceMessage) => void, acks: Channel<void>): Promise<void> {
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
  // The bytes read: the whole file, or (docs/growing-logs.md) what was appended since an import.
  const from: ReadStart = job.range?.from ?? { offset: 0, line: 1 };
  const to = job.range?.to ?? job.stamp.size;
  const sniffed = sniffFile(fd, job.file, { ...job, limit: to });
  const stage = new ConvertStage(job.convert, job.resume);
  const tally: ReadTally = { lines: 0, lastRecordLine: 0 };
  let started = false;
  const start = (headers: string[]): void => {
    started = true;
    const header = stage.start(headers);
    const notes = sniffed.notices.map((line): Notice => ({ line, note: true }));
    post({ type: 'start', encoding: sniffed.encoding, delimiter: sniffed.delimiter, ...header, notices: [...notes, ...header.notices] });
  };
  if (job.headerless) start([]);
  else if (from.offset > 0) {
    // A continuation reads the header at the start of the file, the rows from where it left off.
    const header = await readHeader(job, fd, sniffed);
    checkHeaderCells(header.record, job.file, header.line);
    start(header.record);
  }
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
  for await (const batch of readRecordBatches(job.path, job.file, sniffed, { quoted: job.quoted, fd, digest, from, to, tally })) {
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
    const byWriter = stage.checkedByWriter(++chunks, inFlight.count);
    if (byWriter !== (pending.cells !== undefined) && !isEmpty(pending)) await flush();
    convert(byWriter);
    if (pending.rows.length + pending.issues.length + (pending.cells?.length ?? 0) >= job.batchSize) await flush();
  }
  if (!started) throw new AppError(`${job.file}: the file has no header line`, 3);
  // Where the next import of the grown file may begin, hashed before the check below: what the ledger records is what was read.
  const resume = resumePoint(fd, sniffed, { from, to }, tally);
  const hashes = prefixHashes(fd, resume.offset);
  // Read to the end: the rows are those of the bytes hashed only if the file is still as it was.
  const change = changeOf(fd, job.stamp, digest.bytes, to - from.offset);
  const appended = change === undefined ? 0 : appendedOnly(fd, job, { bytes: digest.bytes, from: from.offset, to });
  if (change !== undefined && appended === undefined) throw changedWhileRead(job.file, change);
  convert(pending.cells !== undefined);
  if (!isEmpty(pending)) await flush();
  // A profile's state before the end of the file closes its open calls: a later import of the grown file resumes from it.
  const state = stage.snapshot();
  // What a profile still holds goes in a batch of its own, as it always has (batch boundaries decide the writer's chunks).
  const end = stage.end();
  post({ type: 'batch', bytes: digest.bytes, ...end.batch });
  post({ type: 'end', report: end.report, sha256: digest.hex(), read: { rangeEnd: resume.offset, endLine: resume.lines, head: hashes.head, tail: hashes.tail, state }, appendedWhileRead: appended ?? 0 });
}

/**
 * Bytes appended to a phone-system log while it was read up to `to` (docs/growing-logs.md), or
 * undefined when the file changed otherwise: another inode, shorter, not read in full, or its
 * first block or the block before `to` not what they were before the read (job.guard).
 */
function appendedOnly(fd: number, job: SourceJob, read: { bytes: number; from: number; to: number }): number | undefined {
  if (!job.guard) return undefined;
  const now = fstatSync(fd);
  if ((job.stamp.ino !== undefined && now.ino !== job.stamp.ino) || now.size <= job.stamp.size || read.bytes !== read.to - read.from) return undefined;
  const hashes = prefixHashes(fd, read.to);
  return hashes.head === job.guard.head && hashes.tail === job.guard.tail ? now.size - job.stamp.size : undefined;
}

/**
 * Where an import of the file once grown may begin (docs/growing-logs.md): the end of the read
 * when it is a line end; else the start of the last line, which had no end yet (its row is read
 * again then), unless that record began on an earlier line (a quoted line break: `lines` null,
 * read whole then). A UTF-16 file is always read whole.
 */
function resumePoint(fd: number, sniffed: Sniffed, range: { from: ReadStart; to: number }, tally: ReadTally): { offset: number; lines: number | null } {
  if (!linesByByte(sniffed.encoding)) return { offset: range.to, lines: null };
  if (endsLine(fd, range.to)) return { offset: range.to, lines: tally.lines };
  if (tally.lastRecordLine !== tally.lines) return { offset: range.to, lines: null };
  return { offset: lastLineEnd(fd, range.from.offset, range.to), lines: tally.lines - 1 };
}

/** The header record of a file (its first record that is not blank), read from the start of the file. */
async function readHeader(job: SourceJob, fd: number, sniffed: Sniffed): Promise<{ record: string[]; line: number }> {
  for await (const batch of readRecordBatches(job.path, job.file, sniffed, { quoted: job.quoted, fd })) {
    for (const rec of batch) if (!rec.record.every((f) => f.trim() === '')) return { record: rec.record, line: rec.line };
  }
  throw new AppError(`${job.file}: the file has no header line`, 3);
}

function newBatch(): BatchMessage {
  return { type: 'batch', bytes: 0, ...emptyBatch() };
}

function isEmpty(b: ConvertedBatch): boolean {
  return b.rows.length === 0 && b.issues.length === 0 && b.records === 0 && b.skipped === 0 && b.rings.length === 0 && b.presence.length === 0 && b.cells === undefined;
}
