/**
 * Worker thread of an import of a large file: runs the parsing (src/io/import-parse.ts) on the
 * second core while the thread that started it writes, acknowledging each batch by message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toWire } from '../errors.js';
import { Channel } from './channel.js';
import { run } from './import-parse.js';
import type { SourceJob, SourceMessage } from './import-protocol.js';

if (parentPort) {
  const port = parentPort;
  const acks = new Channel<void>();
  port.on('message', (m: { type: string }) => {
    if (m.type === 'ack') acks.put();
  });
  run(workerData as SourceJob, (m) => port.postMessage(m), acks).catch((e: unknown) => {
    const error = toWire(e);
    port.postMessage({ type: 'error', error } satisfies SourceMessage);
  });
}
