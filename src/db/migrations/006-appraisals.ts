/**
 * Schema 6: finalized monthly appraisals. A run stores the month's results as computed, the
 * policy used and a digest of the inputs, so that later imports cannot change what was paid;
 * re-finalizing keeps the old run (superseded_at, reason): an audit trail.
 */
export const sql = `
CREATE TABLE appraisal_runs (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  finalized_at INTEGER NOT NULL,
  os_user TEXT,
  reason TEXT,
  policy_json TEXT NOT NULL,
  inputs_digest TEXT NOT NULL,
  results_json TEXT NOT NULL,
  superseded_at INTEGER
);
CREATE UNIQUE INDEX appraisal_runs_current ON appraisal_runs (month) WHERE superseded_at IS NULL;
`;
