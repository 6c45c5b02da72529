/** The actions of `stats daily`, `stats range` and `stats repeats`. */
import { dayRepeats, type RepeatGrouping } from '../../app/repeats.js';
import { buildRepeatsReport } from '../../app/repeats-report.js';
import { buildDailyReport, buildRangeReport, type RangeGrouping } from '../../app/stats.js';
import { dailyReport, describeDefinitions, rangeReport } from '../../app/stats-page.js';
import type { DailyTableChoice } from '../../app/stats-tables.js';
import { checkTimeZone } from '../../db/queries/settings.js';
import type { IsoDate } from '../../domain/dates.js';
import type { KpiDefinitions, ServiceLevelFormula } from '../../domain/kpi.js';
import type { Policy } from '../../domain/policy.js';
import { InputError, UsageError } from '../../errors.js';
import { checkOutPath } from '../../io/output.js';
import { wrapText } from '../../io/render/width.js';
import { openDb, policyFor } from '../context.js';
import { asOfEpoch, resolveDay } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { inform, say, terminalWidth, type Runtime } from '../runtime.js';

interface KpiFlags {
  threshold?: number;
  slFormula?: ServiceLevelFormula;
}
export type DailyFlags = OutputFlags & KpiFlags & { date?: string; by: DailyTableChoice; requireCalls?: boolean };
export type RangeFlags = OutputFlags & KpiFlags & { from: string; to: string; by: RangeGrouping };
export type RepeatFlags = OutputFlags & { from: string; to: string; by: RepeatGrouping; window?: number; asOf?: string };

/** The KPI definitions of the policy, with --threshold and --sl-formula over them. */
export function definitions(policy: Policy, flags: KpiFlags): KpiDefinitions {
  return {
    threshold_seconds: flags.threshold ?? policy.kpi.threshold_seconds,
    short_abandon_seconds: policy.kpi.short_abandon_seconds,
    service_level_formula: flags.slFormula ?? policy.kpi.service_level,
  };
}

export async function runDaily(flags: DailyFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const date = resolveDay(flags.date ?? 'yesterday', policy.timezone, rt.now());
  const out = flags.out?.replaceAll('{date}', date);
  checkOutPath(out, flags.force ?? false);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const report = buildDailyReport(handle.db, date as IsoDate, policy.timezone, definitions(policy, flags), policy.tickets, policy.presence);
    if (report.totals.offered === 0 && report.outbound.calls === 0) {
      if (flags.requireCalls) {
        throw new InputError(`no calls on ${date} in ${handle.path}: nothing was written (--require-calls)`, { hint: "import the day's calls first; without --require-calls the report is written with zeros and a warning" });
      }
      say(rt, `warning: no calls on ${date} in ${handle.path}: the report is all zeros`);
    }
    const daily = dailyReport(report, flags.by, flags.lang);
    // JSON only: the day's repeat calls (docs/metrics.md), which read a window of days either side.
    const json = flags.format === 'json' || (!flags.format && out?.toLowerCase().endsWith('.json'));
    const repeats = json ? { repeats: dayRepeats(handle.db, date as IsoDate, policy.timezone, policy.repeats.window_hours) } : {};
    await emitReport({ ...daily, json: { ...report, ...repeats } }, { ...flags, out }, rt);
    if (out) inform(rt, `wrote ${out}`, globals.verbose);
  } finally {
    handle.close();
  }
}

export async function runRange(flags: RangeFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const from = resolveDay(flags.from, policy.timezone, rt.now());
  const to = resolveDay(flags.to, policy.timezone, rt.now());
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const defs = definitions(policy, flags);
    const rows = buildRangeReport(handle.db, from, to, flags.by, defs);
    const format = await emitReport(rangeReport({ from, to, by: flags.by, timezone: policy.timezone, definitions: defs }, rows), flags, rt);
    if (format !== 'json' && rt.stdout.isTTY && !flags.out) for (const l of wrapText(describeDefinitions(defs, policy.timezone), terminalWidth(rt.stdout)).split('\n')) say(rt, l);
  } finally {
    handle.close();
  }
}

export async function runRepeats(flags: RepeatFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const from = resolveDay(flags.from, policy.timezone, rt.now());
  const to = resolveDay(flags.to, policy.timezone, rt.now());
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const asOf = flags.asOf ? asOfEpoch(flags.asOf, policy.timezone, rt.now()) : undefined;
  const handle = openDb(globals, rt);
  try {
    checkTimeZone(handle.db, handle.path, policy.timezone);
    const q = { from, to, zone: policy.timezone, window_hours: flags.window ?? policy.repeats.window_hours, as_of: asOf };
    await emitReport(buildRepeatsReport(handle.db, q, flags.by, flags.lang), flags, rt);
  } finally {
    handle.close();
  }
}
