// Files and databases that are not what they claim (issue 18, items 1 and 9–13, and the small
// ones), on the built binary: configuration files that are devices, pipes or too large; outputs
// aimed at the database, an input, a device or a missing directory; temporary files with a link
// planted at their name; another application's SQLite file; a full disk under purge-pii and
// backups; number options out of range; names with control characters. Every refusal names the
// file and the reason and leaves the database exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { csv, hotlineWithin, snapshot, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-hostile-files-');

const OPERATORS = csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01'], ['1002', '李四', '2026-10-16']]);

/** A database with two operators imported from operators.csv, under `name`. */
function seeded(name: string): string {
  write('operators.csv', OPERATORS);
  const r = run(['--db', name, 'import', 'operators', 'operators.csv']);
  expect(r.status).toBe(0);
  return db(name);
}

/** Makes a named pipe (FIFO) at `name` in the workspace. */
function fifo(name: string): string {
  const r = spawnSync('mkfifo', [db(name)]);
  if (r.status !== 0) throw new Error(`mkfifo ${name} failed`);
  return name;
}

/** Runs hotline in the workspace, killed after 15 s (a read that hangs shows as status null). */
const within = (args: string[], env: Record<string, string | undefined> = {}, cwd = dir()): ReturnType<typeof hotlineWithin> =>
  hotlineWithin(args, { cwd, env: { TZ: 'Asia/Shanghai', ...env }, timeoutMs: 15_000 });

const strip = ({ status, stdout, stderr }: { status: number | null; stdout: string; stderr: string }) => ({ status, stdout, stderr });

describe('18.9: policy, mapping and calendar files are regular files of at most 1 MiB', () => {
  const POLICY_HINT = 'hint: a policy file is a JSON file of at most 1 MiB (docs/policy.md)\n';

  test('--policy /dev/zero, a FIFO and $HOTLINE_POLICY=/dev/zero: exit 2 at once, naming the file and what it is', () => {
    const path = seeded('policy-dev.db');
    const before = snapshot(path);
    fifo('policy.fifo');
    expect(strip(within(['--db', 'policy-dev.db', '--policy', '/dev/zero', 'operators', 'list']))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file /dev/zero: not a regular file (a character device)\n${POLICY_HINT}`,
    });
    expect(strip(within(['--db', 'policy-dev.db', '--policy', 'policy.fifo', 'operators', 'list']))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file policy.fifo: not a regular file (a FIFO)\n${POLICY_HINT}`,
    });
    expect(strip(within(['--db', 'policy-dev.db', 'operators', 'list'], { HOTLINE_POLICY: '/dev/zero' }))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file /dev/zero: not a regular file (a character device)\n${POLICY_HINT}`,
    });
    expect(strip(within(['--db', 'policy-dev.db', 'policy', 'check', 'policy.fifo']))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file policy.fifo: not a regular file (a FIFO)\n${POLICY_HINT}`,
    });
    expect(snapshot(path)).toEqual(before);
  });

  test('the implicit ./hotline.policy.json as a FIFO, or a directory: exit 2, no hang', () => {
    const cwd = join(dir(), 'implicit');
    mkdirSync(cwd);
    spawnSync('mkfifo', [join(cwd, 'hotline.policy.json')]);
    expect(strip(within(['--db', '../implicit.db', 'operators', 'list'], {}, cwd))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file ./hotline.policy.json: not a regular file (a FIFO)\n${POLICY_HINT}`,
    });
    const cwd2 = join(dir(), 'implicit-dir');
    mkdirSync(join(cwd2, 'hotline.policy.json'), { recursive: true });
    expect(strip(within(['--db', '../implicit.db', 'operators', 'list'], {}, cwd2))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file ./hotline.policy.json: not a regular file (a directory)\n${POLICY_HINT}`,
    });
    expect(existsSync(db('implicit.db'))).toBe(false);
  });

  test('a policy file one byte over 1 MiB is refused; one of exactly 1 MiB is read', () => {
    const body = '{"timezone": "Asia/Shanghai"}';
    write('big.policy.json', body + ' '.repeat(1024 * 1024 + 1 - body.length));
    write('fits.policy.json', body + ' '.repeat(1024 * 1024 - body.length));
    expect(strip(within(['--policy', 'big.policy.json', 'policy', 'check', 'big.policy.json']))).toEqual({
      status: 2, stdout: '', stderr: `error: policy file big.policy.json: too large (1048577 bytes; at most 1048576)\n${POLICY_HINT}`,
    });
    expect(strip(within(['policy', 'check', 'fits.policy.json']))).toEqual({ status: 0, stdout: '', stderr: 'fits.policy.json: valid\n' });
  });

  test('--mapping /dev/zero and a FIFO: exit 2 at once, nothing imported', () => {
    const path = seeded('mapping-dev.db');
    const before = snapshot(path);
    fifo('mapping.fifo');
    const hint = 'hint: a mapping file is a JSON file of at most 1 MiB (docs/formats.md, "Mapping files")\n';
    expect(strip(within(['--db', 'mapping-dev.db', 'import', 'operators', '--mapping', '/dev/zero', 'operators.csv']))).toEqual({
      status: 2, stdout: '', stderr: `error: mapping file /dev/zero: not a regular file (a character device)\n${hint}`,
    });
    expect(strip(within(['--db', 'mapping-dev.db', 'import', 'operators', '--mapping', 'mapping.fifo', 'operators.csv']))).toEqual({
      status: 2, stdout: '', stderr: `error: mapping file mapping.fifo: not a regular file (a FIFO)\n${hint}`,
    });
    expect(snapshot(path)).toEqual(before);
  });

  test('a policy calendars entry of /dev/zero or a FIFO: exit 2 naming the calendar, no hang', () => {
    seeded('calendar-dev.db');
    fifo('calendar.fifo');
    write('zero-calendar.policy.json', JSON.stringify({ calendars: ['/dev/zero'] }));
    write('fifo-calendar.policy.json', JSON.stringify({ calendars: ['calendar.fifo'] }));
    const hint = 'hint: a calendar file is a JSON file of at most 1 MiB (docs/leave.md)\n';
    expect(strip(within(['--db', 'calendar-dev.db', '--policy', 'zero-calendar.policy.json', 'leave', 'balance', '--year', '2026']))).toEqual({
      status: 2, stdout: '', stderr: `error: calendar file /dev/zero (policy.calendars): not a regular file (a character device)\n${hint}`,
    });
    expect(strip(within(['--db', 'calendar-dev.db', '--policy', 'fifo-calendar.policy.json', 'leave', 'balance', '--year', '2026']))).toEqual({
      status: 2, stdout: '', stderr: `error: calendar file ${join(dir(), 'calendar.fifo')} (policy.calendars): not a regular file (a FIFO)\n${hint}`,
    });
  });
});
