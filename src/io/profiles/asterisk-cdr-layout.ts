/**
 * Asterisk cdr_csv Master.csv layouts (docs/profiles.md, "asterisk-cdr"): 16 fixed columns, then uniqueid and
 * userfield (loguniqueid, loguserfield) and peeraccount, linkedid, sequence (newcdrcolumns), so
 * 16 to 21 columns. Also what a file given to this profile is, when it is not cdr_csv.
 */
import { InputError } from '../../errors.js';
import { isHeaderRow, looksLikeDateTime } from './profile-values.js';

export interface CdrLayout {
  columns: number;
  /** 0-based positions of the optional columns present. */
  uniqueid?: number;
  userfield?: number;
  linkedid?: number;
  /** For the report: "18 columns: uniqueid and userfield present". */
  label: string;
}

/** 0-based positions of the 16 columns every cdr_csv record has. */
export const CDR = {
  accountcode: 0, src: 1, dst: 2, dcontext: 3, clid: 4, channel: 5, dstchannel: 6, lastapp: 7, lastdata: 8,
  start: 9, answer: 10, end: 11, duration: 12, billsec: 13, disposition: 14, amaflags: 15,
} as const;

/** A channel uniqueid: `epoch.seq`, maybe after a system name (`host-1706420300.0`). */
const UNIQUEID = /^(?:.+-)?\d{9,}\.\d+$/;

const NEW_COLUMNS = 'peeraccount, linkedid and sequence present (newcdrcolumns=yes)';

/** The layouts, made once (one is looked up for every record). */
const LAYOUTS = {
  16: { columns: 16, label: '16 columns: no uniqueid, userfield or linkedid' },
  '17u': { columns: 17, uniqueid: 16, label: '17 columns: uniqueid present (loguniqueid=yes)' },
  '17f': { columns: 17, userfield: 16, label: '17 columns: userfield present (loguserfield=yes)' },
  18: { columns: 18, uniqueid: 16, userfield: 17, label: '18 columns: uniqueid and userfield present' },
  19: { columns: 19, linkedid: 17, label: `19 columns: ${NEW_COLUMNS}` },
  '20u': { columns: 20, uniqueid: 16, linkedid: 18, label: `20 columns: uniqueid, ${NEW_COLUMNS}` },
  '20f': { columns: 20, userfield: 16, linkedid: 18, label: `20 columns: userfield, ${NEW_COLUMNS}` },
  21: { columns: 21, uniqueid: 16, userfield: 17, linkedid: 19, label: '21 columns: uniqueid, userfield, peeraccount, linkedid and sequence present' },
} as const satisfies Record<string, CdrLayout>;

/** The layout of a record with this many columns; 17 and 20 are told apart by the uniqueid's shape. */
export function cdrLayout(record: readonly string[]): CdrLayout | undefined {
  switch (record.length) {
    case 16: return LAYOUTS[16];
    case 17: return UNIQUEID.test(record[16] ?? '') ? LAYOUTS['17u'] : LAYOUTS['17f'];
    case 18: return LAYOUTS[18];
    case 19: return LAYOUTS[19];
    case 20: return UNIQUEID.test(record[16] ?? '') ? LAYOUTS['20u'] : LAYOUTS['20f'];
    case 21: return LAYOUTS[21];
    default: return undefined;
  }
}

const HEADER_WORDS = new Set([
  'accountcode', 'account code', 'src', 'source', 'dst', 'destination', 'dcontext', 'clid', 'callerid', 'channel', 'dstchannel',
  'lastapp', 'lastdata', 'start', 'start time', 'answer', 'answer time', 'end', 'end time', 'duration', 'billsec', 'disposition',
  'amaflags', 'ama flags', 'uniqueid', 'unique id', 'userfield', 'linkedid', 'caller number', 'callee number',
]);


const CDR_CSV_HINT = 'an Asterisk cdr_csv file is /var/log/asterisk/cdr-csv/Master.csv';

/** Refuses a first record that is not Asterisk cdr_csv, saying what the file is and which profile reads it. */
export function checkCdrFile(record: readonly string[], line: number, file: string): CdrLayout {
  const at = `${file}: line ${line}`;
  if (isHeaderRow(record, HEADER_WORDS)) {
    throw new InputError(`${at}: this is a header row (${record.slice(0, 4).join(', ')}, …); Asterisk's cdr_csv Master.csv has no header`, {
      hint: 'an export with a header row is imported without --profile (its header names the columns); if someone added the line to a Master.csv, delete it',
    });
  }
  const date = (i: number): boolean => looksLikeDateTime(record[i] ?? '');
  if (date(8) && date(10) && !date(11)) {
    throw new InputError(`${at}: this is an Asterisk cdr_custom file (cdr-custom/Master.csv: the start time is in column 9 and clid comes first), not cdr_csv`, {
      hint: `the asterisk-cdr profile reads only cdr_csv, whose columns are fixed; ${CDR_CSV_HINT} (enable [csv] in cdr.conf)`,
    });
  }
  const layout = cdrLayout(record);
  if (!layout) {
    const n = record.length;
    if (n === 15 && date(4)) {
      throw new InputError(`${at}: 15 columns with the start time in column 5: this is a FreeSWITCH Master.csv (example template), not Asterisk cdr_csv`, { hint: 'use --profile freeswitch-cdr' });
    }
    if (n === 1 && (record[0] ?? '').includes('|')) {
      throw new InputError(`${at}: one column of |-separated fields: this looks like an Asterisk queue_log, not cdr_csv`, { hint: 'use --profile asterisk-queue-log' });
    }
    throw new InputError(`${at}: ${n} column${n === 1 ? '' : 's'}; an Asterisk cdr_csv Master.csv record has 16 to 21`, { hint: CDR_CSV_HINT });
  }
  if (!date(CDR.start)) {
    throw new InputError(`${at}: column 10 (start) is "${record[CDR.start]}", not a date-time: this is not an Asterisk cdr_csv record`, { hint: CDR_CSV_HINT });
  }
  const disposition = record[CDR.disposition] ?? '';
  if (/^[A-Z]+_[A-Z_]+$/.test(disposition)) {
    throw new InputError(`${at}: column 15 is a hangup cause ("${disposition}"), not an Asterisk disposition: this is FreeSWITCH's "asterisk" CSV template`, {
      hint: 'hotline reads FreeSWITCH files written with the "example" template (--profile freeswitch-cdr): set default-template="example" in cdr_csv.conf.xml',
    });
  }
  return layout;
}
