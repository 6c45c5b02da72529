import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCalendar, countWorkingDays, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { CALLS, EVALUATIONS, LEAVE, OPERATORS, ORDERS, TICKETS, TRAININGS } from '../../src/domain/kinds.js';
import { ROOT } from '../helpers/cli.js';
import { InputError } from '../../src/errors.js';
import { buildRowPlan, type RowIssue, type RowPlan } from '../../src/io/row-plan.js';

const SHANGHAI = { file: 'calls.csv', zone: 'Asia/Shanghai' };

/** Converts one record and returns the stored row as { column: value }; fails on an issue. */
function stored(plan: RowPlan, record: string[], line = 2): Record<string, unknown> {
  const out = plan.convert(record, line);
  if ('issue' in out) throw new Error(`unexpected issue: ${JSON.stringify(out.issue)}`);
  return Object.fromEntries(plan.columns.map((c, i) => [c, out.values[i]]));
}

/** Converts one record and returns its issue; fails when the record converts. */
function issueOf(plan: RowPlan, record: string[], line = 2): RowIssue {
  const out = plan.convert(record, line);
  if ('values' in out) throw new Error(`expected an issue, got ${JSON.stringify(out.values)}`);
  return out.issue;
}

/** The InputError thrown by `build`, as plain data. */
function inputError(build: () => unknown): { message: string; hint?: string; details: string[]; exitCode: number } {
  try {
    build();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { message: e.message, hint: e.hint, details: e.details, exitCode: e.exitCode };
  }
  throw new Error('expected an InputError');
}

const MINIMAL = ['call_id', 'started_at', 'outcome'];

describe('headers in English or Chinese', () => {
  const english = {
    call_id: 'C001', started_at: '2026-11-03 09:05:00', operator_id: '1001', direction: 'inbound', outcome: 'answered',
    wait_seconds: '12', talk_seconds: '0:03:05', hold_seconds: '0', acw_seconds: '30', category: 'complaint',
    topic: '快件延误', complaint_reason: 'delay', customer_name: '张三', customer_phone: '138-1234-5678',
    customer_address: '广东省深圳市南山区科技园路1号', tracking_no: 'SF1234567890123', satisfaction: '4', resolved: 'yes', ivr_seconds: '8',
  };
  // Reversed order, Chinese aliases and Chinese spellings of the same values.
  const chinese = {
    IVR时长: '0:00:08', 是否解决: '是', 满意度: '4', 运单号: 'SF1234567890123', 客户地址: '广东省深圳市南山区科技园路1号',
    来电号码: '+86 138 1234 5678', 客户姓名: '张三', 投诉原因: '延误', 咨询类型: '快件延误', 业务类型: '投诉',
    话后处理时长: '30', 保持时长: '0:00:00', 通话时长: '185', 等待时长: '0:00:12', 呼叫结果: '已接听', 呼叫方向: '呼入',
    坐席工号: '1001', 来电时间: '2026/11/3 9:05', 流水号: 'C001',
  };
  const expected = {
    call_id: 'C001', started_at: 1793667900, local_day: '2026-11-03', local_hour: 9, operator_id: '1001',
    direction: 'inbound', outcome: 'answered', wait_seconds: 12, talk_seconds: 185, hold_seconds: 0, acw_seconds: 30,
    category: 'complaint', topic: '快件延误', complaint_reason: 'delay', customer_name: '张三',
    customer_phone: '13812345678', customer_address: '广东省深圳市南山区科技园路1号', tracking_no: 'SF1234567890123',
    satisfaction: 4, resolved: 1, ivr_seconds: 8,
  };

  test.each([
    { name: 'English headers in canonical order', columns: english },
    { name: 'Chinese headers in reverse order', columns: chinese },
  ])('$name → the same stored row', ({ columns }) => {
    const plan = buildRowPlan(CALLS, Object.keys(columns), SHANGHAI);
    expect(plan.ignored).toEqual([]);
    expect(stored(plan, Object.values(columns))).toEqual(expected);
  });

  test('headers with case, spaces and full-width letters still match', () => {
    const plan = buildRowPlan(CALLS, [' Call ID ', 'STARTED-AT', 'Ｏｕｔｃｏｍｅ', '来电\u3000号码'], SHANGHAI);
    expect([...plan.fieldIndex]).toEqual([['call_id', 0], ['started_at', 1], ['outcome', 2], ['customer_phone', 3]]);
  });
});

describe('present columns', () => {
  test('only the columns a file provides (with the local day and hour of its date-time)', () => {
    expect(buildRowPlan(CALLS, ['outcome', '来电时间', 'call_id'], SHANGHAI).present).toEqual(['call_id', 'started_at', 'local_day', 'local_hour', 'outcome']);
  });
});

describe('header problems', () => {
  test('an extra unknown column is listed as ignored', () => {
    const plan = buildRowPlan(CALLS, [...MINIMAL, '备注'], SHANGHAI);
    expect(plan.ignored).toEqual(['备注']);
    expect(stored(plan, ['C1', '2026-11-03 09:05', 'answered', 'call back later']).call_id).toBe('C1');
  });

  test('__proto__, constructor and toString are ignored columns and Object.prototype is untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const plan = buildRowPlan(CALLS, [...MINIMAL, '__proto__', 'constructor', 'toString'], SHANGHAI);
    const row = stored(plan, ['C1', '2026-11-03 09:05', 'answered', '{"polluted":1}', 'x', 'y']);
    expect(plan.ignored).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(row)).toHaveLength(21);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a duplicate header is refused', () => {
    expect(inputError(() => buildRowPlan(CALLS, ['call_id', '客户电话', 'outcome', 'started_at', '客户电话'], SHANGHAI))).toEqual({
      message: 'calls.csv: line 1: duplicate column "客户电话" (columns 2 and 5)',
      hint: 'rename or remove one of them; hotline never guesses which one holds the data',
      details: [],
      exitCode: 3,
    });
  });

  test('a duplicate unknown header (电话) is refused too', () => {
    expect(inputError(() => buildRowPlan(CALLS, [...MINIMAL, '电话', '电话'], SHANGHAI)).message).toBe(
      'calls.csv: line 1: duplicate column "电话" (columns 4 and 5)',
    );
  });

  test('a duplicated __proto__ header is refused as a duplicate', () => {
    expect(inputError(() => buildRowPlan(CALLS, [...MINIMAL, '__proto__', '__proto__'], SHANGHAI)).message).toBe(
      'calls.csv: line 1: duplicate column "__proto__" (columns 4 and 5)',
    );
  });

  test('two spellings of one header after normalisation are duplicates', () => {
    expect(inputError(() => buildRowPlan(CALLS, [...MINIMAL, 'Call ID'], SHANGHAI)).message).toBe(
      'calls.csv: line 1: duplicate column "Call ID" (columns 1 and 4)',
    );
  });

  test('two aliases of one field (工号 and 坐席工号) are refused', () => {
    expect(inputError(() => buildRowPlan(CALLS, ['call_id', '工号', 'outcome', 'started_at', '坐席工号'], SHANGHAI))).toEqual({
      message: 'calls.csv: line 1: columns "工号" and "坐席工号" both mean operator_id',
      hint: 'remove one of them',
      details: [],
      exitCode: 3,
    });
  });

  test('missing required columns are named with their accepted headers', () => {
    expect(inputError(() => buildRowPlan(CALLS, ['call_id', 'operator_id'], SHANGHAI))).toEqual({
      message: 'calls.csv: line 1: missing required columns: started_at, outcome',
      hint: 'the calls file must have these columns; see docs/formats.md',
      details: [
        '  started_at: accepted headers started_at / 来电时间 / 开始时间 / 呼叫时间 / start_time / start',
        '  outcome: accepted headers outcome / 呼叫结果 / 接听状态 / 通话结果 / status / result',
      ],
      exitCode: 3,
    });
  });

  test('one missing column is singular', () => {
    expect(inputError(() => buildRowPlan(CALLS, ['通话编号', '来电时间'], SHANGHAI)).message).toBe(
      'calls.csv: line 1: missing required column: outcome',
    );
  });

  test('a one-column header containing ";" hints at --delimiter', () => {
    const e = inputError(() => buildRowPlan(CALLS, ['call_id;started_at;outcome'], SHANGHAI));
    expect(e.message).toBe('calls.csv: line 1: missing required columns: call_id, started_at, outcome');
    expect(e.hint).toBe('the header is one column: the file may use another delimiter; try --delimiter ";" or --delimiter tab');
  });

  test('no known column at all hints at a headerless export', () => {
    expect(inputError(() => buildRowPlan(CALLS, ['1580000000.1', '2020/2/10 22:41'], SHANGHAI)).hint).toBe(
      'no known column in the first line: is this a headerless phone-system export? try --profile asterisk-cdr, asterisk-queue-log or freeswitch-cdr (docs/profiles.md)',
    );
  });
});

describe('record shape', () => {
  const plan = buildRowPlan(CALLS, [...MINIMAL, 'operator_id'], SHANGHAI);

  test('too many fields → an issue naming both counts', () => {
    expect(issueOf(plan, ['C1', '2026-11-03 09:05', 'answered', '1001', 'extra'], 7)).toEqual({
      line: 7, column: '', value: '', reason: '5 fields, more than the 4 columns of the header',
      hint: 'an unquoted delimiter inside a value? quote the value',
    });
  });

  test('too few fields → an issue naming both counts, never filled with blanks', () => {
    expect(issueOf(plan, ['C1', '2026-11-03 09:05'], 8)).toEqual({
      line: 8, column: '', value: '', reason: '2 fields, fewer than the 4 columns of the header', hint: undefined,
    });
  });

  test('an empty required value → an issue naming the header as written', () => {
    const chinese = buildRowPlan(CALLS, ['流水号', '来电时间', '呼叫结果'], SHANGHAI);
    expect(issueOf(chinese, ['  ', '2026-11-03 09:05', '接通'], 3)).toEqual({ line: 3, column: '流水号', value: '', reason: 'call_id is required' });
  });

  test('a value with U+FFFD → an issue', () => {
    expect(issueOf(plan, ['C1', '2026-11-03 09:05', 'answered', '10\ufffd1'], 4)).toEqual({
      line: 4, column: 'operator_id', value: '10\ufffd1', reason: 'contains U+FFFD (a character lost in an earlier conversion)',
      hint: 'export the file again from the source system',
    });
  });

  test('a bad value → an issue with the parser reason and hint', () => {
    expect(issueOf(plan, ['C1', '45963', 'answered', '1001'], 5)).toEqual({
      line: 5, column: 'started_at', value: '45963', reason: '"45963" is an Excel date serial number, not a date',
      hint: 'format the column as yyyy-mm-dd hh:mm:ss in Excel and export again',
    });
  });

  test('values are trimmed before parsing', () => {
    expect(stored(plan, [' C1 ', ' 2026-11-03 09:05 ', '\u3000answered ', ' 1001'])).toMatchObject({ call_id: 'C1', outcome: 'answered', operator_id: '1001' });
  });

  test.each([
    { name: 'no-break space U+00A0', space: '\u00a0' },
    { name: 'narrow no-break space U+202F', space: '\u202f' },
    { name: 'em space U+2003', space: '\u2003' },
    { name: 'thin and hair spaces U+2009 U+200A', space: '\u2009\u200a' },
    { name: 'Ogham space mark U+1680', space: '\u1680' },
    { name: 'medium mathematical space U+205F with ASCII spaces', space: ' \u205f ' },
  ])('Unicode whitespace ($name) around values is trimmed: 1001 stays one operator', ({ space }) => {
    expect(stored(plan, [`C1${space}`, `${space}2026-11-03 09:05`, `answered${space}`, `${space}1001${space}`])).toMatchObject({ call_id: 'C1', outcome: 'answered', operator_id: '1001' });
  });

  test('a zero-width space after an id is not whitespace: the row is bad, naming the character', () => {
    expect(issueOf(plan, ['C1\u200b', '2026-11-03 09:05', 'answered', '1001'])).toEqual({
      line: 2, column: 'call_id', value: 'C1\u200b', reason: 'identifier contains an invisible format character U+200B (zero-width space)',
      hint: 'retype the value: it holds a character that cannot be seen',
    });
  });

  test('tabs and line breaks at the edges are kept (a formula payload such as "\\t=1" is stored as written)', () => {
    const text = buildRowPlan(CALLS, [...MINIMAL, 'topic'], SHANGHAI);
    expect(stored(text, ['C1', '2026-11-03 09:05', 'answered', '\t=1\u00a0']).topic).toBe('\t=1');
  });
});

describe('enums and defaults', () => {
  const plan = buildRowPlan(CALLS, [...MINIMAL, 'direction'], SHANGHAI);

  test.each([
    { name: '已接听', text: '已接听', expected: 'answered' },
    { name: '接通', text: '接通', expected: 'answered' },
    { name: 'ANSWERED upper case', text: 'ANSWERED', expected: 'answered' },
    { name: '放弃', text: '放弃', expected: 'abandoned' },
    { name: '呼损', text: '呼损', expected: 'abandoned' },
    { name: '未接听', text: '未接听', expected: 'abandoned' },
    { name: 'missed', text: 'missed', expected: 'abandoned' },
    { name: 'busy', text: 'busy', expected: 'abandoned' },
    { name: 'No  Answer (case, double space)', text: 'No  Answer', expected: 'abandoned' },
  ])('outcome $name → $expected', ({ text, expected }) => {
    expect(stored(plan, ['C1', '2026-11-03 09:05', text, '']).outcome).toBe(expected);
  });

  test('an unknown outcome → an issue listing the allowed values', () => {
    expect(issueOf(plan, ['C1', '2026-11-03 09:05', 'voicemail', ''])).toMatchObject({ column: 'outcome', reason: '"voicemail" is not one of answered, abandoned' });
  });

  test.each([
    { name: 'empty cell', record: ['C1', '2026-11-03 09:05', 'answered', ''], expected: 'inbound' },
    { name: '呼出', record: ['C1', '2026-11-03 09:05', 'answered', '呼出'], expected: 'outbound' },
    { name: 'outgoing', record: ['C1', '2026-11-03 09:05', 'answered', 'outgoing'], expected: 'outbound' },
  ])('direction $name → $expected', ({ record, expected }) => {
    expect(stored(plan, record).direction).toBe(expected);
  });

  test('direction column absent → inbound', () => {
    const minimal = buildRowPlan(CALLS, MINIMAL, SHANGHAI);
    expect(stored(minimal, ['C1', '2026-11-03 09:05', 'answered']).direction).toBe('inbound');
  });

  test.each([
    { name: 'a known code in Chinese', text: '丢件', expected: 'loss' },
    { name: 'a known code in upper case', text: 'DELAY', expected: 'delay' },
    { name: 'free text', text: '快递员未打电话', expected: '快递员未打电话' },
  ])('complaint_reason $name → $expected', ({ text, expected }) => {
    const withReason = buildRowPlan(CALLS, [...MINIMAL, '投诉原因'], SHANGHAI);
    expect(stored(withReason, ['C1', '2026-11-03 09:05', 'answered', text]).complaint_reason).toBe(expected);
  });
});

describe('time zones', () => {
  test.each([
    { name: 'UTC source 17:00 is 01:00 next day in Shanghai', text: '2026-10-01 17:00:00', sourceZone: 'UTC', started: 1790874000, day: '2026-10-02', hour: 1 },
    { name: 'source zone defaults to the policy zone', text: '2026-10-01 17:00:00', sourceZone: undefined, started: 1790845200, day: '2026-10-01', hour: 17 },
    { name: 'an offset wins over the source zone', text: '2026-10-01T17:00:00+08:00', sourceZone: 'UTC', started: 1790845200, day: '2026-10-01', hour: 17 },
    { name: 'Shanghai 23:59:59 stays on its day', text: '2026-10-01 23:59:59', sourceZone: undefined, started: 1790870399, day: '2026-10-01', hour: 23 },
  ])('$name → $day hour $hour', ({ text, sourceZone, started, day, hour }) => {
    const plan = buildRowPlan(CALLS, MINIMAL, { ...SHANGHAI, sourceZone });
    expect(stored(plan, ['C1', text, 'answered'])).toMatchObject({ started_at: started, local_day: day, local_hour: hour });
  });
});

describe('operators row checks', () => {
  const plan = buildRowPlan(OPERATORS, ['工号', '姓名', '入职日期', '离职日期', '参加工作日期'], { file: 'operators.csv', zone: 'Asia/Shanghai' });

  test('a termination date before the hire date → an issue on 离职日期', () => {
    expect(issueOf(plan, ['1001', '张三', '2024-03-01', '2024-02-01', ''], 6)).toEqual({
      line: 6, column: '离职日期', value: '2024-02-01', reason: 'leaving date 2024-02-01 is before the hire date 2024-03-01',
    });
  });

  test('a first job after the hire date → an issue on 参加工作日期', () => {
    expect(issueOf(plan, ['1001', '张三', '2024-03-01', '', '2024/5/1'], 6)).toEqual({
      line: 6, column: '参加工作日期', value: '2024/5/1', reason: 'first job 2024-05-01 is after the hire date 2024-03-01',
    });
  });

  test('leaving on the hire date is accepted', () => {
    expect(stored(plan, ['1001', '张三', '2024-03-01', '2024/3/1', '2019-07-01'])).toEqual({
      operator_id: '1001', name: '张三', team: null, hire_date: '2024-03-01', work_start_date: '2019-07-01',
      termination_date: '2024-03-01', level: null, base_salary: null, performance_base: null, monthly_wage: null,
    });
  });

  test('an empty 参加工作日期 defaults to the hire date (PRODUCT.md §3.1)', () => {
    expect(stored(plan, ['1001', '张三', '2024-03-01', '', ''])).toMatchObject({ hire_date: '2024-03-01', work_start_date: '2024-03-01' });
  });

  test('monthly_wage defaults to base_salary when its column is absent', () => {
    const wages = buildRowPlan(OPERATORS, ['工号', '姓名', '入职日期', '基本工资'], { file: 'operators.csv', zone: 'Asia/Shanghai' });
    expect(stored(wages, ['1001', '张三', '2024-03-01', '5000.50'])).toMatchObject({ base_salary: 5000.5, monthly_wage: 5000.5 });
  });

  test('the check of one row does not leak into the next', () => {
    expect(issueOf(plan, ['1001', '张三', '2024-03-01', '2024-02-01', ''])).toMatchObject({ column: '离职日期' });
    expect(stored(plan, ['1002', '李四', '2024-03-01', '', '']).termination_date).toBeNull();
  });
});

describe('calls row checks: an abandoned call has no talk and no rating (issue 18.7)', () => {
  const plan = buildRowPlan(CALLS, [...MINIMAL, 'talk_seconds', 'satisfaction'], SHANGHAI);

  test('abandoned with talk time → an issue on talk_seconds', () => {
    expect(issueOf(plan, ['C1', '2026-11-03 09:05', '放弃', '0:00:30', ''], 7)).toEqual({
      line: 7, column: 'talk_seconds', value: '0:00:30', reason: 'an abandoned call cannot have talk time',
      hint: 'if the call was answered its outcome is wrong, else its talk time is',
    });
  });

  test('abandoned with a satisfaction score → an issue on satisfaction', () => {
    expect(issueOf(plan, ['C1', '2026-11-03 09:05', 'abandoned', '', '5'], 8)).toEqual({
      line: 8, column: 'satisfaction', value: '5', reason: 'an abandoned call cannot have a satisfaction score',
      hint: 'a rating belongs to an answered call: the outcome or the score is wrong',
    });
  });

  test.each([
    { name: 'abandoned with talk 0 and no rating', record: ['C1', '2026-11-03 09:05', 'abandoned', '0', ''] },
    { name: 'answered with talk and a rating', record: ['C1', '2026-11-03 09:05', 'answered', '75', '5'] },
  ])('$name → stored', ({ record }) => {
    expect(stored(plan, record)).toMatchObject({ call_id: 'C1' });
  });
});

describe('leave row checks (issue 18.8)', () => {
  const files = ['cn-2026.json'].map((n) => JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', n), 'utf8')) as CalendarFile);
  const calendar = buildCalendar(files);
  const workingDays = (from: string, to: string): number => countWorkingDays(calendar, from as IsoDate, to as IsoDate);
  const plan = buildRowPlan(LEAVE, ['工号', '类型', '开始日期', '结束日期', '天数'], { file: 'leave.csv', zone: 'Asia/Shanghai', workingDays });

  test.each([
    { name: '3 days in a 2-day period', record: ['1001', '年假', '2026-11-02', '2026-11-03', '3'], column: '天数', value: '3', reason: '3 days do not fit in 2026-11-02 – 2026-11-03 (2 calendar days)' },
    { name: '1.5 days on one day', record: ['1001', '年假', '2026-11-02', '2026-11-02', '1.5'], column: '天数', value: '1.5', reason: '1.5 days do not fit in 2026-11-02 – 2026-11-02 (1 calendar day)' },
    { name: 'a half day on a Saturday', record: ['1001', '事假', '2026-10-17', '2026-10-17', '0.5'], column: '天数', value: '0.5', reason: 'a half day needs a working day, and 2026-10-17 – 2026-10-17 has none' },
    { name: 'a half day in the National Day holiday', record: ['1001', '年假', '2026-10-03', '2026-10-04', '1.5'], column: '天数', value: '1.5', reason: 'a half day needs a working day, and 2026-10-03 – 2026-10-04 has none' },
  ])('$name → an issue on days', ({ record, column, value, reason }) => {
    expect(issueOf(plan, record, 3)).toEqual({ line: 3, column, value, reason });
  });

  test('a period of 1100 years → an issue on end_date with the bound', () => {
    expect(issueOf(plan, ['1001', '病假', '1900-01-01', '2999-12-31', ''], 4)).toEqual({
      line: 4, column: '结束日期', value: '2999-12-31', reason: 'the leave runs 401767 days (1900-01-01 – 2999-12-31); one record covers at most 731 days (two years)',
      hint: 'split a longer absence into records of at most two years',
    });
  });

  test.each([
    { name: 'a half day on the swapped working Saturday 2026-10-10', record: ['1001', '事假', '2026-10-10', '2026-10-10', '0.5'] },
    { name: 'two calendar days of sick leave over a weekend', record: ['1001', '病假', '2026-10-17', '2026-10-18', '2'] },
    { name: 'exactly two years', record: ['1001', '病假', '2026-01-01', '2028-01-01', ''] },
    { name: 'one day', record: ['1001', '年假', '2026-11-02', '2026-11-02', '1'] },
  ])('$name → stored', ({ record }) => {
    expect(stored(plan, record)).toMatchObject({ operator_id: '1001' });
  });
});

describe('tickets row checks (issue 18.8)', () => {
  const plan = buildRowPlan(TICKETS, ['ticket_id', 'kind', 'opened_at', 'operator_id', 'promised_at'], { file: 'tickets.csv', zone: 'Asia/Shanghai' });

  test('promised before it was opened → an issue on promised_at', () => {
    expect(issueOf(plan, ['T1', 'complaint', '2026-11-03 09:05', '1001', '2026-11-02 18:00'], 5)).toEqual({
      line: 5, column: 'promised_at', value: '2026-11-02 18:00', reason: 'promised before it was opened',
    });
  });

  test('promised when it was opened → stored', () => {
    expect(stored(plan, ['T1', 'complaint', '2026-11-03 09:05', '1001', '2026-11-03 09:05'])).toMatchObject({ ticket_id: 'T1' });
  });
});

describe('headers with a unit (issue 17.6)', () => {
  test.each([
    { name: '等待时长(秒) and 通话时长(秒)', headers: ['等待时长(秒)', '通话时长(秒)'], cells: ['12', '185'], wait: 12, talk: 185 },
    { name: 'full-width parentheses: 等待时长（秒）, 通话时长（分钟）', headers: ['等待时长（秒）', '通话时长（分钟）'], cells: ['12', '2.5'], wait: 12, talk: 150 },
    { name: 'wait (s), talk (min)', headers: ['wait (s)', 'talk (min)'], cells: ['0:00:12', '3'], wait: 12, talk: 180 },
    { name: 'minutes rounded to the second: 1.33 min', headers: ['wait (sec)', 'talk (minutes)'], cells: ['12', '1.33'], wait: 12, talk: 80 },
    { name: 'H:MM:SS in a minutes column is still a time', headers: ['wait_seconds (秒)', '通话时长(分)'], cells: ['12', '0:01:15'], wait: 12, talk: 75 },
    { name: 'hours', headers: ['排队时长(s)', 'talk (h)'], cells: ['12', '0.5'], wait: 12, talk: 1800 },
    { name: 'full-width digits in a minutes column', headers: ['wait (s)', 'talk (min)'], cells: ['12', '２.５'], wait: 12, talk: 150 },
  ])('$name → wait $wait s, talk $talk s', ({ headers, cells, wait, talk }) => {
    const plan = buildRowPlan(CALLS, [...MINIMAL, ...headers], SHANGHAI);
    expect(plan.ignored).toEqual([]);
    expect(stored(plan, ['C1', '2026-11-03 09:05', 'answered', ...cells])).toMatchObject({ wait_seconds: wait, talk_seconds: talk });
  });

  test.each([
    { name: 'negative minutes', cell: '-1', reason: '"-1" is negative; a duration cannot be', hint: undefined },
    { name: 'over 24 hours in minutes', cell: '1441', reason: '"1441" is longer than 24 hours', hint: undefined },
    { name: 'a unit written in the cell', cell: '3min', reason: '"3min" is not a duration', hint: 'use minutes (2.5) or H:MM:SS (0:02:30)' },
  ])('a minutes column: $name → an issue', ({ cell, reason, hint }) => {
    const plan = buildRowPlan(CALLS, [...MINIMAL, 'talk (min)'], SHANGHAI);
    expect(issueOf(plan, ['C1', '2026-11-03 09:05', 'answered', cell])).toEqual({ line: 2, column: 'talk (min)', value: cell, reason, hint });
  });

  test.each([
    { name: '时长（分钟）', header: '时长（分钟）', cell: '90', hours: 1.5 },
    { name: '学时(h)', header: '学时(h)', cell: '2', hours: 2 },
    { name: '时长(分钟), 100 min to 2 decimals', header: '时长(分钟)', cell: '100', hours: 1.67 },
    { name: 'hours (H:MM:SS)', header: 'hours (min)', cell: '1:30:00', hours: 1.5 },
  ])('trainings hours from $name → $hours h', ({ header, cell, hours }) => {
    const plan = buildRowPlan(TRAININGS, ['场次', '日期', '主题', '类型', header], { file: 'trainings.csv', zone: 'Asia/Shanghai' });
    expect(stored(plan, ['S1', '2026-11-03', '投诉处理', '内部培训', cell])).toMatchObject({ hours });
  });

  test('trainings hours over 24 once converted → an issue', () => {
    const plan = buildRowPlan(TRAININGS, ['场次', '日期', '主题', '类型', '时长（分钟）'], { file: 'trainings.csv', zone: 'Asia/Shanghai' });
    expect(issueOf(plan, ['S1', '2026-11-03', '投诉处理', '内部培训', '1500'])).toMatchObject({ column: '时长（分钟）', reason: '1500 minutes is above the maximum 24 hours' });
  });

  test('money and weight take their own unit as written: 基本工资(元), 重量（公斤）', () => {
    const ops = buildRowPlan(OPERATORS, ['工号', '姓名', '入职日期', '基本工资(元)'], { file: 'operators.csv', zone: 'Asia/Shanghai' });
    expect(stored(ops, ['1001', '张三', '2024-03-01', '5000'])).toMatchObject({ base_salary: 5000 });
    const orders = buildRowPlan(ORDERS, ['order_id', 'created_at', 'operator_id', '重量（公斤）', 'fee (元)'], { file: 'orders.csv', zone: 'Asia/Shanghai' });
    expect(stored(orders, ['O1', '2026-11-03 09:05', '1001', '2.5', '12'])).toMatchObject({ weight_kg: 2.5, fee: 12 });
  });

  test.each([
    { header: '通话时长(毫秒)', unit: '毫秒', field: 'talk_seconds', accepted: 'seconds (s, sec, 秒), minutes (min, 分钟, 分) or hours (h, 小时)' },
    { header: 'talk (kg)', unit: 'kg', field: 'talk_seconds', accepted: 'seconds (s, sec, 秒), minutes (min, 分钟, 分) or hours (h, 小时)' },
    { header: '重量(克)', unit: '克', field: 'weight_kg', accepted: 'kg (公斤, 千克)' },
  ])('$header: a unit hotline does not convert refuses the file, naming it', ({ header, unit, field, accepted }) => {
    const spec = field === 'weight_kg' ? ORDERS : CALLS;
    const headers = field === 'weight_kg' ? ['order_id', 'created_at', 'operator_id', header] : [...MINIMAL, header];
    expect(inputError(() => buildRowPlan(spec, headers, SHANGHAI))).toEqual({
      message: `calls.csv: line 1: column "${header}": the unit "${unit}" is not one hotline reads for ${field}`,
      hint: `write the unit as ${accepted}, or leave it out`,
      details: [],
      exitCode: 3,
    });
  });

  test('a note in parentheses after a text column is not a unit: the column is ignored as before', () => {
    const plan = buildRowPlan(EVALUATIONS, ['工号', '月份', '指标', '分数', '备注(内部)'], { file: 'evaluations.csv', zone: 'Asia/Shanghai' });
    expect(plan.ignored).toEqual(['备注(内部)']);
  });

  test('wait and wait (s) in one file both mean wait_seconds: refused', () => {
    expect(inputError(() => buildRowPlan(CALLS, [...MINIMAL, 'wait', 'wait (s)'], SHANGHAI)).message).toBe('calls.csv: line 1: columns "wait" and "wait (s)" both mean wait_seconds');
  });
});
