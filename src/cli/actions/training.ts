/** The actions of `training plan`, `training compliance` and `operators promotions`. */
import { complianceReport, planReport, promotions, promotionsReport, trainingCompliance, trainingPlan } from '../../app/training.js';
import { coverageWarning, type WorkCalendar } from '../../domain/calendar.js';
import { firstDayOf, localDateOf, type IsoMonth } from '../../domain/dates.js';
import { monthProgress, type TrainingSession } from '../../domain/training-session.js';
import { openDb, openReport, policyFor } from '../context.js';
import { monthOrCurrent, resolveMonth } from '../dates.js';
import { emitReport, type EmitFlags } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';

export type PlanFlags = EmitFlags & { month: string };

export async function runPlan(flags: PlanFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const month = resolveMonth(flags.month);
  const { policy, calendar, handle } = openReport(globals, rt);
  try {
    const plan = trainingPlan(handle.db, month, calendar, policy);
    warnMonth(month, plan.sessions, calendar, policy.timezone, rt);
    say(rt, `targeted courses from the ${plan.appraisal_finalized ? 'finalized' : 'computed (not finalized)'} appraisal of ${plan.appraisal_month}`);
    for (const u of plan.unscheduled) say(rt, `warning: no free working day for ${u.operator_id}'s ${u.kind} course ${u.topic} in ${month}`);
    await emitReport(planReport(plan.sessions, month, policy.timezone), flags, rt);
  } finally {
    handle.close();
  }
}

/** issue 17 item 9: a month with no official holiday calendar (as `calendar check` says), or with days already past. */
function warnMonth(month: IsoMonth, sessions: readonly TrainingSession[], calendar: WorkCalendar, zone: string, rt: Runtime): void {
  const warning = coverageWarning(calendar, firstDayOf(month), firstDayOf(month));
  if (warning) say(rt, warning);
  const today = localDateOf(rt.now(), zone);
  const p = monthProgress(month, today, sessions);
  if (p.state === 'over') say(rt, `warning: ${month} is over (today is ${today} in ${zone}): the plan's ${p.sessions} sessions are on past days`);
  if (p.state === 'begun') say(rt, `warning: ${month} has begun (today is ${today} in ${zone}): ${p.past_sessions} of the plan's ${p.sessions} sessions are on past days`);
}

export type ComplianceFlags = OutputFlags & { month: string; behind?: boolean };
export type PromotionFlags = OutputFlags & { asOf?: string };

export async function runCompliance(flags: ComplianceFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const month = resolveMonth(flags.month);
  const { policy, calendar, handle } = openReport(globals, rt);
  try {
    const { rows, total_hours } = trainingCompliance(handle.db, month, calendar, policy);
    const shown = flags.behind ? rows.filter((r) => r.behind.length > 0) : rows;
    const format = await emitReport(complianceReport(shown, month, total_hours), flags, rt);
    if (format !== 'json') say(rt, `${month}: ${total_hours} training hours attended; ${rows.filter((r) => r.behind.length > 0).length} of ${rows.length} operators behind`);
  } finally {
    handle.close();
  }
}

export async function runPromotions(flags: PromotionFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const asOf = monthOrCurrent(flags.asOf, policy.timezone, rt.now());
  const handle = openDb(globals, rt);
  try {
    const format = await emitReport(promotionsReport(promotions(handle.db, asOf, policy)), flags, rt);
    if (format !== 'json') say(rt, `rule: excellent in at least ${policy.career.excellent_months} of the ${policy.career.window_months} finalized months to ${asOf}, at least ${policy.career.min_tenure_months} months at the company`);
  } finally {
    handle.close();
  }
}
