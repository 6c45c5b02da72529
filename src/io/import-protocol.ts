/**
 * The one vocabulary of an import's threads: the parsing worker posts these messages, and the
 * writing thread consumes them as they are (src/db/import-writer.ts reads the start and batch
 * messages' fields that it needs; src/app/import-files.ts the rest).
 */
import type { WireError } from '../errors.js';
import type { ConvertJob, ConvertedBatch } from './convert-stage.js';
import type { Encoding } from './csv-read.js';
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
}

export type SourceMessage = StartMessage | BatchMessage | EndMessage | { type: 'error'; error: WireError };
