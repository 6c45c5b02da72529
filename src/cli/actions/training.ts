/** The action of `training plan`. */
import { complianceTable, planEvents, planTable, promotions, trainingCompliance, trainingPlan } from '../../app/training.js';
import { uncoveredYears, type WorkCalendar } from '../../domain/calendar.js';
import { localDateOf, type IsoDate, type IsoMonth } from '../../domain/dates.js';
import { monthProgress, type TrainingSession } from '../../domain/training-session.js';
import { loadCalendar } from '../../io/calendar-files.js';
import { writeOutput } from '../../io/output.js';
import { renderIcs } from '../../io/render/ics.js';
import { renderJsonValue } from '../../io/render/json.js';
import { openDb, policyFor, renderSettings } from '../context.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import { resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';
import { columns } from '../../io/render/vocabulary/columns.js';

export type PlanFlags = Omit<OutputFlags, 'format'> & { format?: OutputFlags['format'] | 'ics'; month: string };

export function runPlan(flags: PlanFlags, globals: GlobalOptions, rt: Runtime): void {
  const month = resolveMonth(flags.month);
  const { policy } = policyFor(globals, rt);
  const { calendar } = loadCalendar(policy.calendars);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const plan = trainingPlan(handle.db, month, calendar, policy);
    warnMonth(month, plan.sessions, calendar, policy.timezone, rt);
    say(rt, `targeted courses from the ${plan.appraisal_finalized ? 'finalized' : 'computed (not finalized)'} appraisal of ${plan.appraisal_month}`);
    for (const u of plan.unscheduled) say(rt, `warning: no free working day for ${u.operator_id}'s ${u.kind} course ${u.topic} in ${month}`);
    const ics = flags.format === 'ics' || flags.out?.toLowerCase().endsWith('.ics');
    if (ics) {
      const text = renderIcs(planEvents(plan.sessions, policy.timezone), rt.now(), `hotline training ${month}`);
      const settings = renderSettings({ ...flags, format: 'csv' }, rt);
      return writeOutput([text], settings);
    }
    const f = { ...flags, format: flags.format as OutputFlags['format'] };
    const settings = renderSettings(f, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue(plan.sessions.map(({ topic_name: _n, ...s }) => s), settings)], settings);
    else emitReport(planTable(plan.sessions), f, rt);
  } finally {
    handle.close();
  }
}

/** issue 17 item 9: a month with no official holiday calendar (as `calendar check` says), or with days already past. */
function warnMonth(month: IsoMonth, sessions: readonly TrainingSession[], calendar: WorkCalendar, zone: string, rt: Runtime): void {
  const missing = uncoveredYears(calendar, `${month}-01` as IsoDate, `${month}-01` as IsoDate);
  if (missing.length > 0) say(rt, `warning: no official holiday calendar for ${missing.join(', ')} in data/holidays: weekends only there`);
  const today = localDateOf(rt.now(), zone);
  const p = monthProgress(month, today, sessions);
  if (p.state === 'over') say(rt, `warning: ${month} is over (today is ${today} in ${zone}): the plan's ${p.sessions} sessions are on past days`);
  if (p.state === 'begun') say(rt, `warning: ${month} has begun (today is ${today} in ${zone}): ${p.past_sessions} of the plan's ${p.sessions} sessions are on past days`);
}

export type ComplianceFlags = OutputFlags & { month: string; behind?: boolean };
export type PromotionFlags = OutputFlags & { asOf?: string };

export function runCompliance(flags: ComplianceFlags, globals: GlobalOptions, rt: Runtime): void {
  const month = resolveMonth(flags.month);
  const { policy } = policyFor(globals, rt);
  const { calendar } = loadCalendar(policy.calendars);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const { rows, total_hours } = trainingCompliance(handle.db, month, calendar, policy);
    const shown = flags.behind ? rows.filter((r) => r.behind.length > 0) : rows;
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue({ month, total_hours, rows: shown }, settings)], settings);
    else {
      emitReport(complianceTable(shown), flags, rt);
      say(rt, `${month}: ${total_hours} training hours attended; ${rows.filter((r) => r.behind.length > 0).length} of ${rows.length} operators behind`);
    }
  } finally {
    handle.close();
  }
}

export function runPromotions(flags: PromotionFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy } = policyFor(globals, rt);
  const asOf = flags.asOf ? resolveMonth(flags.asOf) : (localDateOf(rt.now(), policy.timezone).slice(0, 7) as IsoMonth);
  const handle = openDb(globals, rt);
  try {
    const candidates = promotions(handle.db, asOf, policy);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') return writeOutput([renderJsonValue(candidates, settings)], settings);
    emitReport({
      columns: columns('operator_id', 'excellent_months', 'tenure_months', 'record'),
      rows: candidates.map((c) => ({ ...c, record: c.record.map((r) => `${r.month}:${r.grade ?? '-'}`).join(' ') })),
    }, flags, rt);
    say(rt, `rule: excellent in at least ${policy.career.excellent_months} of the ${policy.career.window_months} finalized months to ${asOf}, at least ${policy.career.min_tenure_months} months at the company`);
  } finally {
    handle.close();
  }
}
