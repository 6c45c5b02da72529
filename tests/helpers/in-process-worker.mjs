// The thread that runs hotline in process for tests/helpers/cli.ts: it loads the built CLI once
// and runs one command line per request (dist/cli/run.js's runCli, with a Runtime whose streams
// are captured), then wakes the waiting test. Plain JavaScript: it runs outside vitest.
import { workerData } from 'node:worker_threads';
import { Readable, Writable } from 'node:stream';
import { takeCoverage } from 'node:v8';

const { port, flag, runModule } = workerData;
const { runCli } = await import(runModule);

/** A stream that keeps what is written to it (as bytes: a character may be split over two writes). */
function capture() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function answer(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

process.on('uncaughtException', (e) => answer({ crashed: e instanceof Error ? e.stack : String(e) }));
process.on('unhandledRejection', (e) => answer({ crashed: e instanceof Error ? e.stack : String(e) }));

port.on('message', async ({ stop, args, env, input, columns }) => {
  if (stop) {
    // Under NODE_V8_COVERAGE (docs/testing.md) this thread's coverage is written now: it is
    // terminated after this answer, and a terminated thread writes none.
    if (process.env.NODE_V8_COVERAGE) takeCoverage();
    answer({ stopped: true });
    return;
  }
  const stdout = capture();
  const stderr = capture();
  // `columns`: stdout is a terminal that wide (what a report decides from isTTY and columns);
  // stderr never is (a progress bar needs a real one: tests/e2e/support.ts inTerminal).
  if (columns !== undefined) Object.assign(stdout.stream, { isTTY: true, columns });
  const rt = {
    argv: args,
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from(input === '' ? [] : [Buffer.from(input)]),
    now: () => Math.floor(Date.now() / 1000),
  };
  const status = await runCli(rt);
  answer({ status, stdout: stdout.text(), stderr: stderr.text() });
});
answer({ ready: true });
