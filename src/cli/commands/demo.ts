/** `hotline demo`: import the bundled sample month into a fresh database and show around. */
import { Command } from 'commander';
import { runDemo } from '../../app/demo.js';
import { renderReport } from '../../io/render/index.js';
import { onInterrupt } from '../interrupt.js';
import { policyFor, type GlobalOptions } from '../options.js';
import { colorAllowed, say, type Runtime } from '../runtime.js';

export function demoCommand(rt: Runtime): Command {
  return new Command('demo')
    .description('import the bundled sample month (data/samples) into a fresh database and print a short tour')
    .option('--force', 'replace an existing database at --db even if it is not a demo database')
    .addHelpText('after', '\nExamples:\n  hotline demo                           (creates ./hotline-demo.db, replacing an older demo)\n  hotline demo --db /tmp/demo.db\n  hotline --db hotline-demo.db calls list --date 2026-10-12 --outcome abandoned')
    .action(async (flags: { force?: boolean }, c: Command) => {
      const globals = c.optsWithGlobals<GlobalOptions>();
      const { policy } = policyFor(globals, rt);
      const dbPath = globals.db ?? 'hotline-demo.db';
      const stop = onInterrupt();
      try {
        const result = await runDemo(
          { dbPath, force: flags.force ?? false, policy, busyTimeoutMs: (globals.busyTimeout ?? 5) * 1000 },
          { now: rt.now, notice: (line) => say(rt, line), isInterrupted: stop.interrupted },
        );
        const color = colorAllowed(rt.stdout, rt.env);
        rt.stdout.write(`hotline demo: the sample month (October 2026, ${result.imports.length} files) is in ${result.dbPath}\n`);
        for (const s of result.sections) {
          rt.stdout.write(`\n== ${s.title}\n`);
          for (const chunk of renderReport(s.report, { format: 'table', lang: 'en', showPii: false, color, bom: false })) rt.stdout.write(chunk);
        }
        rt.stdout.write(`\nTry next (customer data is masked unless --show-pii):\n  hotline --db ${result.dbPath} calls list --date 2026-10-12 --category complaint\n  hotline --db ${result.dbPath} orders list --operator 1020 --corrected --format csv\n  hotline --db ${result.dbPath} operators list --lang zh\n`);
      } finally {
        stop.dispose();
      }
    });
}
