/** createProgram(): the whole command tree, with no process side effects (testable). */
import { Command } from 'commander';
import { preparePolicy } from '../io/policy-file.js';
import { protectDatabase } from '../io/protected-files.js';
import { resolveDbPath } from '../db/path.js';
import { VERSION } from '../version.js';
import { demoCommand } from './commands/demo.js';
import { importCommand } from './commands/import.js';
import { callsCommand, importsCommand, operatorsCommand, ordersCommand } from './commands/lists.js';
import { statsCommand } from './commands/stats.js';
import { calendarCommand, leaveCommand } from './commands/leave.js';
import { appraiseCommand, bonusCommand } from './commands/appraise.js';
import { policyCommand } from './commands/policy.js';
import { ticketsCommand } from './commands/tickets.js';
import { auditCommand, dbCommand } from './commands/privacy.js';
import { trainingCommand } from './commands/training.js';
import { staffingCommand } from './commands/staffing.js';
import { reportCommand } from './commands/report.js';
import { watchCommand } from './commands/watch.js';
import { agentsCommand } from './commands/agents.js';
import { addGlobalOptions, type GlobalOptions } from './options.js';
import type { Runtime } from './runtime.js';

export function createProgram(rt: Runtime): Command {
  const program = new Command('hotline')
    .description('Statistics, appraisal, bonus, training and leave for an express-delivery customer hotline, from the CSV exports of its phone and order systems (imported into SQLite).')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => rt.stdout.write(s), writeErr: (s) => rt.stderr.write(s) })
    .addHelpText('after', `
Examples:
  hotline demo                                   import the bundled sample month and tour it
  hotline import calls --encoding gbk 话单.csv    import a call export
  hotline calls list --date yesterday --outcome abandoned
  hotline stats daily --format json                yesterday's statistics, for cron
  hotline imports                                what was imported, when, by whom

Exit codes: 0 ok, 1 bug, 2 usage, 3 bad input data, 4 database busy/read-only/corrupt, 130 interrupted.`);
  addGlobalOptions(program);
  // Actions read the policy synchronously (policyFor); the schema is only loaded when a file is there.
  program.hook('preAction', (_root, action) => {
    const globals = action.optsWithGlobals<GlobalOptions>();
    protectDatabase(resolveDbPath(globals.db, rt.env)); // no output may replace it (io/protected-files.ts)
    return preparePolicy(globals.policy, rt.env);
  });
  program.addCommand(demoCommand(rt));
  program.addCommand(importCommand(rt));
  program.addCommand(importsCommand(rt));
  program.addCommand(operatorsCommand(rt));
  program.addCommand(callsCommand(rt));
  program.addCommand(ordersCommand(rt));
  program.addCommand(statsCommand(rt));
  program.addCommand(leaveCommand(rt));
  program.addCommand(calendarCommand(rt));
  program.addCommand(appraiseCommand(rt));
  program.addCommand(bonusCommand(rt));
  program.addCommand(ticketsCommand(rt));
  program.addCommand(trainingCommand(rt));
  program.addCommand(staffingCommand(rt));
  program.addCommand(reportCommand(rt));
  program.addCommand(agentsCommand(rt));
  program.addCommand(policyCommand(rt));
  program.addCommand(auditCommand(rt));
  program.addCommand(dbCommand(rt));
  program.addCommand(watchCommand(rt));
  program.exitOverride();
  for (const c of allCommands(program)) c.exitOverride().configureOutput({ writeOut: (s) => rt.stdout.write(s), writeErr: (s) => rt.stderr.write(s) });
  return program;
}

/** Every command below `root` (for settings and the docs meta-test). */
export function allCommands(root: Command): Command[] {
  return root.commands.flatMap((c) => [c, ...allCommands(c)]);
}
