/** The actions of `staffing calc`, `staffing plan` and `staffing check`. */
import { buildStaffingCheck, buildStaffingPlan, calculateStaffing, type StaffingQuery } from '../../app/staffing.js';
import { calcReport, checkLines, checkReport, planLines, planReport, presenceNote } from '../../app/staffing-report.js';
import type { IsoDate } from '../../domain/dates.js';
import { openReport, policyFor } from '../context.js';
import { resolveDay } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { inform, say, type Runtime } from '../runtime.js';

export type CalcFlags = OutputFlags & {
  calls: number;
  aht: number;
  intervalMinutes?: number;
  threshold?: number;
  target?: number;
  maxOccupancy?: number;
  shrinkage?: number;
  agents?: number;
};
export type DayFlags = OutputFlags & { date: string; intervalMinutes?: 15 | 30 | 60 };
export type PlanFlags = DayFlags & { weeks?: number };

export async function runCalc(flags: CalcFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const s = policy.staffing;
  const r = calculateStaffing({
    calls: flags.calls, interval_minutes: flags.intervalMinutes ?? s.interval_minutes, aht_seconds: flags.aht,
    threshold_seconds: flags.threshold ?? policy.kpi.threshold_seconds, target: flags.target ?? policy.kpi.service_level_target,
    max_occupancy: flags.maxOccupancy ?? s.max_occupancy, shrinkage: flags.shrinkage ?? s.shrinkage, ...(flags.agents === undefined ? {} : { agents: flags.agents }),
  });
  if (flags.agents !== undefined && r.p_wait === 1) {
    say(rt, `warning: ${r.agents} agents cannot keep up with ${r.traffic_erlangs} erlangs: every call waits and the queue grows without end`);
  }
  await emitReport(calcReport(r), flags, rt);
}

/** What a plan or check asks, from the flags and the policy. */
function queryOf(flags: PlanFlags, date: IsoDate, opened: ReturnType<typeof openReport>): StaffingQuery {
  const { policy, calendar, handle } = opened;
  return {
    date,
    timezone: policy.timezone,
    // The target is the service level the company aims at, one key for reports and staffing alike.
    policy: { ...policy.staffing, target: policy.kpi.service_level_target, interval_minutes: flags.intervalMinutes ?? policy.staffing.interval_minutes, weeks: flags.weeks ?? policy.staffing.weeks },
    defs: { threshold_seconds: policy.kpi.threshold_seconds, short_abandon_seconds: policy.kpi.short_abandon_seconds, service_level_formula: policy.kpi.service_level },
    calendar,
    path: handle.path,
  };
}

/** The day of --date (a bad date is bad input, exit 3, before the database is opened), then the policy, calendar and database. */
function openDay(flags: DayFlags, globals: GlobalOptions, rt: Runtime): { date: IsoDate; opened: ReturnType<typeof openReport> } {
  const date = resolveDay(flags.date, policyFor(globals, rt).policy.timezone, rt.now());
  return { date, opened: openReport(globals, rt) };
}

export async function runPlan(flags: PlanFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { date, opened } = openDay(flags, globals, rt);
  const handle = opened.handle;
  try {
    const plan = buildStaffingPlan(handle.db, queryOf(flags, date, opened));
    for (const w of plan.warnings) say(rt, `warning: ${w}`);
    const format = await emitReport(planReport(plan, flags.lang), flags, rt);
    // A table shows the days the forecast came from, JSON holds them; CSV has only the intervals.
    if (format === 'csv') for (const line of planLines(plan, flags.lang).slice(2)) inform(rt, `note: ${line}`, globals.verbose);
    if (flags.out) inform(rt, `wrote ${flags.out}`, globals.verbose);
  } finally {
    handle.close();
  }
}

export async function runCheck(flags: DayFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { date, opened } = openDay(flags, globals, rt);
  const handle = opened.handle;
  try {
    const check = buildStaffingCheck(handle.db, queryOf(flags, date, opened));
    for (const w of check.warnings) say(rt, `warning: ${w}`);
    const format = await emitReport(checkReport(check, flags.lang), flags, rt);
    if (format === 'csv') {
      const notes = [...checkLines(check, flags.lang).slice(2), ...(!check.presence && check.intervals.length > 0 ? [presenceNote(check, flags.lang)] : [])];
      for (const line of notes) inform(rt, `note: ${line}`, globals.verbose);
    }
    if (flags.out) inform(rt, `wrote ${flags.out}`, globals.verbose);
  } finally {
    handle.close();
  }
}
