// The vocabulary of value labels (src/io/render/value-labels.ts): what --lang zh shows for the
// codes reports hold, in tables, CSV and xlsx; English (and JSON) keep the codes.
import { describe, expect, test } from 'vitest';
import { ACTIONS, GRADES, GROUPS, INDICATORS } from '../../src/domain/appraisal-policy.js';
import { CATEGORIES, COMPLAINT_REASONS, DIRECTIONS, IMPORT_KINDS, LEAVE_TYPES, OUTCOMES, SEVERITIES, TICKET_KINDS, TRAINING_KIND_VALUES } from '../../src/domain/kinds.js';
import { parseYesNo } from '../../src/io/values.js';
import { labelsOf, valueLabel, type ValueVocabulary } from '../../src/io/render/vocabulary/values.js';
import { labelled } from '../../src/io/render/cells.js';
import { renderCsv } from '../../src/io/render/csv.js';
import { renderJsonRows } from '../../src/io/render/json.js';
import type { ReportTable } from '../../src/io/render/report.js';

describe('a code in Chinese', () => {
  test.each<{ vocabulary: ValueVocabulary; value: unknown; expected: unknown }>([
    { vocabulary: 'grade', value: 'excellent', expected: '优秀' },
    { vocabulary: 'grade', value: 'good', expected: '良好' },
    { vocabulary: 'grade', value: 'pass', expected: '合格' },
    { vocabulary: 'grade', value: 'fail', expected: '不合格' },
    { vocabulary: 'action', value: 'reassignment_review', expected: '调岗评估' },
    { vocabulary: 'action', value: 'warning_and_coaching', expected: '诫勉谈话与培训辅导' },
    { vocabulary: 'yesno', value: 1, expected: '是' },
    { vocabulary: 'yesno', value: 0, expected: '否' },
    { vocabulary: 'yesno', value: true, expected: '是' },
    { vocabulary: 'yesno', value: false, expected: '否' },
    { vocabulary: 'yesno', value: 'yes', expected: '是' },
    { vocabulary: 'yesno', value: 'no', expected: '否' },
    { vocabulary: 'yesno', value: '', expected: '' },
    { vocabulary: 'yesno', value: null, expected: null },
    { vocabulary: 'training_kind', value: 'onboarding', expected: '入职培训' },
    { vocabulary: 'training_kind', value: 'internal', expected: '内部培训' },
    { vocabulary: 'training_kind', value: 'targeted', expected: '专项培训' },
    { vocabulary: 'training_kind', value: 'coaching', expected: '一对一辅导' },
    { vocabulary: 'training_kind', value: 'external', expected: '外部培训' },
    { vocabulary: 'training_kind', value: 'internal targeted', expected: '内部培训 专项培训' },
    { vocabulary: 'leave_type', value: 'annual 10-01–10-03; sick 10-05', expected: '年假 10-01–10-03; 病假 10-05' },
    { vocabulary: 'day_kind', value: 'swapped_workday', expected: '调休上班' },
    { vocabulary: 'weekday', value: 'Sun', expected: '周日' },
    { vocabulary: 'ticket_status', value: 'resolved_on_time', expected: '按时办结' },
    { vocabulary: 'ticket_status', value: 'overdue', expected: '已超时' },
    { vocabulary: 'ticket_kind', value: 'complaint', expected: '投诉' },
    { vocabulary: 'severity', value: 'serious', expected: '严重' },
    { vocabulary: 'call_outcome', value: 'abandoned', expected: '放弃' },
    { vocabulary: 'call_direction', value: 'outbound', expected: '呼出' },
    { vocabulary: 'call_category', value: 'query', expected: '查件' },
    { vocabulary: 'complaint_reason', value: 'misdelivery', expected: '错投' },
    { vocabulary: 'complaint_reason', value: '快递员态度差', expected: '快递员态度差' }, // free text as imported
    { vocabulary: 'indicator', value: 'teamwork knowledge_test', expected: '团队协作 业务考试' },
    { vocabulary: 'grade', value: '2026-08:excellent 2026-09:-', expected: '2026-08:优秀 2026-09:-' },
    { vocabulary: 'run_status', value: 'finalized', expected: '已定稿' },
    { vocabulary: 'import_kind', value: 'calls', expected: '话单' },
    { vocabulary: 'summary_by', value: 'operator', expected: '话务员' },
    { vocabulary: 'check_level', value: 'warning', expected: '警告' },
    { vocabulary: 'audit_action', value: 'purge_pii', expected: '清除客户信息' },
    { vocabulary: 'settlement_item', value: 'payable_unused_days', expected: '应付未休天数' },
    { vocabulary: 'grade', value: 'outstanding', expected: 'outstanding' }, // not a grade: shown as it is
  ])('$vocabulary: $value → $expected', ({ vocabulary, value, expected }) => {
    expect(valueLabel(value, vocabulary, 'zh')).toBe(expected);
    expect(valueLabel(value, vocabulary, 'en')).toBe(value);
  });
});

describe('the workings of annual leave in Chinese', () => {
  // Texts as src/domain/leave.ts writes them (the demo's leave balance and settlement).
  test.each([
    { name: 'a full year', en: 'full year at band 10 → 10', zh: '全年 10 天档 → 10' },
    { name: 'a joiner', en: 'hired 2026-04-20: 256/365 × 5 = 3.50 → 3', zh: '2026-04-20 入职: 256/365 × 5 = 3.50 → 3' },
    { name: 'a joiner under a year of work', en: 'hired 2026-10-08: under 1 year of work → 0', zh: '2026-10-08 入职: 累计工作不满 1 年 → 0' },
    { name: 'a band reached mid-year', en: '10 years on 2026-01-18: 17/365 × 5 + 348/365 × 10 = 3565/365 = 9.76 → 9', zh: '2026-01-18 工龄满 10 年: 17/365 × 5 + 348/365 × 10 = 3565/365 = 9.76 → 9' },
    {
      name: 'paid personal leave of 20 days',
      en: 'full year at band 10 → 10; disqualified → 0 (REG art.4(2): paid personal leave 20 working days in 2026 (20 or more with pay not deducted; reached 2026-07-31))',
      zh: '全年 10 天档 → 10; 不享受 → 0 (《条例》第4条第(2)项: 2026 年未扣工资的事假 20 个工作日（累计 20 天以上；2026-07-31 达到）)',
    },
    {
      name: 'a leaver',
      en: 'left 2026-10-20: 293/365 × 5 = 4.01 → 4; owed max(0, 4 − 0 taken) = 4; daily wage 4900.00 / 21.75 = 225.29; extra 200 %: 4 × 2 × 4900.00 / 21.75 = 1802.30',
      zh: '2026-10-20 离职: 293/365 × 5 = 4.01 → 4; 应付 max(0, 4 − 已休 0) = 4; 日工资 4900.00 / 21.75 = 225.29; 200 % 工资报酬：4 × 2 × 4900.00 / 21.75 = 1802.30',
    },
    { name: 'a leaver with a half day taken', en: 'owed max(0, 4 + 1 carried over − 1.5 taken) = 3.5', zh: '应付 max(0, 4 + 结转 1 − 已休 1.5) = 3.5' },
  ])('$name', ({ en, zh }) => {
    expect(valueLabel(en, 'leave_working', 'zh')).toBe(zh);
    expect(valueLabel(en, 'leave_working', 'en')).toBe(en);
  });
});

describe('every code has a label', () => {
  test.each<{ vocabulary: ValueVocabulary; codes: readonly string[] }>([
    { vocabulary: 'grade', codes: GRADES },
    { vocabulary: 'action', codes: ACTIONS },
    { vocabulary: 'indicator', codes: INDICATORS },
    { vocabulary: 'appraisal_group', codes: GROUPS },
    { vocabulary: 'import_kind', codes: IMPORT_KINDS },
    { vocabulary: 'ticket_status', codes: ['open', 'due_soon', 'overdue', 'resolved_on_time', 'resolved_late'] },
    { vocabulary: 'day_kind', codes: ['workday', 'weekend', 'holiday', 'swapped_workday'] },
  ])('$vocabulary', ({ vocabulary, codes }) => {
    const labels = labelsOf(vocabulary);
    for (const code of codes) expect({ code, label: labels[code] }).toEqual({ code, label: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  // A CSV written with --lang zh can be imported again: each label is a spelling the import accepts.
  test.each<{ vocabulary: ValueVocabulary; values: Readonly<Record<string, readonly string[]>> }>([
    { vocabulary: 'call_outcome', values: OUTCOMES },
    { vocabulary: 'call_direction', values: DIRECTIONS },
    { vocabulary: 'call_category', values: CATEGORIES },
    { vocabulary: 'complaint_reason', values: COMPLAINT_REASONS },
    { vocabulary: 'leave_type', values: LEAVE_TYPES },
    { vocabulary: 'ticket_kind', values: TICKET_KINDS },
    { vocabulary: 'severity', values: SEVERITIES },
    { vocabulary: 'training_kind', values: TRAINING_KIND_VALUES },
  ])('$vocabulary: the import reads every label back as its code', ({ vocabulary, values }) => {
    for (const [code, spellings] of Object.entries(values)) expect({ code, label: spellings.includes(labelsOf(vocabulary)[code] as string) }).toEqual({ code, label: true });
  });

  test('yes/no labels are read back by the import', () => {
    expect([parseYesNo(valueLabel(1, 'yesno', 'zh') as string), parseYesNo(valueLabel(0, 'yesno', 'zh') as string)]).toEqual([1, 0]);
  });
});

describe('renderers', () => {
  const report: ReportTable = {
    columns: [
      { key: 'operator_id', en: 'operator_id', zh: '工号' },
      { key: 'grade', en: 'grade', zh: '等级', values: 'grade' },
      { key: 'resolved', en: 'resolved', zh: '是否解决', type: 'yesno' },
    ],
    rows: [{ operator_id: '1020', grade: 'fail', resolved: 1 }, { operator_id: '1021', grade: null, resolved: 0 }],
  };
  const opts = { format: 'csv' as const, showPii: false, color: false, bom: false };

  test('a yesno column needs no vocabulary of its own', () => {
    expect(labelled(1, report.columns[2] as never, 'zh')).toBe('是');
  });

  test('CSV with --lang zh has Chinese headers and values; English keeps the codes', () => {
    expect([...renderCsv(report, { ...opts, lang: 'zh' })].join('')).toBe('工号,等级,是否解决\r\n1020,不合格,是\r\n1021,,否\r\n');
    expect([...renderCsv(report, { ...opts, lang: 'en' })].join('')).toBe('operator_id,grade,resolved\r\n1020,fail,1\r\n1021,,0\r\n');
  });

  test('JSON keeps the canonical codes whatever --lang says', () => {
    expect([...renderJsonRows(report, { ...opts, format: 'json', lang: 'zh' })].join('')).toBe('[{"operator_id":"1020","grade":"fail","resolved":1},{"operator_id":"1021","grade":null,"resolved":0}]\n');
  });
});
