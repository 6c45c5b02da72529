/**
 * Schema 4: leave records (年假, 病假, 事假 …), keyed by operator and start date. Days are
 * stored only when the file gives them (half days); otherwise they are counted from the working
 * calendar when needed, so a corrected holiday calendar corrects them too.
 */
export const sql = `
CREATE TABLE leave (
  leave_id TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('annual', 'sick', 'personal', 'marriage', 'maternity', 'bereavement', 'injury', 'absent', 'other')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  days REAL,
  wage_deducted INTEGER CHECK (wage_deducted IN (0, 1)),
  import_id INTEGER NOT NULL,
  created_import_id INTEGER NOT NULL,
  seen_import_id INTEGER NOT NULL,
  seen_line INTEGER NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX leave_by_operator ON leave (operator_id, start_date);
`;
