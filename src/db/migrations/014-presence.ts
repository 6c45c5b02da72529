/**
 * Schema 14: operator presence. `presence` holds the events as imported (a canonical presence
 * file, or a queue_log's member events), keyed by operator, time, state and queue so that
 * overlapping exports keep one of each. `presence_intervals` holds the sessions and pauses built
 * from them (src/domain/presence.ts), rebuilt by each import from the start of the first session
 * its events touch; an interval still open at the end of the data has no end.
 */
export const sql = `
CREATE TABLE presence (
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
CREATE INDEX presence_by_operator ON presence (operator_id, at);
CREATE INDEX presence_by_time ON presence (at);

CREATE TABLE presence_intervals (
  operator_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('session', 'pause')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  reason TEXT,
  end_by TEXT CHECK (end_by IN ('logout', 'relogin', 'unpause', 'reason')),
  CHECK (ended_at IS NULL OR ended_at > started_at)
);
CREATE INDEX presence_intervals_by_start ON presence_intervals (started_at);
CREATE INDEX presence_intervals_by_operator ON presence_intervals (operator_id, started_at);
CREATE INDEX presence_intervals_open ON presence_intervals (started_at) WHERE ended_at IS NULL;
`;
