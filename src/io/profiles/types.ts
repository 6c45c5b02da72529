/**
 * Import profiles for real phone-system exports (docs/profiles.md): each turns the records of a
 * headerless PBX file, in file order, into canonical call rows (text cells in the order of
 * `canonicalHeaders`), which then go through the same validation as a canonical CSV.
 */
import type { BadRow } from '../import-protocol.js';

export type ProfileName = 'asterisk-cdr' | 'asterisk-queue-log' | 'freeswitch-cdr';

export interface ProfileRow {
  /** Cells in the order of the profile's canonicalHeaders. */
  fields: string[];
  /** Physical line of the record that ends (or is) the call, for messages. */
  line: number;
}

/** A ring an operator let pass without answering (queue_log RINGNOANSWER). */
export interface MissedRing {
  operator_id: string;
  /** Epoch seconds. */
  rang_at: number;
  call_id: string;
  ring_seconds: number | null;
}

/** A member event of a queue log (login, logout, pause, unpause), stored as presence (docs/formats.md, "presence"). */
export interface PresenceOut {
  operator_id: string;
  /** Epoch seconds. */
  at: number;
  state: 'login' | 'logout' | 'pause' | 'unpause';
  /** A pause's reason (the code of a known one), or null. */
  reason: string | null;
  /** The queue, or null for an event of every queue (PAUSEALL, AGENTLOGIN …). */
  queue: string | null;
  line: number;
}

export interface ProfileOutput {
  rows: ProfileRow[];
  issues: BadRow[];
  missedRings: MissedRing[];
  presence: PresenceOut[];
}

/** What the profile saw, for the import summary. */
export interface ProfileReport {
  /** Records (lines) read. */
  records: number;
  /** Calls emitted. */
  calls: number;
  /** Records folded into another record's call (several CDRs of one call). */
  merged_records: number;
  /** Events or records that are neither calls nor presence, by type (QUEUESTART, PENALTY, DID, …). */
  ignored_events: Record<string, number>;
  /** Calls whose end is not in the file (log rotated mid-call): reported, not invented. */
  unfinished_calls: string[];
  /** Anything else worth telling the user (detected column count, zone assumed, …). */
  notes: string[];
}

export interface ProfileConverter {
  /**
   * Takes one record; may emit rows now (appended to `out`, which it returns; a new output when
   * none is given) or keep it until its call is complete. Throws InputError for a file it cannot read.
   */
  push(record: string[], line: number, out?: ProfileOutput): ProfileOutput;
  /** End of file: emits what is complete (into `out`, as push), reports the rest. */
  end(out?: ProfileOutput): ProfileOutput;
  report(): ProfileReport;
  /**
   * What the converter holds now (open calls, recent call ids …), as plain JSON data: created
   * again with it (`resume`), a converter goes on from the next record exactly as this one would
   * (docs/growing-logs.md). Taken before end().
   */
  snapshot?(): unknown;
}

export interface CallProfile {
  name: ProfileName;
  /** csv-parse delimiter of the format. */
  delimiter: string;
  /** False when the format has no quoting (queue_log: a '"' in a caller name is just a character). */
  quoted?: boolean;
  /** Canonical call columns (names from src/domain/kinds.ts CALLS) of the rows it emits. */
  canonicalHeaders: readonly string[];
  /** A converter for one file; date-times it emits without an offset are read in sourceZone. */
  create(opts: { file: string; sourceZone: string; resume?: unknown }): ProfileConverter;
}

/** An empty output to collect into. */
export function newOutput(): ProfileOutput {
  return { rows: [], issues: [], missedRings: [], presence: [] };
}
