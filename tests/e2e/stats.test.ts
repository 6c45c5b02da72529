// `hotline stats daily` and `hotline stats range` on the built binary: a small import, then the
// report under several process time zones, formats, tables, policies and failures. Every value
// is worked out by hand in the comments next to the data.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';

/**
 * Calls, in Asia/Shanghai wall time (the default policy zone), T = 15, S = 5:
 *
 * | call | started             | op   | dir | outcome   | wait | talk+hold+acw    | category     | sat |
 * | E01  | 2026-10-12 09:00:00 | 1001 | in  | answered  | 10   | 100+0+20 = 120   | consultation | 5   |
 * | E02  | 2026-10-12 09:30:00 | 1001 | in  | answered  | 15   | 200+10+30 = 240  | complaint 延误 | 3 |
 * | E03  | 2026-10-12 10:00:00 | 1002 | in  | answered  | 20   | 60+0+0 = 60      | query        | 4   |
 * | E04  | 2026-10-12 10:15:00 |      | in  | abandoned | 5    |                  |              |     |
 * | E05  | 2026-10-12 11:00:00 |      | in  | abandoned | 8    |                  |              |     |
 * | E06  | 2026-10-11 23:59:59 | 1001 | in  | answered  | 3    | 50+0+0 = 50      | consultation | 5   | the day before
 * | E07  | 2026-10-12 14:00:00 | 1002 | out | answered  |      | 90               |              |     | outbound
 * | E08  | 2026-10-13 00:00:00 | 1002 | in  | answered  | 3    | 50+0+0 = 50      | consultation | 5   | the day after
 *
 * 2026-10-12, T = 15, formula A: offered 5, answered 3, abandoned 2; short 1 (E04); answered≤T 2
 * (E01, E02); abandoned≤T 2 (E04, E05); SL 2/5 = 0.4; ASA (10+15+20)/3 = 15; AHT (120+240+60)/3 = 140;
 * abandonment 2/5 = 0.4; avg abandon wait (5+8)/2 = 6.5; max wait 20; talk 360; sat (5+3+4)/3 = 4;
 * complaints 1. Orders: ORD1 (1001) and ORD2 (1003) on the day, ORD0 (1001) at 23:59:59 the day before.
 */
const CALLS = `call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,hold_seconds,acw_seconds,category,topic,complaint_reason,satisfaction
E01,2026-10-12 09:00:00,1001,inbound,answered,10,100,0,20,consultation,运费,,5
E02,2026-10-12 09:30:00,1001,inbound,answered,15,200,10,30,complaint,,延误,3
E03,2026-10-12 10:00:00,1002,inbound,answered,20,60,0,0,query,查件,,4
E04,2026-10-12 10:15:00,,inbound,abandoned,5,,,,,,,
E05,2026-10-12 11:00:00,,inbound,abandoned,8,,,,,,,
E06,2026-10-11 23:59:59,1001,inbound,answered,3,50,0,0,consultation,运费,,5
E07,2026-10-12 14:00:00,1002,outbound,answered,,90,,,,,,
E08,2026-10-13 00:00:00,1002,inbound,answered,3,50,0,0,consultation,运费,,5
`;

const OPERATORS = `operator_id,name,team,hire_date
1001,张三,A组,2020-01-01
1002,李四,A组,2021-03-01
1003,王五,B组,2022-07-01
`;

const ORDERS = `order_id,created_at,operator_id
ORD0,2026-10-11 23:59:59,1001
ORD1,2026-10-12 10:30:00,1001
ORD2,2026-10-12 11:30:00,1003
`;

const TOTALS_T15_A = {
  offered: 5, answered: 3, abandoned: 2, short_abandoned: 1, answered_within_threshold: 2, abandoned_within_threshold: 2,
  service_level: 0.4, asa_seconds: 15, aht_seconds: 140, abandonment_rate: 0.4, avg_abandon_wait_seconds: 6.5,
  max_wait_seconds: 20, talk_seconds: 360, satisfaction_avg: 4, complaints: 1, orders: 2,
};

let dir: string;
let cleanup: () => void;

/** Runs hotline in the temp directory with the given process time zone. */
function run(args: string[], tz = 'Asia/Shanghai', env: Record<string, string | undefined> = {}): CliResult {
  return hotline(args, { cwd: dir, env: { TZ: tz, ...env } });
}

/** A fresh database `name` holding the operators, calls and orders, imported under process zone `tz`. */
function importAll(name: string, tz: string): void {
  for (const [kind, file] of [['operators', 'operators.csv'], ['calls', 'calls.csv'], ['orders', 'orders.csv']] as const) {
    const r = run(['--db', name, 'import', kind, file], tz);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
  }
}

function daily(db: string, extra: string[] = [], tz = 'Asia/Shanghai'): CliResult {
  return run(['--db', db, 'stats', 'daily', '--date', '2026-10-12', ...extra], tz);
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-stats-'));
  writeFileSync(join(dir, 'calls.csv'), CALLS);
  writeFileSync(join(dir, 'operators.csv'), OPERATORS);
  writeFileSync(join(dir, 'orders.csv'), ORDERS);
  importAll('main.db', 'Asia/Shanghai');
});

afterAll(() => cleanup());

describe('stats daily --format json', () => {
  test('the hand-worked day', () => {
    const r = daily('main.db', ['--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['date', 'timezone', 'definitions', 'totals', 'outbound', 'by_operator', 'by_team', 'by_hour', 'by_category', 'complaint_reasons', 'topics', 'tickets', 'repeats']);
    // Repeat calls (issue 24): no call has a phone or tracking number, so none repeats another; the
    // windows of E01-E03 (72 h) are not over at the latest call, E08: no FCR yet.
    expect(report.repeats).toEqual({ calls: 0, rate: 0, fcr_rate: null, window_open: 3 });
    expect(report.date).toBe('2026-10-12');
    expect(report.timezone).toBe('Asia/Shanghai');
    expect(report.definitions).toEqual({ threshold_seconds: 15, short_abandon_seconds: 5, service_level_formula: 'A' });
    expect(report.totals).toEqual(TOTALS_T15_A);
    expect(report.outbound).toEqual({ calls: 1, answered: 1, talk_seconds: 90 });
    expect(report.by_operator).toEqual([
      // E01, E02: handle 120 + 240 = 360; both ≤T; order ORD1 (not ORD0, the day before)
      { operator_id: '1001', name: '张三', team: 'A组', answered: 2, handle_seconds: 360, aht_seconds: 180, answered_within_threshold: 2, within_threshold_rate: 1, missed_rings: 0, complaints: 1, orders: 1, satisfaction_avg: 4, unauthorized_seconds: null },
      // E03 only (the outbound E07 and E08 of the next day not counted)
      { operator_id: '1002', name: '李四', team: 'A组', answered: 1, handle_seconds: 60, aht_seconds: 60, answered_within_threshold: 0, within_threshold_rate: 0, missed_rings: 0, complaints: 0, orders: 0, satisfaction_avg: 4, unauthorized_seconds: null },
      // only the order ORD2
      { operator_id: '1003', name: '王五', team: 'B组', answered: 0, handle_seconds: 0, aht_seconds: null, answered_within_threshold: 0, within_threshold_rate: null, missed_rings: 0, complaints: 0, orders: 1, satisfaction_avg: null, unauthorized_seconds: null },
    ]);
    expect(report.by_team).toEqual([
      { team: 'A组', operators: 2, answered: 3, handle_seconds: 420, aht_seconds: 140, answered_within_threshold: 2, within_threshold_rate: 0.6667, missed_rings: 0, complaints: 1, orders: 1, satisfaction_avg: 4, unauthorized_seconds: null },
      { team: 'B组', operators: 1, answered: 0, handle_seconds: 0, aht_seconds: null, answered_within_threshold: 0, within_threshold_rate: null, missed_rings: 0, complaints: 0, orders: 1, satisfaction_avg: null, unauthorized_seconds: null },
    ]);
    expect(report.by_hour).toHaveLength(24);
    expect(report.by_hour.filter((h: { offered: number }) => h.offered > 0)).toEqual([
      // no presence imported: operators logged in and available are not known (issue 20)
      { hour: 9, offered: 2, answered: 2, abandoned: 0, service_level: 1, operators_logged_in: null, operators_available: null }, // E01, E02
      { hour: 10, offered: 2, answered: 1, abandoned: 1, service_level: 0, operators_logged_in: null, operators_available: null }, // E03 (20 s), E04
      { hour: 11, offered: 1, answered: 0, abandoned: 1, service_level: 0, operators_logged_in: null, operators_available: null }, // E05
    ]);
    expect(report.by_category).toEqual([{ category: null, calls: 2 }, { category: 'complaint', calls: 1 }, { category: 'consultation', calls: 1 }, { category: 'query', calls: 1 }]);
    expect(report.complaint_reasons).toEqual([{ reason: 'delay', count: 1 }]); // 延误 → delay
    expect(report.topics).toEqual([{ topic: '查件', calls: 1 }, { topic: '运费', calls: 1 }]);
    expect(report.tickets).toEqual({ opened: 0, resolved: 0, overdue_open: 0 }); // no tickets imported
  });

  test('the process time zone changes nothing: TZ=UTC, Asia/Shanghai and America/Los_Angeles give identical output', () => {
    const shanghai = daily('main.db', ['--format', 'json'], 'Asia/Shanghai');
    const utc = daily('main.db', ['--format', 'json'], 'UTC');
    const la = daily('main.db', ['--format', 'json'], 'America/Los_Angeles');
    expect([shanghai.status, utc.status, la.status]).toEqual([0, 0, 0]);
    expect(utc.stdout).toBe(shanghai.stdout);
    expect(la.stdout).toBe(shanghai.stdout);
    expect(JSON.parse(utc.stdout).totals).toEqual(TOTALS_T15_A);
  });

  test('nor does the process time zone of the import: databases imported under TZ=UTC and America/Los_Angeles report the same day', () => {
    importAll('utc.db', 'UTC');
    importAll('la.db', 'America/Los_Angeles');
    const reference = daily('main.db', ['--format', 'json']).stdout;
    for (const [db, tz] of [['utc.db', 'UTC'], ['la.db', 'America/Los_Angeles'], ['utc.db', 'Asia/Shanghai'], ['la.db', 'UTC']] as const) {
      const r = daily(db, ['--format', 'json'], tz);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(reference);
    }
  });

  test('CSV tables are the same under every process time zone too', () => {
    for (const by of ['operator', 'hour']) {
      const outs = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) => daily('main.db', ['--format', 'csv', '--by', by], tz).stdout);
      expect(outs[1]).toBe(outs[0]);
      expect(outs[2]).toBe(outs[0]);
    }
  });
});

describe('stats daily --format csv', () => {
  test('--by operator: a row per operator, then a TOTAL row', () => {
    const r = daily('main.db', ['--format', 'csv', '--by', 'operator']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.slice(0, 4)).toEqual([
      'operator_id,name,team,answered,handle_seconds,aht_seconds,answered_within_threshold,within_threshold_rate,missed_rings,complaints,orders,satisfaction_avg,unauthorized_seconds',
      '1001,张三,A组,2,360,180,2,1,0,1,1,4,', // no presence imported: unauthorized absence not known (issue 20)
      '1002,李四,A组,1,60,60,0,0,0,0,0,4,',
      '1003,王五,B组,0,0,,0,,0,0,1,,',
    ]);
    expect(lines).toHaveLength(5);
    // TOTAL: answered 3, handle 420, AHT 140, ≤T 2 of 3 = 0.6667, complaints 1, orders 2, sat 4
    const total = (lines[4] as string).split(',');
    expect(total[0]).toBe('TOTAL');
    expect(total.slice(3)).toEqual(['3', '420', '140', '2', '0.6667', '0', '1', '2', '4', '']);
  });

  test('--by operator --lang zh: Chinese headers and a 合计 row', () => {
    const lines = daily('main.db', ['--format', 'csv', '--by', 'operator', '--lang', 'zh']).stdout.split('\r\n');
    expect(lines[0]).toBe('工号,姓名,班组,接听量,处理时长,平均处理时长,三声内接听,三声内接听率,未接振铃,投诉量,下单量,平均满意度,擅离时长');
    expect(lines[4]?.split(',')[0]).toBe('合计');
  });

  test('--by hour: a header and 24 data rows', () => {
    const r = daily('main.db', ['--format', 'csv', '--by', 'hour']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(25);
    expect(lines[0]).toBe('hour,offered,answered,abandoned,service_level,operators_logged_in,operators_available');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 24 }, (_, h) => h));
    // no presence imported: the operators columns are empty (issue 20)
    expect(lines[1 + 9]).toBe('9,2,2,0,1,,');
    expect(lines[1 + 10]).toBe('10,2,1,1,0,,');
    expect(lines[1 + 11]).toBe('11,1,0,1,0,,');
    expect(lines[1 + 14]).toBe('14,0,0,0,,,'); // the outbound E07 is not here
    expect(lines[1 + 23]).toBe('23,0,0,0,,,'); // E06 at 23:59:59 is the day before
  });

  test('--by summary: one line per measure, and the outbound calls', () => {
    const lines = daily('main.db', ['--format', 'csv', '--by', 'summary']).stdout.split('\r\n');
    expect(lines).toEqual([
      'measure,label,value',
      'offered,来电量,5', 'answered,接听量,3', 'abandoned,放弃量,2', 'short_abandoned,短时放弃,1',
      'answered_within_threshold,三声内接听,2', 'abandoned_within_threshold,阈值内放弃,2', 'service_level,服务水平,0.4',
      'asa_seconds,平均应答时长,15', 'aht_seconds,平均处理时长,140', 'abandonment_rate,放弃率,0.4', 'avg_abandon_wait_seconds,平均放弃等待,6.5',
      'max_wait_seconds,最长等待,20', 'talk_seconds,通话总时长,360', 'satisfaction_avg,平均满意度,4', 'complaints,投诉量,1', 'orders,下单量,2',
      'outbound_calls,呼出量,1',
      '',
    ]);
  });
});

describe('stats daily: definitions from flags and policy', () => {
  test('--threshold 10 --sl-formula C', () => {
    const r = daily('main.db', ['--format', 'json', '--threshold', '10', '--sl-formula', 'C']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.definitions).toEqual({ threshold_seconds: 10, short_abandon_seconds: 5, service_level_formula: 'C' });
    // answered≤10: E01 only; abandoned≤10: E04 (5), E05 (8); C = (1 + 2) / 5 = 0.6
    expect(report.totals).toEqual({ ...TOTALS_T15_A, answered_within_threshold: 1, abandoned_within_threshold: 2, service_level: 0.6 });
    expect(report.by_operator.map((o: { operator_id: string; answered_within_threshold: number; within_threshold_rate: number | null }) => [o.operator_id, o.answered_within_threshold, o.within_threshold_rate]))
      .toEqual([['1001', 1, 0.5], ['1002', 0, 0], ['1003', 0, null]]);
    // 9:00 (E01 10 s, E02 15 s): (1 + 0) / 2; 10:00 (E03 20 s, E04 5 s): (0 + 1) / 2; 11:00 (E05 8 s): 1 / 1
    expect(report.by_hour.filter((h: { offered: number }) => h.offered > 0).map((h: { hour: number; service_level: number }) => [h.hour, h.service_level]))
      .toEqual([[9, 0.5], [10, 0.5], [11, 1]]);
  });

  test('--sl-formula B: 2 / (5 − 2) = 0.6667', () => {
    const report = JSON.parse(daily('main.db', ['--format', 'json', '--sl-formula', 'B']).stdout);
    expect(report.definitions.service_level_formula).toBe('B');
    expect(report.totals).toEqual({ ...TOTALS_T15_A, service_level: 0.6667 });
  });

  test('a policy file with kpi.threshold_seconds 20 is used', () => {
    writeFileSync(join(dir, 'p20.json'), JSON.stringify({ kpi: { threshold_seconds: 20 } }));
    // without the file: the default 15 s
    expect(JSON.parse(daily('main.db', ['--format', 'json']).stdout).definitions.threshold_seconds).toBe(15);
    const p = run(['--db', 'main.db', '--policy', 'p20.json', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']);
    expect(p.status).toBe(0);
    const report = JSON.parse(p.stdout);
    expect(report.definitions).toEqual({ threshold_seconds: 20, short_abandon_seconds: 5, service_level_formula: 'A' });
    // answered≤20: E01, E02, E03; abandoned≤20: E04, E05; A = 3 / 5
    expect(report.totals).toEqual({ ...TOTALS_T15_A, answered_within_threshold: 3, service_level: 0.6 });
  });

  test('--threshold overrides the policy file', () => {
    const r = run(['--db', 'main.db', '--policy', 'p20.json', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json', '--threshold', '15']);
    expect(JSON.parse(r.stdout).totals).toEqual(TOTALS_T15_A);
  });

  test('an unknown policy key: exit 2, the key named', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kpi: { threshold: 20 } }));
    const r = run(['--db', 'main.db', '--policy', 'bad.json', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kpi.threshold: unknown key');
  });

  test('a wrong policy value: exit 2, the key named', () => {
    writeFileSync(join(dir, 'bad-formula.json'), JSON.stringify({ kpi: { service_level: 'D' } }));
    const r = run(['--db', 'main.db', '--policy', 'bad-formula.json', 'stats', 'daily', '--date', '2026-10-12']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kpi.service_level');
  });

  // Regression test (found while writing these tests, since fixed).
  test('a policy zone other than the database\'s: refused (exit 4) or reported in the database\'s zone', () => {
    writeFileSync(join(dir, 'utc-policy.json'), JSON.stringify({ timezone: 'UTC' }));
    const r = run(['--db', 'main.db', '--policy', 'utc-policy.json', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']);
    if (r.status === 4) expect(r.stderr).toContain('Asia/Shanghai');
    else {
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).timezone).toBe('Asia/Shanghai');
    }
  });
});

describe('stats daily: failures and empty days', () => {
  test('--date 2026-02-30: exit 3', () => {
    const r = run(['--db', 'main.db', 'stats', 'daily', '--date', '2026-02-30', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2026-02-30');
  });

  test('a missing database: exit 4 and no file created', () => {
    const r = run(['--db', 'nowhere.db', 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nowhere.db');
    expect(existsSync(join(dir, 'nowhere.db'))).toBe(false);
  });

  test('a day without calls: exit 0, zeros and nulls, a warning on stderr', () => {
    const r = run(['--db', 'main.db', 'stats', 'daily', '--date', '2026-10-20', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('warning: no calls on 2026-10-20 in main.db: the report is all zeros\n');
    const report = JSON.parse(r.stdout);
    expect(report.totals).toEqual({
      offered: 0, answered: 0, abandoned: 0, short_abandoned: 0, answered_within_threshold: 0, abandoned_within_threshold: 0,
      service_level: null, asa_seconds: null, aht_seconds: null, abandonment_rate: null, avg_abandon_wait_seconds: null,
      max_wait_seconds: null, talk_seconds: 0, satisfaction_avg: null, complaints: 0, orders: 0,
    });
    expect(report.outbound).toEqual({ calls: 0, answered: 0, talk_seconds: 0 });
    expect(report.by_operator).toEqual([]);
    expect(report.by_hour).toHaveLength(24);
  });
});

describe('stats daily --out', () => {
  test("--out 'daily-{date}.csv' writes daily-2026-10-12.csv with a BOM and no escape codes", () => {
    // colour forced on as far as the environment can: a file must still have none
    const r = run(['--db', 'main.db', 'stats', 'daily', '--date', '2026-10-12', '--out', 'daily-{date}.csv'], 'Asia/Shanghai', { NO_COLOR: undefined, FORCE_COLOR: '3' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(''); // "wrote …" only on a terminal or with --verbose (cron mails what a job prints)
    expect(existsSync(join(dir, 'daily-{date}.csv'))).toBe(false);
    const bytes = readFileSync(join(dir, 'daily-2026-10-12.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(0x1b)).toBe(false);
    const text = bytes.toString('utf8').slice(1);
    // the default table is the summary, as on stdout
    expect(text).toBe(daily('main.db', ['--format', 'csv']).stdout);
    expect(text.split('\r\n').slice(0, 2)).toEqual(['measure,label,value', 'offered,来电量,5']);
  });

  test('an existing --out file is kept: exit 2 without --force', () => {
    const before = readFileSync(join(dir, 'daily-2026-10-12.csv'));
    const r = run(['--db', 'main.db', 'stats', 'daily', '--date', '2026-10-12', '--out', 'daily-{date}.csv', '--by', 'hour']);
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'daily-2026-10-12.csv'))).toEqual(before);
  });
});

describe('stats range', () => {
  test('--by week --format json: {from, to, by, timezone, definitions, rows}, weeks labelled by Monday', () => {
    const r = run(['--db', 'main.db', 'stats', 'range', '--from', '2026-10-05', '--to', '2026-10-13', '--by', 'week', '--format', 'json'], 'UTC');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      from: '2026-10-05', to: '2026-10-13', by: 'week', timezone: 'Asia/Shanghai',
      definitions: { threshold_seconds: 15, short_abandon_seconds: 5, service_level_formula: 'A' },
      rows: [
        // week of Monday 10-05: E06 (Sunday 23:59:59) and the order ORD0
        {
          period: '2026-10-05', offered: 1, answered: 1, abandoned: 0, short_abandoned: 0, answered_within_threshold: 1, abandoned_within_threshold: 0,
          service_level: 1, asa_seconds: 3, aht_seconds: 50, abandonment_rate: 0, avg_abandon_wait_seconds: null, max_wait_seconds: 3,
          talk_seconds: 50, satisfaction_avg: 5, complaints: 0, orders: 1,
        },
        // week of Monday 10-12: E01–E05 and E08 (Tuesday 00:00:00); ≤T E01, E02, E08 → 3/6; ASA (10+15+20+3)/4 = 12;
        // AHT (120+240+60+50)/4 = 117.5; abandonment 2/6; talk 410; sat (5+3+4+5)/4 = 4.25; orders ORD1, ORD2
        {
          period: '2026-10-12', offered: 6, answered: 4, abandoned: 2, short_abandoned: 1, answered_within_threshold: 3, abandoned_within_threshold: 2,
          service_level: 0.5, asa_seconds: 12, aht_seconds: 117.5, abandonment_rate: 0.3333, avg_abandon_wait_seconds: 6.5, max_wait_seconds: 20,
          talk_seconds: 410, satisfaction_avg: 4.25, complaints: 1, orders: 2,
        },
      ],
    });
  });

  test('--by day --format csv: a row per day of the range with calls or orders', () => {
    const r = run(['--db', 'main.db', 'stats', 'range', '--from', '2026-10-11', '--to', '2026-10-13', '--by', 'day', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')).toEqual([
      'day,offered,answered,abandoned,short_abandoned,answered_within_threshold,abandoned_within_threshold,service_level,asa_seconds,aht_seconds,abandonment_rate,avg_abandon_wait_seconds,max_wait_seconds,talk_seconds,satisfaction_avg,complaints,orders',
      '2026-10-11,1,1,0,0,1,0,1,3,50,0,,3,50,5,0,1',
      '2026-10-12,5,3,2,1,2,2,0.4,15,140,0.4,6.5,20,360,4,1,2',
      '2026-10-13,1,1,0,0,1,0,1,3,50,0,,3,50,5,0,0',
      '',
    ]);
  });

  test('--format json --out FILE writes the same object as stdout', () => {
    const args = ['--db', 'main.db', 'stats', 'range', '--from', '2026-10-05', '--to', '2026-10-13', '--by', 'week'];
    const stdout = run([...args, '--format', 'json']).stdout;
    const r = run([...args, '--format', 'json', '--out', 'range-explicit.json']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'range-explicit.json'), 'utf8')).toBe(stdout);
  });

  // Regression test (found while writing these tests, since fixed).
  test('--out FILE.json without --format writes the same object as --format json', () => {
    const args = ['--db', 'main.db', 'stats', 'range', '--from', '2026-10-05', '--to', '2026-10-13', '--by', 'week'];
    const expected = JSON.parse(run([...args, '--format', 'json']).stdout);
    const r = run([...args, '--out', 'range-implicit.json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'range-implicit.json'), 'utf8'))).toEqual(expected);
  });

  test('--from after --to: exit 2', () => {
    const r = run(['--db', 'main.db', 'stats', 'range', '--from', '2026-10-13', '--to', '2026-10-12', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
