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
import { describe, expect, test } from 'vitest';
import { rows, workspace } from './support.js';

const ws = workspace('hotline-e2e-presence-');

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
    const r = ws.run(['--db', 'p.db', 'import', 'presence', '坐席状态-1.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      '坐席状态-1.csv: presence of 2 operators rebuilt: 1 login without a logout before it (the session before closed at that login); 1 event of a state hotline does not know (kept, not used)',
      '坐席状态-1.csv: 14 rows: 14 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #1, utf-8)',
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

  test('the overlapping second export: its repeated line unchanged, the open session and pause closed', () => {
    ws.write('坐席状态-2.csv', EXPORT_2);
    const r = ws.run(['--db', 'p.db', 'import', 'presence', '坐席状态-2.csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('坐席状态-2.csv: 6 rows: 5 inserted, 0 updated, 1 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n');
    expect(rows(ws.db('p.db'), "SELECT kind, datetime(ended_at, 'unixepoch', '+8 hours') AS end, end_by FROM presence_intervals WHERE operator_id = '1003' AND started_at >= unixepoch('2026-10-12 05:00:00')")).toEqual([
      { kind: 'session', end: '2026-10-12 18:30:00', end_by: 'logout' },
      { kind: 'pause', end: '2026-10-12 18:30:00', end_by: 'logout' },
    ]);
    // The same file again: already imported, nothing changes.
    expect(ws.run(['--db', 'p.db', 'import', 'presence', '坐席状态-2.csv']).stderr).toBe('坐席状态-2.csv: already imported as import #2; nothing changed\n');
  });

  test('a bad row names the file, line and column, and nothing of the file is imported', () => {
    ws.write('bad.csv', '工号,状态,时间\n1004,签入,2026-10-12 09:00\n1004,签出,2026-10-12 25:00\n');
    const r = ws.run(['--db', 'p.db', 'import', 'presence', 'bad.csv']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('error: bad.csv: 1 bad row; nothing was imported from this file\n  line 3: column 3 (时间): "2026-10-12 25:00"');
    expect(rows(ws.db('p.db'), "SELECT count(*) AS n FROM presence WHERE operator_id = '1004'")).toEqual([{ n: 0 }]);
  });
});
