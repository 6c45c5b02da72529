// Confidentiality end to end: unmasked exports need a reason and are audited; a purge leaves no
// original phone number in the database file and every statistic unchanged.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';

const CALLS = [
  'call_id,started_at,operator_id,outcome,wait_seconds,talk_seconds,category,customer_name,customer_phone,customer_address,satisfaction',
  'P1,2026-10-01 09:00:00,1001,answered,5,100,consultation,张三,13900001111,广东省深圳市南山区科技园1号,5',
  'P2,2026-10-01 10:00:00,1001,answered,20,200,complaint,李四,13900002222,北京市朝阳区建国路88号,2',
  'P3,2026-10-02 09:00:00,1002,answered,3,300,query,王五,13900001111,广东省深圳市南山区科技园1号,4',
  'P4,2026-10-20 09:00:00,1002,answered,4,120,order,赵六,13900003333,上海市浦东新区人民路2号,5',
].join('\n') + '\n';
const ORDERS = 'order_id,created_at,operator_id,sender_name,sender_phone,receiver_phone,fee\nO1,2026-10-02 09:05:00,1002,王五,13900004444,13900005555,12.5\n';
const OPERATORS = '工号,姓名,班组,入职日期,基本工资,绩效工资基数\n1001,甲,一组,2020-01-01,5000,2000\n1002,乙,一组,2020-01-01,5000,2000\n';

let dir: string;
let cleanup: () => void;
const run = (args: string[]) => hotline(['--db', 'p.db', ...args], { cwd: dir });

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'calls.csv'), CALLS);
  writeFileSync(join(dir, 'orders.csv'), ORDERS);
  writeFileSync(join(dir, 'operators.csv'), OPERATORS);
  for (const [kind, file] of [['operators', 'operators.csv'], ['calls', 'calls.csv'], ['orders', 'orders.csv']]) expect(run(['import', kind as string, file as string]).status).toBe(0);
});
afterAll(() => cleanup());

describe('--show-pii', () => {
  test('without a reason: refused, exit 2, nothing shown or recorded', () => {
    const r = run(['calls', 'list', '--show-pii', '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --show-pii needs --reason');
    expect(JSON.parse(run(['audit', '--format', 'json']).stdout)).toEqual([]);
  });

  test('with a reason: unmasked, and the audit trail has the user, reason, filters and the count', () => {
    const r = run(['calls', 'list', '--date', '2026-10-01', '--show-pii', '--reason', 'callback P2', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('李四,13900002222,北京市朝阳区建国路88号');
    const audit = JSON.parse(run(['audit', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'show_pii', report: 'calls list', records: 2, reason: 'callback P2', filters_json: '{"from":"2026-10-01","to":"2026-10-01"}' });
  });

  test('an unmasked --out file is readable by its owner only', () => {
    expect(run(['orders', 'list', '--show-pii', '--reason', 'audit check', '--out', 'o.csv']).status).toBe(0);
    expect(statSync(join(dir, 'o.csv')).mode & 0o777).toBe(0o600);
  });
});

describe('db purge-pii', () => {
  test('statistics, appraisal and bonus are byte-identical afterwards, and no original value is left in the file', () => {
    const reports = (): string[] => [
      run(['stats', 'daily', '--date', '2026-10-01', '--format', 'json']).stdout,
      run(['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator', '--format', 'csv']).stdout,
      run(['appraise', 'run', '--month', '2026-10', '--format', 'json']).stdout,
      run(['bonus', '--month', '2026-10', '--draft', '--format', 'json']).stdout,
    ];
    const before = reports();
    const dry = run(['db', 'purge-pii', '--before', '2026-10-15', '--dry-run']);
    // P1–P3: name, phone, address each (9); O1: sender name, sender phone, receiver phone (3)
    expect(dry.stderr).toBe('dry run: would purge customer data of 3 calls and 1 order before 2026-10-15 (12 values); nothing changed\n');
    const r = run(['db', 'purge-pii', '--before', '2026-10-15']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('purged customer data of 3 calls and 1 order before 2026-10-15 (12 values replaced by tokens); the file was vacuumed\n');
    expect(reports()).toEqual(before);
    const bytes = readFileSync(join(dir, 'p.db')).toString('latin1');
    let wal = '';
    try {
      wal = readFileSync(join(dir, 'p.db-wal')).toString('latin1');
    } catch {
      wal = '';
    }
    for (const secret of ['13900001111', '13900002222', '13900004444', '13900005555', Buffer.from('李四').toString('latin1'), Buffer.from('北京市朝阳区建国路88号').toString('latin1')]) {
      expect(bytes.includes(secret)).toBe(false);
      expect(wal.includes(secret)).toBe(false);
    }
    // the call after the cutoff keeps its data
    expect(bytes.includes('13900003333')).toBe(true);
    // the same phone gives the same token: the repeat caller can still be counted
    const rows = JSON.parse(run(['calls', 'list', '--to', '2026-10-14', '--show-pii', '--reason', 'check tokens', '--format', 'json']).stdout) as { call_id: string; customer_phone: string }[];
    const phone = new Map(rows.map((x) => [x.call_id, x.customer_phone]));
    expect(phone.get('P1')).toMatch(/^tok:[0-9a-f]{20}$/);
    expect(phone.get('P1')).toBe(phone.get('P3'));
    expect(phone.get('P2')).not.toBe(phone.get('P1'));
    const audit = JSON.parse(run(['audit', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(audit.map((a) => a.action)).toEqual(['show_pii', 'show_pii', 'purge_pii', 'show_pii']);
  });
});
