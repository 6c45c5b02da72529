/**
 * One run of the command line: parse `args`, run the command, and map every error to its exit
 * code in one place. Nothing else decides the exit code; nothing calls process.exit. main.ts runs
 * it once per process; the tests run it in process with a Runtime of their own
 * (tests/helpers/cli.ts), as sqlite-utils' tests run `CliRunner().invoke(cli, [...])`.
 */
import { CommanderError } from 'commander';
import { AppError, ExitCode, toSystemStateError } from '../errors.js';
import { forgetProtectedFiles } from '../io/protected-files.js';
import { resolveDbPath } from '../db/path.js';
import { toDbStateError } from '../db/errors.js';
import type { GlobalOptions } from './options.js';
import { createProgram } from './program.js';
import type { Runtime } from './runtime.js';
import { escapeControls } from './quote.js';

function report(rt: Runtime, e: unknown, debug: boolean, dbPath: string): number {
  const { stderr } = rt;
  e = toDbStateError(e, dbPath) ?? toSystemStateError(e) ?? e;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return ExitCode.ok;
    // Help shown because a subcommand is missing (hotline import) is a usage error for cron.
    if (e.code === 'commander.help') return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return ExitCode.usage;
  }
  if (e instanceof AppError) {
    // Each one line: a file name with a line break in it cannot print a line of its own.
    stderr.write(`error: ${escapeControls(e.message)}\n`);
    for (const line of e.details) stderr.write(escapeControls(line) + '\n');
    if (e.hint) stderr.write(`hint: ${escapeControls(e.hint)}\n`);
    if (debug && e.cause instanceof Error) stderr.write(`${e.cause.stack}\n`);
    return e.exitCode;
  }
  if (e instanceof Error && e.name === 'ExitPromptError') {
    stderr.write('interrupted\n');
    return ExitCode.interrupted;
  }
  stderr.write('error: unexpected error, please report it with the command you ran\n');
  stderr.write(debug && e instanceof Error ? `${e.stack}\n` : `  ${e instanceof Error ? e.message : String(e)} (run with --debug for the stack)\n`);
  return ExitCode.bug;
}

/** Runs hotline with the user's arguments `rt.argv` (without node and the script) and returns the exit code. */
export async function runCli(rt: Runtime): Promise<number> {
  forgetProtectedFiles(); // each run registers the files it reads afresh (io/protected-files.ts)
  const program = createProgram(rt);
  try {
    await program.parseAsync([...rt.argv], { from: 'user' });
    return ExitCode.ok;
  } catch (e) {
    const dbPath = resolveDbPath(program.opts<GlobalOptions>().db, rt.env);
    return report(rt, e, rt.argv.includes('--debug'), dbPath);
  }
}
