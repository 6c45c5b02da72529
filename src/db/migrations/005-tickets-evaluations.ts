/** Schema 5: follow-up tickets (complaints, suggestions) and monthly evaluations. */
const tracking = `
  import_id INTEGER NOT NULL,
  created_import_id INTEGER NOT NULL,
  seen_import_id INTEGER NOT NULL,
  seen_line INTEGER NOT NULL`;

export const sql = `
CREATE TABLE tickets (
  ticket_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'suggestion')),
  opened_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  call_id TEXT,
  reason TEXT,
  about_operator_id TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('normal', 'serious')),
  department TEXT,
  promised_at INTEGER,
  resolved_at INTEGER,
  resolved_day TEXT,
  customer_satisfied INTEGER CHECK (customer_satisfied IN (0, 1)),
  adopted INTEGER CHECK (adopted IN (0, 1)),${tracking}
);
CREATE INDEX tickets_by_day ON tickets (local_day);
CREATE INDEX tickets_by_operator ON tickets (operator_id, local_day);
CREATE INDEX tickets_by_about ON tickets (about_operator_id, local_day);
CREATE INDEX tickets_by_resolved ON tickets (resolved_day);

CREATE TABLE evaluations (
  evaluation_id TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL,
  month TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('teamwork', 'knowledge_test', 'satisfaction_survey')),
  score REAL NOT NULL,
  evaluator TEXT,
  note TEXT,${tracking}
);
CREATE INDEX evaluations_by_month ON evaluations (month, operator_id);
`;
