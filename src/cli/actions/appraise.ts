/** The actions of `appraise run|explain|history|evaluate` and `bonus`. */
import { osUser } from '../../os-user.js';
import { appraiseMonth, scoreMonth } from '../../app/appraisal.js';
import { streakNote } from '../../app/appraisal-streaks.js';
import { describeChange, explainOperator, explainReport } from '../../app/appraisal-explain.js';
import { finalizeMonth } from '../../app/appraisal-finalize.js';
import { appraisalHistory } from '../../app/appraisal-history.js';
import { appraisalReport } from '../../app/appraisal-tables.js';
import { bonusReport, bonusSheet } from '../../app/bonus.js';
import { describeMissing } from '../../domain/appraisal-finalize.js';
import { currentRun } from '../../db/queries/appraisal-runs.js';
import { localDateOf, type IsoDate } from '../../domain/dates.js';
import { InputError, UsageError } from '../../errors.js';
import { openReport } from '../context.js';
import { monthOrCurrent, resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';

export type RunFlags = OutputFlags & { month: string; team?: string; finalize?: boolean; refinalize?: boolean; reason?: string; allowMissing?: boolean };
export type ExplainFlags = OutputFlags & { month: string; operator: string };
export type HistoryFlags = OutputFlags & { operator: string; months: number; to?: string };
export type EvaluateFlags = { month: string; team?: string };
export type BonusFlags = OutputFlags & { month: string; draft?: boolean };

export async function runAppraise(flags: RunFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const m = resolveMonth(flags.month);
  const finalizing = Boolean(flags.finalize || flags.refinalize);
  if (flags.team !== undefined && finalizing) {
    throw new UsageError(`--team cannot be used with --${flags.refinalize ? 'refinalize' : 'finalize'}: a month is finalized for every team at once`, { hint: `finalize without --team, then look at one team with: hotline appraise run --month ${m} --team ${flags.team}` });
  }
  if (flags.refinalize && !flags.reason) throw new UsageError('--refinalize needs --reason "…"', { hint: 'say why the finalized month is replaced; the old results are kept' });
  const { policy, calendar, handle } = openReport(globals, rt, { durable: finalizing });
  try {
    let result = appraiseMonth(handle.db, m, calendar, policy);
    if (finalizing) {
      if (result.finalized && !flags.refinalize) {
        throw new UsageError(`${m} is already finalized (run #${result.finalized.run_id})`, { hint: `to replace it: hotline appraise run --month ${m} --refinalize --reason "…"` });
      }
      const done = finalizeMonth(handle.db, m, calendar, policy, {
        refinalize: Boolean(flags.refinalize), reason: flags.reason ?? null, allowMissing: Boolean(flags.allowMissing),
        today: localDateOf(rt.now(), policy.timezone), now: rt.now(), osUser: osUser(),
      });
      if (done.unfinalized) say(rt, streakNote(done.unfinalized));
      if (done.missing.length > 0) {
        say(rt, `${m} is finalized without these scores (--allow-missing):`);
        for (const x of done.missing) say(rt, `  ${describeMissing(x)}`);
      }
      say(rt, `${m} finalized as run #${done.run_id} (${done.operators} operators)${flags.refinalize ? `; the previous run is kept` : ''}`);
      result = appraiseMonth(handle.db, m, calendar, policy);
    } else if (!result.finalized) {
      if (result.unfinalized) say(rt, streakNote(result.unfinalized));
    } else {
      say(rt, `${m} was finalized (run #${result.finalized.run_id}): shown as stored`);
      for (const c of result.changes) say(rt, `  changed since: ${describeChange(c)}`);
    }
    await emitReport(appraisalReport(flags.team ? result.rows.filter((r) => r.team === flags.team) : result.rows), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runExplain(flags: ExplainFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const m = resolveMonth(flags.month);
  const { policy, calendar, handle } = openReport(globals, rt);
  try {
    const x = explainOperator(handle.db, m, calendar, policy, flags.operator);
    if (!x) throw new InputError(`operator ${flags.operator} was not employed in ${m}`, { hint: 'hotline operators list shows the roster' });
    await emitReport(explainReport(x), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runHistory(flags: HistoryFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy, calendar, handle } = openReport(globals, rt);
  try {
    const to = monthOrCurrent(flags.to, policy.timezone, rt.now());
    await emitReport(appraisalHistory(handle.db, { operator: flags.operator, months: flags.months, to }, calendar, policy), flags, rt);
  } finally {
    handle.close();
  }
}

export async function runBonus(flags: BonusFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const m = resolveMonth(flags.month);
  const { policy, calendar, handle } = openReport(globals, rt);
  try {
    const sheet = bonusSheet(handle.db, m, calendar, policy, { draft: flags.draft ?? false });
    for (const note of sheet.notes) say(rt, `warning: ${note}`);
    const out = sheet.draft && flags.out ? flags.out.replace(/(\.[^./]+)?$/, (ext) => `-DRAFT${ext}`) : flags.out;
    if (out && out !== flags.out) say(rt, `draft: writing ${out}`);
    await emitReport(bonusReport(sheet, flags.lang), { ...flags, out }, rt);
  } finally {
    handle.close();
  }
}

export async function runEvaluate(flags: EvaluateFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (!rt.stdin.isTTY || !rt.stdout.isTTY) {
    throw new UsageError('appraise evaluate asks questions and needs a terminal', { hint: 'without a terminal, put the scores in a CSV and run: hotline import evaluations FILE' });
  }
  const m = resolveMonth(flags.month);
  const { policy, calendar, handle } = openReport(globals, rt, { durable: true });
  try {
    const { askEvaluations } = await import('../prompts.js');
    const run = currentRun(handle.db, m);
    if (run) say(rt, `${m} is finalized (run #${run.id}): scores entered now are saved, but its results and pay stay as finalized until: hotline appraise run --month ${m} --refinalize --reason "…"`);
    const people = scoreMonth(handle.db, m, calendar, policy).scored.filter((s) => !flags.team || s.inputs.team === flags.team);
    await askEvaluations(handle.db, m, people.map((s) => s.inputs), { evaluator: osUser() ?? 'supervisor', now: rt.now, say: (l: string) => say(rt, l) });
  } finally {
    handle.close();
  }
}

export type { IsoDate };
