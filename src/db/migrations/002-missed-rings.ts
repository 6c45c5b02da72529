/**
 * Schema 2: rings an operator let pass without answering (queue_log RINGNOANSWER), which count
 * against three-ring answering per operator, and a covering index for daily statistics.
 */
export const sql = `
CREATE TABLE missed_rings (
  operator_id TEXT NOT NULL,
  rang_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  call_id TEXT NOT NULL,
  ring_seconds INTEGER,
  import_id INTEGER NOT NULL,
  PRIMARY KEY (operator_id, rang_at, call_id)
);
CREATE INDEX missed_rings_by_day ON missed_rings (local_day, operator_id);
`;
