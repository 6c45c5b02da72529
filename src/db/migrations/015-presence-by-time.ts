/**
 * Schema 15: presence events keyed time first (`at|operator_id|state|queue`, as missed rings
 * are since schema 10), so that a log's events, which come in time order, go in at the end of
 * the key's index instead of at one place per operator (docs/performance.md, "Presence in a
 * queue_log"). The table is copied with its keys rewritten (an UPDATE of the keys in
 * place could meet a key of the other form on its way), its indexes built again.
 */
export const sql = `
CREATE TABLE presence_by_time_first (
  event_id TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL,
  state TEXT NOT NULL,
  at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  reason TEXT,
  queue TEXT,
  import_id INTEGER NOT NULL,
  created_import_id INTEGER NOT NULL,
  seen_import_id INTEGER NOT NULL,
  seen_line INTEGER NOT NULL
);
INSERT INTO presence_by_time_first
  SELECT at || '|' || operator_id || '|' || state || '|' || coalesce(queue, ''), operator_id, state, at, local_day, reason, queue,
         import_id, created_import_id, seen_import_id, seen_line
  FROM presence ORDER BY at, operator_id, state, queue;
DROP TABLE presence;
ALTER TABLE presence_by_time_first RENAME TO presence;
CREATE INDEX presence_by_operator ON presence (operator_id, at);
CREATE INDEX presence_by_time ON presence (at);
`;
