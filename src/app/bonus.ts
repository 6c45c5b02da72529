/** The HR bonus sheet (docs/policy.md) from a finalized month, or a draft marked as such. */
import type Database from 'better-sqlite3';
import { computeBonusSheet, totalBonusSheet, type BonusInput, type BonusRow, type BonusTotals } from '../domain/bonus.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { IsoDate, IsoMonth } from '../domain/dates.js';
import type { MonthEmployment } from '../domain/pay-proration.js';
import type { Policy } from '../domain/policy.js';
import { InputError } from '../errors.js';
import type { Report, ReportTable, Row } from '../io/render/report.js';
import { column, columns, WIDE } from '../io/render/vocabulary/columns.js';
import { appraiseMonth, monthRange, type MonthAppraisal, type ScoredOperator } from './appraisal.js';

export interface BonusSheet {
  month: IsoMonth;
  draft: boolean;
  rows: (BonusRow & { month: IsoMonth; draft: boolean })[];
  totals: BonusTotals;
  /** What the user should know about how the sheet was made (for stderr). */
  notes: string[];
}

/**
 * The sheet's inputs from the month's rows. A run finalized before the employment dates were
 * stored with it takes them from the operators table as it is now (and says so); an operator no
 * longer in the roster for the month is paid as employed all month, as that run was.
 */
function bonusInputs(appraisal: MonthAppraisal & { scored: ScoredOperator[] }): { inputs: BonusInput[]; notes: string[] } {
  const { month } = appraisal;
  const now = new Map(appraisal.scored.map((s) => [s.row.operator_id, s.row.pay]));
  const range = monthRange(month);
  const fromRoster: string[] = [];
  const notFound: string[] = [];
  const inputs = appraisal.rows.map((r): BonusInput => {
    const { employed_from, employed_to, ...pay } = r.pay;
    let employment: MonthEmployment;
    const current = now.get(r.operator_id);
    if (employed_from && employed_to) employment = { employed_from, employed_to };
    else if (current?.employed_from && current.employed_to) {
      employment = { employed_from: current.employed_from, employed_to: current.employed_to };
      fromRoster.push(r.operator_id);
    } else {
      employment = { employed_from: range.from as IsoDate, employed_to: range.to as IsoDate };
      notFound.push(r.operator_id);
    }
    return { operator_id: r.operator_id, name: r.name, team: r.team, grade: r.grade, score: r.score, ...pay, ...employment };
  });
  const notes: string[] = [];
  if (fromRoster.length > 0 || notFound.length > 0) {
    notes.push(`${month} was finalized before employment dates were stored with it: employed_from and employed_to come from the operators table as it is now`);
  }
  if (notFound.length > 0) notes.push(`not employed in ${month} by the operators table now, so paid as employed all month (as finalized): ${notFound.join(', ')}`);
  return { inputs, notes };
}

/** The bonus sheet of a month; refuses a month that is not finalized unless `draft` (bad input, exit 3). */
export function bonusSheet(db: Database.Database, month: IsoMonth, calendar: WorkCalendar, policy: Policy, opts: { draft: boolean }): BonusSheet {
  const appraisal = appraiseMonth(db, month, calendar, policy);
  if (!appraisal.finalized && !opts.draft) {
    throw new InputError(`${month} is not finalized: a bonus sheet is paid from a finalized month`, {
      hint: `hotline appraise run --month ${month} --finalize, or add --draft for a draft sheet`,
    });
  }
  const draft = !appraisal.finalized;
  const { inputs, notes } = bonusInputs(appraisal);
  const rows = computeBonusSheet(inputs, policy.bonus, { month, calendar });
  return { month, draft, rows: rows.map((r) => ({ ...r, month, draft })), totals: totalBonusSheet(rows), notes };
}

const MONEY = ['base_salary', 'performance_pay', 'full_attendance_bonus', 'excellent_employee_bonus', 'business_outstanding_bonus', 'total'] as const;

const BONUS_COLUMNS = columns(
  'operator_id', 'name', ['team', WIDE], ['month', WIDE], ['grade', { zh: '考核等级' }], ['score', { zh: '考核得分', wide: true }],
  'base_salary', 'performance_pay', ['full_attendance_bonus', WIDE], ['excellent_employee_bonus', WIDE], ['business_outstanding_bonus', WIDE], 'total',
  // Part of a month (bonus.proration): after the money, so the money columns keep their places.
  ['employed_from', WIDE], ['employed_to', WIDE], ['days_employed', WIDE], 'proration',
);

/** The sheet as a table with a totals row; a draft says DRAFT in every row. */
function bonusTable(sheet: BonusSheet, lang: 'en' | 'zh'): ReportTable {
  const sheetColumns = sheet.draft ? [...BONUS_COLUMNS, column('status')] : BONUS_COLUMNS;
  const mark = sheet.draft ? { status: lang === 'zh' ? '草稿 DRAFT' : 'DRAFT' } : {};
  const totals: Row = { operator_id: lang === 'zh' ? '合计' : 'TOTAL', name: `${sheet.totals.operators}`, team: null, month: sheet.month, grade: null, score: null, ...Object.fromEntries(MONEY.map((k) => [k, sheet.totals[k]])), employed_from: null, employed_to: null, days_employed: null, proration: null, ...mark };
  return { columns: sheetColumns, rows: [...sheet.rows.map((r) => ({ ...r, ...mark }) as unknown as Row), totals] };
}

/** `bonus`: the sheet as a table or CSV (a draft says so above a terminal table), an xlsx sheet named by its month, or its rows as JSON. */
export function bonusReport(sheet: BonusSheet, lang: 'en' | 'zh'): Report {
  return {
    ...bonusTable(sheet, lang),
    json: sheet.rows,
    sheet: `${sheet.draft ? 'DRAFT ' : ''}${sheet.month}`,
    notes: (format) => (sheet.draft && format === 'table' ? [`DRAFT: ${sheet.month} is not finalized`] : []),
  };
}
