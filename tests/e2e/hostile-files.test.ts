// Files and databases that are not what they claim (issue 18, items 1 and 9–13, and the small
// ones), on the built binary: configuration files that are devices, pipes or too large; outputs
// aimed at the database, an input, a device or a missing directory; temporary files with a link
// planted at their name; another application's SQLite file; a full disk under purge-pii and
// backups; number options out of range; names with control characters. Every refusal names the
// file and the reason and leaves the database exactly as it was.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, statfsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { bash, builtOnce, csv, generateCalls, hotlineWithin, integrity, rows, snapshot, value, workspace } from './support.js';

const { run, write, db, dir } = workspace('hotline-e2e-hostile-files-');

const OPERATORS = csv(['operator_id', 'name', 'hire_date'], [['1001', '张三', '2020-01-01'], ['1002', '李四', '2026-10-16']]);

/** A database with two operators imported from operators.csv, under `name`. */
const seeded = builtOnce(dir, (name) => {
  write('operators.csv', OPERATORS);
  const r = run(['--db', name, 'import', 'operators', 'operators.csv']);
  expect(r.status).toBe(0);
});

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

const CALLS = csv(['call_id', 'started_at', 'outcome', 'customer_phone'], [
  ['C1', '2026-10-16 09:00:00', 'answered', '13812341234'],
  ['C2', '2026-10-16 09:05:00', 'bogus', '13812345678'],
]);
const OUT_HINT = 'hint: choose another file to write to\n';

describe('18.1: no output replaces the database, its -wal/-shm/journal, or an input of the command', () => {
  test('operators list --out d.db --force, through a symlink, a hard link, and onto d.db-wal: exit 2 naming both files, database unchanged', () => {
    const path = seeded('out-db.db');
    const before = snapshot(path);
    symlinkSync('out-db.db', db('link-to-db.csv'));
    linkSync(path, db('hard-link.csv'));
    const cases: [string, string][] = [
      ['out-db.db', 'the database out-db.db'],
      ['./out-db.db', 'the database out-db.db'],
      [path, 'the database out-db.db'],
      ['link-to-db.csv', 'the database out-db.db'],
      ['hard-link.csv', 'the database out-db.db'],
      ['out-db.db-wal', "the database's WAL file out-db.db-wal"],
      ['out-db.db-shm', "the database's shared-memory file out-db.db-shm"],
      ['out-db.db-journal', "the database's journal out-db.db-journal"],
    ];
    for (const [target, what] of cases) {
      const r = run(['--db', 'out-db.db', 'operators', 'list', '--format', 'csv', '--out', target, '--force']);
      expect({ target, ...r }).toEqual({ target, status: 2, stdout: '', stderr: `error: ${target}: the same file as ${what}; hotline never writes an output over it\n${OUT_HINT}` });
    }
    expect(snapshot(path)).toEqual(before);
    expect(readFileSync(db('hard-link.csv')).equals(readFileSync(path))).toBe(true);
    expect(existsSync(db('out-db.db-journal'))).toBe(false);
  });

  test('--db through $HOTLINE_DB, and policy init onto the database: refused the same way', () => {
    const path = seeded('env-db.db');
    const before = snapshot(path);
    expect(run(['operators', 'list', '--out', 'env-db.db', '--force'], { HOTLINE_DB: 'env-db.db' })).toEqual({
      status: 2, stdout: '', stderr: `error: env-db.db: the same file as the database env-db.db; hotline never writes an output over it\n${OUT_HINT}`,
    });
    expect(run(['--db', 'env-db.db', 'policy', 'init', 'env-db.db', '--force', '--defaults'])).toEqual({
      status: 2, stdout: '', stderr: `error: env-db.db: the same file as the database env-db.db; hotline never writes an output over it\n${OUT_HINT}`,
    });
    expect(snapshot(path)).toEqual(before);
  });

  test('import --skip-invalid --rejects onto the database, onto the input, onto a later input: exit 2 before anything is imported', () => {
    const path = seeded('rejects-db.db');
    const before = snapshot(path);
    write('calls-a.csv', CALLS);
    write('calls-b.csv', CALLS.replaceAll('C', 'D'));
    const cases: [string[], string, string][] = [
      [['--rejects', 'rejects-db.db', 'calls-a.csv'], 'rejects-db.db', 'the database rejects-db.db'],
      [['--rejects', 'calls-a.csv', 'calls-a.csv'], 'calls-a.csv', 'the input file calls-a.csv'],
      [['--rejects', 'calls-b.csv', 'calls-a.csv', 'calls-b.csv'], 'calls-b.csv', 'the input file calls-b.csv'],
    ];
    for (const [args, target, what] of cases) {
      const r = run(['--db', 'rejects-db.db', 'import', 'calls', '--skip-invalid', '--force', ...args]);
      expect({ args, ...r }).toEqual({ args, status: 2, stdout: '', stderr: `error: ${target}: the same file as ${what}; hotline never writes an output over it\n${OUT_HINT}` });
    }
    expect(snapshot(path)).toEqual(before);
    expect(readFileSync(db('calls-a.csv'), 'utf8')).toBe(CALLS);
    expect(readFileSync(db('calls-b.csv'), 'utf8')).toBe(CALLS.replaceAll('C', 'D'));
  });

  test('the default rejects file of one input is another input (a.csv a.rejects.csv): refused, nothing of that file imported', () => {
    const path = seeded('default-rejects.db');
    write('x.csv', CALLS);
    write('x.rejects.csv', CALLS.replaceAll('C', 'E'));
    const before = snapshot(path);
    const r = run(['--db', 'default-rejects.db', 'import', 'calls', '--skip-invalid', '--force', 'x.csv', 'x.rejects.csv']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `error: x.rejects.csv: the same file as the input file x.rejects.csv; hotline never writes an output over it\n${OUT_HINT}` });
    expect(snapshot(path)).toEqual(before);
    expect(readFileSync(db('x.rejects.csv'), 'utf8')).toBe(CALLS.replaceAll('C', 'E'));
  });

  test('import inspect --save-mapping onto its input, and --out onto the policy file in use: refused', () => {
    write('inspected.csv', CALLS);
    expect(run(['import', 'inspect', 'inspected.csv', '--kind', 'calls', '--save-mapping', 'inspected.csv', '--force'])).toEqual({
      status: 2, stdout: '', stderr: `error: inspected.csv: the same file as the input file inspected.csv; hotline never writes an output over it\n${OUT_HINT}`,
    });
    expect(readFileSync(db('inspected.csv'), 'utf8')).toBe(CALLS);
    seeded('policy-out.db');
    write('in-use.policy.json', '{"timezone": "Asia/Shanghai"}\n');
    expect(run(['--db', 'policy-out.db', '--policy', 'in-use.policy.json', 'operators', 'list', '--out', 'in-use.policy.json', '--force'])).toEqual({
      status: 2, stdout: '', stderr: `error: in-use.policy.json: the same file as the policy file in-use.policy.json; hotline never writes an output over it\n${OUT_HINT}`,
    });
    expect(readFileSync(db('in-use.policy.json'), 'utf8')).toBe('{"timezone": "Asia/Shanghai"}\n');
  });

  test('db backup onto the database itself, a link to it, or its -wal: exit 2, database unchanged', () => {
    const path = seeded('backup-self.db');
    const before = snapshot(path);
    const bytes = readFileSync(path);
    symlinkSync('backup-self.db', db('backup-link.db'));
    for (const [target, what] of [['backup-self.db', 'the database backup-self.db'], ['backup-link.db', 'the database backup-self.db'], ['backup-self.db-wal', "the database's WAL file backup-self.db-wal"]]) {
      const r = run(['--db', 'backup-self.db', 'db', 'backup', target as string, '--force']);
      expect({ target, ...r }).toEqual({ target, status: 2, stdout: '', stderr: `error: ${target}: the same file as ${what}; hotline never writes an output over it\n${OUT_HINT}` });
    }
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(snapshot(path)).toEqual(before);
  });
});

describe('18.12 and 17.8: --out onto a device, FIFO or directory, or into a missing directory', () => {
  test('an existing device node, FIFO or directory is never replaced, even with --force: exit 2 naming it', () => {
    const path = seeded('out-special.db');
    const before = snapshot(path);
    expect(spawnSync('mknod', [db('null-device'), 'c', '1', '3']).status).toBe(0);
    fifo('out.fifo');
    mkdirSync(db('out-dir'));
    for (const [target, type] of [['null-device', 'a character device'], ['out.fifo', 'a FIFO'], ['out-dir', 'a directory']]) {
      const r = within(['--db', 'out-special.db', 'operators', 'list', '--format', 'csv', '--out', target as string, '--force']);
      expect({ target, ...strip(r) }).toEqual({
        target, status: 2, stdout: '',
        stderr: `error: ${target}: ${type}, not a regular file; hotline replaces only regular files, even with --force\nhint: choose another --out file\n`,
      });
    }
    expect(statSync(db('null-device')).isCharacterDevice()).toBe(true);
    expect(statSync(db('out.fifo')).isFIFO()).toBe(true);
    expect(readdirSync(db('out-dir'))).toEqual([]);
    expect(snapshot(path)).toEqual(before);
  });

  test('--out, --rejects and db backup into a directory that does not exist: exit 2 naming the directory', () => {
    const path = seeded('missing-dir.db');
    const before = snapshot(path);
    write('calls-m.csv', CALLS);
    expect(run(['--db', 'missing-dir.db', 'operators', 'list', '--out', 'no-such-dir/ops.csv'])).toEqual({
      status: 2, stdout: '', stderr: 'error: no-such-dir/ops.csv: the directory no-such-dir does not exist\nhint: create it first (mkdir -p no-such-dir), or choose another --out file\n',
    });
    expect(run(['--db', 'missing-dir.db', 'import', 'calls', '--skip-invalid', '--rejects', 'no-such-dir/bad.csv', 'calls-m.csv'])).toEqual({
      status: 2, stdout: '', stderr: 'error: no-such-dir/bad.csv: the directory no-such-dir does not exist\nhint: create it first (mkdir -p no-such-dir), or choose another --rejects file\n',
    });
    expect(run(['--db', 'missing-dir.db', 'db', 'backup', 'no-such-dir/b.db'])).toEqual({
      status: 2, stdout: '', stderr: 'error: no-such-dir/b.db: the directory no-such-dir does not exist\nhint: create it first (mkdir -p no-such-dir), or choose another file\n',
    });
    expect(run(['--db', 'missing-dir.db', 'operators', 'list', '--out', 'operators.csv/ops.csv'])).toEqual({
      status: 2, stdout: '', stderr: 'error: operators.csv/ops.csv: operators.csv is not a directory\nhint: choose another --out file\n',
    });
    expect(snapshot(path)).toEqual(before);
    expect(existsSync(db('no-such-dir'))).toBe(false);
  });
});

/**
 * Runs hotline from bash after planting a symbolic link to victim.txt at each of `temps` (with
 * PID replaced by the process id hotline will run as: bash execs it); returns that id too.
 */
function withPlantedLinks(temps: string[], args: string[]): CliResult & { pid: number } {
  writeFileSync(db('victim.txt'), 'precious\n');
  const links = temps.map((t) => `ln -s victim.txt "${t.replace('PID', () => '$$')}"`).join(' && ');
  const r = bash(`echo $$ > planted.pid && ${links} && exec "$HOTLINE_NODE" "$HOTLINE_BIN" ${args.map((a) => `'${a}'`).join(' ')}`, { cwd: dir(), env: { TZ: 'Asia/Shanghai' } });
  const pid = Number(readFileSync(db('planted.pid'), 'utf8'));
  for (const t of temps) rmSync(db(t.replace('PID', String(pid))), { force: true });
  return { ...r, pid };
}

const occupied = (name: string): string =>
  `error: ${name}: something is already at hotline's temporary file name (a planted link?); nothing was written through it\nhint: remove it and run the command again\n`;

describe('18.10: temporary files are created exclusively, never through a link, 0600 when they hold customer data', () => {
  test('a link planted at the rejects file\'s temporary name: exit 4 naming it, the link\'s target untouched, nothing imported', () => {
    const path = seeded('planted-rejects.db');
    const before = snapshot(path);
    write('planted-calls.csv', CALLS);
    const r = withPlantedLinks(['.bad-rows.csv.PID.tmp'], ['--db', 'planted-rejects.db', 'import', 'calls', '--skip-invalid', '--rejects', 'bad-rows.csv', 'planted-calls.csv']);
    expect(strip(r)).toEqual({ status: 4, stdout: '', stderr: occupied(`.bad-rows.csv.${r.pid}.tmp`) });
    expect(readFileSync(db('victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(db('bad-rows.csv'))).toBe(false);
    expect(snapshot(path)).toEqual(before);
  });

  test('a link planted at the temporary name of a --show-pii --out file: exit 4, the link\'s target untouched', () => {
    seeded('planted-out.db');
    write('pii-calls.csv', CALLS);
    expect(run(['--db', 'planted-out.db', 'import', 'calls', '--skip-invalid', '--rejects', 'pii-rejects.csv', 'pii-calls.csv']).status).toBe(0);
    expect(statSync(db('pii-rejects.csv')).mode & 0o777).toBe(0o600);
    const r = withPlantedLinks(['.pii.csv.PID.tmp'], ['--db', 'planted-out.db', 'calls', 'list', '--show-pii', '--reason', 'callback', '--out', 'pii.csv']);
    expect(strip(r)).toEqual({ status: 4, stdout: '', stderr: occupied(`.pii.csv.${r.pid}.tmp`) });
    expect(readFileSync(db('victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(db('pii.csv'))).toBe(false);
  });

  test('db backup: a link planted at its temporary name is refused; one at the old journal name is never used; the backup is 0600', () => {
    const path = seeded('planted-backup.db');
    const before = snapshot(path);
    const r = withPlantedLinks(['.b.db.PID.tmp'], ['--db', 'planted-backup.db', 'db', 'backup', 'b.db']);
    expect(strip(r)).toEqual({ status: 4, stdout: '', stderr: occupied(`.b.db.${r.pid}.tmp`) });
    expect(readFileSync(db('victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(db('b.db'))).toBe(false);
    const j = withPlantedLinks(['.b.db.PID.tmp-journal'], ['--db', 'planted-backup.db', 'db', 'backup', 'b.db']);
    expect(strip(j)).toEqual({ status: 0, stdout: '', stderr: 'backed up planted-backup.db to b.db (quick_check ok)\n' });
    expect(readFileSync(db('victim.txt'), 'utf8')).toBe('precious\n');
    expect(statSync(db('b.db')).mode & 0o777).toBe(0o600);
    expect(snapshot(db('b.db'))).toEqual(before);
    expect(readdirSync(dir()).filter((n) => n.startsWith('.b.db.'))).toEqual([]);
  });
});

/** True when this process may mount a tmpfs (root with CAP_SYS_ADMIN): the full-disk tests need it. */
function mountWorks(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'hotline-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    return spawnSync('umount', [probe]).status === 0;
  } finally {
    rmdirSync(probe);
  }
}
const CAN_MOUNT = mountWorks();
const mounted: string[] = [];
/** Mounts a tmpfs of `size` at `name` in the workspace (unmounted after the file's tests); returns `name`. */
function tmpfs(name: string, size: string): string {
  mkdirSync(db(name));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', db(name)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount tmpfs at ${name}: ${r.stderr}`);
  mounted.push(db(name));
  return name;
}
afterAll(() => {
  for (const at of mounted.reverse()) spawnSync('umount', ['-l', at]);
});

const EMPTY_HINT = 'hint: while a first import is still creating the tables the file looks like this (try again once it has finished); a first import that failed (e.g. on a full disk) leaves such a file: import again once it can succeed (that creates the tables), or point --db / $HOTLINE_DB at your database\n';

describe('18.11: a database that is not hotline\'s', () => {
  test('another application\'s SQLite file: every command exits 4 "not a hotline database", the file byte for byte as it was', () => {
    write('operators.csv', OPERATORS);
    const other = new Database(db('crm.db'));
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER); INSERT INTO customers VALUES (1, '王五')");
    other.close();
    const bytes = readFileSync(db('crm.db'));
    const message = 'error: crm.db: not a hotline database: it holds other tables (customers, orders) and not hotline\'s; nothing was changed\n'
      + 'hint: check --db / $HOTLINE_DB: hotline never adds its tables to another application\'s database\n';
    for (const args of [['operators', 'list'], ['import', 'operators', 'operators.csv'], ['db', 'check'], ['db', 'backup', 'crm-copy.db'], ['stats', 'daily', '--date', '2026-10-16'], ['db', 'purge-pii', '--before', '2026-01-01']]) {
      const r = run(['--db', 'crm.db', ...args]);
      expect({ args, ...r }).toEqual({ args, status: 4, stdout: '', stderr: message });
    }
    expect(readFileSync(db('crm.db')).equals(bytes)).toBe(true);
    expect(readdirSync(dir()).filter((n) => n.startsWith('crm'))).toEqual(['crm.db']);
  });

  test('a 0-byte file: a report exits 4 and leaves it empty, db check says why, an import creates the database in it', () => {
    write('empty.db', '');
    write('operators.csv', OPERATORS);
    expect(run(['--db', 'empty.db', 'operators', 'list'])).toEqual({ status: 4, stdout: '', stderr: `error: empty.db: not a hotline database: an empty file (0 bytes)\n${EMPTY_HINT}` });
    expect(run(['--db', 'empty.db', 'db', 'check'])).toEqual({ status: 4, stdout: '', stderr: `error: empty.db: not a hotline database: an empty file (0 bytes)\n${EMPTY_HINT}` });
    expect(statSync(db('empty.db')).size).toBe(0);
    expect(run(['--db', 'empty.db', 'import', 'operators', 'operators.csv']).status).toBe(0);
    expect(run(['--db', 'empty.db', 'operators', 'list', '--format', 'csv']).stdout.split('\r\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['1001', '1002']);
  });

  test.skipIf(!CAN_MOUNT)(`the file a first import leaves on a full disk is recognised, and the import repairs it once there is space${CAN_MOUNT ? '' : ' — skipped: mount -t tmpfs needs root'}`, () => {
    const full = tmpfs('full-first', '64k');
    write('operators.csv', OPERATORS);
    const first = run(['--db', `${full}/h.db`, 'import', 'operators', 'operators.csv']);
    expect(first).toEqual({ status: 4, stdout: '', stderr: `error: ${full}/h.db: disk full: nothing was written\nhint: free disk space and run the command again\n` });
    const size = statSync(db(`${full}/h.db`)).size;
    expect(size).toBe(8192); // the header page only, in WAL mode, no table
    const message = `error: ${full}/h.db: not a hotline database yet: an SQLite file with no tables\n${EMPTY_HINT}`;
    expect(run(['--db', `${full}/h.db`, 'operators', 'list'])).toEqual({ status: 4, stdout: '', stderr: message });
    expect(run(['--db', `${full}/h.db`, 'db', 'check'])).toEqual({ status: 4, stdout: '', stderr: message });
    // Space again (a bigger disk): the import gives it the schema and imports.
    expect(spawnSync('mount', ['-o', 'remount,size=4m', db(full)]).status).toBe(0);
    expect(run(['--db', `${full}/h.db`, 'import', 'operators', 'operators.csv']).status).toBe(0);
    expect(run(['--db', `${full}/h.db`, 'db', 'check', '--format', 'csv']).status).toBe(0);
  });
});

/** Fills the file system at workspace directory `name` so that about `leaveBytes` stay free. */
function fillLeaving(name: string, leaveBytes: number): void {
  const { bavail, bsize } = statfsSync(db(name));
  const fill = Number(bavail) * Number(bsize) - leaveBytes;
  if (fill > 0) writeFileSync(db(`${name}/filler`), Buffer.alloc(fill));
}

describe.skipIf(!CAN_MOUNT)(`18.13: a full disk under purge-pii and db backup${CAN_MOUNT ? '' : ' — skipped: mount -t tmpfs needs root'}`, () => {
  test('purge-pii whose VACUUM does not fit: exit 4 saying the purge is committed and audited but not vacuumed; a rerun with space vacuums', () => {
    generateCalls(db('year-calls.csv'), 20_000); // about 55 calls a day through 2026
    seeded('purge-source.db');
    expect(run(['--db', 'purge-source.db', 'import', 'calls', 'year-calls.csv']).status).toBe(0);
    const full = tmpfs('full-purge', '32m');
    copyFileSync(db('purge-source.db'), db(`${full}/h.db`));
    expect(statSync(db(`${full}/h.db`)).size).toBeGreaterThan(2 * 1024 * 1024); // VACUUM needs about as much again
    fillLeaving(full, 1024 * 1024);
    const path = `${full}/h.db`;
    const purgeable = Number(value(db(path), "SELECT count(*) FROM calls WHERE local_day < '2026-01-02' AND customer_phone IS NOT NULL"));
    const values = Number(value(db(path), "SELECT sum((customer_name IS NOT NULL) + (customer_phone IS NOT NULL) + (customer_address IS NOT NULL)) FROM calls WHERE local_day < '2026-01-02'"));
    expect(purgeable).toBeGreaterThan(0);
    expect(run(['--db', path, 'db', 'purge-pii', '--before', '2026-01-02'])).toEqual({
      status: 4, stdout: '',
      stderr: `error: ${path}: purged customer data of ${purgeable} calls and 0 orders before 2026-01-02 (${values} values replaced by tokens) and recorded in the audit trail, but the file could not be vacuumed (disk full): copies of the old values may remain in free pages and the -wal file\n`
        + 'hint: free disk space, then run hotline db purge-pii again (it vacuums) and hotline db check\n',
    });
    // What it says happened did: every phone before the day is a token, and the purge is audited.
    expect(value(db(path), "SELECT count(*) FROM calls WHERE local_day < '2026-01-02' AND customer_phone NOT LIKE 'tok:%'")).toBe(0);
    expect(rows(db(path), 'SELECT action, records FROM audit_log')).toEqual([{ action: 'purge_pii', records: purgeable }]);
    expect(integrity(db(path))).toBe('ok');
    rmSync(db(`${full}/filler`));
    expect(run(['--db', path, 'db', 'purge-pii', '--before', '2026-01-02'])).toEqual({
      status: 0, stdout: '', stderr: 'purged customer data of 0 calls and 0 orders before 2026-01-02 (0 values replaced by tokens); the file was vacuumed\n',
    });
  });

  test('db backup onto a full disk: exit 4 naming the target, not the database; nothing left there', () => {
    const source = seeded('backup-source.db');
    generateCalls(db('backup-calls.csv'), 3_000);
    expect(run(['--db', 'backup-source.db', 'import', 'calls', 'backup-calls.csv']).status).toBe(0);
    const before = snapshot(source);
    const full = tmpfs('full-backup', '256k');
    expect(run(['--db', 'backup-source.db', 'db', 'backup', `${full}/b.db`])).toEqual({
      status: 4, stdout: '',
      stderr: `error: ${full}/b.db: disk full: the backup was not written (backup-source.db is unchanged)\nhint: free disk space where the backup goes, or back up to another disk\n`,
    });
    expect(readdirSync(db(full))).toEqual([]);
    expect(snapshot(source)).toEqual(before);
  });
});

describe('the small ones: number options, --months, a time zone in the wrong case, an invisible --reason, a line break in a file name', () => {
  test('--busy-timeout 2147484 and 1e-9, --limit 1e20: exit 2 from the option parser; the largest values are accepted', () => {
    seeded('numbers.db');
    const busy = (v: string): string => `error: option '--busy-timeout <seconds>' argument '${v}' is invalid. expected a number of seconds from 0 to 2147483, in whole milliseconds (e.g. 5 or 0.25)\n(run with --help for usage)\n`;
    for (const v of ['2147484', '1e-9', '-1', 'NaN', 'Infinity', '']) {
      const r = run(['--db', 'numbers.db', '--busy-timeout', v, 'operators', 'list']);
      expect({ v, ...r }).toEqual({ v, status: 2, stdout: '', stderr: busy(v) });
    }
    expect(run(['--db', 'numbers.db', '--busy-timeout', '2147483', 'operators', 'list', '--format', 'csv']).status).toBe(0);
    expect(run(['--db', 'numbers.db', '--busy-timeout', '0.007', 'operators', 'list', '--format', 'csv']).status).toBe(0);
    expect(run(['--db', 'numbers.db', 'calls', 'list', '--limit', '1e20'])).toEqual({
      status: 2, stdout: '', stderr: "error: option '--limit <n>' argument '1e20' is invalid. expected a whole number from 1 to 9007199254740991\n",
    });
    expect(run(['--db', 'numbers.db', 'imports', '--limit', '9007199254740992'])).toEqual({
      status: 2, stdout: '', stderr: "error: option '--limit <n>' argument '9007199254740992' is invalid. expected a whole number from 1 to 9007199254740991\n",
    });
    expect(run(['--db', 'numbers.db', 'calls', 'list', '--limit', '9007199254740991', '--format', 'csv']).status).toBe(0);
  });

  test('appraise history --months 100000: exit 2 at once; 120 (the documented maximum) runs', () => {
    seeded('history.db');
    const r = within(['--db', 'history.db', 'appraise', 'history', '--operator', '1001', '--months', '100000']);
    expect(strip(r)).toEqual({
      status: 2, stdout: '', stderr: "error: option '--months <n>' argument '100000' is invalid. expected a whole number of months from 1 to 120\n",
    });
    const most = within(['--db', 'history.db', 'appraise', 'history', '--operator', '1001', '--months', '120', '--to', '2026-10', '--format', 'csv']);
    expect(most.stderr).toBe('');
    expect(most.status).toBe(0);
    // 1001 was hired on 2020-01-01: the 82 months from 2020-01 to 2026-10 of the 120 asked for.
    const lines = most.stdout.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 82);
    expect([lines[1], lines[82]]).toEqual(['2020-01,,,false,,computed', '2026-10,,,false,,computed']);
    expect(most.ms).toBeLessThan(10_000);
  });

  test('a policy timezone in the wrong case: policy check, policy show and every command agree (the IANA spelling)', () => {
    seeded('zone-case.db'); // imported under the default Asia/Shanghai
    write('zone-case.policy.json', '{"timezone": "asia/shanghai"}\n');
    expect(run(['policy', 'check', 'zone-case.policy.json'])).toEqual({ status: 0, stdout: '', stderr: 'zone-case.policy.json: valid\n' });
    const shown = run(['--policy', 'zone-case.policy.json', 'policy', 'show']);
    expect(JSON.parse(shown.stdout).timezone).toBe('Asia/Shanghai');
    expect(run(['--db', 'zone-case.db', '--policy', 'zone-case.policy.json', 'stats', 'daily', '--date', '2026-10-16', '--format', 'csv']).status).toBe(0);
    expect(run(['--db', 'zone-case.db', '--policy', 'zone-case.policy.json', 'operators', 'list', '--format', 'csv']).status).toBe(0);
    write('calls-zone.csv', CALLS);
    const imported = run(['--db', 'zone-case.db', '--policy', 'zone-case.policy.json', 'import', 'calls', '--skip-invalid', '--rejects', 'zone-rejects.csv', 'calls-zone.csv']);
    expect(imported.status).toBe(0);
    expect(value(db('zone-case.db'), "SELECT value FROM settings WHERE key = 'timezone'")).toBe('Asia/Shanghai');
  });

  test('--reason of only invisible characters is not a reason: exit 2, nothing audited', () => {
    const path = seeded('reason.db');
    write('reason-calls.csv', CALLS);
    expect(run(['--db', 'reason.db', 'import', 'calls', '--skip-invalid', '--rejects', 'reason-rejects.csv', 'reason-calls.csv']).status).toBe(0);
    const before = snapshot(path);
    for (const reason of ['\u200b', '\u2060\ufeff', ' \u3000\u00a0', '\u200b \u200d\t', '\u180e']) {
      const r = run(['--db', 'reason.db', 'calls', 'list', '--show-pii', '--reason', reason, '--format', 'csv']);
      expect({ reason, ...r }).toEqual({
        reason, status: 2, stdout: '',
        stderr: `error: option '--reason <text>' argument '${reason}' is invalid. a reason needs visible text, not only spaces or invisible characters\n`,
      });
    }
    expect(snapshot(path)).toEqual(before);
    const ok = run(['--db', 'reason.db', 'calls', 'list', '--show-pii', '--reason', '回拨 T123', '--format', 'csv']);
    expect(ok.status).toBe(0);
    expect(value(db('reason.db'), 'SELECT reason FROM audit_log')).toBe('回拨 T123');
  });

  test('a line break in an input file name cannot forge a summary or an error line: the name is quoted', () => {
    seeded('forged.db');
    const name = 'x.csv\nforged.csv: 100 rows: 100 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #9, utf-8)';
    writeFileSync(db(name), csv(['operator_id', 'name', 'hire_date'], [['1003', '王五', '2026-10-13']]));
    const r = run(['--db', 'forged.db', 'import', 'operators', name]);
    expect(r).toEqual({
      status: 0, stdout: '',
      stderr: '"x.csv\\nforged.csv: 100 rows: 100 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #9, utf-8)": 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped (import #2, utf-8)\n',
    });
    expect(r.stderr.split('\n')).toHaveLength(2);
    const missing = run(['--db', 'forged.db', 'import', 'operators', 'gone.csv\nerror: forged']);
    expect(missing).toEqual({ status: 2, stdout: '', stderr: 'error: gone.csv\\nerror: forged: no such file\n' });
    const esc = run(['--db', 'forged.db', 'import', 'operators', 'gone\u001b[2J.csv']);
    expect(esc).toEqual({ status: 2, stdout: '', stderr: 'error: gone\\u001b[2J.csv: no such file\n' });
  });
});
