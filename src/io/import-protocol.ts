/** Messages between an import's writing thread and its parsing worker. */
import type { WireError } from '../errors.js';
import type { ConvertJob, ConvertStart, ConvertedBatch } from './convert-stage.js';
import type { Encoding } from './csv-read.js';
import type { FileStamp } from './file-stamp.js';
import type { ProfileReport } from './profiles/types.js';

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

export type SourceMessage =
  | { type: 'start'; encoding: Encoding; delimiter: string; notices: string[]; start: ConvertStart }
  | { type: 'batch'; batch: ConvertedBatch; bytes: number }
  | { type: 'end'; batch: ConvertedBatch; report: ProfileReport | null; /** The SHA-256 of the bytes parsed. */ sha256: string }
  | { type: 'error'; error: WireError };
