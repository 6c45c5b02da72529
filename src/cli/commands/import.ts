/** `hotline import operators|calls|orders FILE...` */
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { IMPORT_KINDS, type ImportKind } from '../../domain/kinds.js';
import { isValidTimeZone } from '../../domain/dates.js';
import { importFile, type ImportOptions, type ImportSummary } from '../../app/import-files.js';
import { DELIMITER_NAMES, ENCODING_NAMES, type Encoding } from '../../io/csv-read.js';
import { renderJsonValue } from '../../io/render/json.js';
import { openDb, policyFor, type GlobalOptions } from '../options.js';
import { say, type Runtime } from '../runtime.js';
import { onInterrupt } from '../interrupt.js';

interface ImportFlags {
  encoding?: Encoding;
  delimiter?: string;
  sourceTz?: string;
  skipInvalid?: boolean;
  rejects?: string;
  force?: boolean;
  format: 'text' | 'json';
}

const KIND_HELP: Record<ImportKind, string> = {
  operators: 'the roster: 工号, 姓名, 班组, 入职日期 …',
  calls: 'call records: 通话编号, 来电时间, 呼叫结果 …',
  orders: 'orders entered by operators: 订单号, 下单时间, 录入工号 …',
};

function parseEncoding(text: string): Encoding {
  const e = ENCODING_NAMES[text.toLowerCase()];
  if (!e) throw new InvalidArgumentError('use utf-8, gbk, gb18030, utf-16le or utf-16be');
  return e;
}

function parseDelimiter(text: string): string {
  const d = DELIMITER_NAMES[text.toLowerCase()];
  if (!d) throw new InvalidArgumentError('use , ; tab or |');
  return d;
}

function parseZone(text: string): string {
  if (!isValidTimeZone(text)) throw new InvalidArgumentError('not an IANA time zone (e.g. UTC, Asia/Shanghai)');
  return text;
}

function summaryLine(s: ImportSummary): string {
  if (s.status === 'already_imported') return `${s.file}: already imported as import #${s.import_id}; nothing changed`;
  const parts = `${s.rows} rows: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected, ${s.skipped} skipped`;
  return `${s.file}: ${parts} (import #${s.import_id}, ${s.encoding}${s.rejects_file ? `; rejected rows in ${s.rejects_file}` : ''})`;
}

async function runImportCommand(kind: ImportKind, files: string[], flags: ImportFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const handle = openDb(globals, rt, { durable: true });
  const stop = onInterrupt();
  const bar = rt.stderr.isTTY ? new cliProgress.SingleBar({ stream: rt.stderr, format: '{file} [{bar}] {percentage}% {eta_formatted}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  const summaries: ImportSummary[] = [];
  const opts: ImportOptions = {
    kind, files, encoding: flags.encoding, delimiter: flags.delimiter, sourceZone: flags.sourceTz, zone: policy.timezone,
    skipInvalid: flags.skipInvalid ?? false, rejects: flags.rejects, force: flags.force ?? false,
  };
  try {
    for (const file of files) {
      bar?.start(100, 0, { file });
      try {
        const summary = await importFile(file, opts, {
          db: handle.db, dbPath: handle.path, now: rt.now, isInterrupted: stop.interrupted,
          notice: (line) => say(rt, line),
          progress: (_f, bytes, total) => bar?.update(total > 0 ? Math.floor((bytes / total) * 100) : 100),
        });
        summaries.push(summary);
      } finally {
        bar?.stop();
      }
      say(rt, summaryLine(summaries[summaries.length - 1] as ImportSummary));
    }
    handle.db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    stop.dispose();
    handle.close();
    if (flags.format === 'json' && summaries.length > 0) rt.stdout.write(renderJsonValue(files.length === 1 ? summaries[0] : summaries));
  }
}

/** The `import` command group. */
export function importCommand(rt: Runtime): Command {
  const cmd = new Command('import').description('import CSV exports into the database (one transaction per file)');
  for (const kind of IMPORT_KINDS) {
    cmd
      .command(kind)
      .description(`import ${KIND_HELP[kind]}`)
      .argument('<files...>', 'CSV files (UTF-8 or GBK, , ; tab or | delimited)')
      .option('--encoding <name>', 'utf-8, gbk/gb18030, utf-16le (default: detected)', parseEncoding)
      .option('--delimiter <char>', ', ; tab or | (default: detected from the header)', parseDelimiter)
      .option('--source-tz <zone>', 'time zone of date-times in the file (default: the policy zone)', parseZone)
      .option('--skip-invalid', 'import the good rows; write the bad ones to --rejects')
      .option('--rejects <file>', 'where --skip-invalid writes bad rows (default: <name>.rejects.csv)')
      .option('--force', 'replace an existing --rejects file')
      .addOption(new Option('--format <format>', 'summary on stderr (text) or also as JSON on stdout').choices(['text', 'json']).default('text'))
      .addHelpText('after', `\nExamples:\n  hotline import ${kind} export.csv\n  hotline import ${kind} --encoding gbk --skip-invalid --rejects bad.csv export.csv\n  hotline import ${kind} --format json day1.csv day2.csv`)
      .action(async (files: string[], flags: ImportFlags, c: Command) => runImportCommand(kind, files, flags, c.optsWithGlobals<GlobalOptions>(), rt));
  }
  return cmd;
}
