/**
 * Finalizing a month's appraisal (README.md, issue 17 item 7): only a month that is over
 * in the policy zone and has calls, with the supervisor and test scores in (or --allow-missing),
 * stored with the policy and a digest of the inputs so that later imports cannot change its pay.
 */
import type Database from 'better-sqlite3';
import { checkFinalize, describeMissing, type MissingScores } from '../domain/appraisal-finalize.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { IsoDate, IsoMonth } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { InputError } from '../errors.js';
import { hasCallsIn } from '../db/queries/appraisal-inputs.js';
import { storeRun } from '../db/queries/appraisal-runs.js';
import { computeMonth, monthRange } from './appraisal.js';

export interface FinalizeOptions {
  /** Replace the finalized run (the old one is kept as superseded). */
  refinalize: boolean;
  reason: string | null;
  allowMissing: boolean;
  /** Today in the policy zone, and the time to record. */
  today: IsoDate;
  now: number;
  osUser: string | null;
}

export interface Finalized {
  run_id: number;
  operators: number;
  missing: MissingScores[];
  unfinalized: IsoMonth | null;
}

/** Checks the month and stores its run; throws InputError (exit 3) when it cannot be paid from yet. */
export function finalizeMonth(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy, opts: FinalizeOptions): Finalized {
  const fresh = computeMonth(db, month, calendar, policy);
  const check = checkFinalize({
    month, today: opts.today, zone: policy.timezone, has_calls: fresh.scored[0]?.inputs.month_has_calls ?? hasCallsIn(db, monthRange(month)), policy: policy.appraisal,
    operators: fresh.scored.map((s) => ({ ...s.inputs, days_worked: s.row.days_worked })),
  });
  if (!check.ok) throw new InputError(check.message, { hint: check.hint });
  if (check.missing.length > 0 && !opts.allowMissing) {
    throw new InputError(`${month} has operators without a supervisor or test score:`, {
      details: check.missing.map((m) => `  ${describeMissing(m)}`),
      hint: `enter them (hotline appraise evaluate --month ${month}, or hotline import evaluations FILE), or finalize without them: --allow-missing`,
    });
  }
  const run_id = storeRun(db, {
    month, finalized_at: opts.now, os_user: opts.osUser, reason: opts.reason,
    policy_json: JSON.stringify(policy), inputs_digest: fresh.digest, results_json: JSON.stringify(fresh.rows),
  }, opts.refinalize);
  return { run_id, operators: fresh.rows.length, missing: check.missing, unfinalized: fresh.unfinalized };
}
