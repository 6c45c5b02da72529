/** `hotline audit` and `hotline db purge-pii`: who saw customer data, and disposing of old personal data. */
import { Command } from 'commander';
import type { AuditFlags, PurgeFlags } from '../actions/privacy.js';
import type { CheckFlags } from '../actions/db.js';
import { dayArg } from '../dates.js';
import { addOutputOptions, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/privacy.js');

export function auditCommand(rt: Runtime): Command {
  return addOutputOptions(new Command('audit').description('the audit trail: every unmasked export (--show-pii) and purge, with user, command, reason and record count'))
    .option('--from <day>', 'from this local day', dayArg)
    .option('--to <day>', 'to this local day', dayArg)
    .option('--user <name>', 'only this OS user')
    .addHelpText('after', '\nExamples:\n  hotline audit\n  hotline audit --from 2026-10-01 --to 2026-10-31 --user zhang --format csv')
    .action(async (flags: AuditFlags, c: Command) => (await actions()).runAudit(flags, c.optsWithGlobals<GlobalOptions>(), rt));
}

export function dbCommand(rt: Runtime): Command {
  const cmd = new Command('db').description('the database itself: integrity check, online backup, purging old personal data');
  addOutputOptions(cmd.command('check').description('integrity, schema version, WAL state, file permissions, ledger consistency (exit 4 when damaged)'))
    .option('--full', 'PRAGMA integrity_check instead of the faster quick_check')
    .addHelpText('after', '\nExamples:\n  hotline db check\n  hotline --db /srv/hotline/hotline.db db check --full')
    .action(async (flags: CheckFlags, c: Command) => (await import('../actions/db.js')).runCheck(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  cmd.command('backup').description('copy the database with SQLite\'s online backup, safe while another process writes; the copy is checked')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace an existing file')
    .addHelpText('after', '\nExamples:\n  hotline db backup backups/hotline-$(date +%F).db')
    .action(async (file: string, flags: { force?: boolean }, c: Command) => (await import('../actions/db.js')).runBackup(file, flags, c.optsWithGlobals<GlobalOptions>(), rt));
  cmd.command('purge-pii').description('replace customer names, phones and addresses of calls and orders before a date by irreversible tokens; statistics are unchanged')
    .option('--before <day>', 'purge rows of local days before this one (default: policy privacy.retention_months)', dayArg)
    .option('--dry-run', 'count what would be purged, change nothing')
    .addHelpText('after', '\nExamples:\n  hotline db purge-pii --before 2026-01-01 --dry-run\n  hotline db purge-pii --before 2026-01-01\n  hotline db purge-pii                 (cron: uses privacy.retention_months from the policy)')
    .action(async (flags: PurgeFlags, c: Command) => (await actions()).runPurge(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
