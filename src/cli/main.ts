/** The entry point: one run of the command line (run.ts) in this process, its result the exit code. */
import { guardStdout } from '../io/output.js';
import { runCli } from './run.js';
import { processRuntime } from './runtime.js';

guardStdout(processRuntime.stdout);
process.exitCode = await runCli(processRuntime);
