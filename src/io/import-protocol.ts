/** Messages between an import's main thread and its parsing worker. */
import type { WireError } from '../errors.js';
import type { Encoding } from './csv-read.js';

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
}

export type SourceMessage =
  | { type: 'start'; encoding: Encoding; delimiter: string; notices: string[]; headers: string[] }
  | { type: 'batch'; records: string[][]; lines: number[]; bytes: number }
  | { type: 'end' }
  | { type: 'error'; error: WireError };
