// The live `hotline watch` (issue 23, docs/watch.md), in a real process: full screen through a
// pseudo-terminal (util-linux `script`) of 80 × 24: one frame per refresh drawn in place, q and
// Ctrl-C quit with exit 0 and the screen given back, a resize redraws at once; and, with stdout
// a pipe, one line per refresh, each refresh importing what was appended, SIGINT exit 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { BIN, cliEnv, startHotline } from '../helpers/cli.js';
import { T0 } from './pbx-logs.js';
import { exited, waitUntil, workspace, type Exited } from './support.js';

const ws = workspace('hotline-e2e-watch-terminal-');
const ENTER = '\u001b[?1049h\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';
/** The moment shown: 2026-10-12 10:00 in Shanghai. */
const AT = ['--at', '2026-10-12 10:00'];

/** A queue_log of 20 calls on 2026-10-12 between 09:00 and 09:40, each answered by another operator (2001 … 2020). */
function twentyOperators(): string {
  let out = '';
  for (let i = 0; i < 20; i++) {
    const t = T0 + 9 * 3600 + i * 120;
    out += `${t}|C.${i}|hotline|NONE|ENTERQUEUE||138000000${String(i).padStart(2, '0')}|1\n${t + 8}|C.${i}|hotline|PJSIP/${2001 + i}|CONNECT|8|C.${i}.1|2\n${t + 68}|C.${i}|hotline|PJSIP/${2001 + i}|COMPLETECALLER|8|60|1\n`;
  }
  return out;
}

interface Session {
  child: ChildProcess;
  output: () => string;
  done: Promise<Exited>;
}

/** Starts hotline in a pseudo-terminal of `cols` × `rows`; the first line it prints is the terminal's device. */
function inPty(args: string[], size: { cols: number; rows: number }, env: Record<string, string | undefined> = {}): Session {
  const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
  const command = `tty; stty cols ${size.cols} rows ${size.rows}; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ws.dir(), env: cliEnv({ TZ: 'Asia/Shanghai', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const done = exited(child);
  return { child, output: () => out, done };
}

/** The frames drawn: what lies between a cursor-home and a clear-to-end-of-screen, as lines. */
function frames(output: string): string[][] {
  return [...output.matchAll(/\u001b\[H([\s\S]*?)\u001b\[J/g)].map((m) => (m[1] as string).replace(/\u001b\[K/g, '').replace(/\r/g, '').split('\n'));
}

const visible = (line: string): number => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

describe('on a terminal (80 × 24)', () => {
  test('a frame every refresh, drawn in place; q quits: exit 0, the screen and cursor given back', async () => {
    writeFileSync(join(ws.dir(), 'q.log'), twentyOperators());
    // Colour allowed (no NO_COLOR): the service level is coloured against its target.
    const s = inPty(['--db', 'q.db', 'watch', '--profile', 'asterisk-queue-log', '--every', '1', ...AT, 'q.log'], { cols: 80, rows: 24 }, { NO_COLOR: undefined });
    await waitUntil('two frames', () => frames(s.output()).length >= 2, s.child);
    s.child.stdin?.write('q');
    const r = await s.done;
    expect(r.status).toBe(0);
    const out = s.output();
    expect(out.indexOf(ENTER)).toBeLessThan(out.indexOf('\u001b[H'));
    expect(out.endsWith(LEAVE) || out.endsWith(LEAVE + '\r\n')).toBe(true);
    const [first, second] = frames(out) as [string[], string[]];
    expect(first.length).toBe(24);
    expect(Math.max(...first.map(visible))).toBeLessThanOrEqual(80);
    expect(first[0]).toContain('hotline watch   2026-10-12 10:00:00 (Asia/Shanghai)');
    expect(first.slice(1, 4)).toEqual([
      'offered 20   answered 20   abandoned 0   ASA 8 s',
      expect.stringMatching(/^service level .*100\.0 %.* \(answered ≤ 15 s, formula A; target 80\.0 %\)$/),
      'waiting now 0   talking 0',
    ]);
    // 20 operators do not fit 24 lines: 9 shown, the rest counted.
    expect(first.filter((l) => /^20\d\d /.test(l)).length).toBe(9);
    expect(first).toContain('… and 11 more operators');
    expect(first[23]).toBe('q.log: read whole (import #1): 20 inserted, 0 updated, 0 rejected');
    expect(second[23]).toBe('q.log: nothing new since import #1');
    // The service level in green: it meets the target.
    expect(out).toContain('\u001b[32m100.0 %\u001b[39m');
  });

  test('Ctrl-C quits the same way: exit 0, the screen given back', async () => {
    const s = inPty(['--db', 'q.db', 'watch', '--profile', 'asterisk-queue-log', '--every', '1', ...AT, 'q.log'], { cols: 80, rows: 24 });
    await waitUntil('a frame', () => frames(s.output()).length >= 1, s.child);
    s.child.stdin?.write('\u0003');
    const r = await s.done;
    expect(r.status).toBe(0);
    expect(s.output()).toContain(LEAVE);
    expect(s.output()).not.toContain('error');
  });

  test('resized to 100 × 30: drawn again at once (no refresh due for an hour), with room for more operators', async () => {
    const s = inPty(['--db', 'q.db', 'watch', '--profile', 'asterisk-queue-log', '--every', '3600', ...AT, 'q.log'], { cols: 80, rows: 24 });
    await waitUntil('a frame', () => frames(s.output()).length >= 1, s.child);
    const device = s.output().split(/\r?\n/)[0] as string;
    expect(device).toMatch(/^\/dev\/pts\/\d+$/);
    // stty sets the columns, then the rows: a frame for each (100 × 24, then 100 × 30).
    const resize = spawnSync('stty', ['-F', device, 'cols', '100', 'rows', '30']);
    expect(resize.status).toBe(0);
    await waitUntil('a frame of 30 lines', () => frames(s.output()).some((f) => f.length === 30), s.child);
    s.child.stdin?.write('q');
    expect((await s.done).status).toBe(0);
    const all = frames(s.output());
    const [before, after] = [all[0] as string[], all[all.length - 1] as string[]];
    expect([before.length, after.length]).toEqual([24, 30]);
    expect(after.filter((l) => /^20\d\d /.test(l)).length).toBe(15);
    expect(after).toContain('… and 5 more operators');
  });
});

describe('not on a terminal', () => {
  test('one line per refresh, each importing what was appended; SIGINT stops it, exit 0', async () => {
    writeFileSync(join(ws.dir(), 'p.log'), twentyOperators());
    const child = startHotline(['--db', 'p.db', 'watch', '--profile', 'asterisk-queue-log', '--every', '1', ...AT, 'p.log'], { cwd: ws.dir(), env: { TZ: 'Asia/Shanghai' } });
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    const done = exited(child);
    await waitUntil('a line', () => out.includes('\n'), child);
    const t = T0 + 9 * 3600 + 50 * 60;
    const appended = `${t}|D.1|hotline|NONE|ENTERQUEUE||13800000099|1\n${t + 30}|D.1|hotline|NONE|ABANDON|1|1|30\n`;
    appendFileSync(join(ws.dir(), 'p.log'), appended);
    await waitUntil('a line with the appended call', () => out.includes('offered 21 '), child);
    child.kill('SIGINT');
    const r = await done;
    expect(r.status).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('2026-10-12 10:00:00 offered 20 answered 20 abandoned 0 service level 100.0 % ASA 8 s waiting 0 talking 0 | p.log: read whole (import #1): 20 inserted, 0 updated, 0 rejected');
    expect(lines).toContain('2026-10-12 10:00:00 offered 21 answered 20 abandoned 1 service level 95.2 % ASA 8 s waiting 0 talking 0 | p.log: bytes ' + `${Buffer.byteLength(twentyOperators())}–${Buffer.byteLength(twentyOperators() + appended)} read (import #2): 1 inserted, 0 updated, 0 rejected`);
    expect(out).not.toContain('\u001b');
  });
});
