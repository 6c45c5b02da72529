/** Messages between an import's main thread and its parsing worker. */
import type { ImportKind } from '../domain/kinds.js';
import type { Encoding } from './csv-read.js';
import type { RowIssue } from './row-plan.js';

export interface SourceJob {
  path: string;
  /** The file as the user named it, for messages. */
  file: string;
  kind: ImportKind;
  encoding?: Encoding;
  delimiter?: string;
  /** Policy time zone: local days are computed in it. */
  zone: string;
  /** Zone of date-times without an offset in the file. */
  sourceZone: string;
  batchSize: number;
}

export interface SourceIssue extends RowIssue {
  record: string[];
}

export type SourceMessage =
  | { type: 'start'; encoding: Encoding; delimiter: string; notices: string[]; columns: string[]; headers: string[]; ignored: string[] }
  | { type: 'batch'; rows: unknown[][]; lines: number[]; issues: SourceIssue[]; bytes: number }
  | { type: 'end'; rows: number }
  | { type: 'error'; error: { message: string; exitCode: number; hint?: string; details?: string[] } };
