/** `hotline demo`: import the bundled sample month into a fresh database and show around. */
import { Command } from 'commander';
import type { GlobalOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

export function demoCommand(rt: Runtime): Command {
  return new Command('demo')
    .description('import the bundled sample data (Aug–Oct 2026, data/samples) into a fresh database, appraise it and print a short tour')
    .option('--force', 'replace an existing database at --db even if it is not a demo database')
    .addHelpText('after', '\nExamples:\n  hotline demo                           (creates ./hotline-demo.db, replacing an older demo)\n  hotline demo --db /tmp/demo.db\n  hotline --db hotline-demo.db calls list --date 2026-10-12 --outcome abandoned')
    .action(async (flags: { force?: boolean }, c: Command) => {
      const { runDemoCommand } = await import('../actions/demo.js');
      await runDemoCommand(flags, c.optsWithGlobals<GlobalOptions>(), rt);
    });
}
