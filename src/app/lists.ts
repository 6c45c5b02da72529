/** Reports that list what went in: the ledger, the roster, calls and orders. */
import type Database from 'better-sqlite3';
import { epochToLocal, formatLocalDateTime } from '../domain/dates.js';
import { getSetting } from '../db/queries/settings.js';
import { listImports } from '../db/queries/imports.js';
import { iterateCalls, iterateOrders, listOperators, type CallFilter, type OperatorFilter, type OrderFilter } from '../db/queries/lists.js';
import type { Column, ReportTable, Row } from '../io/render/report.js';

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

const CALL_COLUMNS: Column[] = [
  { key: 'call_id', en: 'call_id', zh: '通话编号' },
  { key: 'started_at', en: 'started_at', zh: '来电时间', type: 'datetime' },
  { key: 'operator_id', en: 'operator_id', zh: '工号' },
  { key: 'direction', en: 'direction', zh: '呼叫方向', wide: true, values: 'call_direction' },
  { key: 'outcome', en: 'outcome', zh: '呼叫结果', values: 'call_outcome' },
  { key: 'wait_seconds', en: 'wait_seconds', zh: '等待时长', type: 'seconds' },
  { key: 'talk_seconds', en: 'talk_seconds', zh: '通话时长', type: 'seconds', wide: true },
  { key: 'hold_seconds', en: 'hold_seconds', zh: '保持时长', type: 'seconds', wide: true },
  { key: 'acw_seconds', en: 'acw_seconds', zh: '话后处理时长', type: 'seconds', wide: true },
  { key: 'category', en: 'category', zh: '业务类型', wide: true, values: 'call_category' },
  { key: 'topic', en: 'topic', zh: '咨询类型', wide: true },
  { key: 'complaint_reason', en: 'complaint_reason', zh: '投诉原因', wide: true, values: 'complaint_reason' },
  { key: 'customer_name', en: 'customer_name', zh: '客户姓名', pii: 'name', wide: true },
  { key: 'customer_phone', en: 'customer_phone', zh: '客户电话', pii: 'phone' },
  { key: 'customer_address', en: 'customer_address', zh: '客户地址', pii: 'address', wide: true },
  { key: 'tracking_no', en: 'tracking_no', zh: '运单号', wide: true },
  { key: 'satisfaction', en: 'satisfaction', zh: '满意度', type: 'integer', wide: true },
  { key: 'resolved', en: 'resolved', zh: '是否解决', type: 'yesno', wide: true },
];

/** Columns shown in a terminal table (the full set is in CSV and JSON, and with --wide). */
export const CALL_TABLE_KEYS = CALL_COLUMNS.filter((c) => !c.wide).map((c) => c.key);

export function callsReport(db: Database.Database, zone: string, filter: CallFilter): ReportTable {
  return { columns: CALL_COLUMNS, rows: mapRows(() => iterateCalls(db, filter), localizer(db, zone, 'started_at')) };
}

const ORDER_COLUMNS: Column[] = [
  { key: 'order_id', en: 'order_id', zh: '订单号' },
  { key: 'created_at', en: 'created_at', zh: '下单时间', type: 'datetime' },
  { key: 'operator_id', en: 'operator_id', zh: '录入工号' },
  { key: 'tracking_no', en: 'tracking_no', zh: '运单号', wide: true },
  { key: 'call_id', en: 'call_id', zh: '关联通话', wide: true },
  { key: 'sender_name', en: 'sender_name', zh: '寄件人', pii: 'name', wide: true },
  { key: 'sender_phone', en: 'sender_phone', zh: '寄件人电话', pii: 'phone', wide: true },
  { key: 'sender_address', en: 'sender_address', zh: '寄件地址', pii: 'address', wide: true },
  { key: 'receiver_name', en: 'receiver_name', zh: '收件人', pii: 'name', wide: true },
  { key: 'receiver_phone', en: 'receiver_phone', zh: '收件人电话', pii: 'phone', wide: true },
  { key: 'receiver_address', en: 'receiver_address', zh: '收件地址', pii: 'address', wide: true },
  { key: 'service', en: 'service', zh: '产品类型' },
  { key: 'weight_kg', en: 'weight_kg', zh: '重量', type: 'number', wide: true },
  { key: 'fee', en: 'fee', zh: '运费', type: 'money', wide: true },
  { key: 'status', en: 'status', zh: '状态' },
  { key: 'corrected', en: 'corrected', zh: '是否更正', type: 'yesno' },
];

export function ordersReport(db: Database.Database, zone: string, filter: OrderFilter): ReportTable {
  return { columns: ORDER_COLUMNS, rows: mapRows(() => iterateOrders(db, filter), localizer(db, zone, 'created_at')) };
}

const OPERATOR_COLUMNS: Column[] = [
  { key: 'operator_id', en: 'operator_id', zh: '工号' },
  { key: 'name', en: 'name', zh: '姓名' },
  { key: 'team', en: 'team', zh: '班组' },
  { key: 'hire_date', en: 'hire_date', zh: '入职日期', type: 'date' },
  { key: 'work_start_date', en: 'work_start_date', zh: '参加工作日期', type: 'date', wide: true },
  { key: 'termination_date', en: 'termination_date', zh: '离职日期', type: 'date' },
  { key: 'level', en: 'level', zh: '岗位级别' },
  { key: 'base_salary', en: 'base_salary', zh: '基本工资', type: 'money', wide: true },
  { key: 'performance_base', en: 'performance_base', zh: '绩效工资基数', type: 'money', wide: true },
  { key: 'monthly_wage', en: 'monthly_wage', zh: '月平均工资', type: 'money', wide: true },
];

export function operatorsReport(db: Database.Database, filter: OperatorFilter): ReportTable {
  return { columns: OPERATOR_COLUMNS, rows: listOperators(db, filter) };
}

const IMPORT_COLUMNS: Column[] = [
  { key: 'import_id', en: 'import_id', zh: '批次' },
  { key: 'kind', en: 'kind', zh: '类型', values: 'import_kind' },
  { key: 'file', en: 'file', zh: '文件' },
  { key: 'sha256', en: 'sha256', zh: 'SHA-256', wide: true },
  { key: 'encoding', en: 'encoding', zh: '编码', wide: true },
  { key: 'rows', en: 'rows', zh: '行数', type: 'integer', wide: true },
  { key: 'inserted', en: 'inserted', zh: '新增', type: 'integer' },
  { key: 'updated', en: 'updated', zh: '更新', type: 'integer', wide: true },
  { key: 'unchanged', en: 'unchanged', zh: '未变', type: 'integer', wide: true },
  { key: 'rejected', en: 'rejected', zh: '拒绝', type: 'integer' },
  { key: 'skipped', en: 'skipped', zh: '跳过', type: 'integer', wide: true },
  { key: 'imported_at', en: 'imported_at', zh: '导入时间', type: 'datetime' },
  { key: 'user', en: 'user', zh: '用户', wide: true },
];

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
