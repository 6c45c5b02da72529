/**
 * The hand-overs of an import's pipeline: a stream's records to the loop that reads them, the
 * parsing worker's messages to the writing thread, the writing thread's acknowledgements back
 * to the worker. One end puts (never waits); the other takes, waiting while there is nothing to
 * take. The worker bounds what it has in flight with InFlight (docs/performance.md, "Small
 * reads, small batches, many in flight").
 */

/** A queue with one taker: items in order, then the failure, if any. */
export class Channel<T> {
  private readonly items: T[] = [];
  private taker: { resolve: (item: T) => void; reject: (e: unknown) => void } | undefined;
  private failed: { error: unknown } | undefined;

  /** Hands `item` to the waiting taker, or queues it. */
  put(item: T): void {
    const taker = this.taker;
    if (taker) {
      this.taker = undefined;
      taker.resolve(item);
    } else this.items.push(item);
  }

  /** Ends the channel with `error` (the first failure is kept): takes reject with it once the queue is empty. */
  fail(error: unknown): void {
    if (this.failed) return;
    this.failed = { error };
    const taker = this.taker;
    if (taker) {
      this.taker = undefined;
      taker.reject(error);
    }
  }

  /** Items put and not taken yet. */
  get queued(): number {
    return this.items.length;
  }

  /** The next item; waits for one; rejects once the channel failed and nothing is queued. */
  take(): Promise<T> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift() as T);
    if (this.failed) return Promise.reject(this.failed.error);
    return new Promise((resolve, reject) => (this.taker = { resolve, reject }));
  }
}

/**
 * What one thread has sent another and not yet seen acknowledged: at most `maxItems` items and
 * `maxWeight` units (characters) in flight. Acknowledgements arrive in order, one per item.
 */
export class InFlight {
  private readonly weights: number[] = [];
  private weight = 0;

  constructor(
    private readonly acks: Channel<void>,
    private readonly limits: { maxItems: number; maxWeight: number },
  ) {}

  /** Items sent and not acknowledged yet (acknowledgements that arrived count, taken or not). */
  get count(): number {
    return this.weights.length - this.acks.queued;
  }

  /** Counts an item just sent; waits for acknowledgements while either bound is reached. */
  async sent(weight: number): Promise<void> {
    this.weights.push(weight);
    this.weight += weight;
    while (this.weights.length >= this.limits.maxItems || this.weight >= this.limits.maxWeight) {
      await this.acks.take();
      this.weight -= this.weights.shift() as number;
    }
  }
}
