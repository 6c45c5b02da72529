/** `hotline demo`: import the bundled sample month into a fresh database and show around. */
import { Command } from 'commander';
import type { Runtime } from '../runtime.js';
import { runDemo } from '../../app/demo.js';
import type { GlobalOptions } from '../options.js';

export function demoCommand(rt: Runtime): Command {
  return new Command('demo')
    .description('import the bundled sample month (data/samples) into a fresh database and print a short tour')
    .option('--force', 'replace an existing demo database')
    .addHelpText('after', '\nExamples:\n  hotline demo                      (creates ./hotline-demo.db)\n  hotline demo --db /tmp/demo.db --force')
    .action(async (flags: { force?: boolean }, c: Command) => runDemo(c.optsWithGlobals<GlobalOptions>(), flags, rt));
}
