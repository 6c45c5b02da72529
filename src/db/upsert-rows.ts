/**
 * The natural-key upsert of one batch of rows: new keys inserted 25 to a statement, existing keys
 * updated (only the columns the file has), left unchanged, or found twice in the file (a
 * duplicate line skipped, a conflicting one a bad row or, for a mapping, a refusal). Every row is
 * marked with the import and line that last saw it.
 */
import type Database from 'better-sqlite3';
import type { KindSpec } from '../domain/kinds.js';
import { InputError } from '../errors.js';
import type { BadRow } from '../io/import-protocol.js';
import type { ImportCounts } from './queries/imports.js';

/** Rows in one INSERT (docs/performance.md, "25 rows per INSERT"). */
const CHUNK = 25;

/** The INSERTs of new keys: one row, and CHUNK rows in one statement, binding the values at `take` of each row (and its line). */
export interface Inserts {
  one: Database.Statement;
  chunk: Database.Statement;
  take: number[];
}

export interface Statements {
  /** Every column. */
  insert: Inserts;
  /**
   * Only the columns the rows can fill, when some cannot (docs/performance.md, "Columns a file
   * cannot fill are not bound"): used for a chunk whose values at `left` are all null, which the
   * table's NULL default gives them.
   */
  lean?: Inserts & { left: number[] };
  seen: Database.Statement;
  update: Database.Statement;
  lookup: Database.Statement;
  touch: Database.Statement;
  /** The stored local day of a key (kinds with a local day). */
  dayOf?: Database.Statement;
  content: string[];
}

/** The statements of one import into `spec`'s table: `columns` in row order, `present` the ones the file has. */
export function prepareStatements(db: Database.Database, spec: KindSpec, columns: string[], present: string[], importId: number): Statements {
  const { table, key } = spec;
  // Columns the file does not have keep their stored values when a row is updated.
  const content = present.filter((c) => c !== key);
  // The import's id is the same in every row: written into the statement (an integer this code
  // made), it is not bound three times a row.
  if (!Number.isSafeInteger(importId)) throw new Error(`import id ${importId} is not an integer`);
  const inserts = (take: number[]): Inserts => {
    const names = [...take.map((j) => columns[j] as string), 'import_id', 'created_import_id', 'seen_import_id', 'seen_line'];
    const tuple = `(${take.map(() => '?').join(', ')}, ${importId}, ${importId}, ${importId}, ?)`;
    const sql = (n: number): string => `INSERT INTO ${table} (${names.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')} ON CONFLICT (${key}) DO NOTHING`;
    return { one: db.prepare(sql(1)), chunk: db.prepare(sql(CHUNK)), take };
  };
  const insert = inserts(columns.map((_, j) => j));
  const left = unfilled(db, spec, columns, present);
  const lean = left.length > 0 ? { ...inserts(columns.map((_, j) => j).filter((j) => !left.includes(j))), left } : undefined;
  const seen = db.prepare(`SELECT seen_import_id, seen_line FROM ${table} WHERE ${key} = ?`);
  const update = db.prepare(
    `UPDATE ${table} SET ${content.map((c) => `${c} = @${c}`).join(', ')}, import_id = @import_id, seen_import_id = @import_id, seen_line = @line
     WHERE ${key} = @${key} AND seen_import_id IS NOT @import_id AND (${content.map((c) => `${c} IS NOT @${c}`).join(' OR ')})`,
  );
  const lookup = db.prepare(`SELECT seen_import_id, seen_line, (${content.map((c) => `${c} IS @${c}`).join(' AND ')}) AS same FROM ${table} WHERE ${key} = @${key}`);
  const touch = db.prepare(`UPDATE ${table} SET seen_import_id = ?, seen_line = ? WHERE ${key} = ?`);
  const dayOf = columns.includes('local_day') ? db.prepare(`SELECT local_day FROM ${table} WHERE ${key} = ?`) : undefined;
  return { insert, lean, seen, update, lookup, touch, dayOf, content };
}

/**
 * The columns (indexes in `columns`) a file cannot fill: not among its columns, no default of the
 * kind's (a value, or another field's), and NULL by the table's default. Whatever a converter
 * does, writeBatch binds them all for a chunk in which one is not null.
 */
function unfilled(db: Database.Database, spec: KindSpec, columns: string[], present: string[]): number[] {
  const defaulted = new Set(spec.fields.filter((f) => f.defaultValue !== undefined || f.defaultFrom !== undefined).map((f) => f.name));
  const tableDefault = new Map((db.prepare(`SELECT name, dflt_value FROM pragma_table_info(?)`).all(spec.table) as { name: string; dflt_value: string | null }[]).map((c) => [c.name, c.dflt_value]));
  const out: number[] = [];
  columns.forEach((c, j) => {
    if (c !== spec.key && !present.includes(c) && !defaulted.has(c) && tableDefault.has(c) && tableDefault.get(c) === null) out.push(j);
  });
  return out;
}

/** Whether rows `from` to `to` (exclusive) hold null at every index of `left`. */
function nullAt(rows: unknown[][], from: number, to: number, left: readonly number[]): boolean {
  for (let k = from; k < to; k++) {
    const values = rows[k] as unknown[];
    for (const j of left) if (values[j] !== null) return false;
  }
  return true;
}

export interface BatchContext {
  /** Local days of rows inserted or updated (and the former day of an updated row). */
  changedDays: Set<string>;
  /** Local days of updated rows only (and their former days). */
  updatedDays: Set<string>;
  /** Rows this batch inserted. */
  inserted: unknown[][];
  /** Index of local_day in a row's values, or -1. */
  dayIndex: number;
  importId: number;
  columns: string[];
  /** The key's header in the file, for messages. */
  keyHeader: string;
  key: string;
  counts: ImportCounts;
  reject: (issue: BadRow) => void;
  /** Set: a key conflict refuses the file (see WriteOptions.refuseKeyConflicts). */
  refuse?: { file: string; source?: string };
}

/** Writes one batch's rows, counting each and noting the local days it changed (rows in `ctx.inserted`). */
export function writeBatch(s: Statements, ev: { rows: unknown[][]; lines: number[] }, ctx: BatchContext): void {
  const { importId, counts } = ctx;
  const n = ev.rows.length;
  const full = new Array<unknown>(CHUNK * (s.insert.take.length + 1));
  const lean = s.lean ? new Array<unknown>(CHUNK * (s.lean.take.length + 1)) : full;
  let i = 0;
  for (; i + CHUNK <= n; i += CHUNK) {
    const shape = s.lean && nullAt(ev.rows, i, i + CHUNK, s.lean.left) ? s.lean : s.insert;
    const params = shape === s.insert ? full : lean;
    const take = shape.take;
    let p = 0;
    for (let k = i; k < i + CHUNK; k++) {
      const values = ev.rows[k] as unknown[];
      for (let t = 0; t < take.length; t++) params[p++] = values[take[t] as number];
      params[p++] = ev.lines[k];
    }
    const inserted = shape.chunk.run(params).changes;
    if (ctx.dayIndex >= 0 && inserted > 0) for (let k = i; k < i + CHUNK; k++) ctx.changedDays.add((ev.rows[k] as unknown[])[ctx.dayIndex] as string);
    if (inserted === CHUNK) {
      counts.inserted += CHUNK;
      for (let k = i; k < i + CHUNK; k++) ctx.inserted.push(ev.rows[k] as unknown[]);
      continue;
    }
    // Some keys were already there: find which rows this chunk inserted (they carry its line).
    const keyIndex = ctx.columns.indexOf(ctx.key);
    for (let k = i; k < i + CHUNK; k++) {
      const values = ev.rows[k] as unknown[];
      const mark = s.seen.get(values[keyIndex]) as { seen_import_id: number; seen_line: number };
      if (mark.seen_import_id === importId && mark.seen_line === ev.lines[k]) {
        counts.inserted++;
        ctx.inserted.push(values);
      } else writeExisting(s, values, ev.lines[k] as number, ctx);
    }
  }
  for (; i < n; i++) {
    const values = ev.rows[i] as unknown[];
    const line = ev.lines[i] as number;
    const shape = s.lean && nullAt(ev.rows, i, i + 1, s.lean.left) ? s.lean : s.insert;
    if (shape.one.run(...shape.take.map((j) => values[j]), line).changes === 1) {
      counts.inserted++;
      ctx.inserted.push(values);
      if (ctx.dayIndex >= 0) ctx.changedDays.add(values[ctx.dayIndex] as string);
    } else writeExisting(s, values, line, ctx);
  }
}

/** A key already in the table: updated, unchanged, a duplicate line, or a conflicting line. */
function writeExisting(s: Statements, values: unknown[], line: number, ctx: BatchContext): void {
  const named: Record<string, unknown> = { import_id: ctx.importId, line };
  ctx.columns.forEach((c, j) => (named[c] = values[j]));
  const before = ctx.dayIndex >= 0 ? (s.dayOf?.get(named[ctx.key]) as { local_day: string } | undefined) : undefined;
  if (s.update.run(named).changes === 1) {
    if (before) {
      ctx.changedDays.add(before.local_day);
      ctx.updatedDays.add(before.local_day);
    }
    if (ctx.dayIndex >= 0) {
      ctx.changedDays.add(values[ctx.dayIndex] as string);
      ctx.updatedDays.add(values[ctx.dayIndex] as string);
    }
    return void ctx.counts.updated++;
  }
  const lookupParams = Object.fromEntries([ctx.key, ...s.content].map((c) => [c, named[c]]));
  const prior = s.lookup.get(lookupParams) as { seen_import_id: number; seen_line: number; same: number };
  const keyValue = String(named[ctx.key]);
  if (prior.seen_import_id !== ctx.importId) {
    ctx.counts.unchanged++;
    s.touch.run(ctx.importId, line, named[ctx.key]);
  } else if (prior.same) {
    ctx.counts.skipped++;
  } else if (ctx.refuse) {
    throw new InputError(`${ctx.refuse.file}: ${ctx.key} is not unique: lines ${prior.seen_line} and ${line} both have ${ctx.key} ${keyValue} with different content; nothing was imported from this file`, {
      hint: `${ctx.refuse.source ?? ctx.key} must identify one row: build it from more columns (e.g. "columns": ["line", "call_id"], "join": "-")`,
    });
  } else {
    ctx.reject({ line, column: ctx.keyHeader, value: keyValue, reason: `${ctx.key} ${keyValue} is also on line ${prior.seen_line} with different content`, hint: 'keep one of the two lines', record: [] });
  }
}
