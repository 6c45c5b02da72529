/** Rings an operator let pass (from queue logs), stored for three-ring compliance per operator. */
import type Database from 'better-sqlite3';

/** Rings per INSERT statement. */
const CHUNK = 50;
/** Values of one ring: operator_id, rang_at (epoch seconds), local_day, call_id, ring_seconds. */
const WIDTH = 5;

const statements = new WeakMap<Database.Database, { one: Database.Statement; chunk: Database.Statement }>();

function prepare(db: Database.Database): { one: Database.Statement; chunk: Database.Statement } {
  let s = statements.get(db);
  if (!s) {
    const sql = (n: number): string => `INSERT INTO missed_rings (operator_id, rang_at, local_day, call_id, ring_seconds, import_id)
      VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`;
    statements.set(db, (s = { one: db.prepare(sql(1)), chunk: db.prepare(sql(CHUNK)) }));
  }
  return s;
}

/**
 * Inserts rings of one import (the same ring twice is kept once). `rings` is flat: operator_id,
 * rang_at, local_day, call_id, ring_seconds for each ring.
 */
export function insertMissedRings(db: Database.Database, rings: readonly unknown[], importId: number): void {
  const { one, chunk } = prepare(db);
  const n = rings.length / WIDTH;
  const params = new Array<unknown>(CHUNK * (WIDTH + 1));
  let i = 0;
  for (; i + CHUNK <= n; i += CHUNK) {
    let p = 0;
    for (let k = i * WIDTH; k < (i + CHUNK) * WIDTH; k += WIDTH) {
      for (let j = 0; j < WIDTH; j++) params[p++] = rings[k + j];
      params[p++] = importId;
    }
    chunk.run(params);
  }
  for (; i < n; i++) one.run(...rings.slice(i * WIDTH, (i + 1) * WIDTH), importId);
}
