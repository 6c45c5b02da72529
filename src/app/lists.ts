/** Reports that list what went in: the ledger, the roster, calls and orders. */
import type Database from 'better-sqlite3';
import { epochToLocal, formatLocalDateTime } from '../domain/dates.js';
import { getSetting } from '../db/queries/settings.js';
import { listImports } from '../db/queries/imports.js';
import { iterateCalls, iterateOrders, listOperators, type CallFilter, type OperatorFilter, type OrderFilter } from '../db/queries/lists.js';
import type { ReportTable, Row } from '../io/render/report.js';
import { columns, WIDE } from '../io/render/vocabulary/columns.js';

/**
 * Rows read lazily: the query starts on the first row wanted, so a check that fails before
 * (an --out file that exists) leaves no statement running, and stopping early closes it.
 */
function* mapRows(rows: () => Iterable<Row>, fn: (r: Row) => Row): Generator<Row> {
  for (const r of rows()) yield fn(r);
}

/** Local time text of an epoch column, in the database's zone. */
function localizer(db: Database.Database, fallbackZone: string, key: string): (r: Row) => Row {
  const zone = getSetting(db, 'timezone') ?? fallbackZone;
  return (r) => ({ ...r, [key]: typeof r[key] === 'number' ? formatLocalDateTime(epochToLocal(r[key] as number, zone)) : r[key] });
}

const CALL_COLUMNS = columns(
  'call_id', 'started_at', 'operator_id', ['direction', WIDE], 'outcome', 'wait_seconds', ['talk_seconds', WIDE], ['hold_seconds', WIDE], ['acw_seconds', WIDE],
  ['category', WIDE], ['topic', WIDE], ['complaint_reason', WIDE], ['customer_name', WIDE], 'customer_phone', ['customer_address', WIDE], ['tracking_no', WIDE],
  ['satisfaction', WIDE], ['resolved', WIDE],
);

/** Columns shown in a terminal table (the full set is in CSV and JSON, and with --wide). */
export const CALL_TABLE_KEYS = CALL_COLUMNS.filter((c) => !c.wide).map((c) => c.key);

export function callsReport(db: Database.Database, zone: string, filter: CallFilter): ReportTable {
  return { columns: CALL_COLUMNS, rows: mapRows(() => iterateCalls(db, filter), localizer(db, zone, 'started_at')) };
}

const ORDER_COLUMNS = columns(
  'order_id', 'created_at', ['operator_id', { zh: '录入工号' }], ['tracking_no', WIDE], ['call_id', { zh: '关联通话', wide: true }],
  ['sender_name', WIDE], ['sender_phone', WIDE], ['sender_address', WIDE], ['receiver_name', WIDE], ['receiver_phone', WIDE], ['receiver_address', WIDE],
  'service', ['weight_kg', WIDE], ['fee', WIDE], 'status', 'corrected',
);

export function ordersReport(db: Database.Database, zone: string, filter: OrderFilter): ReportTable {
  return { columns: ORDER_COLUMNS, rows: mapRows(() => iterateOrders(db, filter), localizer(db, zone, 'created_at')) };
}

const OPERATOR_COLUMNS = columns(
  'operator_id', 'name', 'team', 'hire_date', ['work_start_date', WIDE], 'termination_date', 'level', ['base_salary', WIDE], ['performance_base', WIDE], ['monthly_wage', WIDE],
);

export function operatorsReport(db: Database.Database, filter: OperatorFilter): ReportTable {
  return { columns: OPERATOR_COLUMNS, rows: listOperators(db, filter) };
}

const IMPORT_COLUMNS = columns(
  'import_id', ['kind', { values: 'import_kind' }], 'file', ['sha256', WIDE], ['encoding', WIDE], ['rows', WIDE], 'inserted', ['updated', WIDE], ['unchanged', WIDE],
  'rejected', ['skipped', WIDE], 'imported_at', ['user', WIDE], ['range_start', WIDE], ['range_end', WIDE], ['continues', WIDE],
);

export function importsReport(db: Database.Database, zone: string, opts: { kind?: string; limit?: number }): ReportTable {
  const local = localizer(db, zone, 'imported_at');
  return {
    columns: IMPORT_COLUMNS,
    rows: mapRows(() => listImports(db, opts) as unknown as Row[], (r) => {
      const { id, file_name, finished_at, os_user, ...rest } = r;
      return local({ import_id: id, file: file_name, imported_at: finished_at, user: os_user, ...rest });
    }),
  };
}

/** Narrows a report to the given columns (terminal tables show fewer). */
export function pickColumns(report: ReportTable, keys: readonly string[]): ReportTable {
  return { ...report, columns: report.columns.filter((c) => keys.includes(c.key)) };
}
