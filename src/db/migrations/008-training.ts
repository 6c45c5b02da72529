/** Schema 8: training sessions held and who attended them. */
const tracking = `
  import_id INTEGER NOT NULL,
  created_import_id INTEGER NOT NULL,
  seen_import_id INTEGER NOT NULL,
  seen_line INTEGER NOT NULL`;

export const sql = `
CREATE TABLE trainings (
  session_id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  topic TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('onboarding', 'internal', 'targeted', 'coaching', 'external')),
  hours REAL,
  trainer TEXT,${tracking}
);
CREATE INDEX trainings_by_date ON trainings (date);

CREATE TABLE attendance (
  attendance_id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('present', 'absent')),
  score REAL,${tracking}
);
CREATE INDEX attendance_by_operator ON attendance (operator_id);
`;
