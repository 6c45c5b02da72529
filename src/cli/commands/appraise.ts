/** `hotline appraise run|explain|history|evaluate` and `hotline bonus`. */
import { Command } from 'commander';
import type { BonusFlags, EvaluateFlags, ExplainFlags, HistoryFlags, RunFlags } from '../actions/appraise.js';
import { MAX_HISTORY_MONTHS, addOutputOptions, parseHistoryMonths, parseMonthArg, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/appraise.js');

/** YYYY-MM: the shared month parser (src/cli/options.ts), under the name other commands import. */
export const monthArg = parseMonthArg;

export function appraiseCommand(rt: Runtime): Command {
  const cmd = new Command('appraise').description('the monthly appraisal: service quality, efficiency, business knowledge, teamwork → score, grade, consequences');
  addOutputOptions(cmd.command('run').description('score every operator employed in the month (group scores, total, grade, commendation, action); --finalize freezes it'))
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .option('--team <team>', 'only this team (not with --finalize: a month is finalized for every team at once)')
    .option('--finalize', 'store the results, the policy and a digest of the inputs: later imports cannot change them (a month that is over and has calls)')
    .option('--refinalize', 'replace a finalized month (the old run is kept); needs --reason')
    .option('--allow-missing', 'finalize although some supervisor or test scores are missing (they are listed)')
    .addHelpText('after', '\nExamples:\n  hotline appraise run --month 2026-10\n  hotline appraise run --month 2026-10 --finalize\n  hotline appraise run --month 2026-10 --refinalize --reason "late complaint tickets"\n  hotline appraise run --month 2026-10 --format json --out appraisal-2026-10.json')
    .action(async (flags: RunFlags, c: Command) => (await actions()).runAppraise(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('explain').description("one operator's score: each indicator's inputs, raw value, scale, score, weight and contribution"))
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .requiredOption('--operator <id>', 'the operator (工号)')
    .addHelpText('after', '\nExamples:\n  hotline appraise explain --month 2026-10 --operator 1020')
    .action(async (flags: ExplainFlags, c: Command) => (await actions()).runExplain(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('history').description("an operator's scores and grades month by month (finalized months as stored)"))
    .requiredOption('--operator <id>', 'the operator (工号)')
    .option('--months <n>', `how many months back from --to (default 12, at most ${MAX_HISTORY_MONTHS})`, parseHistoryMonths, 12)
    .option('--to <month>', 'last month (default: the current month)', monthArg)
    .addHelpText('after', '\nExamples:\n  hotline appraise history --operator 1005 --months 6')
    .action(async (flags: HistoryFlags, c: Command) => (await actions()).runHistory(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  cmd.command('evaluate').description('in a terminal: enter the missing teamwork and knowledge-test scores of a month, saved as you go')
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .option('--team <team>', 'only this team')
    .addHelpText('after', '\nExamples:\n  hotline appraise evaluate --month 2026-10 --team 一组\n  (without a terminal use: hotline import evaluations FILE)')
    .action(async (flags: EvaluateFlags, c: Command) => (await actions()).runEvaluate(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}

export function bonusCommand(rt: Runtime): Command {
  return addOutputOptions(new Command('bonus').description('the HR bonus sheet of a finalized month: base salary, performance pay, full-attendance, excellent-employee and business-outstanding bonuses'), ['xlsx'])
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .option('--draft', 'from a month that is not finalized yet (marked DRAFT in the file name, header and rows)')
    .addHelpText('after', '\nExamples:\n  hotline bonus --month 2026-10 --format xlsx --out 绩效奖金-2026-10.xlsx\n  hotline bonus --month 2026-10 --format csv --lang zh --out bonus.csv\n  hotline bonus --month 2026-11 --draft')
    .action(async (flags: BonusFlags, c: Command) => (await actions()).runBonus(flags, c.optsWithGlobals<GlobalOptions>(), rt));
}
