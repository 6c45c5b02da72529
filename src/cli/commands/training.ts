/** `hotline training plan`: the month's training sessions as a schedule or a calendar file. */
import { Command } from 'commander';
import type { ComplianceFlags, PlanFlags } from '../actions/training.js';
import { addOutputOptions, type GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';
import { monthArg } from './appraise.js';

export function trainingCommand(rt: Runtime): Command {
  const cmd = new Command('training').description('training: onboarding for new operators, monthly internal courses, targeted courses and coaching from the appraisal');
  const plan = cmd.command('plan').description("the month's sessions on working days (date, time, kind, topic, attendees) for operators employed and not on leave that day; internal courses above training.max_attendees split over days");
  addOutputOptions(plan, ['ics'])
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .addHelpText('after', '\nExamples:\n  hotline training plan --month 2026-11\n  hotline training plan --month 2026-11 --format ics --out 培训-2026-11.ics     (import into a calendar app)\n  hotline training plan --month 2026-11 --format json')
    .action(async (flags: PlanFlags, c: Command) => (await import('../actions/training.js')).runPlan(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  addOutputOptions(cmd.command('compliance').description('per operator: required and attended onboarding days, internal and targeted courses (from import attendance), hours, who is behind'))
    .requiredOption('--month <month>', 'YYYY-MM', monthArg)
    .option('--behind', 'only operators who are behind')
    .addHelpText('after', '\nExamples:\n  hotline import trainings 培训场次.csv && hotline import attendance 签到.csv\n  hotline training compliance --month 2026-10 --behind')
    .action(async (flags: ComplianceFlags, c: Command) => (await import('../actions/training.js')).runCompliance(flags, c.optsWithGlobals<GlobalOptions>(), rt));
  return cmd;
}
