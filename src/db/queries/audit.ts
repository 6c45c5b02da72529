/** The audit trail: who saw unmasked customer data or purged it, when, why, how many records. */
import type Database from 'better-sqlite3';

export interface AuditEntry {
  at: number;
  os_user: string | null;
  action: 'show_pii' | 'purge_pii';
  command: string;
  report: string | null;
  filters_json: string | null;
  records: number;
  reason: string | null;
}

export function recordAudit(db: Database.Database, e: AuditEntry): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO audit_log (at, os_user, action, command, report, filters_json, records, reason)
      VALUES (@at, @os_user, @action, @command, @report, @filters_json, @records, @reason)`).run(e);
  }).immediate();
}

export function listAudit(db: Database.Database, f: { from?: number; to?: number; user?: string }): (AuditEntry & { id: number })[] {
  return db.prepare(`SELECT * FROM audit_log WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to) AND (@user IS NULL OR os_user = @user) ORDER BY id`)
    .all({ from: f.from ?? null, to: f.to ?? null, user: f.user ?? null }) as (AuditEntry & { id: number })[];
}
