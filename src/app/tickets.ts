/** Complaint follow-up reports: tickets with their deadlines and status, and the monthly summary. */
import type Database from 'better-sqlite3';
import { epochToLocal, firstDayOf, formatLocalDateTime, lastDayOf, type IsoMonth } from '../domain/dates.js';
import { roundTo } from '../domain/kpi.js';
import type { Policy } from '../domain/policy.js';
import { assessTicket, percentile, type TicketRules, type TicketStatus } from '../domain/tickets.js';
import { findTickets, ticketsOfDay, ticketsOpenedOrResolved, type TicketQuery } from '../db/queries/tickets.js';
import type { Report, ReportTable, Row } from '../io/render/report.js';
import { columns, WIDE } from '../io/render/vocabulary/columns.js';
import { labelsOf } from '../io/render/vocabulary/values.js';

export type StatusFilter = 'open' | 'resolved' | 'overdue' | 'due-soon';

export interface TicketFilter extends Omit<TicketQuery, 'openedBy'> {
  status?: StatusFilter;
}

const REASON_ZH = labelsOf('complaint_reason');

/** The Chinese label of a reason code (policy tickets.reasons extends the taxonomy); free text as is. */
export function reasonLabel(reason: string | null, policy: Policy): string | null {
  if (reason === null) return null;
  return policy.tickets.reasons[reason] ?? REASON_ZH[reason] ?? reason;
}

function matches(status: TicketStatus, f: StatusFilter | undefined): boolean {
  if (!f) return true;
  if (f === 'resolved') return status === 'resolved_on_time' || status === 'resolved_late';
  if (f === 'open') return status === 'open' || status === 'due_soon' || status === 'overdue';
  return f === 'overdue' ? status === 'overdue' : status === 'due_soon';
}

/** Tickets with age, promise, legal deadline and status at `asOf`, oldest first. */
export function listTickets(db: Database.Database, f: TicketFilter, asOf: number, zone: string, policy: Policy): Row[] {
  const rows = findTickets(db, { ...f, openedBy: asOf });
  const local = (t: number | null): string | null => (t === null ? null : formatLocalDateTime(epochToLocal(t, zone)));
  const out: Row[] = [];
  for (const t of rows) {
    const resolved = t.resolved_at !== null && t.resolved_at <= asOf ? t.resolved_at : null;
    const a = assessTicket({ opened_at: t.opened_at, promised_at: t.promised_at, resolved_at: resolved }, asOf, policy.tickets);
    // The legal limit is for complaints; a suggestion is open or resolved.
    const status: TicketStatus = t.kind === 'complaint' ? a.status : resolved === null ? 'open' : 'resolved_on_time';
    if (!matches(status, f.status)) continue;
    out.push({
      ticket_id: t.ticket_id, kind: t.kind, opened_at: local(t.opened_at), operator_id: t.operator_id, about_operator_id: t.about_operator_id,
      reason: t.reason, reason_label: reasonLabel(t.reason, policy), severity: t.severity, department: t.department,
      promised_at: local(t.promised_at), legal_deadline: t.kind === 'complaint' ? local(a.legal_deadline) : null, resolved_at: local(resolved), age_hours: a.age_hours, status,
      late_against_promise: t.kind === 'complaint' ? a.late_against_promise : null, late_against_legal_limit: t.kind === 'complaint' ? a.late_against_legal_limit : null,
    });
  }
  return out;
}

const TICKET_COLUMNS = columns(
  'ticket_id', ['kind', { values: 'ticket_kind', wide: true }], ['opened_at', WIDE], ['operator_id', { zh: '受理工号' }], ['about_operator_id', WIDE],
  ['reason', { zh: '原因代码', wide: true }], 'reason_label', ['severity', WIDE], 'department', ['promised_at', WIDE], 'legal_deadline', ['resolved_at', WIDE],
  ['age_hours', WIDE], ['status', { values: 'ticket_status' }], ['late_against_promise', WIDE], ['late_against_legal_limit', WIDE],
);

/** `tickets list`: one row per ticket, as listTickets gives them. */
export function ticketsTable(rows: Row[]): ReportTable {
  return { columns: TICKET_COLUMNS, rows };
}

interface Bucket {
  received: number;
  resolved: number;
  hours: number[];
  within_promise: number;
  with_promise: number;
  within_legal: number;
  satisfied: number;
  rated: number;
  suggestions: number;
  adopted: number;
}

const empty = (): Bucket => ({ received: 0, resolved: 0, hours: [], within_promise: 0, with_promise: 0, within_legal: 0, satisfied: 0, rated: 0, suggestions: 0, adopted: 0 });

/** Per department and per operator: complaints received and resolved, resolution hours (median, p90), shares on time, satisfaction, suggestions adopted. */
export function ticketSummary(db: Database.Database, month: IsoMonth, policy: Policy): Row[] {
  const [from, to] = [firstDayOf(month), lastDayOf(month)];
  const rows = ticketsOpenedOrResolved(db, from, to);
  const groups = new Map<string, Bucket>();
  const bucket = (k: string): Bucket => groups.get(k) ?? (groups.set(k, empty()).get(k) as Bucket);
  for (const t of rows) {
    const keys = [`department\t${t.department ?? ''}`, `operator\t${t.operator_id}`, 'total\t'];
    const openedIn = t.local_day >= from && t.local_day <= to;
    const resolvedIn = t.resolved_day !== null && t.resolved_day >= from && t.resolved_day <= to;
    for (const k of keys) {
      const b = bucket(k);
      if (t.kind === 'suggestion') {
        if (openedIn) {
          b.suggestions++;
          if (t.adopted === 1) b.adopted++;
        }
        continue;
      }
      if (openedIn) b.received++;
      if (!resolvedIn || t.resolved_at === null) continue;
      b.resolved++;
      b.hours.push((t.resolved_at - t.opened_at) / 3600);
      const a = assessTicket({ opened_at: t.opened_at, promised_at: t.promised_at, resolved_at: t.resolved_at }, t.resolved_at, policy.tickets);
      if (!a.late_against_legal_limit) b.within_legal++;
      if (t.promised_at !== null) {
        b.with_promise++;
        if (!a.late_against_promise) b.within_promise++;
      }
      if (t.customer_satisfied !== null) {
        b.rated++;
        if (t.customer_satisfied === 1) b.satisfied++;
      }
    }
  }
  const share = (n: number, d: number): number | null => (d > 0 ? roundTo(n / d, 4) : null);
  const order = (k: string): string => (k.startsWith('department') ? '0' : k.startsWith('operator') ? '1' : '2') + k;
  return [...groups.entries()].sort(([a], [b]) => order(a).localeCompare(order(b))).map(([k, b]) => {
    const [by, key] = k.split('\t') as [string, string];
    const med = percentile(b.hours, 50);
    const p90 = percentile(b.hours, 90);
    return {
      by, key: by === 'total' ? null : key === '' ? null : key,
      complaints_received: b.received, complaints_resolved: b.resolved,
      median_resolution_hours: med === null ? null : roundTo(med, 2), p90_resolution_hours: p90 === null ? null : roundTo(p90, 2),
      resolved_within_promise: share(b.within_promise, b.with_promise), resolved_within_legal_limit: share(b.within_legal, b.resolved),
      customer_satisfied: share(b.satisfied, b.rated), suggestions: b.suggestions, suggestions_adopted: b.adopted,
    };
  });
}

/** `tickets summary`: the table, or JSON with the month and the legal limit the shares are counted against. */
export function summaryReport(rows: Row[], month: IsoMonth, policy: Policy): Report {
  return { ...summaryTable(rows), json: { month, legal_limit_days: policy.tickets.legal_limit_days, rows } };
}

function summaryTable(rows: Row[]): ReportTable {
  return {
    columns: columns(
      'by', 'key', 'complaints_received', 'complaints_resolved', 'median_resolution_hours', ['p90_resolution_hours', WIDE], ['resolved_within_promise', WIDE],
      'resolved_within_legal_limit', ['customer_satisfied', WIDE], ['suggestions', WIDE], ['suggestions_adopted', WIDE],
    ),
    rows,
  };
}

/** The day's line for daily statistics: tickets opened, resolved, and complaints overdue and still open at the day's end. */
export function ticketDay(db: Database.Database, day: string, endOfDay: number, rules: TicketRules): { opened: number; resolved: number; overdue_open: number } {
  const { opened, resolved, open_complaints } = ticketsOfDay(db, day, endOfDay);
  const overdue = open_complaints.filter((t) => assessTicket({ ...t, resolved_at: null }, endOfDay, rules).status === 'overdue').length;
  return { opened, resolved, overdue_open: overdue };
}
