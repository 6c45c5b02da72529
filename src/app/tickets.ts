/** Complaint follow-up reports: tickets with their deadlines and status, and the monthly summary. */
import type Database from 'better-sqlite3';
import { epochToLocal, formatLocalDateTime, type IsoMonth } from '../domain/dates.js';
import { roundTo } from '../domain/kpi.js';
import type { Policy } from '../domain/policy.js';
import { assessTicket, percentile, type TicketRules, type TicketStatus } from '../domain/tickets.js';
import { findTickets, ticketsOfDay, ticketsOpenedOrResolved, type TicketQuery } from '../db/queries/tickets.js';
import type { Column, ReportTable, Row } from '../io/render/report.js';
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

export const TICKET_COLUMNS: Column[] = [
  { key: 'ticket_id', en: 'ticket_id', zh: '工单号' },
  { key: 'kind', en: 'kind', zh: '类型', values: 'ticket_kind', wide: true },
  { key: 'opened_at', en: 'opened_at', zh: '受理时间', type: 'datetime', wide: true },
  { key: 'operator_id', en: 'operator_id', zh: '受理工号' },
  { key: 'about_operator_id', en: 'about_operator_id', zh: '被投诉工号', wide: true },
  { key: 'reason', en: 'reason', zh: '原因代码', wide: true },
  { key: 'reason_label', en: 'reason_label', zh: '原因' },
  { key: 'severity', en: 'severity', zh: '严重程度', wide: true, values: 'severity' },
  { key: 'department', en: 'department', zh: '转交部门' },
  { key: 'promised_at', en: 'promised_at', zh: '承诺时间', type: 'datetime', wide: true },
  { key: 'legal_deadline', en: 'legal_deadline', zh: '法定时限', type: 'datetime' },
  { key: 'resolved_at', en: 'resolved_at', zh: '办结时间', type: 'datetime', wide: true },
  { key: 'age_hours', en: 'age_hours', zh: '时长(小时)', type: 'number', wide: true },
  { key: 'status', en: 'status', zh: '状态', values: 'ticket_status' },
  { key: 'late_against_promise', en: 'late_against_promise', zh: '超承诺', wide: true, values: 'yesno' },
  { key: 'late_against_legal_limit', en: 'late_against_legal_limit', zh: '超法定时限', wide: true, values: 'yesno' },
];

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
  const from = `${month}-01`;
  const to = `${month}-31`;
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

export function summaryTable(rows: Row[]): ReportTable {
  return {
    columns: [
      { key: 'by', en: 'by', zh: '维度', values: 'summary_by' }, { key: 'key', en: 'key', zh: '部门/工号' },
      { key: 'complaints_received', en: 'complaints_received', zh: '受理投诉', type: 'integer' },
      { key: 'complaints_resolved', en: 'complaints_resolved', zh: '办结投诉', type: 'integer' },
      { key: 'median_resolution_hours', en: 'median_resolution_hours', zh: '办结时长中位数', type: 'number' },
      { key: 'p90_resolution_hours', en: 'p90_resolution_hours', zh: '办结时长P90', type: 'number', wide: true },
      { key: 'resolved_within_promise', en: 'resolved_within_promise', zh: '承诺内办结率', type: 'rate', wide: true },
      { key: 'resolved_within_legal_limit', en: 'resolved_within_legal_limit', zh: '法定时限内办结率', type: 'rate' },
      { key: 'customer_satisfied', en: 'customer_satisfied', zh: '客户满意率', type: 'rate', wide: true },
      { key: 'suggestions', en: 'suggestions', zh: '建议', type: 'integer', wide: true },
      { key: 'suggestions_adopted', en: 'suggestions_adopted', zh: '采纳', type: 'integer', wide: true },
    ],
    rows,
  };
}

/** The day's line for daily statistics: tickets opened, resolved, and complaints overdue and still open at the day's end. */
export function ticketDay(db: Database.Database, day: string, endOfDay: number, rules: TicketRules): { opened: number; resolved: number; overdue_open: number } {
  const { opened, resolved, open_complaints } = ticketsOfDay(db, day, endOfDay);
  const overdue = open_complaints.filter((t) => assessTicket({ ...t, resolved_at: null }, endOfDay, rules).status === 'overdue').length;
  return { opened, resolved, overdue_open: overdue };
}
