/** The HR bonus sheet (PRODUCT.md §4.3) from a finalized month, or a draft marked as such. */
import type Database from 'better-sqlite3';
import { computeBonusSheet, totalBonusSheet, type BonusRow, type BonusTotals } from '../domain/bonus.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { IsoMonth } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import { DbStateError } from '../errors.js';
import type { Column, ReportTable, Row } from '../io/render/report.js';
import { appraiseMonth } from './appraisal.js';

export interface BonusSheet {
  month: IsoMonth;
  draft: boolean;
  rows: (BonusRow & { month: IsoMonth; draft: boolean })[];
  totals: BonusTotals;
}

/** The bonus sheet of a month; refuses a month that is not finalized unless `draft`. */
export function bonusSheet(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy, opts: { draft: boolean }): BonusSheet {
  const appraisal = appraiseMonth(db, month, calendar, policy);
  if (!appraisal.finalized && !opts.draft) {
    throw new DbStateError(`${month} is not finalized: a bonus sheet is paid from a finalized month`, {
      hint: `hotline appraise run --month ${month} --finalize, or add --draft for a draft sheet`,
    });
  }
  const draft = !appraisal.finalized;
  const rows = computeBonusSheet(appraisal.rows.map((r) => ({ operator_id: r.operator_id, name: r.name, team: r.team, grade: r.grade, score: r.score, ...r.pay })), policy.bonus);
  return { month, draft, rows: rows.map((r) => ({ ...r, month, draft })), totals: totalBonusSheet(rows) };
}

const MONEY = ['base_salary', 'performance_pay', 'full_attendance_bonus', 'excellent_employee_bonus', 'business_outstanding_bonus', 'total'] as const;

export const BONUS_COLUMNS: Column[] = [
  { key: 'operator_id', en: 'operator_id', zh: '工号' },
  { key: 'name', en: 'name', zh: '姓名' },
  { key: 'team', en: 'team', zh: '班组', wide: true },
  { key: 'month', en: 'month', zh: '月份', wide: true },
  { key: 'grade', en: 'grade', zh: '考核等级', values: 'grade' },
  { key: 'score', en: 'score', zh: '考核得分', type: 'number', wide: true },
  { key: 'base_salary', en: 'base_salary', zh: '基本工资', type: 'money' },
  { key: 'performance_pay', en: 'performance_pay', zh: '绩效工资', type: 'money' },
  { key: 'full_attendance_bonus', en: 'full_attendance_bonus', zh: '全勤奖', type: 'money', wide: true },
  { key: 'excellent_employee_bonus', en: 'excellent_employee_bonus', zh: '优秀员工奖', type: 'money', wide: true },
  { key: 'business_outstanding_bonus', en: 'business_outstanding_bonus', zh: '业务突出奖', type: 'money', wide: true },
  { key: 'total', en: 'total', zh: '合计', type: 'money' },
];

/** The sheet as a table with a totals row; a draft says DRAFT in every row. */
export function bonusTable(sheet: BonusSheet, lang: 'en' | 'zh'): ReportTable {
  const columns = sheet.draft ? [...BONUS_COLUMNS, { key: 'status', en: 'status', zh: '状态' } as Column] : BONUS_COLUMNS;
  const mark = sheet.draft ? { status: lang === 'zh' ? '草稿 DRAFT' : 'DRAFT' } : {};
  const totals: Row = { operator_id: lang === 'zh' ? '合计' : 'TOTAL', name: `${sheet.totals.operators}`, team: null, month: sheet.month, grade: null, score: null, ...Object.fromEntries(MONEY.map((k) => [k, sheet.totals[k]])), ...mark };
  return { columns, rows: [...sheet.rows.map((r) => ({ ...r, ...mark }) as unknown as Row), totals] };
}
