import { escapeControls } from './quote.js';

/** What a command needs from the process, passed in so that tests can supply their own. */
export interface Runtime {
  /** The user's arguments (without node and the script), as typed: parsed, and kept in the audit log. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** Epoch seconds now. */
  now(): number;
}

export const processRuntime: Runtime = {
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => Math.floor(Date.now() / 1000),
};

/** Colour only on a terminal, never with NO_COLOR or TERM=dumb. */
export function colorAllowed(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

/** Writes a line to stderr (control characters in it, e.g. from a file name, shown escaped: it stays one line). */
export function say(rt: Runtime, line: string): void {
  rt.stderr.write(escapeControls(line) + '\n');
}

/**
 * Writes a line that is neither a result nor a problem (which encoding a file was read in, which
 * file was written) to stderr when a person sees it there: stderr is a terminal, or --verbose.
 * Cron mails whatever a job prints, so a job that went well prints nothing else.
 */
export function inform(rt: Runtime, line: string, verbose: boolean | undefined): void {
  if (verbose || rt.stderr.isTTY) say(rt, line);
}

/** Columns of the terminal `stream` writes to (80 when it does not say). */
export function terminalWidth(stream: NodeJS.WriteStream): number {
  return stream.columns > 0 ? stream.columns : 80;
}
