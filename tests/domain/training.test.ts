// Training plans, compliance and promotion candidates (src/domain/training*.ts, career.ts,
// PRODUCT.md §4.4, issue 7), on the official 2026 calendar. Hand-worked facts used below:
// - October 2026: 10-01 is a Thursday; 10-01..10-07 off (国庆节); Saturday 10-10 is a swapped
//   working day. Working days: 08 09 10 12 13 14 15 16 19 20 21 22 23 26 27 28 29 30 (18).
// - September 2026: 09-25..09-27 off (中秋节); Sunday 09-20 a swapped working day.
// - June 2026: 06-19 off (端午节). Working days: 01–05, 08–12, 15–18, 22–26, 29, 30 (21).
// - November 2026: 11-01 is a Sunday; 11-02 the first working day.
// - Onboarding of 5 days over 4 topics: day i teaches topic floor(i × 4 / 5): 0 0 1 2 3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCalendar, type CalendarFile } from '../../src/domain/calendar.js';
import { promotionCandidates, tenureMonths, type GradeRecord } from '../../src/domain/career.js';
import type { IsoDate, IsoMonth } from '../../src/domain/dates.js';
import { attendedTraining, complianceOf, requiredTraining } from '../../src/domain/training-compliance.js';
import { careerSchema, DEFAULT_CAREER_POLICY, DEFAULT_TRAINING_POLICY, trainingSchema } from '../../src/domain/training-policy.js';
import { buildTrainingPlan, internalDays, internalTopics, planInternal, planOnboarding, planTargeted, type AppraisalResult, type Hire, type TrainingSession } from '../../src/domain/training.js';
import { monthProgress } from '../../src/domain/training-session.js';
import { ROOT } from '../helpers/cli.js';

const cn2026 = JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', 'cn-2026.json'), 'utf8')) as CalendarFile;
const calendar = buildCalendar([cn2026]);
const policy = DEFAULT_TRAINING_POLICY;
const M = (s: string): IsoMonth => s as IsoMonth;
const hire = (operator_id: string, hire_date: string, onboarding_done = false): Hire => ({ operator_id, hire_date: hire_date as IsoDate, onboarding_done });
const leaveOf = (entries: Record<string, string[]>): Map<string, Set<string>> => new Map(Object.entries(entries).map(([op, days]) => [op, new Set(days)]));
/** A session as "date topic [attendees]", for tables that read like a schedule. */
const brief = (s: TrainingSession): string => `${s.date} ${s.topic} [${s.attendees.join(',')}]`;
const ids = (n: number, prefix = 'OP'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
const weak = (operator_id: string, scores: AppraisalResult['indicators'], grade: AppraisalResult['grade'] = 'pass'): AppraisalResult => ({ operator_id, indicators: scores, grade });

describe('trainingSchema', () => {
  test('every default', () => {
    expect(policy.onboarding_days).toBe(5);
    expect(policy.onboarding_topics.map((t) => t.name)).toEqual(['公司概况', '业务知识', '服务规范', '系统操作']);
    expect(policy.monthly_sessions).toBe(2);
    expect(policy.internal_topics.map((t) => t.name)).toEqual(['企业文化与制度', '快递业务知识', '服务与沟通技巧', '系统操作']);
    expect(policy.slots.internal).toEqual({ start: '14:00', end: '16:00' });
    expect(policy.max_attendees).toBe(20);
    expect(policy.targeted_below).toBe(60);
    expect(Object.fromEntries(Object.entries(policy.targeted).map(([k, t]) => [k, t.name]))).toEqual({ complaint_rate: '投诉处理', knowledge_test: '业务复训', satisfaction: '服务与沟通' });
    expect(policy.coaching.name).toBe('一对一辅导');
    expect(DEFAULT_CAREER_POLICY).toEqual({ excellent_months: 6, window_months: 12, min_tenure_months: 24 });
  });

  test.each([
    { name: 'fewer onboarding days than topics', input: { onboarding_days: 3 }, expected: 'onboarding_days: onboarding_days (3) must be at least the number of onboarding_topics (4)' },
    { name: 'slot ending before it starts', input: { slots: { internal: { start: '16:00', end: '14:00' } } }, expected: 'slots.internal.end: end must be after start' },
    { name: 'slot not HH:MM', input: { slots: { coaching: { start: '9:00' } } }, expected: 'slots.coaching.start: HH:MM' },
    { name: 'duplicate topic code', input: { internal_topics: [{ code: 'a', name: 'A' }, { code: 'a', name: 'B' }] }, expected: 'internal_topics: topic codes must be unique' },
  ])('$name → $expected', ({ input, expected }) => {
    const r = trainingSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([expected]);
  });

  test('career: excellent_months above the window is refused', () => {
    expect(careerSchema.safeParse({ excellent_months: 13 }).error?.issues[0]?.path).toEqual(['excellent_months']);
  });
});

describe('planOnboarding', () => {
  test.each([
    {
      name: 'hired Friday 10-16: the weekend is skipped',
      hires: [hire('A', '2026-10-16')], month: '2026-10',
      expected: ['2026-10-16 company_overview [A]', '2026-10-19 company_overview [A]', '2026-10-20 business_knowledge [A]', '2026-10-21 service_norms [A]', '2026-10-22 system_operation [A]'],
    },
    {
      name: 'hired 10-03 in the National Day break: starts 10-08, Saturday 10-10 (调休) counts',
      hires: [hire('A', '2026-10-03')], month: '2026-10',
      expected: ['2026-10-08 company_overview [A]', '2026-10-09 company_overview [A]', '2026-10-10 business_knowledge [A]', '2026-10-12 service_norms [A]', '2026-10-13 system_operation [A]'],
    },
    {
      name: 'hired Wednesday 09-30, the day before the break: resumes 10-08 in October',
      hires: [hire('A', '2026-09-30')], month: '2026-10',
      expected: ['2026-10-08 company_overview [A]', '2026-10-09 business_knowledge [A]', '2026-10-10 service_norms [A]', '2026-10-12 system_operation [A]'],
    },
    { name: 'hired 09-30, the September plan has its first day only', hires: [hire('A', '2026-09-30')], month: '2026-09', expected: ['2026-09-30 company_overview [A]'] },
    {
      name: 'hired Thursday 10-29: the November plan has the last three days',
      hires: [hire('A', '2026-10-29')], month: '2026-11',
      expected: ['2026-11-02 business_knowledge [A]', '2026-11-03 service_norms [A]', '2026-11-04 system_operation [A]'],
    },
    {
      name: 'hires of 10-01 and 10-08 share all five sessions',
      hires: [hire('B', '2026-10-08'), hire('A', '2026-10-01')], month: '2026-10',
      expected: ['2026-10-08 company_overview [A,B]', '2026-10-09 company_overview [A,B]', '2026-10-10 business_knowledge [A,B]', '2026-10-12 service_norms [A,B]', '2026-10-13 system_operation [A,B]'],
    },
    {
      name: 'hires a day apart share the day both learn the same topic',
      hires: [hire('A', '2026-10-08'), hire('B', '2026-10-09')], month: '2026-10',
      expected: [
        '2026-10-08 company_overview [A]', '2026-10-09 company_overview [A,B]', '2026-10-10 business_knowledge [A]', '2026-10-10 company_overview [B]',
        '2026-10-12 business_knowledge [B]', '2026-10-12 service_norms [A]', '2026-10-13 service_norms [B]', '2026-10-13 system_operation [A]', '2026-10-14 system_operation [B]',
      ],
    },
    { name: 'onboarding already done', hires: [hire('A', '2026-10-12', true)], month: '2026-10', expected: [] },
    { name: 'hired after the month', hires: [hire('A', '2026-11-02')], month: '2026-10', expected: [] },
    { name: 'hired long before the month', hires: [hire('A', '2026-08-03')], month: '2026-10', expected: [] },
  ])('$name', ({ hires, month, expected }) => {
    expect(planOnboarding({ hires, month: M(month), calendar, policy }).map(brief)).toEqual(expected);
  });

  test('leave on 10-14 pushes the hire of 10-12 to 10-19', () => {
    const sessions = planOnboarding({ hires: [hire('A', '2026-10-12')], month: M('2026-10'), calendar, policy, leave: leaveOf({ A: ['2026-10-14'] }) });
    expect(sessions.map((s) => s.date)).toEqual(['2026-10-12', '2026-10-13', '2026-10-15', '2026-10-16', '2026-10-19']);
    expect(sessions[0]).toEqual({
      session_id: '2026-10-12-onboarding-company_overview', date: '2026-10-12', start_time: '09:00', end_time: '17:00',
      kind: 'onboarding', topic: 'company_overview', topic_name: '公司概况', attendees: ['A'],
    });
  });
});

describe('internal courses', () => {
  test.each([
    // W = 18: floor(1×18/4) = 4 → 5th working day; floor(3×18/4) = 13 → 14th working day
    { name: 'October 2026, 18 working days, 2 sessions', month: '2026-10', n: 2, expected: ['2026-10-13', '2026-10-26'] },
    // W = 21: floor(21/4) = 5 → 6th; floor(63/4) = 15 → 16th
    { name: 'June 2026, 21 working days (not divisible by 2), 2 sessions', month: '2026-06', n: 2, expected: ['2026-06-08', '2026-06-23'] },
    // W = 21: floor(21/6) = 3, floor(63/6) = 10, floor(105/6) = 17 → 4th, 11th, 18th
    { name: 'June 2026, 3 sessions', month: '2026-06', n: 3, expected: ['2026-06-04', '2026-06-15', '2026-06-25'] },
    { name: 'no sessions', month: '2026-06', n: 0, expected: [] },
  ])('$name → $expected', ({ month, n, expected }) => {
    expect(internalDays(M(month), calendar, n)).toEqual(expected);
  });

  test.each([
    // (2026×12 + 9) × 2 = 48642 ≡ 2 (mod 4)
    { name: 'October 2026 by month index', month: '2026-10', previous: undefined, expected: ['service_communication_skills', 'system_operation'] },
    // (2026×12 + 10) × 2 = 48644 ≡ 0 (mod 4): differs from October
    { name: 'November 2026 by month index', month: '2026-11', previous: undefined, expected: ['company_culture', 'express_business'] },
    { name: 'after a month that ended with express_business', month: '2026-11', previous: ['company_culture', 'express_business'], expected: ['service_communication_skills', 'system_operation'] },
    { name: 'after a month that ended at the end of the catalogue: wraps', month: '2026-11', previous: ['system_operation'], expected: ['company_culture', 'express_business'] },
    { name: 'unknown previous topics are ignored', month: '2026-11', previous: ['retired_topic'], expected: ['company_culture', 'express_business'] },
  ])('$name → $expected', ({ month, previous, expected }) => {
    expect(internalTopics(M(month), policy, previous).map((t) => t.code)).toEqual(expected);
  });

  test('an operator on leave on 10-13 is left out of that session only', () => {
    const { sessions, unscheduled } = planInternal({ month: M('2026-10'), calendar, policy, operators: ['A', 'B', 'C'], leave: leaveOf({ B: ['2026-10-13'] }) });
    expect(unscheduled).toEqual([]);
    expect(sessions.map(brief)).toEqual(['2026-10-13 service_communication_skills [A,C]', '2026-10-26 system_operation [A,B,C]']);
    expect(sessions[0]?.session_id).toBe('2026-10-13-internal-service_communication_skills');
  });
});

describe('planTargeted', () => {
  test.each([
    { name: 'complaint_rate 59.99 assigns complaint handling', rows: [weak('A', { complaint_rate: { score: 59.99 } })], expected: ['2026-10-08 complaint_handling [A]'] },
    { name: 'a score of exactly 60 assigns nothing', rows: [weak('A', { complaint_rate: { score: 60 } })], expected: [] },
    { name: 'no data (null) assigns nothing', rows: [weak('A', { knowledge_test: { score: null } })], expected: [] },
    { name: 'an indicator without a course assigns nothing', rows: [weak('A', { calls_per_day: { score: 10 } })], expected: [] },
    {
      name: 'three operators share one refresher session',
      rows: [weak('C', { knowledge_test: { score: 40 } }), weak('A', { knowledge_test: { score: 10 } }), weak('B', { knowledge_test: { score: 59 } })],
      expected: ['2026-10-08 business_refresher [A,B,C]'],
    },
    { name: 'fail assigns one-to-one coaching', rows: [weak('A', {}, 'fail')], expected: ['2026-10-08 one_to_one_coaching [A]'] },
    { name: 'two fails: coaching one a day', rows: [weak('B', {}, 'fail'), weak('A', {}, 'fail')], expected: ['2026-10-08 one_to_one_coaching [A]', '2026-10-09 one_to_one_coaching [B]'] },
    {
      // satisfaction comes before complaint_rate in INDICATORS; one session a day per operator
      name: 'two weak indicators and a fail: three days',
      rows: [weak('A', { complaint_rate: { score: 30 }, satisfaction: { score: 20 } }, 'fail')],
      expected: ['2026-10-08 service_communication [A]', '2026-10-09 complaint_handling [A]', '2026-10-10 one_to_one_coaching [A]'],
    },
  ])('$name', ({ rows, expected }) => {
    expect(planTargeted({ appraisal: rows, month: M('2026-10'), calendar, policy }).sessions.map(brief)).toEqual(expected);
  });

  test('45 operators are split 20 + 20 + 5 over the first three working days', () => {
    const rows = ids(45).map((op) => weak(op, { complaint_rate: { score: 0 } }));
    const { sessions } = planTargeted({ appraisal: rows, month: M('2026-10'), calendar, policy });
    expect(sessions.map((s) => [s.session_id, s.attendees.length])).toEqual([
      ['2026-10-08-targeted-complaint_handling', 20],
      ['2026-10-09-targeted-complaint_handling', 20],
      ['2026-10-10-targeted-complaint_handling', 5],
    ]);
    expect(sessions[2]?.attendees).toEqual(['OP41', 'OP42', 'OP43', 'OP44', 'OP45']);
  });

  test('an operator on leave on 10-08 joins the next session; one on leave all month is unscheduled', () => {
    const octoberDays = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const rows = ['A', 'B', 'C'].map((op) => weak(op, { complaint_rate: { score: 10 } }));
    const plan = planTargeted({ appraisal: rows, month: M('2026-10'), calendar, policy, leave: leaveOf({ A: ['2026-10-08'], C: octoberDays }) });
    expect(plan.sessions.map(brief)).toEqual(['2026-10-08 complaint_handling [B]', '2026-10-09 complaint_handling [A]']);
    expect(plan.unscheduled).toEqual([{ operator_id: 'C', kind: 'targeted', topic: 'complaint_handling' }]);
  });
});

describe('buildTrainingPlan', () => {
  const plan = buildTrainingPlan({
    month: M('2026-10'), calendar, policy,
    hires: [hire('N1', '2026-09-30')],
    operators: ['A', 'B', 'N1'],
    appraisal: [weak('A', { complaint_rate: { score: 30 } }, 'fail'), weak('B', { knowledge_test: { score: 55 } })],
    leave: leaveOf({ B: ['2026-10-08', '2026-10-26'] }),
  });

  test('the month as a schedule', () => {
    expect(plan.sessions.map((s) => `${s.session_id} ${s.start_time}-${s.end_time} [${s.attendees.join(',')}]`)).toEqual([
      '2026-10-08-onboarding-company_overview 09:00-17:00 [N1]',
      '2026-10-08-targeted-complaint_handling 14:00-16:00 [A]',
      '2026-10-09-onboarding-business_knowledge 09:00-17:00 [N1]',
      '2026-10-09-targeted-business_refresher 14:00-16:00 [B]',
      '2026-10-09-coaching-one_to_one_coaching 16:00-17:00 [A]',
      '2026-10-10-onboarding-service_norms 09:00-17:00 [N1]',
      '2026-10-12-onboarding-system_operation 09:00-17:00 [N1]',
      '2026-10-13-internal-service_communication_skills 14:00-16:00 [A,B,N1]',
      '2026-10-26-internal-system_operation 14:00-16:00 [A,N1]',
    ]);
    expect(plan.unscheduled).toEqual([]);
  });

  test('a new hire in onboarding on an internal day is not also in the internal course', () => {
    const p = buildTrainingPlan({ month: M('2026-10'), calendar, policy, hires: [hire('N2', '2026-10-12')], operators: ['A', 'N2'], appraisal: [] });
    expect(p.sessions.filter((s) => s.kind === 'internal').map(brief)).toEqual(['2026-10-13 service_communication_skills [A]', '2026-10-26 system_operation [A,N2]']);
  });

  test('the same inputs give the same plan', () => {
    const again = buildTrainingPlan({
      month: M('2026-10'), calendar, policy, hires: [hire('N1', '2026-09-30')], operators: ['N1', 'B', 'A'],
      appraisal: [weak('B', { knowledge_test: { score: 55 } }), weak('A', { complaint_rate: { score: 30 } }, 'fail')],
      leave: leaveOf({ B: ['2026-10-26', '2026-10-08'] }),
    });
    expect(again).toEqual(plan);
  });
});

describe('complianceOf', () => {
  // Required from the plan above: N1 4 onboarding days (8 h each) + 2 internal (2 h); A 1 targeted,
  // 1 coaching (1 h), 2 internal; B 1 targeted, 1 internal.
  const plan = buildTrainingPlan({
    month: M('2026-10'), calendar, policy, hires: [hire('N1', '2026-09-30')], operators: ['A', 'B', 'N1'],
    appraisal: [weak('A', { complaint_rate: { score: 30 } }, 'fail'), weak('B', { knowledge_test: { score: 55 } })],
    leave: leaveOf({ B: ['2026-10-08', '2026-10-26'] }),
  });

  test('attended vs required, hand-worked', () => {
    const required = requiredTraining(plan.sessions);
    const attended = attendedTraining([
      ...[1, 2, 3, 4].map(() => ({ operator_id: 'N1', kind: 'onboarding' as const, hours: 8 })),
      { operator_id: 'N1', kind: 'internal', hours: 2 },
      { operator_id: 'A', kind: 'targeted', hours: 2 },
      { operator_id: 'A', kind: 'coaching', hours: 1 },
      { operator_id: 'A', kind: 'internal', hours: 2 },
      { operator_id: 'A', kind: 'internal', hours: 2 },
      { operator_id: 'B', kind: 'internal', hours: 2 },
    ]);
    expect(complianceOf(required, attended).map((r) => [r.operator_id, r.required_hours, r.attended_hours, r.behind])).toEqual([
      ['A', 7, 7, []],
      ['B', 4, 2, ['targeted']],
      ['N1', 36, 34, ['internal']],
    ]);
  });

  test('internal_minimum: on leave for both courses, none required, not behind (issue 17)', () => {
    const required = requiredTraining([], { operators: ['A'], internal_minimum: 2 });
    expect(complianceOf(required, new Map())).toEqual([
      { operator_id: 'A', required: { onboarding: 0, internal: 0, targeted: 0, coaching: 0 }, attended: { onboarding: 0, internal: 0, targeted: 0, coaching: 0 }, required_hours: 0, attended_hours: 0, behind: [] },
    ]);
  });
});

describe('promotionCandidates', () => {
  const months = (from: string, n: number): IsoMonth[] => Array.from({ length: n }, (_, i) => {
    const [y, m] = from.split('-').map(Number) as [number, number];
    const k = y * 12 + m - 1 + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}` as IsoMonth;
  });
  const excellentIn = (op: string, list: IsoMonth[]): GradeRecord[] => list.map((month) => ({ operator_id: op, month, grade: 'excellent' }));

  test.each([
    { name: '6 excellent in the window, tenure exactly 24', history: excellentIn('A', months('2025-12', 6)), hired: '2024-06-01', expected: ['A'] },
    { name: '5 excellent in the window', history: excellentIn('A', months('2026-01', 5)), hired: '2024-06-01', expected: [] },
    { name: 'hired a day later: tenure 23', history: excellentIn('A', months('2025-12', 6)), hired: '2024-06-02', expected: [] },
    // window 2025-06..2026-05: 2025-05 is the 13th month back
    { name: 'one of the six is 13 months back', history: excellentIn('A', [M('2025-05'), ...months('2026-01', 5)]), hired: '2020-01-01', expected: [] },
    { name: 'oldest month of the window counts', history: excellentIn('A', [M('2025-06'), ...months('2026-01', 5)]), hired: '2020-01-01', expected: ['A'] },
    { name: 'good months do not count', history: months('2025-06', 12).map((month) => ({ operator_id: 'A', month, grade: 'good' as const })), hired: '2020-01-01', expected: [] },
  ])('$name → $expected', ({ history, hired, expected }) => {
    const out = promotionCandidates({ history, operators: [{ operator_id: 'A', hire_date: hired as IsoDate }], as_of: M('2026-05'), policy: DEFAULT_CAREER_POLICY });
    expect(out.map((c) => c.operator_id)).toEqual(expected);
  });

  test('record lists the 12 months, oldest first, and candidates sort by excellent months', () => {
    const history = [...excellentIn('A', months('2025-12', 6)), ...excellentIn('B', months('2025-10', 8))];
    const out = promotionCandidates({
      history, as_of: M('2026-05'), policy: DEFAULT_CAREER_POLICY,
      operators: [{ operator_id: 'A', hire_date: '2020-03-15' as IsoDate }, { operator_id: 'B', hire_date: '2021-01-01' as IsoDate }],
    });
    expect(out.map((c) => [c.operator_id, c.excellent_months, c.tenure_months])).toEqual([['B', 8, 65], ['A', 6, 74]]);
    expect(out[1]?.record.map((r) => `${r.month}:${r.grade ?? '-'}`).join(' ')).toBe(
      '2025-06:- 2025-07:- 2025-08:- 2025-09:- 2025-10:- 2025-11:- 2025-12:excellent 2026-01:excellent 2026-02:excellent 2026-03:excellent 2026-04:excellent 2026-05:excellent',
    );
  });

  test.each([
    { name: 'hired on the 1st', hired: '2024-06-01', month: '2026-05', expected: 24 },
    { name: 'hired on the 2nd', hired: '2024-06-02', month: '2026-05', expected: 23 },
    { name: 'hired on the 31st', hired: '2024-05-31', month: '2026-05', expected: 24 },
    { name: 'hired after the month', hired: '2026-07-01', month: '2026-05', expected: 0 },
  ])('tenure: $name → $expected', ({ hired, month, expected }) => {
    expect(tenureMonths(hired as IsoDate, M(month))).toBe(expected);
  });
});

// Issue 17 item 4, on November 2026 (11-01 a Sunday, no holidays): working days 02–06, 09–13,
// 16–20, 23–27, 30 (21). Internal courses on working days floor(21/4) = 5 and floor(63/4) = 15
// (0-based): 11-09 and 11-23; the first may repeat on 11-10 … 11-20, the second on 11-24 … 11-30.
describe('issue 17: sessions only while employed and not on leave, internal courses split at max_attendees', () => {
  const span = (hire_date: string, termination_date: string | null = null) => ({ hire_date: hire_date as IsoDate, termination_date: termination_date as IsoDate | null });
  const staff = (ops: string[], extra: Record<string, ReturnType<typeof span>> = {}) => new Map([...ops.map((op) => [op, span('2020-01-01')] as const), ...Object.entries(extra)]);

  test('a hire of 11-16 is not in the 11-09 course; a leaver of 11-13 is not in the 11-23 course', () => {
    const p = buildTrainingPlan({
      month: M('2026-11'), calendar, policy, appraisal: [],
      hires: [hire('N1', '2026-11-16')], operators: ['A', 'L', 'N1'],
      employment: staff(['A'], { L: span('2019-05-01', '2026-11-13'), N1: span('2026-11-16') }),
    });
    expect(p.sessions.map(brief)).toEqual([
      '2026-11-09 company_culture [A,L]',
      '2026-11-16 company_overview [N1]', '2026-11-17 company_overview [N1]', '2026-11-18 business_knowledge [N1]', '2026-11-19 service_norms [N1]', '2026-11-20 system_operation [N1]',
      '2026-11-23 express_business [A,N1]',
    ]);
  });

  test('a hire who leaves on the third day of onboarding has three onboarding days', () => {
    const p = buildTrainingPlan({ month: M('2026-11'), calendar, policy, appraisal: [], hires: [hire('N1', '2026-11-02')], operators: ['N1'], employment: staff([], { N1: span('2026-11-02', '2026-11-04') }) });
    expect(p.sessions.filter((s) => s.kind === 'onboarding').map(brief)).toEqual(['2026-11-02 company_overview [N1]', '2026-11-03 company_overview [N1]', '2026-11-04 business_knowledge [N1]']);
  });

  test('targeted courses and coaching stop at the leaving day; someone who left last month gets none and is not unscheduled', () => {
    const p = buildTrainingPlan({
      month: M('2026-11'), calendar, policy, hires: [], operators: ['L', 'X'],
      appraisal: [weak('L', { satisfaction: { score: 20 }, complaint_rate: { score: 30 } }, 'fail'), weak('X', { complaint_rate: { score: 10 } }, 'fail')],
      employment: staff([], { L: span('2019-05-01', '2026-11-03'), X: span('2019-05-01', '2026-10-20') }),
    });
    expect(p.sessions.filter((s) => s.kind !== 'internal').map(brief)).toEqual(['2026-11-02 service_communication [L]', '2026-11-03 complaint_handling [L]']);
    expect(p.unscheduled).toEqual([{ operator_id: 'L', kind: 'coaching', topic: 'one_to_one_coaching' }]);
  });

  test('29 operators: 15 on 11-09 and 14 on 11-10, the next working day, same slot', () => {
    const ops = ids(29);
    const p = buildTrainingPlan({ month: M('2026-11'), calendar, policy, appraisal: [], hires: [], operators: ops, employment: staff(ops) });
    expect(p.sessions.map((s) => `${s.session_id} ${s.start_time}-${s.end_time} ${s.attendees.length}`)).toEqual([
      '2026-11-09-internal-company_culture 14:00-16:00 15',
      '2026-11-10-internal-company_culture 14:00-16:00 14',
      '2026-11-23-internal-express_business 14:00-16:00 15',
      '2026-11-24-internal-express_business 14:00-16:00 14',
    ]);
    expect(p.sessions[0]?.attendees).toEqual(ids(15));
    expect(p.unscheduled).toEqual([]);
  });

  test('45 operators, max_attendees 20: three groups of 15 on 11-09, 11-10, 11-11', () => {
    const ops = ids(45);
    const p = buildTrainingPlan({ month: M('2026-11'), calendar, policy, appraisal: [], hires: [], operators: ops, employment: staff(ops) });
    expect(p.sessions.filter((s) => s.topic === 'company_culture').map((s) => `${s.date} ${s.attendees.length}`)).toEqual(['2026-11-09 15', '2026-11-10 15', '2026-11-11 15']);
  });

  test('exactly max_attendees (20): one session, not split', () => {
    const ops = ids(20);
    const p = buildTrainingPlan({ month: M('2026-11'), calendar, policy, appraisal: [], hires: [], operators: ops, employment: staff(ops) });
    expect(p.sessions.map((s) => `${s.date} ${s.attendees.length}`)).toEqual(['2026-11-09 20', '2026-11-23 20']);
  });

  test('a split course: who can come on fewer of its days goes first; leave on 11-09 joins the repeat on 11-10', () => {
    // 22 operators; OP05 on leave on 11-09; OP13 leaves on 11-13; OP21 on leave 11-10..11-20.
    // 11-09: 21 free → 2 groups, 11 today: OP21 (no later free day), OP13 (4), then OP01.. by id.
    // 11-10: OP05 is back and joins the 10 still waiting: 11.
    const ops = ids(22);
    const p = buildTrainingPlan({
      month: M('2026-11'), calendar, policy, appraisal: [], hires: [], operators: ops,
      employment: staff(ops, { OP13: span('2019-05-01', '2026-11-13') }),
      leave: leaveOf({ OP05: ['2026-11-09'], OP21: ['10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `2026-11-${d}`) }),
    });
    expect(p.sessions.filter((s) => s.topic === 'company_culture').map(brief)).toEqual([
      '2026-11-09 company_culture [OP01,OP02,OP03,OP04,OP06,OP07,OP08,OP09,OP10,OP13,OP21]',
      '2026-11-10 company_culture [OP05,OP11,OP12,OP14,OP15,OP16,OP17,OP18,OP19,OP20,OP22]',
    ]);
    expect(p.unscheduled).toEqual([]);
  });

  test('more free only on the course day than one session seats: the rest are unscheduled', () => {
    // max_attendees 2, three operators on leave after 11-09 until the next course: one seat short.
    const after = ['10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `2026-11-${d}`);
    const p = buildTrainingPlan({
      month: M('2026-11'), calendar, policy: { ...policy, max_attendees: 2 }, appraisal: [], hires: [], operators: ['A', 'B', 'C'],
      leave: leaveOf({ A: after, B: after, C: after }),
    });
    expect(p.sessions.filter((s) => s.topic === 'company_culture').map(brief)).toEqual(['2026-11-09 company_culture [A,B]']);
    expect(p.unscheduled).toEqual([{ operator_id: 'C', kind: 'internal', topic: 'company_culture' }]);
  });

  test.each([
    { name: 'in both courses', sessions: 2, expected: 2 },
    { name: 'offered one (leave or hire date)', sessions: 1, expected: 1 },
    { name: 'offered none (on leave for both)', sessions: 0, expected: 0 },
  ])('compliance: internal required = min(2, offered): $name → $expected', ({ sessions, expected }) => {
    const offered = internalDays(M('2026-11'), calendar, 2).slice(0, sessions).map((date) => ({ ...{ session_id: `${date}-internal-x`, start_time: '14:00', end_time: '16:00', topic: 'x', topic_name: 'x' }, date, kind: 'internal' as const, attendees: ['A'] }));
    const required = requiredTraining(offered, { operators: ['A'], internal_minimum: 2 });
    expect(required.get('A')).toEqual({ counts: { onboarding: 0, internal: expected, targeted: 0, coaching: 0 }, hours: 2 * sessions });
  });
});

describe('monthProgress (issue 17 item 9: a plan for days already past)', () => {
  const on = (...dates: string[]) => dates.map((date) => ({ date: date as IsoDate }));
  test.each([
    { name: 'today before the month', today: '2026-10-31', expected: { state: 'ahead', past_sessions: 0, sessions: 3 } },
    { name: 'today the 1st: nothing past yet', today: '2026-11-01', expected: { state: 'ahead', past_sessions: 0, sessions: 3 } },
    { name: 'today the 10th: the 9th is past, the 10th is not', today: '2026-11-10', expected: { state: 'begun', past_sessions: 1, sessions: 3 } },
    { name: 'today the last day', today: '2026-11-30', expected: { state: 'begun', past_sessions: 3, sessions: 3 } },
    { name: 'today the next month', today: '2026-12-01', expected: { state: 'over', past_sessions: 3, sessions: 3 } },
    { name: 'a year later', today: '2027-11-15', expected: { state: 'over', past_sessions: 3, sessions: 3 } },
  ])('$name → $expected.state', ({ today, expected }) => {
    expect(monthProgress(M('2026-11'), today as IsoDate, on('2026-11-09', '2026-11-10', '2026-11-23'))).toEqual(expected);
  });
});
