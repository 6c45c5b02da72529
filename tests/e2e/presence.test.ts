// Operator presence end to end (issue 20): a canonical presence CSV with Chinese headers, two
// overlapping exports, the sessions and pauses they give, and the reports on them. Worked out by
// hand for Monday 2026-10-12 (Asia/Shanghai):
//
//   1001 张三 A组  签入 08:58; 示忙 10:30 小休 → 示闲 10:50; 示忙 12:00 午休 → 12:45; 示忙 15:00 小休 → 15:15;
//                  示忙 16:00 (no reason) → 16:10; 签出 18:02
//                  logged in 9 h 4 min = 32,640 s; paused break 35 min, lunch 45, none 10 = 5,400 s;
//                  available 27,240 s; unauthorized: break over its 30 minutes 5 min + no reason 10 min = 900 s
//   1002 李四 A组  night shift: 签入 22:00; 示忙 23:50 小休 → 示闲 00:10 (13th); 签出 06:00 (13th)
//   1003 王五 B组  签入 09:00; 签入 13:00 again (no 签出 before it: the first session closes at 13:00);
//                  示忙 17:30 私事 (not an allowed reason) … 签出 18:30 (in the second export only)
//
// The first export ends with 1001's 签出 at 18:02, so 1003 is still logged in (and paused) at the
// end of the data; the second export (from 18:00 to 06:00) repeats that 签出 and brings the rest.
//
// Calls of the day: 1001 answers C1 at 09:10 (talk 300 + acw 60) and C2 at 14:00 (talk 600 + hold
// 30 + acw 90): handle 1,080 s; 1004, who has no presence at all, answers C3 at 10:00 (handle 150);
// C4 at 16:05 is abandoned.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import { hotline } from '../helpers/cli.js';
import { demoDatabase, rows, sharedDemo, workspace } from './support.js';

const stringWidth = createRequire(import.meta.url)('string-width') as (s: string) => number;
const ws = workspace('hotline-e2e-presence-');

beforeAll(() => {
  ws.write('花名册.csv', '工号,姓名,班组,入职日期\n1001,张三,A组,2020-01-06\n1002,李四,A组,2021-03-01\n1003,王五,B组,2026-10-12\n1004,赵六,B组,2019-05-06\n');
  ws.write('话单.csv', [
    '通话编号,来电时间,坐席工号,呼叫结果,等待时长,通话时长,保持时长,话后处理时长',
    'C1,2026-10-12 09:10:00,1001,已接听,5,300,0,60',
    'C2,2026-10-12 14:00:00,1001,已接听,20,600,30,90',
    'C3,2026-10-12 10:00:00,1004,已接听,8,120,0,30',
    'C4,2026-10-12 16:05:00,,放弃,40,0,0,0',
  ].join('\n') + '\n');
  expect(ws.run(['--db', 'p.db', 'import', 'operators', '花名册.csv']).status).toBe(0);
  expect(ws.run(['--db', 'p.db', 'import', 'calls', '话单.csv']).status).toBe(0);
});

/** The JSON document of a report on p.db. */
function json(args: string[]): { rows: Record<string, unknown>[] } & Record<string, unknown> {
  const r = ws.run(['--db', 'p.db', ...args, '--format', 'json']);
  expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
  return JSON.parse(r.stdout) as { rows: Record<string, unknown>[] } & Record<string, unknown>;
}

const EXPORT_1 = [
  '工号,状态,时间,原因,队列',
  '1001,签入,2026-10-12 08:58:00,,',
  '1003,签入,2026-10-12 09:00:00,,',
  '1001,示忙,2026-10-12 10:30:00,小休,',
  '1001,示闲,2026-10-12 10:50:00,,',
  '1001,示忙,2026-10-12 12:00:00,午休,',
  '1001,示闲,2026-10-12 12:45:00,,',
  '1003,签入,2026-10-12 13:00:00,,',
  '1001,示忙,2026-10-12 15:00:00,小休,',
  '1001,示闲,2026-10-12 15:15:00,,',
  '1001,示忙,2026-10-12 16:00:00,,',
  '1001,话后处理,2026-10-12 16:05:00,,',
  '1001,示闲,2026-10-12 16:10:00,,',
  '1003,示忙,2026-10-12 17:30:00,私事,',
  '1001,签出,2026-10-12 18:02:00,,',
].join('\n') + '\n';

const EXPORT_2 = [
  '工号,状态,时间,原因,队列',
  '1001,签出,2026-10-12 18:02:00,,',
  '1003,签出,2026-10-12 18:30:00,,',
  '1002,签入,2026-10-12 22:00:00,,',
  '1002,示忙,2026-10-12 23:50:00,小休,',
  '1002,示闲,2026-10-13 00:10:00,,',
  '1002,签出,2026-10-13 06:00:00,,',
].join('\n') + '\n';

describe('hotline import presence', () => {
  test('a canonical file with Chinese headers: the events, the sessions and pauses, a state it does not know kept', () => {
    ws.write('坐席状态-1.csv', EXPORT_1);
    const r = ws.run(['--db', 'p.db', '--verbose', 'import', 'presence', '坐席状态-1.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      '坐席状态-1.csv: presence of 2 operators rebuilt: 1 login without a logout before it (the session before closed at that login); 1 event of a state hotline does not know (kept, not used)',
      '坐席状态-1.csv: 14 rows: 14 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #3, utf-8)',
      '',
    ].join('\n'));
    expect(rows(ws.db('p.db'), "SELECT state, count(*) AS n FROM presence GROUP BY state ORDER BY state")).toEqual([
      { state: 'login', n: 3 }, { state: 'logout', n: 1 }, { state: 'pause', n: 5 }, { state: 'unpause', n: 4 }, { state: '话后处理', n: 1 },
    ]);
    expect(rows(ws.db('p.db'), "SELECT reason, count(*) AS n FROM presence WHERE state = 'pause' GROUP BY reason ORDER BY reason")).toEqual([
      { reason: null, n: 1 }, { reason: 'break', n: 2 }, { reason: 'lunch', n: 1 }, { reason: '私事', n: 1 },
    ]);
    expect(rows(ws.db('p.db'), "SELECT operator_id, kind, datetime(started_at, 'unixepoch', '+8 hours') AS start, datetime(ended_at, 'unixepoch', '+8 hours') AS end, reason, end_by FROM presence_intervals WHERE operator_id = '1003' ORDER BY started_at, kind DESC")).toEqual([
      { operator_id: '1003', kind: 'session', start: '2026-10-12 09:00:00', end: '2026-10-12 13:00:00', reason: null, end_by: 'relogin' },
      { operator_id: '1003', kind: 'session', start: '2026-10-12 13:00:00', end: null, reason: null, end_by: null },
      { operator_id: '1003', kind: 'pause', start: '2026-10-12 17:30:00', end: null, reason: '私事', end_by: null },
    ]);
  });

  test('agents daily after the first export: 1003 still logged in, shown open and counted to the end of the data (18:02)', () => {
    const doc = json(['agents', 'daily', '--date', '2026-10-12', '--operator', '1003']);
    expect(doc.definitions).toEqual({ allowed_reasons: ['lunch', 'training', 'meeting', 'break'], allowance_minutes: { lunch: 60, break: 30 }, data_end: '2026-10-12T18:02:00' });
    expect(doc.rows).toEqual([{
      operator_id: '1003', name: '王五', team: 'B组', first_login: '2026-10-12T09:00:00', last_logout: null, open: true,
      logged_in_seconds: 32520, paused_seconds: 1920, paused_by_reason: { 私事: 1920 }, available_seconds: 30600, answered: 0, handle_seconds: 0,
      occupancy: 0, utilisation: 0, answered_per_available_hour: 0, pauses: 1, relogins: 1, unauthorized_seconds: 1920,
    }]);
  });

  test('the overlapping second export: its repeated line unchanged, the open session and pause closed', () => {
    ws.write('坐席状态-2.csv', EXPORT_2);
    const r = ws.run(['--db', 'p.db', 'import', 'presence', '坐席状态-2.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('坐席状态-2.csv: 6 rows: 5 inserted, 0 updated, 1 unchanged, 0 rejected, 0 skipped (import #4, utf-8)\n');
    expect(rows(ws.db('p.db'), "SELECT kind, datetime(ended_at, 'unixepoch', '+8 hours') AS end, end_by FROM presence_intervals WHERE operator_id = '1003' AND started_at >= unixepoch('2026-10-12 05:00:00')")).toEqual([
      { kind: 'session', end: '2026-10-12 18:30:00', end_by: 'logout' },
      { kind: 'pause', end: '2026-10-12 18:30:00', end_by: 'logout' },
    ]);
    // The same file again: already imported, nothing changes.
    expect(ws.run(['--db', 'p.db', 'import', 'presence', '坐席状态-2.csv']).stderr).toBe('坐席状态-2.csv: already imported as import #4; nothing changed\n');
  });

  test('db check counts the presence imports with the others (their rows are there)', () => {
    const r = ws.run(['--db', 'p.db', 'db', 'check', '--format', 'csv']);
    expect(r.stdout).toContain('ledger,ok,"4 imports, every one with its rows"'); // operators, calls and the two presence files
  });

  test('a bad row names the file, line and column, and nothing of the file is imported', () => {
    ws.write('bad.csv', '工号,状态,时间\n1004,签入,2026-10-12 09:00\n1004,签出,2026-10-12 25:00\n');
    const r = ws.run(['--db', 'p.db', 'import', 'presence', 'bad.csv']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('error: bad.csv: 1 bad row; nothing was imported from this file\n  line 3: column 3 (时间): "2026-10-12 25:00"');
    expect(rows(ws.db('p.db'), "SELECT count(*) AS n FROM presence WHERE operator_id = '1004'")).toEqual([{ n: 0 }]);
  });
});

describe('another layout through --mapping', () => {
  test("an ACD's agent-state export (LOGIN, NOTREADY, READY, LOGOUT; DD/MM/YYYY times) maps to presence", () => {
    ws.write('acd.mapping.json', JSON.stringify({
      kind: 'presence',
      fields: {
        operator_id: 'Agent',
        state: { column: 'Action', map: { LOGIN: 'login', LOGOUT: 'logout', NOTREADY: 'pause', READY: 'unpause', ACW: '@skip' } },
        at: { column: 'Time', date_format: 'DD/MM/YYYY HH:mm:ss' },
        reason: 'Code',
      },
    }));
    ws.write('acd.csv', 'Agent,Action,Time,Code\n3001,LOGIN,14/10/2026 09:00:00,\n3001,NOTREADY,14/10/2026 12:00:00,Lunch\n3001,ACW,14/10/2026 12:30:00,\n3001,READY,14/10/2026 12:50:00,\n3001,LOGOUT,14/10/2026 17:00:00,\n');
    const r = ws.run(['--db', 'm.db', 'import', 'presence', '--mapping', 'acd.mapping.json', 'acd.csv']);
    expect(r).toMatchObject({ status: 0, stderr: 'acd.csv: 5 rows: 4 inserted, 0 updated, 0 unchanged, 0 rejected, 1 skipped (import #1, utf-8; mapping acd.mapping.json)\n' });
    const doc = JSON.parse(ws.run(['--db', 'm.db', 'agents', 'daily', '--date', '2026-10-14', '--format', 'json']).stdout) as { rows: Record<string, unknown>[] };
    expect(doc.rows.map((x) => [x.operator_id, x.first_login, x.last_logout, x.logged_in_seconds, x.paused_by_reason, x.unauthorized_seconds])).toEqual([
      ['3001', '2026-10-14T09:00:00', '2026-10-14T17:00:00', 8 * 3600, { lunch: 3000 }, 0],
    ]);
  });
});

describe('hotline agents', () => {
  test('daily --format json: each operator of the day, worked out by hand', () => {
    const doc = json(['agents', 'daily', '--date', '2026-10-12']);
    expect(doc).toMatchObject({ date: '2026-10-12', timezone: 'Asia/Shanghai', definitions: { data_end: '2026-10-13T06:00:00' } });
    expect(doc.rows).toEqual([
      {
        operator_id: '1001', name: '张三', team: 'A组', first_login: '2026-10-12T08:58:00', last_logout: '2026-10-12T18:02:00', open: false,
        logged_in_seconds: 32640, paused_seconds: 5400, paused_by_reason: { break: 2100, lunch: 2700, '(none)': 600 }, available_seconds: 27240,
        // occupancy 1080 / 27240, utilisation 1080 / 32640, 2 calls in 7.57 available hours
        answered: 2, handle_seconds: 1080, occupancy: 0.0396, utilisation: 0.0331, answered_per_available_hour: 0.26, pauses: 4, relogins: 0, unauthorized_seconds: 900,
      },
      {
        // the night shift: its part of the 12th, 22:00–24:00, the break 23:50–24:00
        operator_id: '1002', name: '李四', team: 'A组', first_login: '2026-10-12T22:00:00', last_logout: '2026-10-13T06:00:00', open: false,
        logged_in_seconds: 7200, paused_seconds: 600, paused_by_reason: { break: 600 }, available_seconds: 6600,
        answered: 0, handle_seconds: 0, occupancy: 0, utilisation: 0, answered_per_available_hour: 0, pauses: 1, relogins: 0, unauthorized_seconds: 0,
      },
      {
        operator_id: '1003', name: '王五', team: 'B组', first_login: '2026-10-12T09:00:00', last_logout: '2026-10-12T18:30:00', open: false,
        logged_in_seconds: 34200, paused_seconds: 3600, paused_by_reason: { 私事: 3600 }, available_seconds: 30600,
        answered: 0, handle_seconds: 0, occupancy: 0, utilisation: 0, answered_per_available_hour: 0, pauses: 1, relogins: 1, unauthorized_seconds: 3600,
      },
      {
        // answered a call with no session: logged in 0, occupancy not defined
        operator_id: '1004', name: '赵六', team: 'B组', first_login: null, last_logout: null, open: false,
        logged_in_seconds: 0, paused_seconds: 0, paused_by_reason: {}, available_seconds: 0,
        answered: 1, handle_seconds: 150, occupancy: null, utilisation: null, answered_per_available_hour: null, pauses: 0, relogins: 0, unauthorized_seconds: 0,
      },
    ]);
  });

  test('daily --format csv --lang zh: the pauses by reason as columns, a 合计 row', () => {
    const r = ws.run(['--db', 'p.db', 'agents', 'daily', '--date', '2026-10-12', '--format', 'csv', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(''); // the definitions are in a terminal page, and in JSON
    expect(r.stdout.split('\r\n')).toEqual([
      '工号,姓名,班组,首次签入,最后签出,未签出,签入时长,示忙时长,午休,培训,会议,小休,其他原因,无原因,可用时长,接听量,处理时长,占用率,利用率,每可用小时接听,示忙次数,重复签入,擅离时长',
      '1001,张三,A组,2026-10-12 08:58:00,2026-10-12 18:02:00,否,32640,5400,2700,0,0,2100,0,600,27240,2,1080,0.0396,0.0331,0.26,4,0,900',
      '1002,李四,A组,2026-10-12 22:00:00,2026-10-13 06:00:00,否,7200,600,0,0,0,600,0,0,6600,0,0,0,0,0,1,0,0',
      '1003,王五,B组,2026-10-12 09:00:00,2026-10-12 18:30:00,否,34200,3600,0,0,0,0,3600,0,30600,0,0,0,0,0,1,1,3600',
      '1004,赵六,B组,,,否,0,0,0,0,0,0,0,0,0,1,150,,,,0,0,0',
      // 1230 / 64440 and 1230 / 74040; 3 calls in 17.9 available hours
      '合计,,,,,,74040,9600,2700,0,0,2700,3600,600,64440,3,1230,0.0191,0.0166,0.17,6,1,4500',
      '',
    ]);
  });

  test('range --by day, --by operator: the night shift split at midnight and added up again', () => {
    const byDay = json(['agents', 'range', '--from', '2026-10-12', '--to', '2026-10-13', '--by', 'day']);
    expect(byDay.rows.map((r) => [r.date, r.operators, r.logged_in_seconds, r.paused_seconds, r.available_seconds, r.pauses, r.unauthorized_seconds])).toEqual([
      ['2026-10-12', 4, 74040, 9600, 64440, 6, 4500],
      ['2026-10-13', 1, 21600, 600, 21000, 0, 0], // 1002 00:00–06:00, its break until 00:10
    ]);
    const byOperator = json(['agents', 'range', '--from', '2026-10-12', '--to', '2026-10-13', '--by', 'operator', '--operator', '1002']);
    expect(byOperator.rows).toEqual([{
      operator_id: '1002', name: '李四', team: 'A组', first_login: '2026-10-12T22:00:00', last_logout: '2026-10-13T06:00:00', open: false,
      logged_in_seconds: 28800, paused_seconds: 1200, paused_by_reason: { break: 1200 }, available_seconds: 27600,
      answered: 0, handle_seconds: 0, occupancy: 0, utilisation: 0, answered_per_available_hour: 0, pauses: 1, relogins: 0, unauthorized_seconds: 0,
    }]);
    const byTeam = json(['agents', 'range', '--from', '2026-10-12', '--to', '2026-10-13', '--by', 'team']);
    expect(byTeam.rows.map((r) => [r.team, r.operators, r.logged_in_seconds, r.unauthorized_seconds])).toEqual([['A组', 2, 32640 + 28800, 900], ['B组', 2, 34200, 3600]]);
  });

  test('absence: each unauthorized pause with its times and why', () => {
    const doc = json(['agents', 'absence', '--date', '2026-10-12']);
    expect(doc.rows).toEqual([
      { date: '2026-10-12', operator_id: '1001', name: '张三', paused_from: '2026-10-12T15:00:00', paused_to: '2026-10-12T15:15:00', pause_reason: 'break', absence: 'over_allowance', seconds: 900, unauthorized_seconds: 300 },
      { date: '2026-10-12', operator_id: '1001', name: '张三', paused_from: '2026-10-12T16:00:00', paused_to: '2026-10-12T16:10:00', pause_reason: '(none)', absence: 'no_reason', seconds: 600, unauthorized_seconds: 600 },
      { date: '2026-10-12', operator_id: '1003', name: '王五', paused_from: '2026-10-12T17:30:00', paused_to: '2026-10-12T18:30:00', pause_reason: '私事', absence: 'not_allowed', seconds: 3600, unauthorized_seconds: 3600 },
    ]);
    const zh = ws.run(['--db', 'p.db', 'agents', 'absence', '--date', '2026-10-12', '--format', 'csv', '--lang', 'zh']).stdout.split('\r\n');
    expect(zh.slice(0, 3)).toEqual(['日期,工号,姓名,示忙开始,示忙结束,示忙原因,认定,时长,擅离时长', '2026-10-12,1001,张三,2026-10-12 15:00:00,2026-10-12 15:15:00,小休,超出额度,900,300', '2026-10-12,1001,张三,2026-10-12 16:00:00,2026-10-12 16:10:00,无原因,无原因,600,600']);
    expect(ws.run(['--db', 'p.db', 'agents', 'absence', '--from', '2026-10-12'])).toMatchObject({ status: 2, stderr: 'error: give --from and --to together (or --date)\n' });
  });

  test('a policy that allows 私事 with 30 minutes a day: 1003 is 30 minutes over', () => {
    ws.write('private.policy.json', JSON.stringify({ presence: { allowed_reasons: ['lunch', 'training', 'meeting', 'break', '私事'], allowance_minutes: { break: 30, 私事: 30 } } }));
    const doc = json(['--policy', 'private.policy.json', 'agents', 'absence', '--date', '2026-10-12', '--operator', '1003']);
    expect(doc.rows.map((r) => [r.operator_id, r.absence, r.unauthorized_seconds])).toEqual([['1003', 'over_allowance', 1800]]);
  });

  test('on a terminal: the main figures, durations as H:MM, times as HH:MM, then the definitions', () => {
    const r = hotline(['--db', 'p.db', 'agents', 'daily', '--date', '2026-10-12'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    const cells = r.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    expect(cells.slice(0, 2)).toEqual([['id', 'name', 'first', 'last', 'logged', 'avail.', 'occup.', 'pauses', 'unauth.'], ['', '', 'in', 'out', '', '', '', '', '']]);
    expect(cells.slice(2)).toEqual([
      ['1001', '张三', '08:58', '18:02', '9:04', '7:34', '4.0%', '4', '0:15'],
      ['1002', '李四', '22:00', '10-13', '2:00', '1:50', '0.0%', '1', '0:00'],
      ['', '', '', '06:00', '', '', '', '', ''],
      ['1003', '王五', '09:00', '18:30', '9:30', '8:30', '0.0%', '1', '1:00'],
      ['1004', '赵六', '', '', '0:00', '0:00', 'n/a', '0', '0:00'],
      ['TOTAL', '', '', '', '20:34', '17:54', '1.9%', '6', '1:15'],
    ]);
    expect(r.stdout.split('┘\n')[1]).toBe('definitions: unauthorized = a pause with no reason or one not in lunch,\ntraining, meeting, break, and beyond lunch 60 min, break 30 min a day; open\nsessions count to the end of the data, 2026-10-13 06:00:00; days in\nAsia/Shanghai\n');
  });

  test.each(['en', 'zh'])('every table fits 80 columns (--lang %s)', (lang) => {
    for (const args of [['agents', 'daily', '--date', '2026-10-12'], ['agents', 'range', '--from', '2026-10-12', '--to', '2026-10-13'], ['agents', 'absence', '--date', '2026-10-12'], ['stats', 'daily', '--date', '2026-10-12']]) {
      const r = hotline(['--db', 'p.db', ...args, '--lang', lang], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
      const lines = r.stdout.split('\n');
      expect({ args, status: r.status, table: lines.some((l) => l.startsWith('┌')) }).toEqual({ args, status: 0, table: true });
      expect({ args, wider: lines.filter((l) => stringWidth(l) > 80) }).toEqual({ args, wider: [] });
    }
  });
});

describe('stats daily with presence', () => {
  test('by hour: operators logged in and available beside the calls; hours before the first event unknown', () => {
    const doc = json(['stats', 'daily', '--date', '2026-10-12']) as unknown as { by_hour: Record<string, unknown>[]; by_operator: Record<string, unknown>[] };
    const hour = (h: number) => { const r = doc.by_hour[h] as Record<string, unknown>; return [h, r.offered, r.answered, r.operators_logged_in, r.operators_available]; };
    expect([7, 8, 9, 10, 14, 16, 17, 18, 22, 23].map(hour)).toEqual([
      [7, 0, 0, null, null], // before the first event (08:58)
      [8, 0, 0, 0.03, 0.03], // 1001 from 08:58: 2 minutes
      [9, 1, 1, 2, 2], // C1 09:10 answered by 1001; 1001 and 1003 all hour
      [10, 1, 1, 2, 1.67], // 1001's break 10:30–10:50
      [14, 1, 1, 2, 2],
      [16, 1, 0, 2, 1.83], // C4 abandoned at 16:05, 1001 paused with no reason 16:00–16:10
      [17, 0, 0, 2, 1.5], // 1003 paused 17:30 …
      [18, 0, 0, 0.53, 0.03], // 1001 until 18:02, 1003 until 18:30 (paused)
      [22, 0, 0, 1, 1], // 1002's night shift
      [23, 0, 0, 1, 0.83], // its break from 23:50
    ]);
    expect(doc.by_operator.map((o) => [o.operator_id, o.answered, o.unauthorized_seconds])).toEqual([['1001', 2, 900], ['1002', 0, 0], ['1003', 0, 3600], ['1004', 1, 0]]);
  });

  test('staffing check reads the operators available from presence (the same hour averages as stats daily)', () => {
    const doc = json(['staffing', 'check', '--date', '2026-10-12', '--interval-minutes', '60']) as unknown as { presence: boolean; intervals: Record<string, unknown>[] };
    expect(doc.presence).toBe(true);
    expect(doc.intervals.map((i) => [i.interval, i.offered, i.operators_available]).sort()).toEqual([
      ['09:00-10:00', 1, 2],
      ['10:00-11:00', 1, 1.67],
      ['14:00-15:00', 1, 2],
      ['16:00-17:00', 1, 1.83],
    ]);
  });

  test('the page on a terminal: each hour of the chart ends with the operators logged in/available', () => {
    const r = hotline(['--db', 'p.db', 'stats', 'daily', '--date', '2026-10-12'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    const chart = r.stdout.split('By hour: offered/answered\n')[1]?.split('\n').slice(0, 5);
    expect(chart?.map((l) => l.replace(/^(\d\d )[█░]+/, '$1#').replace(/ +/g, ' '))).toEqual([
      '09 # 1/1 2/2', '10 # 1/1 2/1.67', '14 # 1/1 2/2', '16 # 1/0 2/1.83', '█ answered ░ abandoned operators logged in/available (hour average)',
    ]);
  });
});

describe('the appraisal: adherence counts only when a policy gives it a weight', () => {
  test('default policy: no adherence indicator in the appraisal', () => {
    const rows = JSON.parse(ws.run(['--db', 'p.db', 'appraise', 'run', '--month', '2026-10', '--format', 'json']).stdout) as { operator_id: string; indicators: Record<string, unknown> }[];
    expect(rows.find((r) => r.operator_id === '1001')?.indicators.adherence).toBeUndefined();
  });

  test('efficiency with adherence 10: 1001 has 1 − 900 / 32640 = 0.9724 (score 86.21, weight 20 of the 50 with data)', () => {
    ws.write('adherence.policy.json', JSON.stringify({ appraisal: { groups: { efficiency: { indicators: { calls_per_day: 40, orders_per_day: 30, resolution_hours: 20, adherence: 10 } } } } }));
    const r = ws.run(['--db', 'p.db', '--policy', 'adherence.policy.json', 'appraise', 'run', '--month', '2026-10', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { operator_id: string; indicators: Record<string, unknown> }[];
    expect(Object.fromEntries(rows.map((x) => [x.operator_id, x.indicators.adherence]))).toEqual({
      1001: { raw: 1 - 900 / 32640, score: 86.21, weight: 20, base_weight: 10 },
      1002: { raw: 1, score: 100, weight: 20, base_weight: 10 }, // 28,800 s logged in over the 12th and 13th, no unauthorized absence
      1003: { raw: 1 - 3600 / 34200, score: 47.37, weight: 20, base_weight: 10 }, // 1 − 3,600 unauthorized / 34,200 logged in
      1004: { raw: null, score: null, weight: 0, base_weight: 10 }, // no presence: no data, its weight shared by calls_per_day
    });
    const explain = ws.run(['--db', 'p.db', '--policy', 'adherence.policy.json', 'appraise', 'explain', '--month', '2026-10', '--operator', '1001', '--format', 'csv']);
    expect(explain.stdout.split('\r\n').find((l) => l.startsWith('efficiency,adherence,'))).toBe(
      // no evaluations: knowledge and teamwork drop out, efficiency weighs 30 / 70 = 42.86 %; 86.21 × 20 % × 42.86 % = 7.39
      'efficiency,adherence,1 − 900 s unauthorized / 32640 s logged in,0.9724264705882353,0.8 → 1,86.21,20,10,42.86,7.39',
    );
  });
});

// An Asterisk queue_log (epoch 1791766800 = 2026-10-12 09:00:00 in Shanghai): one import fills the
// calls and the presence. 2001 is a member of two queues (hotline, vip): added to both at 08:58,
// removed from hotline at 09:40 and from vip at 10:20, so logged in 08:58–10:20 (82 min); its break
// is a PAUSEALL and a PAUSE line per queue (one pause, 09:10–09:20), then a pause with no reason at
// 10:00 becomes a meeting at 10:05 (two pauses), closed by the logout at 10:20. 2002 is an
// app_agent_pool agent: AGENTLOGIN 08:59, AGENTLOGOFF 10:30. PENALTY, RINGINUSE and a vendor's
// HEARTBEAT are kept as unknown events (counted) and change nothing.
const QUEUE_LOG = [
  '1791766500|NONE|NONE|NONE|QUEUESTART|',
  '1791766680|MANAGER|hotline|PJSIP/2001|ADDMEMBER|',
  '1791766680|MANAGER|vip|PJSIP/2001|ADDMEMBER|',
  '1791766740|1791766740.1|NONE|Agent/2002|AGENTLOGIN|PJSIP/2002-00000001',
  '1791766800|C.1|hotline|NONE|ENTERQUEUE||13812345678|1',
  '1791766810|C.1|hotline|PJSIP/2001|CONNECT|10|1791766805.2|3',
  '1791767110|C.1|hotline|PJSIP/2001|COMPLETECALLER|10|300|1',
  '1791767400|NONE|NONE|PJSIP/2001|PAUSEALL|小休',
  '1791767400|NONE|hotline|PJSIP/2001|PAUSE|小休',
  '1791767400|NONE|vip|PJSIP/2001|PAUSE|小休',
  '1791767401|NONE|hotline|PJSIP/2001|PENALTY|5',
  '1791767402|NONE|hotline|PJSIP/2001|RINGINUSE|0',
  '1791767500|NONE|NONE|NONE|HEARTBEAT|',
  '1791768000|NONE|NONE|PJSIP/2001|UNPAUSEALL|',
  '1791768000|NONE|hotline|PJSIP/2001|UNPAUSE|',
  '1791768000|NONE|vip|PJSIP/2001|UNPAUSE|',
  '1791768600|C.2|vip|NONE|ENTERQUEUE||13912345678|1',
  '1791768620|C.2|vip|Agent/2002|CONNECT|20|1791768615.3|5',
  '1791768740|C.2|vip|Agent/2002|COMPLETEAGENT|20|120|1',
  '1791769200|NONE|hotline|PJSIP/2001|REMOVEMEMBER|',
  '1791770400|NONE|vip|PJSIP/2001|PAUSE|',
  '1791770700|NONE|vip|PJSIP/2001|PAUSE|meeting',
  '1791771600|NONE|vip|PJSIP/2001|REMOVEMEMBER|',
  '1791772200|1791766740.1|NONE|Agent/2002|AGENTLOGOFF|PJSIP/2002-00000001|5460',
];

describe('an Asterisk queue_log: its member events are presence', () => {
  test('one import fills the calls and the presence', () => {
    ws.write('queue_log', QUEUE_LOG.join('\n') + '\n');
    const r = ws.run(['--db', 'q.db', 'import', 'calls', '--profile', 'asterisk-queue-log', '--format', 'json', 'queue_log']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('queue_log: 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8; asterisk-queue-log: 24 records → 2 calls (4 merged), 14 presence events)\n');
    expect(JSON.parse(r.stdout).profile).toMatchObject({ presence_events: 14, ignored_events: { QUEUESTART: 1, PENALTY: 1, RINGINUSE: 1, HEARTBEAT: 1 } });
    expect(rows(ws.db('q.db'), 'SELECT count(*) AS calls FROM calls')).toEqual([{ calls: 2 }]);
    expect(rows(ws.db('q.db'), 'SELECT state, count(*) AS n FROM presence GROUP BY state ORDER BY state')).toEqual([
      { state: 'login', n: 3 }, { state: 'logout', n: 3 }, { state: 'pause', n: 5 }, { state: 'unpause', n: 3 },
    ]);
  });

  test('agents daily: a member of two queues logged in until the last queue, PAUSEALL counted once, the reason change, the logout while paused', () => {
    const r = ws.run(['--db', 'q.db', 'agents', 'daily', '--date', '2026-10-12', '--format', 'json']);
    expect(JSON.parse(r.stdout).rows).toEqual([
      {
        operator_id: '2001', name: null, team: null, first_login: '2026-10-12T08:58:00', last_logout: '2026-10-12T10:20:00', open: false,
        logged_in_seconds: 4920, paused_seconds: 1800, paused_by_reason: { break: 600, '(none)': 300, meeting: 900 }, available_seconds: 3120,
        answered: 1, handle_seconds: 300, occupancy: 0.0962, utilisation: 0.061, answered_per_available_hour: 1.15, pauses: 3, relogins: 0, unauthorized_seconds: 300,
      },
      {
        operator_id: '2002', name: null, team: null, first_login: '2026-10-12T08:59:00', last_logout: '2026-10-12T10:30:00', open: false,
        logged_in_seconds: 5460, paused_seconds: 0, paused_by_reason: {}, available_seconds: 5460,
        answered: 1, handle_seconds: 120, occupancy: 0.022, utilisation: 0.022, answered_per_available_hour: 0.66, pauses: 0, relogins: 0, unauthorized_seconds: 0,
      },
    ]);
  });

  test('the next, overlapping log (rotated from C.2 on): nothing counted twice; 2001 back at 11:00 and still logged in', () => {
    ws.write('queue_log.2', [...QUEUE_LOG.slice(16), '1791774000|MANAGER|hotline|PJSIP/2001|ADDMEMBER|'].join('\n') + '\n');
    const r = ws.run(['--db', 'q.db', 'import', 'calls', '--profile', 'asterisk-queue-log', 'queue_log.2']);
    expect(r.stderr).toBe('queue_log.2: 1 rows: 0 inserted, 0 updated, 1 unchanged, 0 rejected, 0 skipped (import #2, utf-8; asterisk-queue-log: 9 records → 1 call (2 merged), 6 presence events)\n');
    expect(rows(ws.db('q.db'), 'SELECT count(*) AS n FROM presence')).toEqual([{ n: 15 }]);
    expect(rows(ws.db('q.db'), "SELECT kind, datetime(started_at, 'unixepoch', '+8 hours') AS start, ended_at FROM presence_intervals WHERE operator_id = '2001' AND kind = 'session' ORDER BY started_at")).toEqual([
      { kind: 'session', start: '2026-10-12 08:58:00', ended_at: 1791771600 },
      { kind: 'session', start: '2026-10-12 11:00:00', ended_at: null },
    ]);
  });
});

describe('the demo: sample presence consistent with its calls', () => {
  test('every answered call is answered by an operator logged in and not paused; the tour shows a day of presence', async () => {
    // The run of tests/helpers/demo-setup.ts; its database copied to demo.db.
    const r = (await sharedDemo()).run;
    await demoDatabase(ws.dir(), 'demo.db');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(''); // no login without a logout, no pause while logged out, no unknown state in the sample
    expect(rows(ws.db('demo.db'), "SELECT kind, file_name, rows, inserted FROM imports WHERE kind = 'presence'")).toEqual([{ kind: 'presence', file_name: 'presence.csv', rows: 14202, inserted: 14202 }]);
    const answeredAt = "c.started_at + CASE c.direction WHEN 'inbound' THEN coalesce(c.wait_seconds, 0) ELSE 0 END";
    expect(rows(ws.db('demo.db'), `
      SELECT count(*) AS answered,
        sum(NOT EXISTS (SELECT 1 FROM presence_intervals s WHERE s.operator_id = c.operator_id AND s.kind = 'session' AND s.started_at <= ${answeredAt} AND (s.ended_at IS NULL OR s.ended_at > ${answeredAt}))) AS logged_out,
        sum(EXISTS (SELECT 1 FROM presence_intervals p WHERE p.operator_id = c.operator_id AND p.kind = 'pause' AND p.started_at <= ${answeredAt} AND p.ended_at > ${answeredAt})) AS paused
      FROM calls c WHERE c.outcome = 'answered'`)).toEqual([{ answered: 90267, logged_out: 0, paused: 0 }]);
    expect(r.stdout).toContain('\n== Operator presence on 2026-10-12: logins, time logged in and available (H:MM),');
  });
});
