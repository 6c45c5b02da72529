// Repeat calls and first-contact resolution end to end (issue 24): `stats repeats`, `calls list
// --repeats-of`, `stats daily` JSON `repeats`, the appraisal's optional `fcr`, and chains that
// survive `db purge-pii`. Every figure below is worked out by hand from CALLS (Asia/Shanghai).
import { beforeAll, describe, expect, test } from 'vitest';
import { hotline } from '../helpers/cli.js';
import { csv, demoDatabase, value, workspace } from './support.js';

const HEADER = ['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'talk_seconds', 'category', 'complaint_reason', 'customer_phone', 'tracking_no'];
// Customer P 13800001111: K01 → K02 (47 h, by phone: K01 has no tracking number) → K03 (47 h, by
// tracking number SF100) → K04 (1 h: SF100 again, from the receiver's phone 13500005555). K05: P
// about another parcel (SF200), 96 h after P's last call without a tracking number: a first call.
// Q: K06 23:30 → K07 00:10 (across midnight). K08 anonymous and K09 with no number: never chained.
// K10 outbound, K11 abandoned: in no chain. R: K12 on 31 October 22:00 → K13 on 1 November 09:00
// (11 h, across the month). S: K14 → K15 exactly 72 h later (a repeat) → K16 72 h 0 min 1 s after K15 (not).
const CALLS = csv(HEADER, [
  ['K01', '2026-09-29 10:00:00', '1001', 'inbound', 'answered', 60, 'consultation', '', '13800001111', ''],
  ['K02', '2026-10-01 09:00:00', '1002', 'inbound', 'answered', 60, 'query', '', '13800001111', 'SF100'],
  ['K03', '2026-10-03 08:00:00', '1003', 'inbound', 'answered', 60, 'complaint', 'delay', '13800001111', 'SF100'],
  ['K04', '2026-10-03 09:00:00', '1003', 'inbound', 'answered', 60, 'query', '', '13500005555', 'SF100'],
  ['K05', '2026-10-03 10:00:00', '1002', 'inbound', 'answered', 60, 'order', '', '13800001111', 'SF200'],
  ['K06', '2026-10-05 23:30:00', '1001', 'inbound', 'answered', 60, 'consultation', '', '13900002222', ''],
  ['K07', '2026-10-06 00:10:00', '1002', 'inbound', 'answered', 60, 'consultation', '', '13900002222', ''],
  ['K08', '2026-10-10 12:00:00', '1001', 'inbound', 'answered', 60, 'query', '', 'anonymous', ''],
  ['K09', '2026-10-10 12:05:00', '1001', 'inbound', 'answered', 60, 'query', '', '', ''],
  ['K10', '2026-10-10 13:00:00', '1001', 'outbound', 'answered', 60, '', '', '13800001111', ''],
  ['K11', '2026-10-10 14:00:00', '', 'inbound', 'abandoned', '', '', '', '13600004444', ''],
  ['K12', '2026-10-31 22:00:00', '1003', 'inbound', 'answered', 60, 'complaint', 'attitude', '13700003333', ''],
  ['K13', '2026-11-01 09:00:00', '1001', 'inbound', 'answered', 60, 'complaint', 'attitude', '13700003333', ''],
  ['K14', '2026-10-28 10:00:00', '1002', 'inbound', 'answered', 60, 'query', '', '13600004444', ''],
  ['K15', '2026-10-31 10:00:00', '1002', 'inbound', 'answered', 60, 'query', '', '13600004444', ''],
  ['K16', '2026-11-03 10:00:01', '1001', 'inbound', 'answered', 60, 'query', '', '13600004444', ''],
]);
const OPERATORS = csv(['工号', '姓名', '班组', '入职日期'], [['1001', '甲', '一组', '2020-01-01'], ['1002', '乙', '一组', '2020-01-01'], ['1003', '丙', '二组', '2020-01-01']]);

const ws = workspace('hotline-e2e-repeats-');
beforeAll(() => load('r.db'));

/** A database `name` with the roster and CALLS imported. */
function load(name: string): void {
  ws.write('calls.csv', CALLS);
  ws.write('operators.csv', OPERATORS);
  for (const kind of ['operators', 'calls']) expect(ws.run(['--db', name, 'import', kind, `${kind}.csv`]).status).toBe(0);
}

function json(args: string[], db = 'r.db', stderr = ''): Record<string, unknown> {
  const r = ws.run(['--db', db, ...args, '--format', 'json']);
  expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr });
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const m = (calls: number, repeat_calls: number, repeat_rate: number | null, first_calls: number, window_open: number, resolved_first_calls: number, fcr_rate: number | null, median_hours_to_repeat: number | null) =>
  ({ calls, repeat_calls, repeat_rate, first_calls, window_open, resolved_first_calls, fcr_rate, median_hours_to_repeat });

describe('stats repeats', () => {
  test('October by day: 11 answered inbound calls, 5 repeats, FCR 3 of 5 first calls whose window is over (K12\'s is not)', () => {
    expect(json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31'])).toEqual({
      from: '2026-10-01', to: '2026-10-31', by: 'day', timezone: 'Asia/Shanghai', window_hours: 72,
      as_of: '2026-11-03T10:00:01', as_of_source: 'latest_call',
      // Repeats K02 47 h, K03 47 h, K04 1 h, K07 0.67 h, K15 72 h: median 47.
      totals: m(11, 5, 0.4545, 6, 1, 3, 0.6, 47),
      rows: [
        { day: '2026-10-01', ...m(1, 1, 1, 0, 0, 0, null, 47) }, // K02 repeats K01 of September
        { day: '2026-10-03', ...m(3, 2, 0.6667, 1, 0, 1, 1, 24) }, // K03, K04 repeats; K05 (another parcel) resolved
        { day: '2026-10-05', ...m(1, 0, 0, 1, 0, 0, 0, null) }, // K06, repeated after midnight
        { day: '2026-10-06', ...m(1, 1, 1, 0, 0, 0, null, 0.67) }, // K07
        { day: '2026-10-10', ...m(2, 0, 0, 2, 0, 2, 1, null) }, // K08, K09: never chained; K10, K11 not counted
        { day: '2026-10-28', ...m(1, 0, 0, 1, 0, 0, 0, null) }, // K14, repeated exactly 72 h later
        { day: '2026-10-31', ...m(2, 1, 0.5, 1, 1, 0, null, 72) }, // K15; K12's window ends 3 Nov 22:00, after K16
      ],
    });
  });

  test('November: K13 repeats K12 of 31 October (11 h); K16, 72 h 0 min 1 s after K15, is a first call, its window open', () => {
    expect(json(['stats', 'repeats', '--from', '2026-11-01', '--to', '2026-11-30'])).toMatchObject({
      totals: m(2, 1, 0.5, 1, 1, 0, null, 11),
      rows: [{ day: '2026-11-01', ...m(1, 1, 1, 0, 0, 0, null, 11) }, { day: '2026-11-03', ...m(1, 0, 0, 1, 1, 0, null, null) }],
    });
  });

  test('--by operator: each repeat charged to whoever took its chain\'s first call (K02–K04 to 1001, who took K01 in September)', () => {
    expect(json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator']).rows).toEqual([
      { operator_id: '1001', name: '甲', ...m(7, 4, 0.5714, 3, 0, 2, 0.6667, 24) }, // K02 K03 K04 (K01's), K06 K07, K08, K09
      { operator_id: '1002', name: '乙', ...m(3, 1, 0.3333, 2, 0, 1, 0.5, 72) }, // K05, K14 K15
      { operator_id: '1003', name: '丙', ...m(1, 0, 0, 1, 1, 0, null, null) }, // K12
    ]);
  });

  test('a chain that starts more than a window before the first day is followed back to its first call', () => {
    // 3 October alone reads from 30 September 00:00: K02 is read, K01 (29 September) is looked up.
    expect(json(['stats', 'repeats', '--from', '2026-10-03', '--to', '2026-10-03', '--by', 'operator']).rows).toEqual([
      { operator_id: '1001', name: '甲', ...m(2, 2, 1, 0, 0, 0, null, 24) },
      { operator_id: '1002', name: '乙', ...m(1, 0, 0, 1, 0, 1, 1, null) },
    ]);
  });

  test('--by team and --by reason: the first call\'s team and complaint reason; calls with none last', () => {
    expect(json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'team']).rows).toEqual([
      { team: '一组', ...m(10, 5, 0.5, 5, 0, 3, 0.6, 47) },
      { team: '二组', ...m(1, 0, 0, 1, 1, 0, null, null) },
    ]);
    expect(json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'reason']).rows).toEqual([
      { complaint_reason: 'attitude', ...m(1, 0, 0, 1, 1, 0, null, null) },
      { complaint_reason: null, ...m(10, 5, 0.5, 5, 0, 3, 0.6, 47) },
    ]);
  });

  test('--as-of: K14\'s window ends on 31 October 10:00:00, inclusive', () => {
    const at = (asOf: string) => json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-28', '--as-of', asOf]);
    expect(at('2026-10-31 09:59')).toMatchObject({ as_of: '2026-10-31T09:59:00', as_of_source: 'as_of', totals: { first_calls: 5, window_open: 1, resolved_first_calls: 3, fcr_rate: 0.75 } });
    expect(at('2026-10-31 10:00')).toMatchObject({ as_of: '2026-10-31T10:00:00', totals: { first_calls: 5, window_open: 0, resolved_first_calls: 3, fcr_rate: 0.6 } });
  });

  test('the window: --window 24 (K04, K07 only), a policy of 48 h (K02, K03, K04, K07; not K15 at 72 h)', () => {
    expect(json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--window', '24'])).toMatchObject({ window_hours: 24, totals: { repeat_calls: 2, repeat_rate: 0.1818 } });
    ws.write('w48.json', JSON.stringify({ repeats: { window_hours: 48 } }));
    expect(json(['--policy', 'w48.json', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31'])).toMatchObject({ window_hours: 48, totals: { repeat_calls: 4, repeat_rate: 0.3636 } });
  });

  test('a table on a terminal of 80 columns, the window and what is left out of FCR said on stderr', () => {
    const r = hotline(['--db', 'r.db', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('repeats within 72 h; windows judged over as of 2026-11-03 10:00:01 (the latest call)\n1 first call whose window is not over is left out of the FCR rate\n');
    expect(r.stdout.split('\n')).toEqual([
      '┌───────────┬───────┬─────────┬─────────┬─────────┬──────────┬───────────────┐',
      '│ operator_ │ calls │ repeat_ │ repeat_ │ window_ │ fcr_rate │ median_hours_ │',
      '│ id        │       │   calls │    rate │    open │          │     to_repeat │',
      '├───────────┼───────┼─────────┼─────────┼─────────┼──────────┼───────────────┤',
      '│ 1001      │     7 │       4 │   57.1% │       0 │    66.7% │            24 │',
      '│ 1002      │     3 │       1 │   33.3% │       0 │    50.0% │            72 │',
      '│ 1003      │     1 │       0 │    0.0% │       1 │      n/a │           n/a │',
      '│ TOTAL     │    11 │       5 │   45.5% │       1 │    60.0% │            47 │',
      '└───────────┴───────┴─────────┴─────────┴─────────┴──────────┴───────────────┘',
      '',
    ]);
  });

  test('CSV in Chinese: headers and the total row', () => {
    const r = ws.run(['--db', 'r.db', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'reason', '--format', 'csv', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      '投诉原因,接听来电,重复来电,重复来电率,首次来电,观察期未满,首次解决,一次解决率,重复间隔中位数(小时)',
      '服务态度,1,0,0,1,1,0,,',
      ',10,5,0.5,5,0,3,0.6,47',
      '合计,11,5,0.4545,6,1,3,0.6,47',
      '',
    ].join('\r\n'));
  });

  test('a database without calls: zeros and nulls, no moment to judge windows by', () => {
    ws.write('roster-only.csv', OPERATORS);
    expect(ws.run(['--db', 'empty.db', 'import', 'operators', 'roster-only.csv']).status).toBe(0);
    expect(json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31'], 'empty.db')).toEqual({
      from: '2026-10-01', to: '2026-10-31', by: 'day', timezone: 'Asia/Shanghai', window_hours: 72, as_of: null, as_of_source: 'no_calls', totals: m(0, 0, null, 0, 0, 0, null, null), rows: [],
    });
    const table = hotline(['--db', 'empty.db', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    expect(table.stderr).toBe('repeats within 72 h; no calls imported\n');
  });

  test('usage and input errors: exit 2 for --from after --to and a bad --window, 3 for a bad --as-of', () => {
    const after = ws.run(['--db', 'r.db', 'stats', 'repeats', '--from', '2026-10-31', '--to', '2026-10-01']);
    expect(after).toEqual({ status: 2, stdout: '', stderr: 'error: --from 2026-10-31 is after --to 2026-10-01\n' });
    const window = ws.run(['--db', 'r.db', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--window', '0']);
    expect(window.status).toBe(2);
    expect(window.stderr).toContain("option '--window <hours>' argument '0' is invalid. expected whole hours, 1–720");
    const asOf = ws.run(['--db', 'r.db', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--as-of', '31/10/2026']);
    expect(asOf.status).toBe(3);
    expect(asOf.stderr).toContain('error: --as-of');
  });
});

describe('stats daily --format json: repeats', () => {
  test('3 October: 2 repeats of 3 calls; its one first call (K05) resolved', () => {
    expect(json(['stats', 'daily', '--date', '2026-10-03']).repeats).toEqual({ calls: 2, rate: 0.6667, fcr_rate: 1, window_open: 0 });
  });

  test('31 October: K15 repeats K14; K12\'s window is not over at the latest call, so no FCR yet', () => {
    expect(json(['stats', 'daily', '--date', '2026-10-31']).repeats).toEqual({ calls: 1, rate: 0.5, fcr_rate: null, window_open: 1 });
  });
});

describe('calls list --repeats-of', () => {
  const HEAD = 'call_id,started_at,operator_id,direction,outcome,category,customer_phone,tracking_no,repeat_of,hours_to_repeat';

  test('the chain of K04, from its first call K01; numbers masked', () => {
    const r = ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K04', '--format', 'csv']);
    expect(r).toEqual({
      status: 0, stderr: '',
      stdout: [
        HEAD,
        'K01,2026-09-29 10:00:00,1001,inbound,answered,consultation,138****1111,,,',
        'K02,2026-10-01 09:00:00,1002,inbound,answered,query,138****1111,SF100,K01,47',
        'K03,2026-10-03 08:00:00,1003,inbound,answered,complaint,138****1111,SF100,K02,47',
        'K04,2026-10-03 09:00:00,1003,inbound,answered,query,135****5555,SF100,K03,1',
        '',
      ].join('\r\n'),
    });
    // The same chain from any of its calls.
    expect(ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K01', '--format', 'csv']).stdout).toBe(r.stdout);
  });

  test('--show-pii with a reason: unmasked, and audited with the chain asked for', () => {
    const r = ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K07', '--show-pii', '--reason', 'callback Q', '--format', 'csv']);
    expect(r.stdout).toBe([HEAD, 'K06,2026-10-05 23:30:00,1001,inbound,answered,consultation,13900002222,,,', 'K07,2026-10-06 00:10:00,1002,inbound,answered,consultation,13900002222,,K06,0.67', ''].join('\r\n'));
    const audit = JSON.parse(ws.run(['--db', 'r.db', 'audit', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(audit.at(-1)).toMatchObject({ action: 'show_pii', report: 'calls list', records: 2, reason: 'callback Q', filters_json: '{"repeats_of":"K07"}' });
  });

  test('a call alone, an anonymous one, an outbound one: the call, and why, on stderr', () => {
    const alone = ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K05', '--format', 'csv']);
    expect(alone.stdout).toBe(`${HEAD}\r\nK05,2026-10-03 10:00:00,1002,inbound,answered,order,138****1111,SF200,,\r\n`);
    expect(alone.stderr).toBe('K05 repeats no call and no call repeats it within 72 h\n');
    expect(ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K08', '--format', 'csv']).stderr).toBe('K08 repeats no call and no call repeats it within 72 h (no phone number and no tracking number: never chained)\n');
    const outbound = ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K10', '--format', 'csv']);
    expect(outbound.stdout).toBe(`${HEAD}\r\nK10,2026-10-10 13:00:00,1001,outbound,answered,,138****1111,,,\r\n`);
    expect(outbound.stderr).toBe('K10 is an outbound call: only answered inbound calls are in chains\n');
  });

  test('an unknown call: exit 3; with another filter: exit 2', () => {
    expect(ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K99'])).toEqual({
      status: 3, stdout: '', stderr: 'error: no call K99 in the database\nhint: hotline calls list --date … shows the calls of a day and their call_id\n',
    });
    expect(ws.run(['--db', 'r.db', 'calls', 'list', '--repeats-of', 'K04', '--date', '2026-10-03', '--limit', '2'])).toEqual({
      status: 2, stdout: '', stderr: 'error: --repeats-of lists a whole chain: it takes no --date, --limit\n',
    });
  });
});

describe('db purge-pii: the tokens chain as the numbers did', () => {
  test('before 6 October: K06 becomes a token and K07 does not, and every repeat figure and chain is the same', () => {
    load('p.db');
    const reports = (): unknown[] => [
      json(['stats', 'repeats', '--from', '2026-09-01', '--to', '2026-11-30'], 'p.db'),
      json(['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator'], 'p.db'),
      json(['stats', 'daily', '--date', '2026-10-06'], 'p.db').repeats,
      ws.run(['--db', 'p.db', 'calls', 'list', '--repeats-of', 'K06', '--format', 'csv']).stdout,
      ws.run(['--db', 'p.db', 'calls', 'list', '--repeats-of', 'K07', '--format', 'csv']).stdout,
      ws.run(['--db', 'p.db', 'calls', 'list', '--repeats-of', 'K01', '--format', 'csv']).stdout,
    ];
    const before = reports();
    expect(before[2]).toEqual({ calls: 1, rate: 1, fcr_rate: null, window_open: 0 });
    expect(ws.run(['--db', 'p.db', 'db', 'purge-pii', '--before', '2026-10-06']).status).toBe(0);
    expect(value(ws.db('p.db'), "SELECT customer_phone FROM calls WHERE call_id = 'K06'")).toMatch(/^tok:[0-9a-f]{20}$/);
    expect(value(ws.db('p.db'), "SELECT customer_phone FROM calls WHERE call_id = 'K07'")).toBe('13900002222');
    const after = reports();
    // The chain listings show the token where the number was (masked: its first 3 and last 4 characters).
    const token = String(value(ws.db('p.db'), "SELECT customer_phone FROM calls WHERE call_id = 'K06'"));
    const masked = `${token.slice(0, 3)}****${token.slice(-4)}`;
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]).toBe((before[3] as string).replace('139****2222,,,', `${masked},,,`));
    expect(after[4]).toBe(after[3]);
    expect((after[5] as string).split('\r\n').map((l) => l.split(',')[0])).toEqual(['call_id', 'K01', 'K02', 'K03', 'K04', '']);
  });
});

describe('appraise run: the optional fcr indicator', () => {
  const UNFINALIZED = '2026-09 is not finalized: streaks start at 2026-10\n';
  test('weight 0 by default: no fcr in any row', () => {
    const rows = json(['appraise', 'run', '--month', '2026-10'], 'r.db', UNFINALIZED) as unknown as { indicators: Record<string, unknown> }[];
    expect(rows.map((r) => Object.keys(r.indicators).includes('fcr'))).toEqual([false, false, false]);
  });

  test('given 15 of service_quality: the FCR of the first calls each operator took in October, window over at the latest call', () => {
    ws.write('fcr.json', JSON.stringify({ appraisal: { groups: { service_quality: { indicators: { satisfaction: 40, complaint_rate: 30, suggestion_adoption: 15, fcr: 15 } } } } }));
    const rows = json(['--policy', 'fcr.json', 'appraise', 'run', '--month', '2026-10'], 'r.db', UNFINALIZED) as unknown as { operator_id: string; indicators: Record<string, unknown>; missing: string[] }[];
    // No ratings and no suggestions: satisfaction and suggestion_adoption have no data, so fcr weighs 15 / (30 + 15).
    expect(rows.map((r) => [r.operator_id, r.indicators.fcr])).toEqual([
      ['1001', { raw: 2 / 3, score: 41.67, weight: 33.33, base_weight: 15 }], // K06 (repeated), K08, K09: 2 / 3; (0.667 − 0.5) / 0.4
      ['1002', { raw: 0.5, score: 0, weight: 33.33, base_weight: 15 }], // K05 resolved, K14 repeated
      ['1003', { raw: null, score: null, weight: 0, base_weight: 15 }], // K12: window open
    ]);
    // 1003's fcr has no data, like the indicators this small data set has nothing for (no orders, tickets or evaluations).
    expect(rows[2]?.missing).toEqual(['satisfaction', 'suggestion_adoption', 'fcr', 'orders_per_day', 'resolution_hours', 'knowledge_test', 'teamwork']);
    const explain = ws.run(['--db', 'r.db', '--policy', 'fcr.json', 'appraise', 'explain', '--month', '2026-10', '--operator', '1001', '--format', 'csv']);
    // service_quality carries 40 / (40 + 30) = 57.14 % (knowledge and teamwork have no data): 41.67 × 33.33 % × 57.14 % = 7.94.
    expect(explain.stdout.split('\r\n').find((l) => l.startsWith('service_quality,fcr,'))).toBe('service_quality,fcr,2 resolved / 3 first calls with the window over (0 still open),0.6666666666666666,0.5 → 0.9,41.67,33.33,15,57.14,7.94');
  });
});

describe('the README example: the demo\'s October', () => {
  const demo = workspace('hotline-e2e-repeats-demo-');
  beforeAll(async () => void (await demoDatabase(demo.dir(), 'demo.db')));

  test('the last days and the total, and the chain of C20261012000004', () => {
    const r = demo.run(['--db', 'demo.db', 'stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'csv']);
    expect(r.stdout.trim().split('\r\n').slice(-5)).toEqual([
      '2026-10-28,1172,148,0.1263,1024,1,931,0.9101,28.53',
      '2026-10-29,1154,142,0.1231,1012,1012,0,,31.51',
      '2026-10-30,1011,121,0.1197,890,890,0,,33.7',
      '2026-10-31,761,77,0.1012,684,684,0,,40.32',
      'TOTAL,28058,3088,0.1101,24970,2587,20224,0.9035,30.59',
    ]);
    const chain = demo.run(['--db', 'demo.db', 'calls', 'list', '--repeats-of', 'C20261012000004', '--format', 'csv']);
    expect(chain.stdout.trim().split('\r\n').map((l) => l.split(',').filter((_, i) => [0, 8, 9].includes(i)).join(','))).toEqual([
      'call_id,repeat_of,hours_to_repeat', 'C20261009001395,,', 'C20261012000004,C20261009001395,57.88',
    ]);
  });
});
