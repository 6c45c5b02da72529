import { describe, expect, test } from 'vitest';
import { CALLS, KIND_SPECS, OPERATORS, ORDERS, normalizeHeader, storedColumns } from '../../src/domain/kinds.js';

describe('normalizeHeader', () => {
  test.each([
    { name: 'surrounding spaces and inner space', header: ' Call ID ', expected: 'callid' },
    { name: 'underscore', header: 'call_id', expected: 'callid' },
    { name: 'hyphen', header: 'Call-ID', expected: 'callid' },
    { name: 'dot and upper case', header: 'CALL.ID', expected: 'callid' },
    { name: 'full-width letters and underscore', header: 'ＣＡＬＬ＿ＩＤ', expected: 'callid' },
    { name: 'ideographic space U+3000', header: '来电\u3000时间', expected: '来电时间' },
    { name: 'zero-width space and joiner', header: '\u200b工号\u200d', expected: '工号' },
    { name: 'byte-order mark', header: '\ufeff工号', expected: '工号' },
    { name: 'tab, space and newline', header: '\t工 号\n', expected: '工号' },
    { name: 'full-width brackets', header: '重量（ＫＧ）', expected: '重量(kg)' },
  ])('$name → $expected', ({ header, expected }) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('storedColumns', () => {
  test('calls: local_day and local_hour follow started_at', () => {
    expect(storedColumns(CALLS)).toEqual([
      'call_id', 'started_at', 'local_day', 'local_hour', 'operator_id', 'direction', 'outcome',
      'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds', 'category', 'topic',
      'complaint_reason', 'customer_name', 'customer_phone', 'customer_address', 'tracking_no',
      'satisfaction', 'resolved', 'ivr_seconds',
    ]);
  });

  test('orders: local_day (no hour) follows created_at', () => {
    expect(storedColumns(ORDERS)).toEqual([
      'order_id', 'created_at', 'local_day', 'operator_id', 'tracking_no', 'call_id', 'sender_name',
      'sender_phone', 'sender_address', 'receiver_name', 'receiver_phone', 'receiver_address',
      'service', 'weight_kg', 'fee', 'status', 'corrected',
    ]);
  });

  test('operators: the fields only', () => {
    expect(storedColumns(OPERATORS)).toEqual([
      'operator_id', 'name', 'team', 'hire_date', 'work_start_date', 'termination_date', 'level',
      'base_salary', 'performance_base', 'monthly_wage',
    ]);
  });
});

describe('header aliases', () => {
  test.each(Object.values(KIND_SPECS).map((spec) => ({ name: spec.kind, spec, expected: 'no header shared by two fields' })))(
    '$name → $expected',
    ({ spec }) => {
      const owners = new Map<string, string[]>();
      for (const f of spec.fields) {
        for (const n of new Set([f.name, ...f.aliases].map(normalizeHeader))) owners.set(n, [...(owners.get(n) ?? []), f.name]);
      }
      expect([...owners].filter(([, fields]) => fields.length > 1)).toEqual([]);
    },
  );
});
