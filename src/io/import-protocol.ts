/** Messages between an import's writing thread and its parsing worker. */
import type { WireError } from '../errors.js';
import type { ConvertJob, ConvertStart, ConvertedBatch } from './convert-stage.js';
import type { Encoding } from './csv-read.js';
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
}

export type SourceMessage =
  | { type: 'start'; encoding: Encoding; delimiter: string; notices: string[]; start: ConvertStart }
  | { type: 'batch'; batch: ConvertedBatch; bytes: number }
  | { type: 'end'; batch: ConvertedBatch; report: ProfileReport | null }
  | { type: 'error'; error: WireError };
