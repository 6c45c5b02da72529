/** Leave records and the employees they belong to. */
import type Database from 'better-sqlite3';
import type { IsoDate } from '../../domain/dates.js';
import type { LeaveEmployee, LeaveRecord, LeaveType } from '../../domain/leave.js';
import { InputError } from '../../errors.js';

interface LeaveRow {
  operator_id: string;
  type: LeaveType;
  start_date: IsoDate;
  end_date: IsoDate;
  days: number | null;
  wage_deducted: number | null;
}

/** Every leave record, per operator, in date order. */
export function leaveByOperator(db: Database.Database, operatorId?: string): Map<string, LeaveRecord[]> {
  const rows = db.prepare('SELECT operator_id, type, start_date, end_date, days, wage_deducted FROM leave WHERE (@id IS NULL OR operator_id = @id) ORDER BY operator_id, start_date').all({ id: operatorId ?? null }) as LeaveRow[];
  const out = new Map<string, LeaveRecord[]>();
  for (const r of rows) {
    const list = out.get(r.operator_id) ?? [];
    list.push({ type: r.type, start_date: r.start_date, end_date: r.end_date, days: r.days, wage_deducted: r.wage_deducted === null ? null : r.wage_deducted === 1 });
    out.set(r.operator_id, list);
  }
  return out;
}

/** The year of the earliest leave record imported (the first year whose leave is known, docs/leave.md §6), or null with none. */
export function firstLeaveYear(db: Database.Database): number | null {
  const first = db.prepare('SELECT min(start_date) FROM leave').pluck().get() as string | null;
  return first === null ? null : Number(first.slice(0, 4));
}

/** Operators as the leave rules see them (work start defaults to the hire date, wage to the base salary). */
export function leaveEmployees(db: Database.Database, operatorId?: string): LeaveEmployee[] {
  return db.prepare(`SELECT operator_id, name, hire_date, coalesce(work_start_date, hire_date) AS work_start_date, termination_date,
      coalesce(monthly_wage, base_salary) AS monthly_wage FROM operators WHERE (@id IS NULL OR operator_id = @id) ORDER BY operator_id`)
    .all({ id: operatorId ?? null }) as LeaveEmployee[];
}

/**
 * Refuses overlapping leave of one operator when an import touched either record: the error
 * names both (lines of this import where they come from it). Runs before COMMIT.
 */
export function assertNoOverlaps(db: Database.Database, importId: number, file: string): void {
  const rows = db.prepare(`SELECT a.operator_id, a.type AS a_type, a.start_date AS a_start, a.end_date AS a_end, a.seen_import_id AS a_imp, a.seen_line AS a_line,
        b.type AS b_type, b.start_date AS b_start, b.end_date AS b_end, b.seen_import_id AS b_imp, b.seen_line AS b_line
      FROM leave a JOIN leave b ON a.operator_id = b.operator_id AND a.leave_id < b.leave_id AND a.start_date <= b.end_date AND b.start_date <= a.end_date
      WHERE a.seen_import_id = @id OR b.seen_import_id = @id LIMIT 21`).all({ id: importId }) as Record<string, string | number>[];
  if (rows.length === 0) return;
  const where = (imp: unknown, line: unknown): string => (imp === importId ? `line ${line}` : `already in the database (import #${imp})`);
  throw new InputError(`${file}: ${rows.length > 20 ? 'more than 20' : rows.length} overlapping leave record${rows.length > 1 ? 's' : ''}; nothing was imported from this file`, {
    details: rows.slice(0, 20).map((r) => `  operator ${r.operator_id}: ${r.a_type} ${r.a_start}–${r.a_end} (${where(r.a_imp, r.a_line)}) overlaps ${r.b_type} ${r.b_start}–${r.b_end} (${where(r.b_imp, r.b_line)})`),
    hint: 'one operator can be on one kind of leave at a time; correct the dates and import again',
  });
}
