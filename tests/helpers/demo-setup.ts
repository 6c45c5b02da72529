// Global setup of the e2e project (vitest.config.ts): `hotline demo` runs once per test run, as a
// process (bin/hotline.js, as a user starts it), into a temp directory that the teardown removes.
// Tests that need "a database with the demo's data" copy its file (demoDatabase, tests/e2e/support.ts)
// instead of running the demo again (about 4 s each); tests of the tour read its captured output.
// The setup does not wait for it: the test files start at once, and a test that needs the demo
// waits for the file that says it is done (demo.json, renamed into place once the database is
// checkpointed), which the files that need it, started later, rarely have to.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { BIN, cliEnv, type CliResult } from './cli.js';

/** Where the shared demo run is, and the file that says how it ended. */
export interface SharedDemoPlace {
  dir: string;
  /** The database's name as given to --db, which the tour prints. */
  name: string;
  /** Written (whole, by a rename) once the run ended: a DemoOutcome. */
  outcome: string;
}

/** How the shared run ended: its output (TZ=UTC), or why it failed. */
export type DemoOutcome = { run: CliResult } | { failed: string };

declare module 'vitest' {
  export interface ProvidedContext {
    sharedDemo: SharedDemoPlace;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-e2e-shared-demo-'));
  const place: SharedDemoPlace = { dir, name: 'tour.db', outcome: join(dir, 'demo.json') };
  const settle = (outcome: DemoOutcome): void => {
    writeFileSync(`${place.outcome}.tmp`, JSON.stringify(outcome));
    renameSync(`${place.outcome}.tmp`, place.outcome);
  };
  const child = spawn(process.execPath, [BIN, '--db', place.name, 'demo'], { cwd: dir, env: cliEnv({ TZ: 'UTC' }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const ended = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      settle({ failed: `the shared \`hotline demo\` did not start: ${e.message}` });
      resolve();
    });
    child.on('close', (status, signal) => {
      try {
        if (status !== 0) throw new Error(`exit ${status}, signal ${signal}:\n${stderr}`);
        // Everything into the main file, so that a copy of that one file is the whole database.
        const d = new Database(join(dir, place.name), { fileMustExist: true });
        try {
          d.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          d.close();
        }
        const db = join(dir, place.name);
        if (existsSync(`${db}-wal`) || existsSync(`${db}-journal`)) throw new Error(`a -wal or -journal was left beside ${db}`);
        settle({ run: { status, stdout, stderr } });
      } catch (e) {
        settle({ failed: `the shared \`hotline demo\` failed: ${(e as Error).message}` });
      }
      resolve();
    });
  });
  project.provide('sharedDemo', place);
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await ended;
    rmSync(dir, { recursive: true, force: true });
  };
}
