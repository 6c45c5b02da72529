// Runs the built `bin/hotline.js` in a temp directory, as a user would, and returns what it did.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'hotline.js');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

/** Environment for every run: no colour, a fixed zone unless a test sets TZ, no inherited db/policy. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOTLINE_DB: undefined, HOTLINE_POLICY: undefined };
  delete env.HOTLINE_DB;
  delete env.HOTLINE_POLICY;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs hotline synchronously with `args` and returns exit status, stdout and stderr. */
export function hotline(args: string[], opts: RunOptions): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: cliEnv(opts.env), input: opts.input ?? '', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts hotline without waiting (for kill and concurrency tests). */
export function startHotline(args: string[], opts: RunOptions): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: cliEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(prefix = 'hotline-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
