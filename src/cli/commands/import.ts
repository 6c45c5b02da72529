/** `hotline import operators|calls|orders FILE...` */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isValidTimeZone } from '../../domain/dates.js';
import { IMPORT_KINDS, type ImportKind } from '../../domain/kinds.js';
import { DELIMITER_NAMES, ENCODING_NAMES, type Encoding } from '../../io/encodings.js';
import type { ImportFlags, InspectFlags } from '../actions/import.js';
import { parseSampleRows, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const KIND_HELP: Record<ImportKind, string> = {
  operators: 'the roster: 工号, 姓名, 班组, 入职日期 …',
  calls: 'call records: 通话编号, 来电时间, 呼叫结果 …',
  orders: 'orders entered by operators: 订单号, 下单时间, 录入工号 …',
  leave: 'leave records: 工号, 类型 (年假/病假/事假 …), 开始日期, 结束日期 …',
  tickets: 'complaint and suggestion tickets: 工单号, 类型, 受理时间, 受理工号, 被投诉工号, 办结时间 …',
  evaluations: 'monthly scores: 工号, 月份, 指标 (团队协作/业务考试/回访满意度), 分数 …',
  trainings: 'training sessions held: 场次, 日期, 主题, 类型 (入职培训/内部培训/专项培训/一对一辅导), 学时 …',
  attendance: 'who attended: 场次, 工号, 出勤 (出席/缺席), 成绩',
  presence: 'operator presence: 工号, 状态 (签入/签出/示忙/示闲), 时间, 原因, 队列',
};

export function parseEncoding(text: string): Encoding {
  const e = ENCODING_NAMES[text.toLowerCase()];
  if (!e) throw new InvalidArgumentError('use utf-8, gbk, gb18030, utf-16le or utf-16be');
  return e;
}

export function parseDelimiter(text: string): string {
  const d = DELIMITER_NAMES[text.toLowerCase()];
  if (!d) throw new InvalidArgumentError('use , ; tab or |');
  return d;
}

export function parseZone(text: string): string {
  if (!isValidTimeZone(text)) throw new InvalidArgumentError('not an IANA time zone (e.g. UTC, Asia/Shanghai)');
  return text;
}

/** The `import` command group. */
export function importCommand(rt: Runtime): Command {
  const cmd = new Command('import').description('import CSV exports into the database (one transaction per file)');
  for (const kind of IMPORT_KINDS) {
    const sub = cmd
      .command(kind)
      .description(`import ${KIND_HELP[kind]}`)
      .argument('<files...>', 'CSV files (UTF-8 or GBK, , ; tab or | delimited)')
      .option('--encoding <name>', 'utf-8, gbk/gb18030, utf-16le (default: detected)', parseEncoding)
      .option('--delimiter <char>', ', ; tab or | (default: detected from the header)', parseDelimiter)
      .option('--source-tz <zone>', 'time zone of date-times in the file (default: the policy zone)', parseZone)
      .option('--skip-invalid', 'import the good rows; write the bad ones to --rejects')
      .option('--rejects <file>', 'where --skip-invalid writes bad rows (default: <name>.rejects.csv)')
      .option('--force', 'replace an existing --rejects file')
      .option('--again', 'import a file already imported (e.g. again with a corrected --source-tz, --profile or --mapping); rows are matched by their keys, as for any file')
      .option('--mapping <file>', 'a JSON mapping file: which columns of another export give which fields (docs/formats.md)')
      .option('--require-rows', 'a file with a header and no data rows is an error (exit 3, nothing imported), not a warning: for cron')
      .addOption(new Option('--format <format>', 'summary on stderr (text) or also as JSON on stdout').choices(['text', 'json']).default('text'));
    if (kind === 'calls') {
      sub.addOption(new Option('--profile <name>', "a phone system's own export: Asterisk Master.csv, Asterisk queue_log, FreeSWITCH Master.csv (docs/profiles.md)").choices(['asterisk-cdr', 'asterisk-queue-log', 'freeswitch-cdr']));
    }
    sub
      .addHelpText('after', `\nExamples:\n  hotline import ${kind} export.csv\n  hotline import ${kind} --encoding gbk --skip-invalid --rejects bad.csv export.csv\n  hotline import ${kind} --format json day1.csv day2.csv
  hotline import ${kind} --mapping our-export.mapping.json export.tsv${kind === 'calls' ? '\n  hotline import calls --profile asterisk-cdr --source-tz UTC /var/log/asterisk/cdr-csv/Master.csv' : ''}`)
      .action(async (files: string[], flags: ImportFlags, c: Command) => {
        const { runImportCommand } = await import('../actions/import.js');
        await runImportCommand(kind, files, flags, c.optsWithGlobals<GlobalOptions>(), rt);
      });
  }
  cmd
    .command('inspect')
    .description('show what hotline sees in a file, without importing: encoding, delimiter, header, sample rows, the field each column maps to, what is missing')
    .argument('<file>', 'a CSV export')
    .addOption(new Option('--kind <kind>', 'the kind to map to (default: the kind the header fits best)').choices([...IMPORT_KINDS]))
    .option('--encoding <name>', 'utf-8, gbk/gb18030, utf-16le (default: detected)', parseEncoding)
    .option('--delimiter <char>', ', ; tab or | (default: detected from the header)', parseDelimiter)
    .option('--rows <n>', 'sample rows to show (1–100)', parseSampleRows, 5)
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--save-mapping <file>', 'write a mapping file for this layout (asks, in a terminal, for what it cannot find)')
    .option('--force', 'replace an existing --save-mapping file')
    .addHelpText('after', '\nExamples:\n  hotline import inspect 话单.csv\n  hotline import inspect --kind orders --rows 10 export.csv\n  hotline import inspect --kind calls --save-mapping acd.mapping.json acd-export.tsv\n  hotline import calls --mapping acd.mapping.json acd-export-*.tsv')
    .action(async (file: string, flags: InspectFlags, c: Command) => {
      const { runInspect } = await import('../actions/import.js');
      await runInspect(file, flags, c.optsWithGlobals<GlobalOptions>(), rt);
    });
  return cmd;
}
