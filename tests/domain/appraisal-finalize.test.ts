// Whether a month can be finalized (src/domain/appraisal-finalize.ts, issue 17 item 7): over in
// the policy zone, with calls, and which supervisor or test scores are still missing.
import { describe, expect, test } from 'vitest';
import { checkFinalize, describeMissing, type FinalizeCandidate } from '../../src/domain/appraisal-finalize.js';
import { DEFAULT_APPRAISAL_POLICY, appraisalSchema } from '../../src/domain/appraisal-policy.js';
import type { IsoDate, IsoMonth } from '../../src/domain/dates.js';

const op = (id: string, days: number, knowledge: number, teamwork: number, team: string | null = 'A组'): FinalizeCandidate => ({ operator_id: id, name: `坐席${id}`, team, days_worked: days, knowledge_count: knowledge, teamwork_count: teamwork });
const check = (today: string, extra: Partial<Parameters<typeof checkFinalize>[0]> = {}) =>
  checkFinalize({ month: '2026-11' as IsoMonth, today: today as IsoDate, zone: 'Asia/Shanghai', has_calls: true, operators: [], policy: DEFAULT_APPRAISAL_POLICY, ...extra });

describe('checkFinalize', () => {
  test.each([
    { name: 'the last day of the month', today: '2026-11-30', expected: false },
    { name: 'the first day after', today: '2026-12-01', expected: true },
    { name: 'a day in the month', today: '2026-11-16', expected: false },
    { name: 'a month before', today: '2026-10-31', expected: false },
    { name: 'a year later', today: '2027-11-01', expected: true },
  ])('$name ($today) → over: $expected', ({ today, expected }) => {
    expect(check(today).ok).toBe(expected);
  });

  test('not over: the message names the zone, today and the first day it can be finalized', () => {
    expect(checkFinalize({ month: '2026-12' as IsoMonth, today: '2026-12-06' as IsoDate, zone: 'Asia/Shanghai', has_calls: true, operators: [], policy: DEFAULT_APPRAISAL_POLICY })).toEqual({
      ok: false, reason: 'not_over', message: '2026-12 is not over in Asia/Shanghai (today is 2026-12-06): it can be finalized from 2027-01-01', hint: 'to look at it before then: hotline appraise run --month 2026-12',
    });
  });

  test('no calls: refused', () => {
    expect(check('2026-12-01', { has_calls: false })).toMatchObject({ ok: false, reason: 'no_calls', message: '2026-11 has no calls: there is nothing to appraise' });
  });

  test('missing scores per operator; nobody who worked no day is listed', () => {
    const operators = [op('1', 20, 1, 1), op('2', 6, 0, 0, 'B组'), op('3', 20, 2, 0, null), op('4', 0, 0, 0), op('5', 0.5, 0, 1)];
    const result = check('2026-12-01', { operators });
    expect(result).toEqual({
      ok: true,
      missing: [
        { operator_id: '2', name: '坐席2', team: 'B组', indicators: ['knowledge_test', 'teamwork'] },
        { operator_id: '3', name: '坐席3', team: null, indicators: ['teamwork'] },
        { operator_id: '5', name: '坐席5', team: 'A组', indicators: ['knowledge_test'] },
      ],
    });
    expect(result.ok && result.missing.map(describeMissing)).toEqual(['2 坐席2 (B组): knowledge_test, teamwork', '3 坐席3: teamwork', '5 坐席5 (A组): knowledge_test']);
  });

  test('a policy that switches teamwork off does not ask for it', () => {
    const policy = appraisalSchema.parse({ groups: { teamwork: { weight: 0 }, knowledge: { weight: 30 } } });
    expect(check('2026-12-01', { policy, operators: [op('2', 6, 0, 0)] })).toEqual({ ok: true, missing: [{ operator_id: '2', name: '坐席2', team: 'A组', indicators: ['knowledge_test'] }] });
  });
});
