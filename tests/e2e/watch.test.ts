// `hotline watch --once` (issue 23, docs/watch.md): one frame of the day's wallboard, for
// scripts: the day's figures are those of `stats daily`; the calls waiting and talking now come
// from the queue_log's calls not yet ended; each run imports only what was appended.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { queueLog, T0 } from './pbx-logs.js';
import { csv, rows, workspace } from './support.js';

const ws = workspace('hotline-e2e-watch-');
const path = (name: string): string => join(ws.dir(), name);

/** The last time in a queue_log. */
const lastTime = (text: string): number => Math.max(...text.trim().split('\n').map((l) => Number(l.split('|')[0])));
const hms = (epoch: number): string => new Date((epoch + 8 * 3600) * 1000).toISOString().slice(11, 19);
const clock = (s: number): string => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

let log = '';
/** A call entered and answered by 1005, not ended, ten seconds after the log's last line. */
let talkFrom = 0;
/** The moment shown: a minute after that call was answered. */
let at = 0;
/** When the generator's last call (never answered) entered. */
let waitingFrom = 0;

beforeAll(() => {
  const base = queueLog(31, 200);
  const t = lastTime(base) + 10;
  talkFrom = t + 5;
  at = talkFrom + 60;
  waitingFrom = T0 + 4000 + 200 * 300;
  log = base + `${t}|X.1|hotline|NONE|ENTERQUEUE||13800000009|1\n${talkFrom}|X.1|hotline|PJSIP/1005|CONNECT|5|X.2|3\n`;
  writeFileSync(path('queue_log'), log);
});

function daily(db: string): Record<string, unknown> & { totals: Record<string, number | null>; by_operator: { operator_id: string; answered: number }[] } {
  const r = ws.run(['--db', db, 'stats', 'daily', '--date', '2026-10-12', '--format', 'json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('watch --once --format json: the figures of one frame', () => {
  test("the day's figures are stats daily's; waiting and talking now from the calls not ended; the last hour per five minutes", () => {
    const r = ws.run(['--db', 'w.db', 'watch', '--profile', 'asterisk-queue-log', '--once', '--format', 'json', '--at', `2026-10-12 ${hms(at)}`, 'queue_log']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const board = JSON.parse(r.stdout);
    const day = daily('w.db');
    const t = day.totals;
    expect(t.offered).toBeGreaterThan(150);
    expect(board).toMatchObject({
      date: '2026-10-12', at: `2026-10-12T${hms(at)}`, timezone: 'Asia/Shanghai',
      offered: t.offered, answered: t.answered, abandoned: t.abandoned, service_level: t.service_level, asa_seconds: t.asa_seconds,
      service_level_target: 0.8, service_level_state: (t.service_level as number) >= 0.8 ? 'met' : 'below',
      waiting_now: 1, longest_wait_now_seconds: at - waitingFrom, talking_now: 1,
      import: { status: 'imported', import_id: 1, range_start: 0, range_end: Buffer.byteLength(log) },
    });
    // Every operator of stats daily, with its answered calls; 1005 talking for a minute.
    expect(board.operators.map((o: { operator_id: string; answered: number }) => [o.operator_id, o.answered])).toEqual(day.by_operator.map((o) => [o.operator_id, o.answered]));
    expect(board.operators.filter((o: { state: string | null }) => o.state !== null)).toEqual([expect.objectContaining({ operator_id: '1005', state: 'talking', state_seconds: 60 })]);
    // The twelve five-minute periods ending with the one that holds the moment shown.
    const first = Math.floor(at / 300) * 300 - 11 * 300;
    expect(board.last_hour.map((p: { from: string }) => p.from)).toEqual(Array.from({ length: 12 }, (_, i) => hms(first + i * 300).slice(0, 5)));
    const inHour = rows<{ offered: number; answered: number; abandoned: number }>(path('w.db'),
      `SELECT count(*) AS offered, count(*) FILTER (WHERE outcome = 'answered') AS answered, count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned FROM calls WHERE started_at >= ? AND started_at <= ?`, first, at)[0];
    const sum = (k: 'offered' | 'answered' | 'abandoned'): number => board.last_hour.reduce((n: number, p: Record<string, number>) => n + (p[k] as number), 0);
    expect({ offered: sum('offered'), answered: sum('answered'), abandoned: sum('abandoned') }).toEqual(inHour);
    expect(inHour?.offered).toBeGreaterThan(5);
  });
});

describe('watch --once: the frame as text', () => {
  test('fits 80 columns: the day, the service level against its target, the queue now, the operators, the last hour, what the import did', () => {
    appendFileSync(path('queue_log'), `${at + 1}|Y.1|hotline|NONE|ENTERQUEUE||13800000010|1\n${at + 21}|Y.1|hotline|PJSIP/1002|CONNECT|20|Y.2|3\n${at + 81}|Y.1|hotline|PJSIP/1002|COMPLETECALLER|20|60|1\n`);
    const r = ws.run(['--db', 'w.db', 'watch', '--profile', 'asterisk-queue-log', '--once', '--at', `2026-10-12 ${hms(at + 90)}`, 'queue_log']);
    expect(r.status).toBe(0);
    const t = daily('w.db').totals;
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    const sl = `${((t.service_level as number) * 100).toFixed(1)} %`;
    expect(lines.slice(0, 5)).toEqual([
      `hotline watch   2026-10-12 ${hms(at + 90)} (Asia/Shanghai)`,
      `offered ${t.offered}   answered ${t.answered}   abandoned ${t.abandoned}   ASA ${Math.round(t.asa_seconds as number)} s`,
      `service level ${sl} (answered ≤ 15 s, formula A; target 80.0 %)`,
      `waiting now 1 (longest ${clock(at + 90 - waitingFrom)})   talking 1`,
      '',
    ]);
    expect(lines[5]).toBe('operator name        now            answered      talk missed rings');
    expect(lines.find((l) => l.startsWith('1005 '))).toMatch(/^1005 {5} {12}talking 2:30 +\d+ +[\d:]+ +\d+$/);
    expect(lines.slice(-7, -1)).toEqual(['the last hour, by 5 minutes:', expect.stringMatching(/^from {4}( {1}\d\d:\d\d){12}$/), expect.stringMatching(/^offered /), expect.stringMatching(/^answered/), expect.stringMatching(/^abandons/), '']);
    // The import read what was appended since the first frame's.
    expect(lines[lines.length - 1]).toBe(`queue_log: bytes ${Buffer.byteLength(log)}–${readFileSync(path('queue_log')).length} read (import #2): 1 inserted, 0 updated, 0 rejected`);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('\u001b');
  });

  test('an export without calls in progress (a canonical CSV): waiting now n/a', () => {
    ws.write('calls.csv', csv(['call_id', 'started_at', 'operator_id', 'outcome', 'wait_seconds', 'talk_seconds'], [['C1', '2026-10-12 09:00:00', '1001', 'answered', 10, 100], ['C2', '2026-10-12 09:02:00', '', 'abandoned', 40, 0]]));
    const r = ws.run(['--db', 'c.db', 'watch', '--once', '--at', '2026-10-12 09:10', 'calls.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      'offered 2   answered 1   abandoned 1   ASA 10 s',
      'service level 50.0 % (answered ≤ 15 s, formula A; target 80.0 %)',
      'waiting now n/a (this export has no calls in progress: a queue_log has)',
    ]);
    expect(r.stdout.split('\n').slice(-2)).toEqual(['calls.csv: read whole (import #1): 2 inserted, 0 updated, 0 rejected', '']);
    const json = JSON.parse(ws.run(['--db', 'c.db', 'watch', '--once', '--format', 'json', '--at', '2026-10-12 09:10', 'calls.csv']).stdout);
    expect(json).toMatchObject({ waiting_now: null, longest_wait_now_seconds: null, talking_now: null, import: { status: 'already_imported', import_id: 1 } });
  });
});

describe('watch: usage', () => {
  test.each([
    { args: ['--format', 'json', 'queue_log'], stderr: "error: --format json goes with --once\nhint: the live wallboard is text; --once --format json prints one frame's figures\n" },
    { args: ['--once', '--at', '12 October', 'queue_log'], stderr: 'error: --at "12 October": expected YYYY-MM-DD HH:MM[:SS]\n' },
    { args: ['--once', 'missing.log'], stderr: 'error: missing.log: no such file\n' },
    { args: ['--once', '--profile', 'asterisk-cdr', '--mapping', 'm.json', 'queue_log'], stderr: "error: --mapping and --profile do not go together\nhint: a profile reads a phone system's own export; a mapping describes any other export\n" },
  ])('$args → exit 2', ({ args, stderr }) => {
    expect(ws.run(['--db', 'u.db', 'watch', ...args])).toEqual({ status: 2, stdout: '', stderr });
  });
});
