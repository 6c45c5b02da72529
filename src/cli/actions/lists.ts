/** The actions of `imports`, `operators list`, `calls list`, `orders list`. */
import type Database from 'better-sqlite3';
import { callsReport, importsReport, operatorsReport, ordersReport } from '../../app/lists.js';
import { openDb, policyFor } from '../context.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { resolveDay, resolveRange, type DayRangeFlags } from '../dates.js';
import { UsageError } from '../../errors.js';
import { checkPiiReason, emitReport } from '../emit.js';
import type { Policy } from '../../domain/policy.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import type { Runtime } from '../runtime.js';

export type ListFlags = OutputFlags & DayRangeFlags & { operator?: string; limit?: number };
export type CallListFlags = ListFlags & { outcome?: 'answered' | 'abandoned'; category?: string; direction?: 'inbound' | 'outbound'; repeatsOf?: string };
export type OrderListFlags = ListFlags & { status?: string; corrected?: boolean };

/** Runs `fn` with the database open (time zone checked) until the report it emits is written. */
async function withDb(globals: GlobalOptions, rt: Runtime, fn: (db: Database.Database, zone: string, policy: Policy) => Promise<unknown>): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    await fn(handle.db, policy.timezone, policy);
  } finally {
    handle.close();
  }
}

export function listImports(flags: OutputFlags & { kind?: string; limit?: number }, globals: GlobalOptions, rt: Runtime): Promise<void> {
  return withDb(globals, rt, (db, zone) => emitReport(importsReport(db, zone, flags), flags, rt));
}

export function listOperators(flags: OutputFlags & { team?: string; activeOn?: string }, globals: GlobalOptions, rt: Runtime): Promise<void> {
  return withDb(globals, rt, (db, zone) => {
    const activeOn = flags.activeOn ? resolveDay(flags.activeOn, zone, rt.now()) : undefined;
    return emitReport(operatorsReport(db, { team: flags.team, activeOn }), flags, rt);
  });
}

/** `calls list --repeats-of`: a chain, not a filter; the other filters are refused rather than ignored. */
function checkRepeatsOf(flags: CallListFlags): void {
  const others = (['date', 'from', 'to', 'operator', 'outcome', 'category', 'direction', 'limit'] as const).filter((k) => flags[k] !== undefined);
  if (others.length > 0) throw new UsageError(`--repeats-of lists a whole chain: it takes no ${others.map((k) => `--${k}`).join(', ')}`);
}

export function listCalls(flags: CallListFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (flags.repeatsOf !== undefined) checkRepeatsOf(flags);
  return withDb(globals, rt, async (db, zone, policy) => {
    checkPiiReason(flags, policy.privacy.require_reason);
    if (flags.repeatsOf !== undefined) {
      const { repeatChainReport } = await import('../../app/repeat-chain.js');
      const report = repeatChainReport(db, flags.repeatsOf, policy.repeats.window_hours, zone);
      return emitReport(report, flags, rt, { db, report: 'calls list', filters: { repeats_of: flags.repeatsOf }, requireReason: policy.privacy.require_reason });
    }
    const range = resolveRange(flags, zone, rt.now());
    const filter = { ...range, operator: flags.operator, outcome: flags.outcome, category: flags.category, direction: flags.direction, limit: flags.limit };
    return emitReport(callsReport(db, zone, filter), flags, rt, { db, report: 'calls list', filters: filter, requireReason: policy.privacy.require_reason });
  });
}

export function listOrders(flags: OrderListFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  return withDb(globals, rt, (db, zone, policy) => {
    checkPiiReason(flags, policy.privacy.require_reason);
    const range = resolveRange(flags, zone, rt.now());
    const filter = { ...range, operator: flags.operator, status: flags.status, corrected: flags.corrected, limit: flags.limit };
    return emitReport(ordersReport(db, zone, filter), flags, rt, { db, report: 'orders list', filters: filter, requireReason: policy.privacy.require_reason });
  });
}
