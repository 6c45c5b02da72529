/**
 * Bounded grouping of the CDR records of one call (docs/profiles.md, "Merging"): records sharing
 * any key (linkedid, uniqueid, a Local channel's name, a B-leg uuid) form one group; a group is
 * complete once `window` records have passed without one of its records, and at the end of the
 * file. Memory holds the open groups plus the keys of recently completed ones, never the file.
 */

export interface RecordGroup<R> {
  readonly id: number;
  /** Records in the order they were added (file order, groups merged later appended). */
  records: R[];
  /** The seq each record was added at (for a snapshot). */
  seqs: number[];
  keys: string[];
  /** Index (1-based count of records pushed) of the group's latest record. */
  lastSeen: number;
}

export type AddResult<R> = { group: RecordGroup<R> } | { late: { key: string; line: number } };

/** Default window: a group is closed 5000 records after its last record. */
export const DEFAULT_WINDOW = 5000;

/** Keys of completed groups are remembered this many windows, to name a record that comes too late. */
const CLOSED_MEMORY = 4;

/**
 * A first-in first-out queue of (item, seq) pairs with O(1) shift: two parallel arrays and a
 * moving head, so that a pair costs no object of its own (one is pushed for every record).
 */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private seqs: number[] = [];
  private head = 0;
  push(item: T, seq: number): void {
    this.items.push(item);
    this.seqs.push(seq);
  }
  /** The oldest item, or undefined when the queue is empty. */
  peek(): T | undefined {
    return this.items[this.head];
  }
  /** The seq of the oldest item (only when peek() is not undefined). */
  peekSeq(): number {
    return this.seqs[this.head] as number;
  }
  shift(): void {
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.seqs = this.seqs.slice(this.head);
      this.head = 0;
    }
  }
}

/** What expire() returns when no group is complete (most records): no array per record. */
const NONE: readonly never[] = Object.freeze([]);

export class RecordGroups<R extends { line: number }> {
  private readonly open = new Map<number, RecordGroup<R>>();
  private readonly index = new Map<string, RecordGroup<R>>();
  /** Every time a group got a record, oldest first; stale entries are skipped (lastSeen moved on). */
  private readonly touches = new Fifo<RecordGroup<R>>();
  private readonly closed = new Map<string, { line: number; seq: number }>();
  private readonly closedOrder = new Fifo<string>();
  private nextId = 1;

  constructor(private readonly window: number = DEFAULT_WINDOW) {}

  /** Adds record number `seq` under `keys`; merges the groups the keys already belong to. */
  add(keys: readonly string[], record: R, seq: number): AddResult<R> {
    let group: RecordGroup<R> | undefined;
    for (const k of keys) {
      const g = this.index.get(k);
      if (g && g !== group) group = group ? this.merge(group, g) : g;
    }
    if (!group) {
      for (const k of keys) {
        const done = this.closed.get(k);
        if (done) return { late: { key: k, line: done.line } };
      }
      group = { id: this.nextId++, records: [], seqs: [], keys: [], lastSeen: seq };
      this.open.set(group.id, group);
    }
    group.records.push(record);
    group.seqs.push(seq);
    for (const k of keys) {
      if (!this.index.has(k)) {
        this.index.set(k, group);
        group.keys.push(k);
      }
    }
    group.lastSeen = seq;
    this.touches.push(group, seq);
    return { group };
  }

  /** Removes and returns the groups whose latest record is `window` or more records before `seq`. */
  expire(seq: number): readonly RecordGroup<R>[] {
    let out: RecordGroup<R>[] | undefined;
    for (let g = this.touches.peek(); g && seq - this.touches.peekSeq() >= this.window; g = this.touches.peek()) {
      const touched = this.touches.peekSeq();
      this.touches.shift();
      if (g.lastSeen === touched && this.open.has(g.id)) {
        this.close(g, seq);
        (out ??= []).push(g);
      }
    }
    for (let k = this.closedOrder.peek(); k !== undefined && seq - this.closedOrder.peekSeq() >= CLOSED_MEMORY * this.window; k = this.closedOrder.peek()) {
      const closedAt = this.closedOrder.peekSeq();
      this.closedOrder.shift();
      if (this.closed.get(k)?.seq === closedAt) this.closed.delete(k);
    }
    return out ?? NONE;
  }

  /** Removes and returns every open group, oldest first (end of file). */
  drain(seq: number): RecordGroup<R>[] {
    const out = [...this.open.values()];
    for (const g of out) this.close(g, seq);
    return out;
  }

  /**
   * The state (docs/growing-logs.md): the records of the open groups with the seq each was added
   * at, in seq order, and the completed groups' keys still remembered. Added again in that order
   * (add), then the keys (restoreClosed), they make the same groups.
   */
  snapshot(): { records: [number, R][]; closed: [string, number, number][] } {
    const records: [number, R][] = [];
    for (const g of this.open.values()) g.records.forEach((r, i) => records.push([g.seqs[i] as number, r]));
    records.sort((a, b) => a[0] - b[0]);
    const closed: [string, number, number][] = [...this.closed].map(([k, c]) => [k, c.line, c.seq]);
    closed.sort((a, b) => a[2] - b[2]);
    return { records, closed };
  }

  /** Restores the completed groups' keys of a snapshot (after its records were added again). */
  restoreClosed(closed: readonly [string, number, number][]): void {
    for (const [key, line, seq] of closed) {
      this.closed.set(key, { line, seq });
      this.closedOrder.push(key, seq);
    }
  }

  /** Open groups (for tests and memory checks). */
  get size(): number {
    return this.open.size;
  }

  private close(g: RecordGroup<R>, seq: number): void {
    this.open.delete(g.id);
    let line = 0;
    for (const r of g.records) line = Math.max(line, r.line);
    const done = { line, seq };
    for (const k of g.keys) {
      this.index.delete(k);
      this.closed.set(k, done);
      this.closedOrder.push(k, seq);
    }
  }

  private merge(into: RecordGroup<R>, from: RecordGroup<R>): RecordGroup<R> {
    for (const r of from.records) into.records.push(r);
    for (const q of from.seqs) into.seqs.push(q);
    for (const k of from.keys) {
      this.index.set(k, into);
      into.keys.push(k);
    }
    into.lastSeen = Math.max(into.lastSeen, from.lastSeen);
    this.open.delete(from.id);
    return into;
  }
}
