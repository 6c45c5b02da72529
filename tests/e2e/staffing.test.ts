// `hotline staffing calc|plan|check` (issue 21) on a generated history of five weeks with the
// National Day holiday in it (Thursday 2026-10-01, statutory) and a swapped working day
// (Saturday 2026-10-10). Every expected value is worked out by hand in the comments; the Erlang C
// values are those of tests/domain/erlang.test.ts (T = 15 s, 80 %, occupancy ≤ 85 %, AHT 180 s,
// half hours): 10 calls (1 erlang) need 3 agents, 20 calls (2 erlangs) 4, 24 calls (2.4) 5, 5 calls 2.
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, type IsoDate } from '../../src/domain/dates.js';
import { hotline } from '../helpers/cli.js';
import { csv, workspace } from './support.js';

const ws = workspace('hotline-e2e-staffing-');
const DB = 'staffing.db';

/**
 * Calls from Wednesday 2026-09-16 to Wednesday 2026-10-21, each answered ones handled in
 * 150 + 30 = 180 s:
 * - Thursdays at 09:00–09:30: 09-17 20 calls, 09-24 20, 10-08 16, 10-15 24 (12 within 15 s, 8
 *   answered after 40 s, 4 abandoned after 30 s); at 10:00–10:30 10 calls each, within 15 s;
 * - the holiday, Thursday 10-01: 200 calls at 09:00 (a forecast that used it would be far higher);
 * - every other day: 5 calls at 14:00–14:30, within 15 s; on Wednesday 10-14 also one call at
 *   20:00 abandoned after 50 s (an interval with no AHT of its own).
 */
function history(): string {
  const rows: (string | number)[][] = [];
  let n = 0;
  const call = (day: string, time: string, outcome: 'answered' | 'abandoned', wait: number): void => {
    n++;
    rows.push([`S${String(n).padStart(5, '0')}`, `${day} ${time}`, outcome === 'answered' ? '1001' : '', 'inbound', outcome, wait, outcome === 'answered' ? 150 : '', outcome === 'answered' ? 30 : '']);
  };
  const thursday: Record<string, number> = { '2026-09-17': 20, '2026-09-24': 20, '2026-10-08': 16 };
  for (let day = '2026-09-16' as IsoDate; day <= '2026-10-21'; day = addDays(day, 1)) {
    const second = (i: number): string => `09:${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`;
    if (day === '2026-10-01') for (let i = 0; i < 200; i++) call(day, `09:${String(i % 30).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, 'answered', 5);
    else if (day === '2026-10-15') {
      for (let i = 0; i < 24; i++) call(day, second(i), i < 12 ? 'answered' : i < 20 ? 'answered' : 'abandoned', i < 12 ? 5 : i < 20 ? 40 : 30);
      for (let i = 0; i < 10; i++) call(day, `10:0${i}:00`, 'answered', 5);
    } else if (thursday[day] !== undefined) {
      for (let i = 0; i < (thursday[day] as number); i++) call(day, second(i), 'answered', 5);
      for (let i = 0; i < 10; i++) call(day, `10:0${i}:00`, 'answered', 5);
    } else for (let i = 0; i < 5; i++) call(day, `14:0${i}:00`, 'answered', 5);
    if (day === '2026-10-14') call(day, '20:00:00', 'abandoned', 50);
  }
  return csv(['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'acw_seconds'], rows);
}

const run = (args: string[]): ReturnType<typeof ws.run> => ws.run(['--db', DB, ...args]);
const json = <T = Record<string, unknown>>(args: string[]): T => {
  const r = run([...args, '--format', 'json']);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  return JSON.parse(r.stdout) as T;
};

beforeAll(() => {
  ws.write('calls.csv', history());
  const r = run(['import', 'calls', 'calls.csv']);
  expect(r.status).toBe(0);
});

describe('staffing calc', () => {
  test('the worked example: 100 calls in 30 minutes, AHT 180 s, 80 % within 20 s → 14 agents, 20 heads at 30 % shrinkage', () => {
    expect(json(['staffing', 'calc', '--calls', '100', '--interval-minutes', '30', '--aht', '180', '--threshold', '20'])).toEqual({
      calls: 100, interval_minutes: 30, aht_seconds: 180, threshold_seconds: 20, target: 0.8, max_occupancy: 0.85, shrinkage: 0.3,
      traffic_erlangs: 10, agents: 14, scheduled: 20, service_level: 0.8884, p_wait: 0.1741, asa_seconds: 7.84, occupancy: 0.7143,
    });
  });

  test('--agents 13: what 13 give (79.6 %); CSV has every column', () => {
    const r = run(['staffing', 'calc', '--calls', '100', '--aht', '180', '--threshold', '20', '--agents', '13', '--format', 'csv']);
    expect(r.stdout.split('\r\n')).toEqual([
      'calls,interval_minutes,aht_seconds,threshold_seconds,target,max_occupancy,shrinkage,traffic_erlangs,agents,scheduled,service_level,p_wait,asa_seconds,occupancy',
      '100,30,180,20,0.8,0.85,0.3,10,13,19,0.7956,0.2853,17.12,0.7692',
      '',
    ]);
  });

  test('too few agents: a warning, service level 0, ASA n/a', () => {
    const r = run(['staffing', 'calc', '--calls', '100', '--aht', '180', '--agents', '10', '--format', 'json']);
    expect(r.stderr).toBe('warning: 10 agents cannot keep up with 10 erlangs: every call waits and the queue grows without end\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ agents: 10, service_level: 0, p_wait: 1, asa_seconds: null, occupancy: 1 });
  });

  test('3,000 calls an hour: 177 agents (the 85 % occupancy cap), 253 heads; percentages accepted', () => {
    expect(json(['staffing', 'calc', '--calls', '3000', '--interval-minutes', '60', '--aht', '180', '--target', '80%'])).toMatchObject({ traffic_erlangs: 150, agents: 177, scheduled: 253, service_level: 0.9979 });
  });

  test('the policy file sets the defaults (staffing.*, kpi.threshold_seconds); flags win', () => {
    ws.write('staffing.policy.json', JSON.stringify({ kpi: { threshold_seconds: 20 }, staffing: { shrinkage: 0.5, max_occupancy: 1 } }));
    expect(json(['--policy', 'staffing.policy.json', 'staffing', 'calc', '--calls', '100', '--aht', '180'])).toMatchObject({ threshold_seconds: 20, agents: 14, scheduled: 28 });
    expect(json(['--policy', 'staffing.policy.json', 'staffing', 'calc', '--calls', '100', '--aht', '180', '--shrinkage', '0'])).toMatchObject({ agents: 14, scheduled: 14 });
  });

  test('one service-level target for the reports and for staffing: kpi.service_level_target (0.9 needs 15 agents, not 14); a staffing.target of its own is refused', () => {
    ws.write('target.policy.json', JSON.stringify({ kpi: { threshold_seconds: 20, service_level_target: 0.9 } }));
    expect(json(['--policy', 'target.policy.json', 'staffing', 'calc', '--calls', '100', '--aht', '180'])).toMatchObject({ target: 0.9, agents: 15, scheduled: 22, service_level: 0.9415 });
    ws.write('old-target.policy.json', JSON.stringify({ staffing: { target: 0.8 } }));
    expect(run(['--policy', 'old-target.policy.json', 'staffing', 'calc', '--calls', '100', '--aht', '180'])).toEqual({
      status: 2, stdout: '', stderr: 'error: old-target.policy.json: invalid policy\n  staffing.target: unknown key\nhint: see docs/policy.md\n',
    });
  });

  test.each([
    { args: ['--aht', '180'], error: "error: required option '--calls <n>' not specified" },
    { args: ['--calls', '100', '--aht', '0'], error: "error: option '--aht <seconds>' argument '0' is invalid. expected seconds above 0, at most 86400" },
    { args: ['--calls', '100', '--aht', '180', '--target', '1'], error: "error: option '--target <share>' argument '1' is invalid. expected a share above 0 and below 1 (0.8 or 80%)" },
    { args: ['--calls', '-1', '--aht', '180'], error: "error: option '--calls <n>' argument '-1' is invalid. expected a number of calls from 0 to 10000000" },
  ])('usage errors exit 2: $args', ({ args, error }) => {
    const r = run(['staffing', 'calc', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(error);
  });
});

describe('staffing plan', () => {
  // Thursday 2026-10-22: the Thursdays before are 10-15, 10-08, 10-01 (National Day: left out),
  // 09-24, 09-17. 09:00: (24 + 16 + 20 + 20) / 4 = 20 calls, AHT 180 → 2 erlangs → 4 agents,
  // ceil(4 / 0.7) = 6 heads. 09:30: none → 0. 10:00: 10 calls → 1 erlang → 3 agents, 5 heads.
  // The day: 30 calls, peak 4 (6) at 09:00, (4 + 0 + 3) / 2 = 3.5 agent-hours, (6 + 0 + 5) / 2 = 5.5 scheduled.
  test('JSON: the history used and left out, the intervals, the peak and the hours', () => {
    const plan = json<Record<string, unknown> & { intervals: Record<string, unknown>[] }>(['staffing', 'plan', '--date', '2026-10-22']);
    expect({ ...plan, intervals: undefined }).toEqual({
      date: '2026-10-22', weekday: 'Thu', day_kind: 'workday', day_name: null, timezone: 'Asia/Shanghai', interval_minutes: 30, threshold_seconds: 15,
      target: 0.8, max_occupancy: 0.85, shrinkage: 0.3, weeks: 4,
      history: { used: ['2026-10-15', '2026-10-08', '2026-09-24', '2026-09-17'], skipped: [{ date: '2026-10-01', reason: 'holiday', name: '国庆节' }] },
      calls: 30, peak: { interval: '09:00-09:30', start: '2026-10-22T09:00:00', end: '2026-10-22T09:30:00', agents: 4, scheduled: 6 }, agent_hours: 3.5, scheduled_hours: 5.5, day_aht_used: 0, warnings: [],
      intervals: undefined,
    });
    expect(plan.intervals).toEqual([
      { interval: '09:00-09:30', start: '2026-10-22T09:00:00', end: '2026-10-22T09:30:00', calls: 20, aht_seconds: 180, traffic_erlangs: 2, agents: 4, service_level: 0.8528, p_wait: 0.1739, asa_seconds: 15.65, occupancy: 0.5, scheduled: 6 },
      { interval: '09:30-10:00', start: '2026-10-22T09:30:00', end: '2026-10-22T10:00:00', calls: 0, aht_seconds: null, traffic_erlangs: 0, agents: 0, service_level: null, p_wait: null, asa_seconds: null, occupancy: null, scheduled: 0 },
      { interval: '10:00-10:30', start: '2026-10-22T10:00:00', end: '2026-10-22T10:30:00', calls: 10, aht_seconds: 180, traffic_erlangs: 1, agents: 3, service_level: 0.923, p_wait: 0.0909, asa_seconds: 8.18, occupancy: 0.3333, scheduled: 5 },
    ]);
  });

  test('CSV: the intervals; --weeks 2 uses 10-15 and 10-08 only: (24 + 16) / 2 = 20 at 09:00; hours of 60 minutes', () => {
    expect(run(['staffing', 'plan', '--date', '2026-10-22', '--weeks', '2', '--interval-minutes', '60', '--format', 'csv']).stdout.split('\r\n')).toEqual([
      'interval,forecast_calls,aht_seconds,traffic_erlangs,agents,scheduled,service_level,asa_seconds,occupancy,p_wait',
      // 09:00–10:00: 20 calls in an hour, 1 erlang → 3 agents (5 heads); 10:00–11:00: 10 calls, 0.5 erlang → 2 (3 heads).
      '09:00-10:00,20,180,1,3,5,0.923,8.18,0.3333,0.0909',
      '10:00-11:00,10,180,0.5,2,3,0.9118,12,0.25,0.1',
      '',
    ]);
  });

  test('the terminal page: what was planned and from which days', () => {
    const r = hotline(['--db', DB, 'staffing', 'plan', '--date', '2026-10-22'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      'Staffing plan Thursday 2026-10-22 (Asia/Shanghai): 30-minute intervals, 80%',
      'within 15 s, occupancy ≤ 85%, shrinkage 30%',
      'forecast 30 calls; peak 4 agents (6 scheduled) at 09:00-09:30; 3.5 agent-hours',
      'on the phones, 5.5 scheduled',
      'from 4 earlier Thursdays: 2026-10-15, 2026-10-08, 2026-09-24, 2026-09-17 (left',
      'out: 2026-10-01 国庆节)',
    ]);
    expect(r.stderr).toBe('');
  });

  test('a holiday target: warned, and the forecast is from the ordinary Thursdays there are (two)', () => {
    const r = run(['staffing', 'plan', '--date', '2026-10-01', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      'warning: 2026-10-01 is a holiday (国庆节): the forecast is from ordinary Thursdays, whose traffic may differ',
      `warning: only 2 earlier Thursdays with calls in ${DB} (4 asked): the forecast is from them`,
      '',
    ].join('\n'));
    const plan = JSON.parse(r.stdout) as { history: { used: string[] }; calls: number; day_kind: string; warnings: string[] };
    expect([plan.day_kind, plan.history.used, plan.calls, plan.warnings.length]).toEqual(['holiday', ['2026-09-24', '2026-09-17'], 30, 2]);
  });

  test('Saturday 2026-10-17: the swapped working day (10-10), National Day (10-03) and Mid-Autumn (09-26) are left out; 5 calls at 14:00 → 2 agents', () => {
    const r = run(['staffing', 'plan', '--date', '2026-10-17', '--weeks', '2', '--format', 'json']);
    expect(r.stderr).toBe(`warning: only 1 earlier Saturday with calls in ${DB} (2 asked): the forecast is from it\n`);
    const plan = JSON.parse(r.stdout) as { history: unknown; intervals: { interval: string; calls: number; agents: number }[] };
    expect(plan.history).toEqual({
      used: ['2026-09-19'],
      skipped: [
        { date: '2026-10-10', reason: 'swapped_workday', name: '国庆节调休' }, { date: '2026-10-03', reason: 'holiday', name: '国庆节' },
        { date: '2026-09-26', reason: 'holiday', name: '中秋节' },
      ],
    });
    expect(plan.intervals.map((i) => [i.interval, i.calls, i.agents])).toEqual([['14:00-14:30', 5, 2]]);
  });

  test('CSV with --verbose: the days it came from, and the interval that took the whole day\'s AHT, as notes on stderr', () => {
    // Wednesday 10-21 from 10-14 alone: 14:00 5 calls (0.5 erlang → 2 agents); 20:00 1 abandoned
    // call, no talk time: the day's AHT (5 × 180 / 5 = 180 s) → 0.1 erlang → 1 agent.
    const r = run(['--verbose', 'staffing', 'plan', '--date', '2026-10-21', '--weeks', '1', '--format', 'csv']);
    expect(r.stdout.split('\r\n').map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'interval,forecast_calls,aht_seconds,traffic_erlangs,agents', '14:00-14:30,5,180,0.5,2',
      ...['14:30', '15:00', '15:30', '16:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30'].map((t, i, all) => `${t}-${all[i + 1] ?? '20:00'},0,,0,0`),
      '20:00-20:30,1,180,0.1,1', '',
    ]);
    expect(r.stderr).toBe([
      'note: from 1 earlier Wednesday: 2026-10-14',
      "note: 1 interval had no answered call with a talk time: the whole day's AHT was used",
      '',
    ].join('\n'));
  });

  test('no earlier Thursday with calls: exit 3, nothing written', () => {
    const r = run(['staffing', 'plan', '--date', '2026-09-17', '--format', 'csv']);
    expect(r).toEqual({
      status: 3, stdout: '',
      stderr: `error: no inbound calls on the Thursdays before 2026-09-17 in ${DB}: nothing to forecast from\nhint: import earlier weeks of calls (hotline import calls FILE); holidays and swapped working days are not used\n`,
    });
  });

  test.each([
    { args: ['--date', '2026-13-01'], status: 3, error: 'error: "2026-13-01" is not a date' },
    { args: ['--date', '2026-10-22', '--interval-minutes', '20'], status: 2, error: "error: option '--interval-minutes <minutes>' argument '20' is invalid. expected 15, 30 or 60 minutes" },
    { args: ['--date', '2026-10-22', '--weeks', '0'], status: 2, error: "error: option '--weeks <n>' argument '0' is invalid. expected a whole number of weeks from 1 to 52" },
  ])('$error → exit $status', ({ args, status, error }) => {
    const r = run(['staffing', 'plan', ...args]);
    expect([r.status, r.stderr.split('\n')[0]]).toEqual([status, error]);
  });
});

describe('staffing check', () => {
  // Thursday 2026-10-15. 09:00: 24 offered, 12 answered within 15 s → SL 50 %; 20 answered of
  // 180 s → 2.4 erlangs → 5 agents (4 give 74.9 %). 10:00: 10 within 15 s → 100 %; 1 erlang → 3.
  // The day: 22 / 34 = 64.71 %; (5 + 3) / 2 = 4 agent-hours needed. No presence data: n/a.
  test('JSON: the intervals that missed first, operators available n/a', () => {
    const c = json<Record<string, unknown> & { intervals: Record<string, unknown>[] }>(['staffing', 'check', '--date', '2026-10-15']);
    expect({ ...c, intervals: undefined }).toEqual({
      date: '2026-10-15', weekday: 'Thu', day_kind: 'workday', day_name: null, timezone: 'Asia/Shanghai', interval_minutes: 30, threshold_seconds: 15,
      target: 0.8, max_occupancy: 0.85, shrinkage: 0.3, service_level_formula: 'A', presence: false,
      offered: 34, service_level: 0.6471, understaffed: 0, missed_target: 1, agent_hours: 4, available_hours: null, day_aht_used: 0, warnings: [],
      intervals: undefined,
    });
    expect(c.intervals).toEqual([
      { interval: '09:00-09:30', start: '2026-10-15T09:00:00', end: '2026-10-15T09:30:00', offered: 24, answered_within_threshold: 12, service_level: 0.5, aht_seconds: 180, traffic_erlangs: 2.4, agents: 5, operators_available: null, shortfall: null, status: 'missed_target' },
      { interval: '10:00-10:30', start: '2026-10-15T10:00:00', end: '2026-10-15T10:30:00', offered: 10, answered_within_threshold: 10, service_level: 1, aht_seconds: 180, traffic_erlangs: 1, agents: 3, operators_available: null, shortfall: null, status: 'met_target' },
    ]);
  });

  test('CSV in Chinese: headers and statuses; the note about presence with --verbose', () => {
    const r = run(['--verbose', 'staffing', 'check', '--date', '2026-10-15', '--format', 'csv', '--lang', 'zh']);
    expect(r.stdout.split('\r\n')).toEqual([
      '时间段,来电量,三声内接听,服务水平,平均处理时长,话务量(Erl),所需坐席,可用人数,缺口,状态',
      '09:00-09:30,24,12,0.5,180,2.4,5,,,未达标',
      '10:00-10:30,10,10,1,180,1,3,,,达标',
      '',
    ]);
    expect(r.stderr).toBe('note: 2026-10-15 没有话务员在岗数据：可用人数与缺口为 n/a，未达标的时间段排在前面\n');
  });

  test('the terminal page: the day, n/a for the operators available, and the note under the table', () => {
    const r = hotline(['--db', DB, 'staffing', 'check', '--date', '2026-10-15'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    expect(r.stdout.split('\n')).toEqual([
      'Staffing check Thursday 2026-10-15 (Asia/Shanghai): 34 inbound calls, service',
      'level 64.7% (target 80% within 15 s, formula A)',
      '1 of 2 intervals with calls (30 minutes) missed the target, 0 understaffed; the',
      'calls needed 4 agent-hours, operators available n/a',
      '┌─────────────┬───────┬────────┬────────┬───────────┬───────┬───────────────┐',
      '│ interval    │ calls │     SL │ needed │ available │ short │ status        │',
      '├─────────────┼───────┼────────┼────────┼───────────┼───────┼───────────────┤',
      '│ 09:00-09:30 │    24 │  50.0% │      5 │       n/a │   n/a │ missed_target │',
      '│ 10:00-10:30 │    10 │ 100.0% │      3 │       n/a │   n/a │ met_target    │',
      '└─────────────┴───────┴────────┴────────┴───────────┴───────┴───────────────┘',
      'no operator presence data for 2026-10-15: operators_available and shortfall are',
      'n/a; the intervals that missed the target come first',
      '',
    ]);
  });

  test('the holiday: 200 calls in half an hour, 20 erlangs, all within 15 s', () => {
    const c = json<{ intervals: { interval: string; offered: number; traffic_erlangs: number; agents: number; service_level: number; status: string }[] }>(['staffing', 'check', '--date', '2026-10-01']);
    // 200 × 180 / 1800 = 20 erlangs; occupancy ≤ 85 % needs at least ceil(20 / 0.85) = 24, which
    // give 78.6 % (exact sums); 25 give 86.2 %.
    expect(c.intervals.map((i) => [i.interval, i.offered, i.traffic_erlangs, i.agents, i.service_level, i.status])).toEqual([['09:00-09:30', 200, 20, 25, 1, 'met_target']]);
  });

  test('a day without calls: a warning, no rows', () => {
    const r = run(['staffing', 'check', '--date', '2026-10-23', '--format', 'csv']);
    expect([r.status, r.stderr, r.stdout]).toEqual([0, `warning: no inbound calls on 2026-10-23 in ${DB}: nothing to check\n`, 'interval,offered,answered_within_threshold,service_level,aht_seconds,traffic_erlangs,agents,operators_available,shortfall,status\r\n']);
  });
});
