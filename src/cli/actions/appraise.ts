/** The actions of `appraise run|explain|history|evaluate` and `bonus`. */
import { osUser } from '../../os-user.js';
import { appraiseMonth, computeMonth, previousMonth, scoreMonth, type AppraisalRow } from '../../app/appraisal.js';
import { appraisalTable, explainTable } from '../../app/appraisal-tables.js';
import { bonusSheet, bonusTable } from '../../app/bonus.js';
import { storeRun } from '../../db/queries/appraisal-runs.js';
import { currentRun } from '../../db/queries/appraisal-runs.js';
import { localDateOf, type IsoDate, type IsoMonth } from '../../domain/dates.js';
import { InputError, UsageError } from '../../errors.js';
import { loadCalendar } from '../../io/calendar-files.js';
import { writeOutput } from '../../io/output.js';
import { renderJsonValue } from '../../io/render/json.js';
import { checkOutPath } from '../../io/output.js';
import { checkZone, openDb, policyFor, renderSettings } from '../context.js';
import { resolveMonth } from '../dates.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';

export type RunFlags = OutputFlags & { month: string; team?: string; finalize?: boolean; refinalize?: boolean; reason?: string };
export type ExplainFlags = OutputFlags & { month: string; operator: string };
export type HistoryFlags = OutputFlags & { operator: string; months: number; to?: string };
export type EvaluateFlags = { month: string; team?: string };
export type BonusFlags = OutputFlags & { month: string; draft?: boolean };

function context(globals: GlobalOptions, rt: Runtime, write = false) {
  const { policy } = policyFor(globals, rt);
  const { calendar } = loadCalendar(policy.calendars);
  const handle = openDb(globals, rt, { durable: write });
  checkZone(handle.db, handle.path, policy.timezone);
  return { policy, calendar, handle };
}


export function runAppraise(flags: RunFlags, globals: GlobalOptions, rt: Runtime): void {
  const m = resolveMonth(flags.month);
  if (flags.refinalize && !flags.reason) throw new UsageError('--refinalize needs --reason "…"', { hint: 'say why the finalized month is replaced; the old results are kept' });
  const { policy, calendar, handle } = context(globals, rt, flags.finalize || flags.refinalize);
  try {
    let result = appraiseMonth(handle.db, m, calendar, policy);
    if (flags.finalize || flags.refinalize) {
      if (result.finalized && !flags.refinalize) {
        throw new UsageError(`${m} is already finalized (run #${result.finalized.run_id})`, { hint: `to replace it: hotline appraise run --month ${m} --refinalize --reason "…"` });
      }
      const fresh = computeMonth(handle.db, m, calendar, policy);
      const id = storeRun(handle.db, {
        month: m, finalized_at: rt.now(), os_user: osUser(), reason: flags.reason ?? null,
        policy_json: JSON.stringify(policy), inputs_digest: fresh.digest, results_json: JSON.stringify(fresh.rows),
      }, Boolean(flags.refinalize));
      say(rt, `${m} finalized as run #${id} (${fresh.rows.length} operators)${flags.refinalize ? `; the previous run is kept` : ''}`);
      result = appraiseMonth(handle.db, m, calendar, policy);
    } else if (result.finalized) {
      say(rt, `${m} was finalized (run #${result.finalized.run_id}): shown as stored`);
      for (const c of result.changes) {
        const extra = [
          c.current_action !== c.finalized_action ? `action ${c.current_action ?? 'none'} instead of ${c.finalized_action ?? 'none'}` : '',
          c.current_commendation !== c.finalized_commendation ? `commendation ${c.current_commendation ? 'yes' : 'no'} instead of ${c.finalized_commendation ? 'yes' : 'no'}` : '',
        ].filter(Boolean).join('; ');
        say(rt, `  changed since: ${c.operator_id} would now score ${c.current_score ?? 'n/a'} (${c.current_grade ?? 'no grade'}) instead of ${c.finalized_score ?? 'n/a'} (${c.finalized_grade ?? 'no grade'})${extra ? '; ' + extra : ''}`);
      }
    }
    const rows = flags.team ? result.rows.filter((r) => r.team === flags.team) : result.rows;
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue(rows, settings)], settings);
    else emitReport(appraisalTable(rows), flags, rt);
  } finally {
    handle.close();
  }
}

export function runExplain(flags: ExplainFlags, globals: GlobalOptions, rt: Runtime): void {
  const m = resolveMonth(flags.month);
  const { policy, calendar, handle } = context(globals, rt);
  try {
    const { scored, finalized } = appraiseMonth(handle.db, m, calendar, policy);
    const s = scored.find((x) => x.row.operator_id === flags.operator);
    if (!s) throw new InputError(`operator ${flags.operator} was not employed in ${m}`, { hint: 'hotline operators list shows the roster' });
    if (finalized) say(rt, `${m} is finalized (run #${finalized.run_id}); this explains the data as it is now`);
    const settings = renderSettings(flags, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue({ ...s.row, raw: s.raw, inputs: s.inputs }, settings)], settings);
    else {
      if (settings.format === 'table') {
        say(rt, `${s.row.operator_id} ${s.row.name} ${m}: score ${s.row.score ?? 'n/a'}, grade ${s.row.grade ?? 'n/a'}, ${s.row.days_worked} days worked`);
        for (const line of s.row.redistributed) say(rt, `  ${line}`);
      }
      emitReport(explainTable(s, policy), flags, rt);
    }
  } finally {
    handle.close();
  }
}

export function runHistory(flags: HistoryFlags, globals: GlobalOptions, rt: Runtime): void {
  const { policy, calendar, handle } = context(globals, rt);
  try {
    let m = flags.to ? resolveMonth(flags.to) : (localDateOf(rt.now(), policy.timezone).slice(0, 7) as IsoMonth);
    const rows: Record<string, unknown>[] = [];
    for (let k = 0; k < flags.months; k++, m = previousMonth(m)) {
      const run = currentRun(handle.db, m);
      const list: AppraisalRow[] = run ? (JSON.parse(run.results_json) as AppraisalRow[]) : appraiseMonth(handle.db, m, calendar, policy).rows;
      const r = list.find((x) => x.operator_id === flags.operator);
      if (r) rows.unshift({ month: m, score: r.score, grade: r.grade, commendation: r.commendation, action: r.action, status: run ? 'finalized' : 'computed' });
    }
    if (rows.length === 0) throw new InputError(`no appraisal of operator ${flags.operator} in those months`);
    emitReport({
      columns: [
        { key: 'month', en: 'month', zh: '月份' }, { key: 'score', en: 'score', zh: '总分', type: 'number' }, { key: 'grade', en: 'grade', zh: '等级', values: 'grade' },
        { key: 'commendation', en: 'commendation', zh: '表彰', values: 'yesno' }, { key: 'action', en: 'action', zh: '处理', values: 'action' }, { key: 'status', en: 'status', zh: '状态', values: 'run_status' },
      ],
      rows,
    }, flags, rt);
  } finally {
    handle.close();
  }
}

export async function runBonus(flags: BonusFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const m = resolveMonth(flags.month);
  const { policy, calendar, handle } = context(globals, rt);
  try {
    const sheet = bonusSheet(handle.db, m, calendar, policy, { draft: flags.draft ?? false });
    const out = sheet.draft && flags.out ? flags.out.replace(/(\.[^./]+)?$/, (ext) => `-DRAFT${ext}`) : flags.out;
    if (out && out !== flags.out) say(rt, `draft: writing ${out}`);
    const table = bonusTable(sheet, flags.lang);
    if (flags.format === 'xlsx' || out?.toLowerCase().endsWith('.xlsx')) {
      if (!out) throw new UsageError('--format xlsx writes a file: give --out FILE.xlsx');
      checkOutPath(out, flags.force ?? false);
      const { renderXlsx } = await import('../../io/render/xlsx.js');
      const bytes = await renderXlsx(table, { lang: flags.lang, showPii: false }, `${sheet.draft ? 'DRAFT ' : ''}${m}`);
      writeOutput([bytes], { out, force: flags.force ?? false, stdout: rt.stdout });
      return say(rt, `wrote ${out}`);
    }
    const settings = renderSettings({ ...flags, out }, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue(sheet.rows, settings)], settings);
    else {
      if (sheet.draft && settings.format === 'table') say(rt, `DRAFT: ${m} is not finalized`);
      emitReport(table, { ...flags, out }, rt);
    }
  } finally {
    handle.close();
  }
}

export async function runEvaluate(flags: EvaluateFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (!rt.stdin.isTTY || !rt.stdout.isTTY) {
    throw new UsageError('appraise evaluate asks questions and needs a terminal', { hint: 'without a terminal, put the scores in a CSV and run: hotline import evaluations FILE' });
  }
  const m = resolveMonth(flags.month);
  const { policy, calendar, handle } = context(globals, rt, true);
  try {
    const { askEvaluations } = await import('../prompts.js');
    const people = scoreMonth(handle.db, m, calendar, policy).scored.filter((s) => !flags.team || s.inputs.team === flags.team);
    await askEvaluations(handle.db, m, people.map((s) => s.inputs), { evaluator: osUser() ?? 'supervisor', now: rt.now(), say: (l: string) => say(rt, l) });
  } finally {
    handle.close();
  }
}

export type { IsoDate };
