/** `hotline watch FILE`: import what was appended every N seconds and show the day's wallboard. */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { WatchFlags } from '../actions/watch.js';
import type { GlobalOptions } from '../options.js';
import { parseDelimiter, parseEncoding, parseZone } from './import.js';
import type { Runtime } from '../runtime.js';

function parseEvery(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 1 || n > 3600) throw new InvalidArgumentError('expected seconds, 1–3600');
  return n;
}

export function watchCommand(rt: Runtime): Command {
  return new Command('watch')
    .description("import what a phone system appended to its log every few seconds, and show today's wallboard: offered, answered, abandoned, service level, ASA, calls waiting now, operators, the last hour (docs/watch.md)")
    .argument('<file>', 'the growing log or export (e.g. /var/log/asterisk/queue_log), imported as calls')
    .addOption(new Option('--profile <name>', "a phone system's own export (docs/profiles.md); asterisk-queue-log also gives the calls waiting now").choices(['asterisk-cdr', 'asterisk-queue-log', 'freeswitch-cdr']))
    .option('--mapping <file>', 'a JSON mapping file for any other export (docs/formats.md)')
    .option('--encoding <name>', 'utf-8, gbk/gb18030 (default: detected)', parseEncoding)
    .option('--delimiter <char>', ', ; tab or | (default: detected)', parseDelimiter)
    .option('--source-tz <zone>', 'time zone of date-times in the file (default: the policy zone)', parseZone)
    .option('--every <seconds>', 'seconds between refreshes', parseEvery, 10)
    .option('--once', 'import, print one frame of the wallboard and exit (for scripts)')
    .option('--at <time>', "the moment shown, 'YYYY-MM-DD HH:MM[:SS]' in the policy zone (default: now): its day is the day shown")
    .addOption(new Option('--format <format>', 'with --once: the frame as text, or its figures as JSON').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Examples:
  hotline watch --profile asterisk-queue-log /var/log/asterisk/queue_log             full screen, every 10 s; q or Ctrl-C quits
  hotline watch --profile asterisk-queue-log --every 5 /var/log/asterisk/queue_log
  hotline watch --profile asterisk-queue-log --once /var/log/asterisk/queue_log      one frame, for a script
  hotline watch --profile asterisk-cdr --source-tz UTC --once --format json Master.csv
  hotline watch --profile asterisk-queue-log /var/log/asterisk/queue_log > board.log   not a terminal: one line per refresh`)
    .action(async (file: string, flags: WatchFlags, c: Command) => (await import('../actions/watch.js')).runWatch(file, flags, c.optsWithGlobals<GlobalOptions>(), rt));
}
