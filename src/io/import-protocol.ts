/**
 * The one vocabulary of an import's threads: the parsing worker posts these messages, and the
 * writing thread consumes them as they are (src/db/import-writer.ts reads the start and batch
 * messages' fields that it needs; src/app/import-files.ts the rest).
 */
import type { WireError } from '../errors.js';
import type { ConvertJob, ConvertedBatch } from './convert-stage.js';
import type { Encoding, ReadStart } from './csv-read.js';
import type { PrefixHashes } from './file-growth.js';
import type { FileStamp } from './file-stamp.js';
import type { ProfileReport } from './profiles/types.js';
import type { RowIssue } from './row-plan.js';

/** A bad row: where, why, and the file's own record (for the rejects file); the one such type of every thread. */
export interface BadRow extends RowIssue {
  record: string[];
}

/** A line for stderr; `note`: information only (shown on a terminal or with --verbose), not a warning. */
export interface Notice {
  line: string;
  note?: true;
}

export interface SourceJob {
  path: string;
  /** The file as the user named it, for messages. */
  file: string;
  encoding?: Encoding;
  delimiter?: string;
  /** No header line: every record is data (phone-system exports). */
  headerless?: boolean;
  /** False: '"' is an ordinary character (formats without quoting). */
  quoted?: boolean;
  batchSize: number;
  /** How records become rows (the worker converts them). */
  convert: ConvertJob;
  /** The file's size and modification time before the import began: checked again once it is read. */
  stamp: FileStamp;
  /**
   * The bytes to read (docs/growing-logs.md): from a line start (0, or where the import this one
   * continues ended) up to `to` (the file's size, or the end of its last complete line for a
   * phone-system log, whose writer ends every line). Default: the whole file.
   */
  range?: { from: ReadStart; to: number };
  /** A profile's state where the import this one continues ended (JSON, from the ledger). */
  resume?: string;
  /**
   * A phone-system log, only ever appended to: the hashes of its first block and of the block
   * before `range.to`, taken before the read. A file that only grew meanwhile, with these the
   * same, is not refused: what was appended is left for the next import (docs/growing-logs.md).
   */
  guard?: PrefixHashes;
}

/** The header is read: how the rows will look, and what to tell the user about the file. */
export interface StartMessage {
  type: 'start';
  encoding: Encoding;
  delimiter: string;
  /** Stored columns, in the order of a converted row's values. */
  columns: string[];
  /** The stored columns the file has (an update changes only these). */
  present: string[];
  /** Headers that bad rows' columns are counted in, for "column N" in messages. */
  headers: string[];
  /** The key's column as the file (or the mapping) names it. */
  keyHeader: string;
  /** Header cells that map to no field. */
  ignored: string[];
  /** For stderr, in order: the encoding the file was read in, its ignored columns, the KPIs a calls file cannot give. */
  notices: Notice[];
  /** Header of the rejects file: the file's own columns. */
  rejectsHeaders: string[];
  /** The header as read (empty for a headerless file), to start the writing thread's ConvertStage. */
  fileHeader: string[];
}

/** Converted rows, bad rows and records left for the writing thread to check, with the bytes read so far. */
export interface BatchMessage extends ConvertedBatch {
  type: 'batch';
  bytes: number;
}

/** The file is read to the end (its last rows came in a batch before). */
export interface EndMessage {
  type: 'end';
  /** What the profile saw and the missed rings and presence events it gave, when one was used. */
  report: (ProfileReport & { missed_rings: number; presence_events: number }) | null;
  /** The SHA-256 of the bytes parsed. */
  sha256: string;
  /** Where the read ended, for the ledger: what a later import of the grown file continues from. */
  read: ReadEnd;
  /** Bytes appended to a phone-system log while it was read (left for the next import), or 0. */
  appendedWhileRead: number;
}

/** Where a read ended (docs/growing-logs.md). */
export interface ReadEnd {
  /** The offset after the last byte read. */
  rangeEnd: number;
  /** Physical lines before rangeEnd, or null when the read did not end at a line end (nothing continues from there). */
  endLine: number | null;
  /** SHA-256 of the file's first block and of the last block read (src/io/file-growth.ts). */
  head: string;
  tail: string;
  /** A profile's state at rangeEnd (JSON), or null. */
  state: string | null;
}

export type SourceMessage = StartMessage | BatchMessage | EndMessage | { type: 'error'; error: WireError };
