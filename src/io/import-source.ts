/**
 * Runs the parsing of an import (it parses and converts: src/io/import-parse.ts) and yields its
 * messages, acknowledging each batch: in a worker thread of its own for a large file, in this
 * thread for a small one (docs/performance.md, "Small files are parsed in the import thread").
 */
import { Worker } from 'node:worker_threads';
import { fromWire, toWire } from '../errors.js';
import { Channel } from './channel.js';
import type { SourceJob, SourceMessage } from './import-protocol.js';

export interface ImportSource extends AsyncIterable<Exclude<SourceMessage, { type: 'error' }>> {
  /** Stops the parsing (on an error or an interrupt). */
  close(): Promise<void>;
}

/**
 * Bytes to read below which the file is parsed in the thread that writes it. Starting the parsing
 * worker costs about 100 ms (a thread, its modules, its first message), more than parsing and
 * converting a file of this size takes; a larger file is parsed on the second core while this
 * thread writes (docs/performance.md).
 */
const PARSE_IN_THREAD_BELOW = 1024 * 1024;

/** Starts reading `job.path`: in a worker thread, or in this one when it has fewer than PARSE_IN_THREAD_BELOW bytes to read. */
export function openImportSource(job: SourceJob): ImportSource {
  const bytes = (job.range?.to ?? job.stamp.size) - (job.range?.from.offset ?? 0);
  return bytes < PARSE_IN_THREAD_BELOW ? parseHere(job) : parseInWorker(job);
}

/** The messages of `inbox` until the end, each batch acknowledged with `ack`. */
function messagesOf(inbox: Channel<SourceMessage>, ack: () => void): () => AsyncGenerator<Exclude<SourceMessage, { type: 'error' }>> {
  return async function* messages() {
    for (;;) {
      const m = await inbox.take();
      if (m.type === 'error') throw fromWire(m.error);
      yield m;
      if (m.type === 'end') return;
      if (m.type === 'batch') {
        ack();
        // Let the event loop run between batches, so that Ctrl-C is seen even while the
        // parsing keeps the queue full.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  };
}

function parseInWorker(job: SourceJob): ImportSource {
  // The parser needs little memory: a small heap keeps the import's footprint flat and low
  // (docs/performance.md, "Small heaps for the two import threads").
  const worker = new Worker(new URL('./import-worker.js', import.meta.url), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
  const inbox = new Channel<SourceMessage>();
  let exited = false;
  worker.on('message', (m: SourceMessage) => inbox.put(m));
  worker.on('error', (e) => inbox.fail(e));
  worker.on('exit', () => {
    exited = true;
    inbox.fail(new Error('the import worker stopped without finishing'));
  });
  return {
    [Symbol.asyncIterator]: messagesOf(inbox, () => worker.postMessage({ type: 'ack' })),
    close: async () => {
      if (!exited) await worker.terminate();
    },
  };
}

/** A copy of a message, as posting it to another thread makes one: the two sides share nothing. */
const copied = (m: SourceMessage): SourceMessage => structuredClone(m);

function parseHere(job: SourceJob): ImportSource {
  const inbox = new Channel<SourceMessage>();
  const acks = new Channel<void>();
  let closed = false;
  // The same code as the worker runs, with the same messages and acknowledgements; an error is
  // passed as the worker passes it (toWire, then fromWire where it is taken).
  const post = (m: SourceMessage): void => {
    if (closed) throw new Error('the import source is closed');
    inbox.put(copied(m));
  };
  const running = import('./import-parse.js')
    .then(({ run }) => run(job, post, acks))
    .catch((e: unknown) => {
      if (!closed) inbox.put({ type: 'error', error: toWire(e) });
    });
  return {
    [Symbol.asyncIterator]: messagesOf(inbox, () => acks.put()),
    close: async () => {
      // The parsing stops at its next message or wait for an acknowledgement, and closes the file.
      closed = true;
      acks.fail(new Error('the import source is closed'));
      await running;
    },
  };
}
