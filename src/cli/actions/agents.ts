/** The actions of `agents daily`, `agents range` and `agents absence`. */
import { presenceDays, type PresenceDays } from '../../app/agents.js';
import { absenceReport, agentsDailyReport, agentsRangeReport, type AgentGrouping, type PresenceQuery } from '../../app/agents-tables.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import type { IsoDate } from '../../domain/dates.js';
import { UsageError } from '../../errors.js';
import { openDb, policyFor } from '../context.js';
import { resolveDay, resolveRange } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import type { Runtime } from '../runtime.js';
import type { Report } from '../../io/render/report.js';

export type AgentsDailyFlags = OutputFlags & { date?: string; operator?: string };
export type AgentsRangeFlags = OutputFlags & { from: string; to: string; by: AgentGrouping; operator?: string };
export type AbsenceFlags = OutputFlags & { date?: string; from?: string; to?: string; operator?: string };

/** The presence of [from, to] with the policy's rules, and the report `make` builds of it, emitted. */
async function emitPresence(q: { from: IsoDate; to: IsoDate; operator?: string }, flags: OutputFlags, globals: GlobalOptions, rt: Runtime, make: (query: PresenceQuery, data: PresenceDays) => Report): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const query: PresenceQuery = { from: q.from, to: q.to, zone: policy.timezone, rules: policy.presence };
    await emitReport(make(query, presenceDays(handle.db, { ...query, operator: q.operator })), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runAgentsDaily(flags: AgentsDailyFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const day = resolveDay(flags.date ?? 'yesterday', policyFor(globals, rt).policy.timezone, rt.now());
  await emitPresence({ from: day, to: day, operator: flags.operator }, flags, globals, rt, (q, data) => agentsDailyReport(q, data, flags.lang));
}

export async function runAgentsRange(flags: AgentsRangeFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const zone = policyFor(globals, rt).policy.timezone;
  const from = resolveDay(flags.from, zone, rt.now());
  const to = resolveDay(flags.to, zone, rt.now());
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  await emitPresence({ from, to, operator: flags.operator }, flags, globals, rt, (q, data) => agentsRangeReport({ ...q, by: flags.by }, data));
}

export async function runAbsence(flags: AbsenceFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const zone = policyFor(globals, rt).policy.timezone;
  if ((flags.from === undefined) !== (flags.to === undefined)) throw new UsageError('give --from and --to together (or --date)');
  const range = resolveRange(flags.from ? flags : { date: flags.date ?? 'yesterday' }, zone, rt.now());
  await emitPresence({ from: range.from as IsoDate, to: range.to as IsoDate, operator: flags.operator }, flags, globals, rt, absenceReport);
}
