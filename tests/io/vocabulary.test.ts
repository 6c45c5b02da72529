// The column vocabulary (src/io/render/vocabulary/columns.ts): every report's columns by key,
// their headers in English and Chinese, types, value vocabularies and customer-data marks.
import { describe, expect, test } from 'vitest';
import { GROUPS } from '../../src/domain/appraisal-policy.js';
import { KIND_SPECS, LEAVE_TYPES } from '../../src/domain/kinds.js';
import { TRAINING_KINDS } from '../../src/domain/training-policy.js';
import { column, columns, WIDE, type ColumnKey } from '../../src/io/render/vocabulary/columns.js';
import { valueLabel } from '../../src/io/render/vocabulary/values.js';

describe('a column by its key', () => {
  test.each([
    { key: 'operator_id' as const, expected: { key: 'operator_id', en: 'operator_id', zh: '工号' } },
    { key: 'score' as const, expected: { key: 'score', en: 'score', zh: '总分', type: 'number' } },
    { key: 'grade' as const, expected: { key: 'grade', en: 'grade', zh: '等级', values: 'grade' } },
    { key: 'os_user' as const, expected: { key: 'os_user', en: 'user', zh: '用户' } },
    { key: 'customer_phone' as const, expected: { key: 'customer_phone', en: 'customer_phone', zh: '客户电话', pii: 'phone' } },
    { key: 'receiver_address' as const, expected: { key: 'receiver_address', en: 'receiver_address', zh: '收件地址', pii: 'address' } },
    { key: 'resolved' as const, expected: { key: 'resolved', en: 'resolved', zh: '是否解决', type: 'yesno' } },
  ])('$key', ({ key, expected }) => {
    expect(column(key)).toEqual(expected);
  });

  test("a report's own label and width win over the vocabulary's, the rest stays", () => {
    expect(column('operator_id', { zh: '录入工号', wide: true })).toEqual({ key: 'operator_id', en: 'operator_id', zh: '录入工号', wide: true });
    expect(column('status', { values: 'ticket_status' })).toEqual({ key: 'status', en: 'status', zh: '状态', values: 'ticket_status' });
  });

  test('columns: keys, and keys with what the report says of its own, in order', () => {
    expect(columns('operator_id', ['team', WIDE], ['score', { zh: '考核得分' }])).toEqual([
      { key: 'operator_id', en: 'operator_id', zh: '工号' },
      { key: 'team', en: 'team', zh: '班组', wide: true },
      { key: 'score', en: 'score', zh: '考核得分', type: 'number' },
    ]);
  });
});

describe('customer data is marked where the import marks it', () => {
  const fields = Object.values(KIND_SPECS).flatMap((s) => s.fields.filter((f) => f.pii).map((f) => ({ name: f.name, pii: f.pii })));
  test('there are customer fields to check', () => {
    expect(fields.map((f) => f.name)).toEqual(['customer_name', 'customer_phone', 'customer_address', 'sender_name', 'sender_phone', 'sender_address', 'receiver_name', 'receiver_phone', 'receiver_address']);
  });
  test.each(fields)('$name: $pii', ({ name, pii }) => {
    expect(column(name as ColumnKey).pii).toBe(pii);
  });
  test.each(['operator_id', 'name', 'tracking_no', 'call_id', 'key'] as const)('%s is not customer data', (key) => {
    expect(column(key).pii).toBeUndefined();
  });
});

describe('columns headed by a value label are headed as --lang zh shows the value', () => {
  test.each(GROUPS.map((g) => ({ key: g })))('the group score $key', ({ key }) => {
    expect(column(key)).toEqual({ key, en: key, zh: valueLabel(key, 'appraisal_group', 'zh'), type: 'number' });
  });
  test.each(Object.keys(LEAVE_TYPES).map((t) => ({ key: t as keyof typeof LEAVE_TYPES })))('the leave type $key', ({ key }) => {
    expect(column(key)).toEqual({ key, en: key, zh: valueLabel(key, 'leave_type', 'zh'), type: 'number' });
  });
  test('sessions required and attended per kind of training', () => {
    expect(TRAINING_KINDS.flatMap((k) => [column(`${k}_required`).zh, column(`${k}_attended`).zh])).toEqual([
      '入职培训应参加', '入职培训已参加', '内部培训应参加', '内部培训已参加', '专项培训应参加', '专项培训已参加', '一对一辅导应参加', '一对一辅导已参加',
    ]);
  });
});
