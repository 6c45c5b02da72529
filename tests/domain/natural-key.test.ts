// naturalKeyOf (src/domain/kinds.ts): a row's stored key, as the import and `appraise evaluate`
// both build it from the kind's derivedKey.
import { describe, expect, test } from 'vitest';
import { ATTENDANCE, CALLS, EVALUATIONS, LEAVE, naturalKeyOf, type KindSpec } from '../../src/domain/kinds.js';

describe('naturalKeyOf', () => {
  test.each<{ name: string; spec: KindSpec; values: Record<string, unknown>; expected: string }>([
    { name: 'an evaluation', spec: EVALUATIONS, values: { score: 80, metric: 'teamwork', evaluator: 'lead', month: '2026-11', operator_id: '3003' }, expected: '3003|2026-11|teamwork|lead' },
    { name: 'an evaluation without an evaluator', spec: EVALUATIONS, values: { operator_id: '3003', month: '2026-11', metric: 'knowledge_test', evaluator: null }, expected: '3003|2026-11|knowledge_test|' },
    { name: 'a half day of leave', spec: LEAVE, values: { operator_id: '1002', start_date: '2026-10-16', type: 'annual' }, expected: '1002|2026-10-16' },
    { name: 'attendance', spec: ATTENDANCE, values: { operator_id: '1002', session_id: 'S1' }, expected: 'S1|1002' },
    { name: 'a kind keyed by one field', spec: CALLS, values: { call_id: 'C-001', operator_id: '1001' }, expected: 'C-001' },
  ])('$name → $expected', ({ spec, values, expected }) => {
    expect(naturalKeyOf(spec, values)).toBe(expected);
  });
});
