/** `hotline policy init|show|check`: the company's own numbers. */
import { Command } from 'commander';
import { preparePolicy } from '../../io/policy-file.js';
import type { GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

const actions = () => import('../actions/policy.js');

export function policyCommand(rt: Runtime): Command {
  const cmd = new Command('policy').description("the policy file: time zone, KPI thresholds, appraisal weights and scales, bonus amounts, leave rules");
  cmd.command('init').description('write the defaults to a policy file (in a terminal, asks for the main numbers first)')
    .argument('[file]', 'where to write', 'hotline.policy.json')
    .option('--force', 'replace an existing file')
    .option('--defaults', 'do not ask, even in a terminal')
    .addHelpText('after', '\nExamples:\n  hotline policy init                  (./hotline.policy.json)\n  hotline policy init /etc/hotline/policy.json --defaults')
    .action(async (file: string, flags: { force?: boolean; defaults?: boolean }, c: Command) => (await actions()).runInit(file, flags, c.optsWithGlobals<GlobalOptions>(), rt));
  cmd.command('show').description('print the effective policy (the file merged over the defaults) as JSON')
    .addHelpText('after', '\nExamples:\n  hotline policy show\n  hotline --policy other.json policy show')
    .action(async (_flags: unknown, c: Command) => (await actions()).runShow(c.optsWithGlobals<GlobalOptions>(), rt));
  cmd.command('check').description('validate a policy file; every problem names its key')
    .argument('<file>', 'the policy file')
    .addHelpText('after', '\nExamples:\n  hotline policy check hotline.policy.json')
    .action(async (file: string) => {
      await preparePolicy(file, rt.env);
      (await actions()).runCheck(file, rt);
    });
  return cmd;
}
