/** The action of `hotline demo`: the sample months imported and appraised, then the tour of October printed. */
import { runDemo } from '../../app/demo.js';
import { dailyPage } from '../../app/stats-page.js';
import { renderReport } from '../../io/render/index.js';
import { policyFor } from '../context.js';
import { onInterrupt } from '../interrupt.js';
import type { GlobalOptions } from '../options.js';
import { colorAllowed, inform, say, terminalWidth, type Runtime } from '../runtime.js';
import { wrapText } from '../../io/render/width.js';

export async function runDemoCommand(flags: { force?: boolean }, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const { policy } = policyFor(globals, rt);
  const dbPath = globals.db ?? 'hotline-demo.db';
  const stop = onInterrupt();
  try {
    const result = await runDemo(
      { dbPath, force: flags.force ?? false, policy, busyTimeoutMs: (globals.busyTimeout ?? 5) * 1000 },
      { now: rt.now, notice: (line, note) => (note ? inform(rt, line, globals.verbose) : say(rt, line)), isInterrupted: stop.interrupted },
    );
    const color = colorAllowed(rt.stdout, rt.env);
    const width = rt.stdout.isTTY ? terminalWidth(rt.stdout) : undefined;
    // Prose is wrapped to a terminal; the suggested commands are not, so that they copy whole.
    const line = (text: string): void => void rt.stdout.write(wrapText(text, width) + '\n');
    line(`hotline demo: the sample month (October 2026: ${result.imports.length} files) is in ${result.dbPath}`);
    const runs = result.finalized.map((f) => `${f.month} (run #${f.run_id})`);
    line(`with August and September 2026 before it; appraised and finalized in turn: ${runs.join(', ')}`);
    for (const s of result.sections) {
      line(`\n== ${s.title}`);
      for (const chunk of renderReport(s.report, { format: 'table', lang: 'en', showPii: false, color, bom: false, width })) rt.stdout.write(chunk);
    }
    line(`\n== The busiest day of October (hotline stats daily --date ${result.busiestDay.date})`);
    for (const chunk of dailyPage(result.busiestDay, { lang: 'en', color, width })) rt.stdout.write(chunk);
    rt.stdout.write(`\nTry next (customer data is masked unless --show-pii):\n  hotline --db ${result.dbPath} calls list --date 2026-10-12 --category complaint\n  hotline --db ${result.dbPath} orders list --operator 1020 --corrected --format csv\n  hotline --db ${result.dbPath} operators list --lang zh\n  hotline --db ${result.dbPath} stats range --from 2026-10-01 --to 2026-10-31 --by week\n  hotline --db ${result.dbPath} appraise history --operator 1020 --months 3 --to 2026-10\n  hotline --db ${result.dbPath} bonus --month 2026-10 --lang zh\n`);
  } finally {
    stop.dispose();
  }
}
