/** Options shared by commands: global --db/--policy, output options, and argument parsers. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseIsoDate, type IsoDate } from '../domain/dates.js';
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
    .option('--busy-timeout <seconds>', 'wait this long for another hotline process that is writing', parsePositiveNumber, 5)
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
    .option('--reason <text>', 'why: needed with --show-pii (recorded in the audit trail), and with appraise run --refinalize');
}

export function parsePositiveNumber(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds ≥ 0');
  return n;
}

export function parsePositiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** YYYY-MM-DD, today or yesterday (in the policy zone: resolved by the caller). */
export function parseDateArg(text: string): IsoDate {
  const d = parseIsoDate(text);
  if (!d) throw new InvalidArgumentError(`"${text}" is not a date (YYYY-MM-DD)`);
  return d;
}
