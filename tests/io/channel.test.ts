// The hand-over between the ends of an import's pipeline (src/io/channel.ts): what is put is
// taken in order, a taker waits until something is put, and a failure reaches the taker only
// once everything put before it has been taken.
import { describe, expect, test } from 'vitest';
import { Channel, InFlight } from '../../src/io/channel.js';

/** Whether `p` has settled after the pending microtasks ran. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('Channel', () => {
  test('items put before the take come out in order', async () => {
    const ch = new Channel<number>();
    ch.put(1);
    ch.put(2);
    ch.put(3);
    expect([await ch.take(), await ch.take(), await ch.take()]).toEqual([1, 2, 3]);
  });

  test('a take waits for the next put', async () => {
    const ch = new Channel<string>();
    const next = ch.take();
    expect(await settled(next)).toBe(false);
    ch.put('batch');
    expect(await next).toBe('batch');
  });

  test('a failure comes after the items put before it, then every take rejects with it', async () => {
    const ch = new Channel<number>();
    ch.put(1);
    ch.fail(new Error('worker died'));
    ch.fail(new Error('a second failure is not kept'));
    expect(await ch.take()).toBe(1);
    await expect(ch.take()).rejects.toThrow('worker died');
    await expect(ch.take()).rejects.toThrow('worker died');
  });

  test('a failure rejects a take that is waiting', async () => {
    const ch = new Channel<number>();
    const next = ch.take();
    ch.fail(new Error('stream error'));
    await expect(next).rejects.toThrow('stream error');
  });

  test('a put after a failure is still taken first', async () => {
    const ch = new Channel<number>();
    ch.fail(new Error('x'));
    ch.put(7);
    expect(await ch.take()).toBe(7);
    await expect(ch.take()).rejects.toThrow('x');
  });
});

describe('InFlight: what one thread sent another and has not seen acknowledged', () => {
  test('sending waits once maxItems are in flight, and goes on at the next acknowledgement', async () => {
    const acks = new Channel<void>();
    const window = new InFlight(acks, { maxItems: 2, maxWeight: 1000 });
    expect(await settled(window.sent(10))).toBe(true);
    const second = window.sent(10);
    expect(await settled(second)).toBe(false);
    acks.put();
    expect(await settled(second)).toBe(true);
  });

  test('sending waits while the weight in flight is at maxWeight, acknowledgements freeing the oldest first', async () => {
    const acks = new Channel<void>();
    const window = new InFlight(acks, { maxItems: 10, maxWeight: 100 });
    await window.sent(60);
    const heavy = window.sent(50);
    expect(await settled(heavy)).toBe(false);
    // The acknowledgement is the first batch's (60): 50 are left in flight.
    acks.put();
    expect(await settled(heavy)).toBe(true);
    const third = window.sent(50);
    expect(await settled(third)).toBe(false);
    acks.put();
    expect(await settled(third)).toBe(true);
  });

  test('count: items sent and not acknowledged, an acknowledgement counting as soon as it arrives', async () => {
    const acks = new Channel<void>();
    const window = new InFlight(acks, { maxItems: 10, maxWeight: 1000 });
    await window.sent(1);
    await window.sent(1);
    await window.sent(1);
    expect(window.count).toBe(3);
    acks.put();
    expect(window.count).toBe(2);
    acks.put();
    await window.sent(1);
    expect(window.count).toBe(2);
  });

  test('an acknowledgement that came early is used by the next send', async () => {
    const acks = new Channel<void>();
    const window = new InFlight(acks, { maxItems: 1, maxWeight: 1000 });
    acks.put();
    expect(await settled(window.sent(1))).toBe(true);
  });
});
