/** Exit codes of every hotline command (the table in README.md, "In cron"). */
export const ExitCode = {
  ok: 0,
  bug: 1,
  usage: 2,
  input: 3,
  dbState: 4,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface ErrorDetails {
  /** One line telling the user what to do next. */
  hint?: string;
  /** Extra lines printed after the message (e.g. the list of bad rows). */
  details?: string[];
  cause?: unknown;
}

/** An expected failure with a message for the user and an exit code. */
export class AppError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  readonly details: string[];
  constructor(message: string, exitCode: ExitCodeValue, extra: ErrorDetails = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = extra.hint;
    this.details = extra.details ?? [];
  }
}

/** Wrong flags or arguments: exit 2. */
export class UsageError extends AppError {
  constructor(message: string, extra?: ErrorDetails) {
    super(message, ExitCode.usage, extra);
  }
}

/** Bad input data (a file that cannot be imported as it is): exit 3. */
export class InputError extends AppError {
  constructor(message: string, extra?: ErrorDetails) {
    super(message, ExitCode.input, extra);
  }
}

/** Database or state problem (busy, read-only, corrupt, newer schema, disk full): exit 4. */
export class DbStateError extends AppError {
  constructor(message: string, extra?: ErrorDetails) {
    super(message, ExitCode.dbState, extra);
  }
}

/** The user interrupted the command (Ctrl-C, SIGTERM): exit 130. */
export class InterruptedError extends AppError {
  constructor(message = 'interrupted', extra?: ErrorDetails) {
    super(message, ExitCode.interrupted, extra);
  }
}

/**
 * A file-system failure that is the machine's state, not a bug (disk full, quota, read-only file
 * system), thrown by a write to some file: the DbStateError to report it with (exit 4), or
 * undefined for any other error.
 */
export function toSystemStateError(e: unknown): DbStateError | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, path } = e as NodeJS.ErrnoException;
  const where = path ? `${path}: ` : '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DbStateError(`${where}disk full (${e.message})`, { hint: 'free disk space and run the command again', cause: e });
  }
  if (code === 'EROFS') {
    return new DbStateError(`${where}read-only file system (${e.message})`, { hint: 'write to a file system mounted read-write', cause: e });
  }
  return undefined;
}

/** An error as it crosses a worker-thread boundary (a structured clone keeps no class). */
export interface WireError {
  message: string;
  exitCode: number;
  hint?: string;
  details?: string[];
  /** Set for an unexpected error (a bug): its stack, for --debug. */
  stack?: string;
}

/** An error, ready to post to another thread. */
export function toWire(e: unknown): WireError {
  if (e instanceof AppError) return { message: e.message, exitCode: e.exitCode, hint: e.hint, details: e.details };
  const error = e instanceof Error ? e : new Error(String(e));
  return { message: error.message, exitCode: ExitCode.bug, stack: error.stack ?? error.message };
}

/** The error another thread posted, as this thread throws it. */
export function fromWire(w: WireError): Error {
  if (w.stack !== undefined) {
    const error = new Error(w.message);
    error.stack = w.stack;
    return error;
  }
  return new AppError(w.message, w.exitCode as ExitCodeValue, { hint: w.hint, details: w.details });
}
