/**
 * The presence reports (`hotline agents daily|range|absence`) as reports: a terminal table that
 * fits 80 columns, CSV with the pauses by reason as columns, JSON with the definitions it used
 * and the pauses by reason as an object (docs/metrics.md, "Presence").
 */
import { epochToLocal, formatLocalDateTime, type IsoDate } from '../domain/dates.js';
import { NO_REASON, type PresenceRules } from '../domain/presence-day.js';
import { renderReport } from '../io/render/index.js';
import { tableView, type Column, type PageView, type Report, type ReportTable, type Row } from '../io/render/report.js';
import { column, columns, WIDE, type ColumnKey } from '../io/render/vocabulary/columns.js';
import { wrapText } from '../io/render/width.js';
import { sumDays, type AgentDay, type AgentFigures, type PresenceDays } from './agents.js';

export type AgentGrouping = 'day' | 'operator' | 'team';

/** The pause reasons with a column of their own; any other reason goes to paused_other_seconds. */
const REASON_COLUMNS: Readonly<Record<string, ColumnKey>> = {
  lunch: 'paused_lunch_seconds', training: 'paused_training_seconds', meeting: 'paused_meeting_seconds', break: 'paused_break_seconds', [NO_REASON]: 'paused_no_reason_seconds',
};

const FIGURE_COLUMNS = columns(
  'first_login', 'last_logout', ['open', WIDE], 'logged_in_seconds', ['paused_seconds', WIDE],
  ['paused_lunch_seconds', WIDE], ['paused_training_seconds', WIDE], ['paused_meeting_seconds', WIDE], ['paused_break_seconds', WIDE], ['paused_other_seconds', WIDE], ['paused_no_reason_seconds', WIDE],
  'available_seconds', ['answered', WIDE], ['handle_seconds', WIDE], 'occupancy', ['utilisation', WIDE], ['answered_per_available_hour', WIDE], 'pauses', ['relogins', WIDE], 'unauthorized_seconds',
);

/** A row's figures for a table or CSV: the pauses by reason as columns. */
function flat(f: Row & Pick<AgentFigures, 'paused_by_reason'>): Row {
  const { paused_by_reason, ...rest } = f;
  const row: Row = { ...rest, paused_lunch_seconds: 0, paused_training_seconds: 0, paused_meeting_seconds: 0, paused_break_seconds: 0, paused_other_seconds: 0, paused_no_reason_seconds: 0 };
  for (const [reason, s] of Object.entries(paused_by_reason)) {
    const key = REASON_COLUMNS[reason] ?? 'paused_other_seconds';
    row[key] = (row[key] as number) + s;
  }
  return row;
}

/** The line that says how presence was counted (stderr under a table, `definitions` in JSON). */
export function describePresence(rules: PresenceRules, zone: string, dataEnd: number | null): string {
  const allowance = Object.entries(rules.allowance_minutes).map(([r, m]) => `${r} ${m} min`).join(', ');
  const end = dataEnd === null ? 'no presence data' : `open sessions count to the end of the data, ${formatLocalDateTime(epochToLocal(dataEnd, zone)).replace('T', ' ')}`;
  return `definitions: unauthorized = a pause with no reason or one not in ${rules.allowed_reasons.join(', ') || '(none)'}${allowance ? `, and beyond ${allowance} a day` : ''}; ${end}; days in ${zone}`;
}

/** A presence report's days, zone and rules. */
export interface PresenceQuery {
  from: IsoDate;
  to: IsoDate;
  zone: string;
  rules: PresenceRules;
}

function definitions(q: PresenceQuery, data: PresenceDays): Record<string, unknown> {
  const local = (t: number | null): string | null => (t === null ? null : formatLocalDateTime(epochToLocal(t, q.zone)));
  return { allowed_reasons: q.rules.allowed_reasons, allowance_minutes: q.rules.allowance_minutes, data_end: local(data.data_end) };
}

/** A warning on stderr (not with JSON, which says `data_end: null`) when the database holds no presence at all. */
function notes(data: PresenceDays): Report['notes'] {
  return (format) => (format === 'json' || data.data_end !== null ? [] : ['warning: the database holds no presence: import presence, or a queue_log with member events (docs/formats.md)']);
}

/** Seconds as H:MM, for reading on a terminal. */
function hoursMinutes(seconds: unknown): unknown {
  return typeof seconds === 'number' ? `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}` : seconds;
}

/** A local time on a terminal: HH:MM on the report's day, else MM-DD HH:MM. */
function clock(value: unknown, day: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  return day !== undefined && value.startsWith(day) ? value.slice(11, 16) : value.slice(5, 16).replace('T', ' ');
}

const DURATIONS = ['logged_in_seconds', 'available_seconds', 'unauthorized_seconds'];

/** The main figures with short headers, durations as H:MM, times as HH:MM (the whole table with --wide). */
const PAGE_FIGURES = [
  column('first_login', { en: 'first in', type: 'text' }), column('last_logout', { en: 'last out', type: 'text' }),
  column('logged_in_seconds', { en: 'logged', zh: '签入时长' }), column('available_seconds', { en: 'avail.', zh: '可用时长' }),
  column('occupancy', { en: 'occup.' }), column('pauses'), column('unauthorized_seconds', { en: 'unauth.', zh: '擅离时长' }),
];

/** The main figures on a terminal: short headers, durations as H:MM, times as HH:MM on the report's day. */
function narrowFigures(lead: Column[], rows: readonly Row[], day?: string): ReportTable {
  return {
    columns: [...lead, ...PAGE_FIGURES],
    rows: rows.map((r) => ({ ...r, first_login: clock(r.first_login, day), last_logout: clock(r.last_logout, day), ...Object.fromEntries(DURATIONS.map((k) => [k, hoursMinutes(r[k])])) })),
  };
}

/** The terminal view of a presence report: its table (`narrow` unless --wide), then the definitions it used, wrapped. */
function page(q: PresenceQuery, data: PresenceDays, full: ReportTable, narrow: ReportTable): (view: PageView) => Iterable<string> {
  return (view) => {
    const opts = { format: 'table' as const, lang: view.lang, showPii: false, color: view.color, bom: false, width: view.width };
    return [...renderReport(view.wide ? full : narrow, opts), wrapText(describePresence(q.rules, q.zone, data.data_end), view.width) + '\n'];
  };
}

/** The rows of `agents daily`: one per operator, then a total row. */
function dailyTable(q: PresenceQuery, data: PresenceDays, lang: 'en' | 'zh'): { table: ReportTable & { rows: Row[] }; rows: (AgentFigures & Row)[] } {
  const rows = data.days.map((d) => ({ operator_id: d.operator_id, name: d.name, team: d.team, ...sumDays([d], q.zone) }));
  const total = { operator_id: lang === 'zh' ? '合计' : 'TOTAL', name: null, team: null, ...sumDays(data.days, q.zone), first_login: null, last_logout: null, open: null };
  return { rows, table: { columns: [...columns('operator_id', 'name', ['team', WIDE]), ...FIGURE_COLUMNS], rows: [...rows, ...(rows.length > 0 ? [total] : [])].map(flat) } };
}

/** The day on a terminal: the main figures of each operator (the demo's tour shows it too). */
export function agentsDayTable(q: PresenceQuery, data: PresenceDays, lang: 'en' | 'zh'): ReportTable {
  return narrowFigures(columns(['operator_id', { en: 'id' }], 'name'), dailyTable(q, data, lang).table.rows, q.from);
}

/** `agents daily`: one row per operator, a total row in the table; JSON with the definitions. */
export function agentsDailyReport(q: PresenceQuery, data: PresenceDays, lang: 'en' | 'zh'): Report {
  const { table, rows } = dailyTable(q, data, lang);
  return {
    ...table,
    json: { date: q.from, timezone: q.zone, definitions: definitions(q, data), rows },
    notes: notes(data),
    page: page(q, data, table, agentsDayTable(q, data, lang)),
  };
}

/** The days of a range grouped by day, operator or team, in order. */
function groups(days: readonly AgentDay[], by: AgentGrouping): [string, AgentDay[]][] {
  const out = new Map<string, AgentDay[]>();
  for (const d of days) {
    const key = by === 'day' ? d.date : by === 'operator' ? d.operator_id : (d.team ?? '');
    out.set(key, [...(out.get(key) ?? []), d]);
  }
  return [...out.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
}

const LEAD: Record<AgentGrouping, Column[]> = {
  day: columns('date', 'operators'),
  operator: columns('operator_id', 'name', ['team', WIDE]),
  team: columns('team', 'operators'),
};

/** The lead columns on a terminal (short headers). */
const PAGE_LEAD: Record<AgentGrouping, Column[]> = {
  day: columns('date', ['operators', { en: 'ops' }]),
  operator: columns(['operator_id', { en: 'id' }], 'name'),
  team: columns('team', ['operators', { en: 'ops' }]),
};

/** `agents range`: one row per day, operator or team; JSON with the range and its definitions. */
export function agentsRangeReport(q: PresenceQuery & { by: AgentGrouping }, data: PresenceDays): Report {
  const rows = groups(data.days, q.by).map(([key, days]) => {
    const lead: Row = q.by === 'day' ? { date: key } : q.by === 'team' ? { team: key === '' ? null : key } : { operator_id: key, name: days[0]?.name ?? null, team: days[0]?.team ?? null };
    if (q.by !== 'operator') lead.operators = new Set(days.map((d) => d.operator_id)).size;
    return { ...lead, ...sumDays(days, q.zone) };
  });
  const table = { columns: [...LEAD[q.by], ...FIGURE_COLUMNS], rows: rows.map(flat) };
  return {
    ...table,
    json: { from: q.from, to: q.to, by: q.by, timezone: q.zone, definitions: definitions(q, data), rows },
    notes: notes(data),
    page: page(q, data, table, narrowFigures(PAGE_LEAD[q.by], table.rows)),
  };
}

const ABSENCE_COLUMNS = [
  ...columns('date', 'operator_id', 'name', 'paused_from', 'paused_to', 'pause_reason', ['absence', WIDE], ['seconds', WIDE], 'unauthorized_seconds'),
];

/** `agents absence`: each pause that is unauthorized absence, wholly or beyond its allowance, with its times. */
export function absenceReport(q: PresenceQuery, data: PresenceDays): Report {
  const local = (t: number | null): string | null => (t === null ? null : formatLocalDateTime(epochToLocal(t, q.zone)));
  const rows = data.days.flatMap((d) => d.absences.map((a) => ({
    date: d.date, operator_id: d.operator_id, name: d.name, paused_from: local(a.start), paused_to: local(a.end),
    pause_reason: a.reason ?? NO_REASON, absence: a.why, seconds: a.seconds, unauthorized_seconds: a.unauthorized_seconds,
  })));
  return {
    columns: ABSENCE_COLUMNS,
    rows,
    json: { from: q.from, to: q.to, timezone: q.zone, definitions: definitions(q, data), rows },
    notes: notes(data),
    page: page(q, data, { columns: ABSENCE_COLUMNS, rows }, tableView({ columns: ABSENCE_COLUMNS, rows }, false)),
  };
}
