/** The actions of `report month` and `report day`: the figures, the pages, one HTML file written safely. */
import { buildDayReport } from '../../app/report-day.js';
import { dayDocument } from '../../app/report-day-pages.js';
import { buildMonthReport } from '../../app/report-month.js';
import { monthDocument } from '../../app/report-month-pages.js';
import { operatorDirectory } from '../../db/queries/stats.js';
import { UsageError } from '../../errors.js';
import { checkOutPath, writeOutput } from '../../io/output.js';
import { renderHtmlReport, type HtmlReport } from '../../io/render/html-report.js';
import type { Lang } from '../../io/render/report.js';
import { openReport } from '../context.js';
import { resolveDay, resolveMonth } from '../dates.js';
import type { GlobalOptions } from '../options.js';
import { inform, say, type Runtime } from '../runtime.js';
import { definitions } from './stats.js';

interface FileFlags {
  out?: string;
  force?: boolean;
  lang: Lang;
}
export type MonthReportFlags = FileFlags & { month: string; team?: string };
export type DayReportFlags = FileFlags & { date?: string };

/** Refuses, before any work, an --out that cannot be written (output.ts), or a terminal as the file. */
function checkDestination(flags: FileFlags, rt: Runtime, command: string): void {
  if (!flags.out && rt.stdout.isTTY) {
    throw new UsageError(`${command} writes an HTML file: give --out FILE.html`, { hint: `e.g. hotline ${command} … --out report.html, or redirect stdout to a file` });
  }
  checkOutPath(flags.out, flags.force ?? false);
}

function write(doc: HtmlReport, flags: FileFlags, rt: Runtime, globals: GlobalOptions): void {
  writeOutput([renderHtmlReport(doc)], { out: flags.out, force: flags.force ?? false, stdout: rt.stdout });
  if (flags.out) inform(rt, `wrote ${flags.out}`, globals.verbose);
}

export async function runMonthReport(flags: MonthReportFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  const month = resolveMonth(flags.month);
  checkDestination(flags, rt, 'report month');
  const { policy, source, calendar, handle } = openReport(globals, rt);
  try {
    const team = flags.team ?? null;
    if (team !== null) {
      const teams = [...new Set([...operatorDirectory(handle.db).values()].flatMap((o) => (o.team === null ? [] : [o.team])))].sort();
      if (!teams.includes(team)) throw new UsageError(`no operator of ${handle.path} is in team "${team}"`, { hint: teams.length ? `the teams are: ${teams.join(', ')}` : 'import the roster first: hotline import operators FILE' });
    }
    const data = buildMonthReport(handle.db, { month, team, definitions: definitions(policy, {}), now: rt.now() }, calendar, policy);
    if (!data.service.total?.offered) say(rt, `warning: no calls in ${month} in ${handle.path}: the report's call charts are empty`);
    write(monthDocument(data, policy, { now: rt.now(), database: handle.path, policySource: source }, flags.lang), flags, rt, globals);
  } finally {
    handle.close();
  }
}

export async function runDayReport(flags: DayReportFlags, globals: GlobalOptions, rt: Runtime): Promise<void> {
  checkDestination(flags, rt, 'report day');
  const { policy, source, handle } = openReport(globals, rt);
  try {
    const date = resolveDay(flags.date ?? 'yesterday', policy.timezone, rt.now());
    const data = buildDayReport(handle.db, date, definitions(policy, {}), policy);
    if (data.daily.totals.offered === 0) say(rt, `warning: no calls on ${date} in ${handle.path}: the report's call charts are empty`);
    write(dayDocument(data, { now: rt.now(), database: handle.path, policySource: source }, flags.lang), flags, rt, globals);
  } finally {
    handle.close();
  }
}
