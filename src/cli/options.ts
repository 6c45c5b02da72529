/** Options shared by commands: global --db/--policy, output options, and argument parsers. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseIsoMonth, type IsoMonth } from '../domain/dates.js';
import type { Format, Lang } from '../io/render/report.js';

export interface GlobalOptions {
  db?: string;
  policy?: string;
  busyTimeout?: number;
  debug?: boolean;
  verbose?: boolean;
}

export interface OutputFlags {
  format?: Format | 'xlsx';
  out?: string;
  force?: boolean;
  lang: Lang;
  showPii?: boolean;
  reason?: string;
  /** Terminal tables: every column, unwrapped. */
  wide?: boolean;
}

/** Adds the global options to the root command. */
export function addGlobalOptions(program: Command): Command {
  return program
    .option('--db <path>', 'database file (default: $HOTLINE_DB or ./hotline.db)')
    .option('--policy <path>', 'policy file (default: $HOTLINE_POLICY or ./hotline.policy.json)')
    .option('--busy-timeout <seconds>', `wait this long for another hotline process that is writing (at most ${MAX_BUSY_TIMEOUT_SECONDS})`, parsePositiveNumber, 5)
    .option('--debug', 'print stack traces of unexpected errors')
    .option('--verbose', 'also print notes (e.g. the encoding a file was read in) when stderr is not a terminal');
}

/** Adds --format, --out, --force, --lang, --wide, --show-pii to a report command (plus formats such as xlsx). */
export function addOutputOptions(cmd: Command, extraFormats: readonly string[] = []): Command {
  const formats = ['table', 'csv', 'json', ...extraFormats];
  return cmd
    .addOption(new Option('--format <format>', `${formats.join(', ')} (default: table on a terminal, else csv)`).choices(formats))
    .option('--out <file>', 'write to this file instead of stdout (CSV gets a BOM for Excel)')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--lang <lang>', 'language of column headers and of values such as grades (JSON keeps the English codes)').choices(['en', 'zh']).default('en'))
    .option('--wide', 'terminal tables: every column, unwrapped (default: the main columns, wrapped to the terminal)')
    .option('--show-pii', 'show customer phone numbers, names and addresses unmasked (recorded in the audit trail)')
    .option('--reason <text>', 'why: needed with --show-pii (recorded in the audit trail), and with appraise run --refinalize', parseReason);
}

/** The longest --busy-timeout: SQLite's timeout is a 32-bit count of milliseconds (2^31 − 1). */
export const MAX_BUSY_TIMEOUT_SECONDS = 2147483;

/** Seconds from 0 to 2147483 in whole milliseconds (SQLite's busy timeout is in milliseconds). */
export function parsePositiveNumber(text: string): number {
  const n = Number(text);
  const ms = n * 1000;
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > MAX_BUSY_TIMEOUT_SECONDS || Math.abs(ms - Math.round(ms)) > 1e-6) {
    throw new InvalidArgumentError(`expected a number of seconds from 0 to ${MAX_BUSY_TIMEOUT_SECONDS}, in whole milliseconds (e.g. 5 or 0.25)`);
  }
  return n;
}

/** A whole number from 1 to 2^53 − 1 (beyond that a JavaScript number is no longer exact, and SQLite refuses it as a LIMIT). */
export function parsePositiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`);
  return n;
}

/** The most months `appraise history --months` goes back: ten years (each month not finalized is scored again). */
export const MAX_HISTORY_MONTHS = 120;

/** A parser of a whole number of `what` from 1 to `max`: anything else is refused (exit 2), never changed into a number that fits. */
function wholeNumberUpTo(max: number, what: string): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number of ${what} from 1 to ${max}`);
    return n;
  };
}

export const parseHistoryMonths = wholeNumberUpTo(MAX_HISTORY_MONTHS, 'months');

/** The most sample rows `import inspect --rows` shows. */
const MAX_SAMPLE_ROWS = 100;

export const parseSampleRows = wholeNumberUpTo(MAX_SAMPLE_ROWS, 'rows');

/** A reason (--reason) must have something visible: not only spaces, control or invisible format characters (U+200B …). */
export function parseReason(text: string): string {
  if (!/[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(text)) {
    throw new InvalidArgumentError('a reason needs visible text, not only spaces or invisible characters');
  }
  return text;
}

/** YYYY-MM for every month option (--month, --to, --as-of <month>): an invalid month is a usage error, exit 2, before the action runs. */
export function parseMonthArg(text: string): IsoMonth {
  const m = parseIsoMonth(text);
  if (!m) throw new InvalidArgumentError('expected a month YYYY-MM');
  return m;
}
