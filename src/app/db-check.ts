/** `db check` as a report: one row per check, its level and what it found (src/db/health.ts). */
import type { CheckItem } from '../db/health.js';
import type { ReportTable, Row } from '../io/render/report.js';
import { columns } from '../io/render/vocabulary/columns.js';

const CHECK_COLUMNS = columns('check', ['level', { zh: '结果', values: 'check_level' }], 'detail');

export function checkTable(items: readonly CheckItem[]): ReportTable {
  return { columns: CHECK_COLUMNS, rows: items as unknown as Row[] };
}
