/**
 * Staffing for the three-ring rule (docs/metrics.md, "Staffing"): the Erlang C calculator, the
 * plan of a day from the same weekday of earlier weeks, and the check of a past day. Reads through
 * db/queries/staffing.ts; the rules are in domain/erlang.ts and domain/staffing*.ts.
 */
import type Database from 'better-sqlite3';
import { coverageWarning, weekday, type DayKind, type WorkCalendar } from '../domain/calendar.js';
import type { IsoDate } from '../domain/dates.js';
import { agentMeasures, requiredAgents, scheduledHeadcount, type Requirement } from '../domain/erlang.js';
import type { KpiDefinitions } from '../domain/kpi.js';
import { checkDay, type DayCheck } from '../domain/staffing-check.js';
import { pickHistory, planDay, type DayPlan, type History, type StaffingPolicy } from '../domain/staffing.js';
import { firstCallDay, hasInboundCalls, intervalSums, operatorsAvailable } from '../db/queries/staffing.js';
import { InputError } from '../errors.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** What `staffing calc` is asked: an interval's calls and what the agents must achieve. */
export interface CalcInput {
  calls: number;
  interval_minutes: number;
  aht_seconds: number;
  threshold_seconds: number;
  target: number;
  max_occupancy: number;
  shrinkage: number;
  /** Evaluate this many agents instead of finding the requirement. */
  agents?: number;
}

export type CalcResult = CalcInput & Requirement & { scheduled: number };

/** `staffing calc`: the requirement of one interval (or what a given number of agents gives), and the heads to schedule. */
export function calculateStaffing(input: CalcInput): CalcResult {
  const load = { calls: input.calls, interval_seconds: input.interval_minutes * 60, aht_seconds: input.aht_seconds };
  const r = input.agents === undefined
    ? requiredAgents(load, { threshold_seconds: input.threshold_seconds, target: input.target, max_occupancy: input.max_occupancy })
    : agentMeasures(input.agents, load, input.threshold_seconds);
  const { traffic_erlangs, agents, ...measures } = r;
  return { ...input, traffic_erlangs, agents, scheduled: scheduledHeadcount(agents, input.shrinkage), ...measures };
}

/** What a plan or a check is asked: the day, the policy and KPI definitions, the calendar. */
export interface StaffingQuery {
  date: IsoDate;
  timezone: string;
  policy: StaffingPolicy;
  defs: KpiDefinitions;
  calendar: WorkCalendar;
  /** The database file, for messages. */
  path: string;
}

interface DayHeader {
  date: IsoDate;
  weekday: (typeof WEEKDAYS)[number];
  day_kind: DayKind;
  day_name: string | null;
  timezone: string;
  interval_minutes: number;
  threshold_seconds: number;
  target: number;
  max_occupancy: number;
  shrinkage: number;
}

function headerOf(q: StaffingQuery): DayHeader {
  const info = q.calendar.day(q.date);
  const { interval_minutes, target, max_occupancy, shrinkage } = q.policy;
  return {
    date: q.date, weekday: WEEKDAYS[weekday(q.date)] as DayHeader['weekday'], day_kind: info.kind, day_name: info.name, timezone: q.timezone,
    interval_minutes, threshold_seconds: q.defs.threshold_seconds, target, max_occupancy, shrinkage,
  };
}

export type StaffingPlan = DayHeader & DayPlan & { history: History; weeks: number; warnings: string[] };

/** `staffing plan`: the forecast of `date` from the same weekday of earlier weeks, and the Erlang C requirement per interval. */
export function buildStaffingPlan(db: Database.Database, q: StaffingQuery): StaffingPlan {
  const header = headerOf(q);
  const earliest = firstCallDay(db);
  const history = earliest === undefined
    ? { used: [], skipped: [] }
    : pickHistory({ target: q.date, weeks: q.policy.weeks, earliest, calendar: q.calendar, hasCalls: (d) => hasInboundCalls(db, d) });
  if (history.used.length === 0) {
    throw new InputError(`no inbound calls on the ${WEEKDAY_NAMES[weekday(q.date)]}s before ${q.date} in ${q.path}: nothing to forecast from`, {
      hint: 'import earlier weeks of calls (hotline import calls FILE); holidays and swapped working days are not used',
    });
  }
  const days = history.used.map((day) => intervalSums(db, { day, zone: q.timezone, minutes: q.policy.interval_minutes, defs: q.defs }));
  const warnings: string[] = [];
  if (header.day_kind === 'holiday' || header.day_kind === 'swapped_workday') {
    const what = header.day_kind === 'holiday' ? 'a holiday' : 'a swapped working day';
    warnings.push(`${q.date} is ${what}${header.day_name ? ` (${header.day_name})` : ''}: the forecast is from ordinary ${WEEKDAY_NAMES[weekday(q.date)]}s, whose traffic may differ`);
  }
  if (history.used.length < q.policy.weeks) {
    warnings.push(`only ${history.used.length} earlier ${WEEKDAY_NAMES[weekday(q.date)]}${history.used.length === 1 ? '' : 's'} with calls in ${q.path} (${q.policy.weeks} asked): the forecast is from ${history.used.length === 1 ? 'it' : 'them'}`);
  }
  const coverage = coverageWarning(q.calendar, history.used[history.used.length - 1] as IsoDate, q.date);
  if (coverage) warnings.push(coverage.replace(/^warning: /, ''));
  return { ...header, weeks: q.policy.weeks, history, ...planDay(days, q.policy, q.defs.threshold_seconds), warnings };
}

export type StaffingCheck = DayHeader & DayCheck & { service_level_formula: KpiDefinitions['service_level_formula']; presence: boolean; warnings: string[] };

/** `staffing check`: a past day per interval against what Erlang C says its calls needed and the operators available (presence data). */
export function buildStaffingCheck(db: Database.Database, q: StaffingQuery): StaffingCheck {
  const actual = intervalSums(db, { day: q.date, zone: q.timezone, minutes: q.policy.interval_minutes, defs: q.defs });
  const available = operatorsAvailable(db, { day: q.date, zone: q.timezone, minutes: q.policy.interval_minutes });
  const warnings = actual.size === 0 ? [`no inbound calls on ${q.date} in ${q.path}: nothing to check`] : [];
  return {
    ...headerOf(q), service_level_formula: q.defs.service_level_formula, presence: available !== undefined,
    ...checkDay(actual, available, q.policy, q.defs), warnings,
  };
}
