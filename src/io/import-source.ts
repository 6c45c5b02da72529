/** Runs the parsing worker of an import (it parses and converts) and yields its messages, acknowledging each batch. */
import { Worker } from 'node:worker_threads';
import { fromWire } from '../errors.js';
import { Channel } from './channel.js';
import type { SourceJob, SourceMessage } from './import-protocol.js';

export interface ImportSource extends AsyncIterable<Exclude<SourceMessage, { type: 'error' }>> {
  /** Stops the worker (on an error or an interrupt). */
  close(): Promise<void>;
}

/** Starts reading `job.path` in a worker thread. */
export function openImportSource(job: SourceJob): ImportSource {
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
  async function* messages(): AsyncGenerator<Exclude<SourceMessage, { type: 'error' }>> {
    for (;;) {
      const m = await inbox.take();
      if (m.type === 'error') throw fromWire(m.error);
      yield m;
      if (m.type === 'end') return;
      if (m.type === 'batch') {
        worker.postMessage({ type: 'ack' });
        // Let the event loop run between batches, so that Ctrl-C is seen even while the
        // worker keeps the queue full.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
  return {
    [Symbol.asyncIterator]: messages,
    close: async () => {
      if (!exited) await worker.terminate();
    },
  };
}
