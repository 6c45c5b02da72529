/**
 * The entry point: parse, run, and map every error to its exit code in one place. Nothing else
 * sets the exit code; nothing calls process.exit.
 */
import { CommanderError } from 'commander';
import { AppError, ExitCode, toSystemStateError } from '../errors.js';
import { guardStdout } from '../io/output.js';
import { resolveDbPath } from '../db/path.js';
import { toDbStateError } from '../db/errors.js';
import type { GlobalOptions } from './options.js';
import { createProgram } from './program.js';
import { processRuntime } from './runtime.js';
import { escapeControls } from './quote.js';

function report(e: unknown, debug: boolean, dbPath: string): number {
  const { stderr } = processRuntime;
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

async function main(argv: string[]): Promise<void> {
  guardStdout(processRuntime.stdout);
  const program = createProgram(processRuntime);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const dbPath = resolveDbPath(program.opts<GlobalOptions>().db, processRuntime.env);
    process.exitCode = report(e, argv.includes('--debug'), dbPath);
  }
}

await main(process.argv);
