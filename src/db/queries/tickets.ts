/** Complaint and suggestion tickets as the follow-up reports and the daily statistics read them. */
import type Database from 'better-sqlite3';

/** A stored ticket (times in epoch seconds, days local). */
interface TicketRow {
  ticket_id: string;
  kind: 'complaint' | 'suggestion';
  opened_at: number;
  local_day: string;
  operator_id: string;
  about_operator_id: string | null;
  reason: string | null;
  severity: string;
  department: string | null;
  promised_at: number | null;
  resolved_at: number | null;
  resolved_day: string | null;
  customer_satisfied: number | null;
  adopted: number | null;
}

export interface TicketQuery {
  kind?: 'complaint' | 'suggestion';
  /** Taken by this operator, or about them. */
  operator?: string;
  department?: string;
  /** Local days opened, inclusive. */
  from?: string;
  to?: string;
  /** Opened at or before this instant (epoch seconds). */
  openedBy: number;
}

/** Tickets by the filters, oldest first. */
export function findTickets(db: Database.Database, q: TicketQuery): TicketRow[] {
  return db.prepare(`SELECT * FROM tickets WHERE (@kind IS NULL OR kind = @kind) AND (@operator IS NULL OR operator_id = @operator OR about_operator_id = @operator)
      AND (@department IS NULL OR department = @department) AND (@from IS NULL OR local_day >= @from) AND (@to IS NULL OR local_day <= @to)
      AND opened_at <= @asOf ORDER BY opened_at, ticket_id`)
    .all({ kind: q.kind ?? null, operator: q.operator ?? null, department: q.department ?? null, from: q.from ?? null, to: q.to ?? null, asOf: q.openedBy }) as TicketRow[];
}

/** Tickets opened or resolved on a local day from `from` to `to`. */
export function ticketsOpenedOrResolved(db: Database.Database, from: string, to: string): TicketRow[] {
  return db.prepare('SELECT * FROM tickets WHERE local_day BETWEEN @from AND @to OR resolved_day BETWEEN @from AND @to').all({ from, to }) as TicketRow[];
}

/** A local day's tickets: how many were opened and resolved on it, and the complaints still open at `endOfDay` (epoch seconds). */
export function ticketsOfDay(db: Database.Database, day: string, endOfDay: number): { opened: number; resolved: number; open_complaints: { opened_at: number; promised_at: number | null }[] } {
  return {
    opened: db.prepare('SELECT count(*) FROM tickets WHERE local_day = ?').pluck().get(day) as number,
    resolved: db.prepare('SELECT count(*) FROM tickets WHERE resolved_day = ?').pluck().get(day) as number,
    open_complaints: db.prepare("SELECT opened_at, promised_at FROM tickets WHERE kind = 'complaint' AND opened_at <= @end AND (resolved_at IS NULL OR resolved_at > @end)")
      .all({ end: endOfDay }) as { opened_at: number; promised_at: number | null }[],
  };
}
