/** The action of `training plan`. */
import { planEvents, planTable, trainingPlan } from '../../app/training.js';
import { parseIsoMonth } from '../../domain/dates.js';
import { InputError } from '../../errors.js';
import { loadCalendar } from '../../io/calendar-files.js';
import { writeOutput } from '../../io/output.js';
import { renderIcs } from '../../io/render/ics.js';
import { renderJsonValue } from '../../io/render/json.js';
import { checkZone, openDb, policyFor, renderSettings } from '../context.js';
import { emitReport } from '../emit.js';
import type { GlobalOptions, OutputFlags } from '../options.js';
import { say, type Runtime } from '../runtime.js';

export type PlanFlags = Omit<OutputFlags, 'format'> & { format?: OutputFlags['format'] | 'ics'; month: string };

export function runPlan(flags: PlanFlags, globals: GlobalOptions, rt: Runtime): void {
  const month = parseIsoMonth(flags.month);
  if (!month) throw new InputError(`"${flags.month}" is not a month`, { hint: 'use YYYY-MM' });
  const { policy } = policyFor(globals, rt);
  const { calendar } = loadCalendar(policy.calendars);
  const handle = openDb(globals, rt);
  try {
    checkZone(handle.db, handle.path, policy.timezone);
    const plan = trainingPlan(handle.db, month, calendar, policy);
    say(rt, `targeted courses from the ${plan.appraisal_finalized ? 'finalized' : 'computed (not finalized)'} appraisal of ${plan.appraisal_month}`);
    for (const u of plan.unscheduled) say(rt, `warning: no free working day for ${u.operator_id}'s ${u.kind} course ${u.topic} in ${month}`);
    const ics = flags.format === 'ics' || flags.out?.toLowerCase().endsWith('.ics');
    if (ics) {
      const text = renderIcs(planEvents(plan.sessions, policy.timezone), rt.now(), `hotline training ${month}`);
      const settings = renderSettings({ ...flags, format: 'csv' }, rt);
      return writeOutput([text], settings);
    }
    const f = { ...flags, format: flags.format as OutputFlags['format'] };
    const settings = renderSettings(f, rt);
    if (settings.format === 'json') writeOutput([renderJsonValue(plan.sessions.map(({ topic_name: _n, ...s }) => s))], settings);
    else emitReport(planTable(plan.sessions), f, rt);
  } finally {
    handle.close();
  }
}
