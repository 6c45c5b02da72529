/**
 * Schema 3: per-day statistics sums (the summary that daily statistics and ranges read instead
 * of every call): one row per day, dimension (total, operator, hour, category, reason, topic),
 * group key and direction. Kept up to date by each import of calls, for the KPI thresholds
 * recorded in settings.stats_summary; other thresholds are computed from the calls themselves.
 */
export const sql = `
CREATE TABLE stats_days (
  local_day TEXT NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  direction TEXT NOT NULL,
  offered INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  abandoned INTEGER NOT NULL,
  short_abandoned INTEGER NOT NULL,
  answered_within_threshold INTEGER NOT NULL,
  abandoned_within_threshold INTEGER NOT NULL,
  answered_wait_sum INTEGER NOT NULL,
  answered_wait_count INTEGER NOT NULL,
  handle_sum INTEGER NOT NULL,
  handle_count INTEGER NOT NULL,
  abandon_wait_sum INTEGER NOT NULL,
  abandon_wait_count INTEGER NOT NULL,
  max_wait_seconds INTEGER,
  talk_seconds INTEGER NOT NULL,
  satisfaction_sum INTEGER NOT NULL,
  satisfaction_count INTEGER NOT NULL,
  complaints INTEGER NOT NULL,
  PRIMARY KEY (local_day, dim, key, direction)
) WITHOUT ROWID;
`;
