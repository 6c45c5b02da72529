// Global setup of the e2e project (vitest.config.ts): `hotline demo` runs once per test run, as a
// process (bin/hotline.js, as a user starts it), into a temp directory that the teardown removes.
// Tests that need "a database with the demo's data" copy its file (demoDatabase, tests/e2e/support.ts)
// instead of running the demo again (about 4 s each); tests of the tour read its captured output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { BIN, cliEnv, type CliResult } from './cli.js';

/** The shared demo run: where its database is, and what `hotline --db tour.db demo` printed. */
export interface SharedDemo {
  /** The demo database (checkpointed: no -wal beside it), to be copied, never written. */
  db: string;
  /** The database's name as given to --db, which the tour prints. */
  name: string;
  /** The run itself, with TZ=UTC. */
  run: CliResult;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedDemo: SharedDemo;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-e2e-shared-demo-'));
  const name = 'tour.db';
  const r = spawnSync(process.execPath, [BIN, '--db', name, 'demo'], { cwd: dir, env: cliEnv({ TZ: 'UTC' }), input: '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the shared \`hotline demo\` failed (exit ${r.status}, signal ${r.signal}):\n${r.stderr}`);
  }
  const db = join(dir, name);
  // Everything into the main file, so that a copy of that one file is the whole database.
  const d = new Database(db, { fileMustExist: true });
  try {
    d.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    d.close();
  }
  if (existsSync(`${db}-wal`) || existsSync(`${db}-journal`)) throw new Error(`the shared demo database kept a -wal or -journal beside ${db}`);
  project.provide('sharedDemo', { db, name, run: { status: r.status, stdout: r.stdout, stderr: r.stderr } });
  return () => rmSync(dir, { recursive: true, force: true });
}
