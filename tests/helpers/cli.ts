// Runs the built hotline in a temp directory and returns what it did: in process (hotline(), the
// CLI's own runCli on a thread of this test process, a few milliseconds a run) or as a process of
// its own, as a user would start it (hotlineProcess(), startHotline(); for signals, pipes, a
// terminal, start-up and exit codes end to end).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
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
  /** In process only: stdout is a terminal of this many columns (stderr is not a terminal). */
  columns?: number;
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

interface InProcess {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}
let thread: InProcess | undefined;

/** Waits for the thread's next answer (it runs one command line at a time). */
function nextAnswer(t: InProcess, what: string): Record<string, unknown> {
  const limitMs = 180_000;
  if (Atomics.wait(t.flag, 0, 0, limitMs) === 'timed-out') throw new Error(`in-process hotline did not answer within ${limitMs / 1000} s: ${what}`);
  Atomics.store(t.flag, 0, 0);
  const m = receiveMessageOnPort(t.port)?.message as Record<string, unknown> | undefined;
  if (!m) throw new Error(`in-process hotline woke without an answer: ${what}`);
  if (typeof m.crashed === 'string') throw new Error(`in-process hotline crashed (${what}): ${m.crashed}`);
  return m;
}

function inProcessThread(): InProcess {
  if (thread) return thread;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const runModule = new URL('../../dist/cli/run.js', import.meta.url).href;
  const worker = new Worker(new URL('./in-process-worker.mjs', import.meta.url), { workerData: { port: port2, flag, runModule }, transferList: [port2], stdout: false, stderr: false });
  worker.unref();
  port1.unref();
  thread = { worker, port: port1, flag };
  nextAnswer(thread, 'start');
  return thread;
}

/** Ends the in-process thread, if one was started (after each test file: tests/helpers/file-setup.ts). */
export async function stopInProcess(): Promise<void> {
  const t = thread;
  if (!t) return;
  thread = undefined;
  t.port.postMessage({ stop: true });
  nextAnswer(t, 'stop');
  await t.worker.terminate();
}

/**
 * Runs hotline with `args` in this process (the CLI's runCli on a thread that loaded it once)
 * and returns exit status, stdout and stderr. The working directory is `opts.cwd` for the run.
 */
export function hotline(args: string[], opts: RunOptions): CliResult {
  const t = inProcessThread();
  const env = cliEnv(opts.env);
  const before = process.cwd();
  process.chdir(opts.cwd);
  try {
    t.port.postMessage({ args, env: { ...env }, input: opts.input ?? '', columns: opts.columns });
    const m = nextAnswer(t, `hotline ${args.join(' ')}`);
    return { status: m.status as number, stdout: m.stdout as string, stderr: m.stderr as string };
  } finally {
    process.chdir(before);
  }
}

/** Like hotline(), in a process of its own: start-up, exit codes end to end, what only a process has. */
export function hotlineProcess(args: string[], opts: RunOptions): CliResult {
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
