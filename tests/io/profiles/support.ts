// Helpers for the profile tests: feeding records to a converter and reading what came out as
// plain objects, building Asterisk CDR records from named fields, and reading a file the way the
// import pipeline does (csv-read's sniffing and parsing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRecordBatches, sniffFile } from '../../../src/io/csv-read.js';
import { InputError } from '../../../src/errors.js';
import { CALL_HEADERS } from '../../../src/io/profiles/profile-values.js';
import type { CallProfile, MissedRing, PresenceOut, ProfileConverter, ProfileOutput, ProfileReport } from '../../../src/io/profiles/types.js';
import type { BadRow as ProfileIssue } from '../../../src/io/import-protocol.js';
import { ROOT } from '../../helpers/cli.js';

/** The real sample files, next to the checkout (../shared/data/real). */
export const REAL = join(ROOT, '..', 'shared', 'data', 'real');
export const REAL_PRESENT = existsSync(REAL);

export type Row = Record<string, string> & { line: string };

export interface Fed {
  rows: Row[];
  issues: ProfileIssue[];
  missedRings: MissedRing[];
  presence: PresenceOut[];
  report: ProfileReport;
  /** How many rows each push returned, in order (to see when a call is emitted). */
  perPush: number[];
}


function toRows(out: ProfileOutput): Row[] {
  return out.rows.map((r) => ({ ...Object.fromEntries(CALL_HEADERS.map((h, i) => [h, r.fields[i] ?? ''])), line: String(r.line) }) as Row);
}

/** Pushes the records (line numbers from `firstLine`), then end(); everything the converter emitted. */
export function feed(conv: ProfileConverter, records: readonly (readonly string[])[], firstLine = 1): Fed {
  const fed: Fed = { rows: [], issues: [], missedRings: [], presence: [], report: conv.report(), perPush: [] };
  const take = (out: ProfileOutput): void => {
    fed.rows.push(...toRows(out));
    fed.issues.push(...out.issues);
    fed.missedRings.push(...out.missedRings);
    fed.presence.push(...out.presence);
  };
  records.forEach((r, i) => {
    const out = conv.push([...r], firstLine + i);
    fed.perPush.push(out.rows.length);
    take(out);
  });
  take(conv.end());
  fed.report = conv.report();
  return fed;
}

/** queue_log text → records (split on |, as csv-parse does for these unquoted lines). */
export function pipeRecords(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.trim().split('|'));
}

/** The InputError a call throws, as plain data. */
export function inputError(run: () => unknown): { message: string; hint: string | undefined } {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return { message: e.message, hint: e.hint };
    throw e;
  }
  throw new Error('expected an InputError');
}

/** Reads a file through the import pipeline's reader and feeds every record to a new converter of `profile`. */
export async function feedFile(profile: CallProfile, path: string, sourceZone = 'Asia/Shanghai'): Promise<Fed> {
  const file = path.split('/').pop() as string;
  const sniffed = sniffFile(path, file, { delimiter: profile.delimiter });
  const records: string[][] = [];
  const lines: number[] = [];
  for await (const batch of readRecordBatches(path, file, sniffed)) {
    for (const r of batch) {
      records.push(r.record);
      lines.push(r.line);
    }
  }
  const conv = profile.create({ file, sourceZone });
  const fed: Fed = { rows: [], issues: [], missedRings: [], presence: [], report: conv.report(), perPush: [] };
  const take = (out: ProfileOutput): void => {
    fed.rows.push(...toRows(out));
    fed.issues.push(...out.issues);
    fed.missedRings.push(...out.missedRings);
    fed.presence.push(...out.presence);
  };
  records.forEach((r, i) => take(conv.push(r, lines[i] as number)));
  take(conv.end());
  fed.report = conv.report();
  return fed;
}

export interface CdrFields {
  accountcode?: string;
  src?: string;
  dst?: string;
  dcontext?: string;
  clid?: string;
  channel?: string;
  dstchannel?: string;
  lastapp?: string;
  lastdata?: string;
  start: string;
  answer?: string;
  end: string;
  duration: number | string;
  billsec: number | string;
  disposition: string;
  amaflags?: string;
  uniqueid?: string;
  userfield?: string;
  peeraccount?: string;
  linkedid?: string;
  sequence?: number;
}

/** The 16 columns every cdr_csv record has. */
export function cdr16(f: CdrFields): string[] {
  return [
    f.accountcode ?? '', f.src ?? '13812345678', f.dst ?? '95338', f.dcontext ?? 'from-trunk', f.clid ?? '', f.channel ?? 'PJSIP/trunk-00000001',
    f.dstchannel ?? '', f.lastapp ?? 'Dial', f.lastdata ?? '', f.start, f.answer ?? '', f.end, String(f.duration), String(f.billsec), f.disposition,
    f.amaflags ?? 'DOCUMENTATION',
  ];
}

/** An 18-column record (loguniqueid, loguserfield: Asterisk's sample cdr.conf). */
export function cdr18(f: CdrFields): string[] {
  return [...cdr16(f), f.uniqueid ?? '1791766800.1', f.userfield ?? ''];
}

/** A 21-column record (every option on). */
export function cdr21(f: CdrFields): string[] {
  return [...cdr18(f), f.peeraccount ?? '', f.linkedid ?? f.uniqueid ?? '1791766800.1', String(f.sequence ?? 1)];
}
