// hotline db check and db backup; imports refuse a damaged database.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrate.js';
import { hotline, startHotline, tempDir } from '../helpers/cli.js';
import { waitForWriter } from './support.js';

let dir: string;
let cleanup: () => void;
const run = (args: string[]) => hotline(args, { cwd: dir });

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const rows = ['call_id,started_at,outcome,customer_phone'];
  for (let i = 0; i < 2000; i++) rows.push(`K${i},2026-10-01 09:${String(i % 60).padStart(2, '0')}:00,answered,139${String(i).padStart(8, '0')}`);
  writeFileSync(join(dir, 'calls.csv'), rows.join('\n') + '\n');
  expect(run(['--db', 'h.db', 'import', 'calls', 'calls.csv']).status).toBe(0);
});
afterAll(() => cleanup());

describe('db check', () => {
  test('a healthy database: every check ok, exit 0', () => {
    const r = run(['--db', 'h.db', 'db', 'check', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n').slice(0, 6)).toEqual([
      'check,level,detail', 'quick_check,ok,ok', `schema,ok,version ${SCHEMA_VERSION} (this hotline: ${SCHEMA_VERSION})`, 'journal_mode,ok,wal',
      expect.stringMatching(/^wal,ok,(no WAL file|WAL file present \(\d+ bytes\))$/), 'permissions,ok,mode 0600',
    ]);
    expect(r.stdout).toContain('ledger,ok,"1 imports, every one with its rows"');
    expect(r.stderr).toBe('h.db: ok\n');
  });

  test('rows deleted behind the ledger\'s back are reported as a warning', () => {
    const copy = join(dir, 'gone.db');
    writeFileSync(copy, readFileSync(join(dir, 'h.db')));
    const db = new Database(copy);
    db.exec('DELETE FROM calls');
    db.close();
    const r = run(['--db', 'gone.db', 'db', 'check', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ledger,warning,"imports with no rows left: #1 (calls, 2000 rows written, none left)"');
    expect(r.stderr).toBe('gone.db: usable, with warnings\n');
  });

  test('corrupt pages: check exits 4 and an import refuses to run', () => {
    const copy = join(dir, 'bad.db');
    writeFileSync(copy, readFileSync(join(dir, 'h.db')));
    // Three leaf pages of calls, wherever the schema's history put them.
    const d = new Database(copy);
    const size = d.pragma('page_size', { simple: true }) as number;
    const leaves = d.prepare("SELECT pageno FROM dbstat WHERE name = 'calls' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    d.close();
    expect(leaves.length).toBeGreaterThan(4);
    const fd = openSync(copy, 'r+');
    for (const page of leaves.slice(1, 4)) writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
    closeSync(fd);
    const check = run(['--db', 'bad.db', 'db', 'check', '--format', 'csv']);
    expect(check.status).toBe(4);
    expect(check.stderr).toMatch(/^error: bad\.db: quick_check failed\nhint: restore it from a backup copy/);
    writeFileSync(join(dir, 'more.csv'), 'call_id,started_at,outcome\nZ1,2026-10-02 10:00:00,answered\n');
    const imp = run(['--db', 'bad.db', 'import', 'calls', 'more.csv']);
    expect(imp.status).toBe(4);
  });

  test('a corrupt header: exit 4 with the restore hint', () => {
    const copy = join(dir, 'head.db');
    const bytes = readFileSync(join(dir, 'h.db'));
    bytes.fill(0x41, 0, 100);
    writeFileSync(copy, bytes);
    const r = run(['--db', 'head.db', 'db', 'check']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('restore it from a backup copy');
  });
});

describe('db backup', () => {
  test('a copy that passes db check; an existing target needs --force', () => {
    expect(run(['--db', 'h.db', 'db', 'backup', 'copy.db'])).toEqual({ status: 0, stdout: '', stderr: 'backed up h.db to copy.db (quick_check ok)\n' });
    // One file: no -wal, -shm or temporary copy left beside it (the soak test found them).
    expect(readdirSync(dir).filter((f) => f.includes('copy.db'))).toEqual(['copy.db']);
    expect(run(['--db', 'copy.db', 'db', 'check']).status).toBe(0);
    const db = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(2000);
    db.close();
    expect(run(['--db', 'h.db', 'db', 'backup', 'copy.db']).status).toBe(2);
  });

  test('an unfinished copy left by a stopped backup is removed, with a notice; one of a running backup is not', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    writeFileSync(join(dir, `.kept.db.${dead}.tmp`), 'half a copy');
    writeFileSync(join(dir, `.kept.db.${dead}.tmp-journal`), '');
    // A process that is running (the test runner; hotline may run in this very process, whose pid its own copy takes).
    const running = process.ppid;
    writeFileSync(join(dir, `.kept.db.${running}.tmp`), 'a backup still running');
    const r = run(['--db', 'h.db', 'db', 'backup', 'kept.db']);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'backed up h.db to kept.db (quick_check ok)',
      `removed .kept.db.${dead}.tmp, an unfinished backup of an earlier run that was stopped`,
      `removed .kept.db.${dead}.tmp-journal, an unfinished backup of an earlier run that was stopped`,
    ]);
    expect(readdirSync(dir).filter((f) => f.includes('kept.db')).sort()).toEqual([`.kept.db.${running}.tmp`, 'kept.db']);
  });

  test('a backup taken while another process imports opens and passes the check', async () => {
    const rows = ['call_id,started_at,outcome'];
    for (let i = 0; i < 150000; i++) rows.push(`B${i},2026-10-03 10:00:00,answered`);
    writeFileSync(join(dir, 'big.csv'), rows.join('\n') + '\n');
    const importer = startHotline(['--db', 'h.db', 'import', 'calls', 'big.csv'], { cwd: dir });
    await waitForWriter(join(dir, 'h.db'), importer); // it holds the write lock: rows are going in
    const r = run(['--db', 'h.db', 'db', 'backup', 'during.db']);
    const code = await new Promise<number | null>((res) => importer.on('exit', (c) => res(c)));
    expect(code).toBe(0);
    expect(r.status).toBe(0);
    const b = new Database(join(dir, 'during.db'), { readonly: true });
    expect(b.pragma('quick_check', { simple: true })).toBe('ok');
    const n = b.prepare('SELECT count(*) FROM calls').pluck().get() as number;
    b.close();
    // the last committed state: before the import (2000) or after it (152000), never half of it
    expect([2000, 152000]).toContain(n);
  });
});
