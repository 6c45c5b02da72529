/** Schema 7: the audit trail of unmasked exports and personal-data purges (保密制度, PIPL). */
export const sql = `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  os_user TEXT,
  action TEXT NOT NULL CHECK (action IN ('show_pii', 'purge_pii')),
  command TEXT NOT NULL,
  report TEXT,
  filters_json TEXT,
  records INTEGER NOT NULL,
  reason TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
`;
