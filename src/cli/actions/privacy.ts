/** The actions of `audit` and `db purge-pii`. */
import { osUser } from '../../os-user.js';
import { auditTrail, countPurgeable, purgePii } from '../../app/privacy.js';
import { scrubFreedPages } from '../../db/queries/privacy.js';
import { addDays, addMonths, firstDayOf, localDateOf, monthOf, startOfLocalDay, type IsoDate } from '../../domain/dates.js';
import { DbStateError, UsageError, toSystemStateError } from '../../errors.js';
import { toDbStateError } from '../../db/errors.js';
import { openDb, policyFor } from '../context.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { resolveDay } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export type AuditFlags = OutputFlags & { from?: string; to?: string; user?: string };
export type PurgeFlags = { before?: string; dryRun?: boolean };

export async function runAudit(flags: AuditFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const zone = policy.timezone;
  const from = flags.from ? startOfLocalDay(resolveDay(flags.from, zone, rt.now()), zone) : undefined;
  const to = flags.to ? startOfLocalDay(addDays(resolveDay(flags.to, zone, rt.now()), 1), zone) - 1 : undefined;
  const handle = openDb(globals, rt);
  try {
    await emitReport(auditTrail(handle.db, { from, to, user: flags.user }, zone), flags, rt);
  } finally {
    handle.close();
  }
}

/** The first day kept under privacy.retention_months: the first of the month that many months ago. */
function retentionCutoff(today: IsoDate, months: number): IsoDate {
  return firstDayOf(addMonths(monthOf(today), -months));
}

/** The error for a VACUUM that failed after the purge committed: what was done, and what was not. */
function notVacuumed(path: string, purged: string, e: unknown): unknown {
  const state = toDbStateError(e, path) ?? toSystemStateError(e);
  if (!state) return e;
  const code = (e as { code?: unknown }).code;
  const why = code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' ? 'disk full' : String(code ?? (e as Error).message);
  return new DbStateError(`${path}: ${purged} and recorded in the audit trail, but the file could not be vacuumed (${why}): copies of the old values may remain in free pages and the -wal file`, {
    hint: 'free disk space, then run hotline db purge-pii again (it vacuums) and hotline db check',
    cause: e,
  });
}

export function runPurge(flags: PurgeFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  let before: IsoDate;
  if (flags.before) before = resolveDay(flags.before, policy.timezone, rt.now());
  else if (policy.privacy.retention_months) before = retentionCutoff(localDateOf(rt.now(), policy.timezone), policy.privacy.retention_months);
  else throw new UsageError('give --before YYYY-MM-DD, or set privacy.retention_months in the policy');
  const handle = openDb(globals, rt, { durable: true });
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    if (flags.dryRun) {
      const c = countPurgeable(handle.db, before);
      return say(rt, `dry run: would purge customer data of ${plural(c.calls, 'call')} and ${plural(c.orders, 'order')} before ${before} (${plural(c.values, 'value')}); nothing changed`);
    }
    // The purge and its audit entry commit together; the VACUUM after them is a separate step.
    const counts = purgePii(handle.db, before, {
      at: rt.now(), os_user: osUser(), action: 'purge_pii', command: ['hotline', ...rt.argv].join(' '), report: 'db purge-pii',
      filters_json: JSON.stringify({ before }), reason: flags.before ? null : `privacy.retention_months = ${policy.privacy.retention_months}`,
    });
    const purged = `purged customer data of ${plural(counts.calls, 'call')} and ${plural(counts.orders, 'order')} before ${before} (${plural(counts.values, 'value')} replaced by tokens)`;
    try {
      scrubFreedPages(handle.db);
    } catch (e) {
      throw notVacuumed(handle.path, purged, e);
    }
    say(rt, `${purged}; the file was vacuumed`);
  } finally {
    handle.close();
  }
}
