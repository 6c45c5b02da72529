/**
 * Training compliance (docs/policy.md, issue 7): sessions and hours required per operator (from
 * the month's plan) against those attended (from `import attendance`), and who is behind. Pure.
 */
import { TRAINING_KINDS, type TrainingKind } from './training-policy.js';
import { sessionHours, type TrainingSession } from './training.js';
export type KindCounts = Record<TrainingKind, number>;
export interface TrainingTally {
  counts: KindCounts;
  hours: number;
}

const zeroCounts = (): KindCounts => ({ onboarding: 0, internal: 0, targeted: 0, coaching: 0 });
const tallyOf = (map: Map<string, TrainingTally>, op: string): TrainingTally =>
  map.get(op) ?? map.set(op, { counts: zeroCounts(), hours: 0 }).get(op)!;

/**
 * docs/policy.md, issue 17: what each operator is required to attend, from the month's plan.
 * With `internal_minimum` (the policy's monthly courses), internal courses required = min(that
 * minimum, internal sessions the plan offered the operator): no one is required to attend a
 * course held while they were on leave, not yet hired or already gone. Every listed operator
 * gets a row, with zeros when the plan offered nothing.
 */
export function requiredTraining(sessions: readonly TrainingSession[], options: { operators?: readonly string[]; internal_minimum?: number } = {}): Map<string, TrainingTally> {
  const out = new Map<string, TrainingTally>();
  for (const s of sessions) {
    for (const op of s.attendees) {
      const t = tallyOf(out, op);
      t.counts[s.kind]++;
      t.hours += sessionHours(s);
    }
  }
  for (const op of options.operators ?? []) tallyOf(out, op);
  if (options.internal_minimum !== undefined) for (const t of out.values()) t.counts.internal = Math.min(t.counts.internal, options.internal_minimum);
  return out;
}

export interface AttendanceRecord {
  operator_id: string;
  kind: TrainingKind;
  hours: number;
}

/** docs/policy.md: sessions and hours attended per operator, from `import attendance` rows. */
export function attendedTraining(records: readonly AttendanceRecord[]): Map<string, TrainingTally> {
  const out = new Map<string, TrainingTally>();
  for (const r of records) {
    const t = tallyOf(out, r.operator_id);
    t.counts[r.kind]++;
    t.hours += r.hours;
  }
  return out;
}

export interface ComplianceRow {
  operator_id: string;
  required: KindCounts;
  attended: KindCounts;
  required_hours: number;
  attended_hours: number;
  /** Kinds attended fewer times than required, in kind order; empty when up to date. */
  behind: TrainingKind[];
}

/** docs/policy.md: attended vs required per operator and kind; who is behind. */
export function complianceOf(required: ReadonlyMap<string, TrainingTally>, attended: ReadonlyMap<string, TrainingTally>): ComplianceRow[] {
  const ops = [...new Set([...required.keys(), ...attended.keys()])].sort();
  return ops.map((operator_id) => {
    const req = required.get(operator_id) ?? { counts: zeroCounts(), hours: 0 };
    const att = attended.get(operator_id) ?? { counts: zeroCounts(), hours: 0 };
    return {
      operator_id,
      required: { ...req.counts },
      attended: { ...att.counts },
      required_hours: req.hours,
      attended_hours: att.hours,
      behind: TRAINING_KINDS.filter((k) => att.counts[k] < req.counts[k]),
    };
  });
}
