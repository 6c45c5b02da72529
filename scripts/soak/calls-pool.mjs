// The soak test's call files and its model of the calls table.
//
// A universe of U call keys (C000000000 …) spread over 2026-09-01 … 2026-10-31 (Asia/Shanghai).
// File k of a seed is a contiguous range of 3,000 – 50,000 of those keys; each key of a file carries
// one "version" of its content: the base version (v0) most of the time, else one of three variants
// (another time within ±3 h, other outcome, talk, satisfaction …). Files overlap, so importing them
// inserts, updates (another version) and leaves unchanged (same version); some files repeat a line
// (skipped). Everything is a pure function of (seed, k): the model regenerates a file's rows
// instead of keeping them.
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HEADER = 'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,hold_seconds,acw_seconds,category,topic,complaint_reason,customer_name,customer_phone,customer_address,tracking_no,satisfaction,resolved';
/** The columns compared with the model, in this order (call_id first). */
export const CONTENT_COLUMNS = ['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds', 'category', 'topic', 'complaint_reason', 'customer_name', 'customer_phone', 'customer_address', 'tracking_no', 'satisfaction', 'resolved', 'local_day', 'local_hour'];
export const TRACKING_COLUMNS = ['import_id', 'created_import_id', 'seen_import_id', 'seen_line'];

const ZONE_OFFSET = 8 * 3600; // Asia/Shanghai, no DST since 1991
const FIRST = Date.UTC(2026, 8, 1) / 1000 - ZONE_OFFSET; // 2026-09-01 00:00 local
const SPAN = 61 * 86400;
export const MIN_ROWS = 3000;
export const MAX_ROWS = 50000;

/** A 32-bit hash of a few integers (murmur3 finalizer chain). */
function hash(...xs) {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32 */
function prng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const categories = ['consultation', 'query', 'order', 'complaint', 'suggestion', 'other'];
const reasons = ['delay', 'loss', 'damage', 'attitude', 'fee', 'misdelivery'];
const topics = ['运费咨询', '时效咨询', '网点查询', '包装要求'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const streets = ['人民路', '解放路', '中山路', '建设路', '和平路'];

export const callId = (c) => `C${pad(c, 9)}`;

/** Local day and hour (Asia/Shanghai) of epoch seconds. */
export function localDayHour(t) {
  const d = new Date((t + ZONE_OFFSET) * 1000);
  return [`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, d.getUTCHours()];
}

const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Version v of key c: the CSV line and the values hotline stores for it (CONTENT_COLUMNS), as the
 * JSON text compared with the database.
 */
export function callVersion(seed, universe, c, v) {
  const rand = prng(hash(seed, 0x5eed, c, v));
  const pick = (a) => a[Math.floor(rand() * a.length)];
  let t = FIRST + Math.floor((c * SPAN) / universe);
  if (v > 0) t += Math.floor((rand() - 0.5) * 6 * 3600);
  const local = new Date((t + ZONE_OFFSET) * 1000);
  const ts = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const answered = rand() > 0.08;
  const cat = answered ? pick(categories) : null;
  const operator = answered ? String(1000 + Math.floor(rand() * 300)) : null;
  const direction = rand() < 0.05 ? 'outbound' : 'inbound';
  const wait = Math.floor(rand() * 60);
  const talk = answered ? 30 + Math.floor(rand() * 600) : 0;
  const hold = answered && rand() < 0.1 ? Math.floor(rand() * 90) : 0;
  const acw = answered ? 10 + Math.floor(rand() * 60) : 0;
  const topic = cat === 'consultation' ? pick(topics) : null;
  const reason = cat === 'complaint' ? pick(reasons) : null;
  const name = answered ? pick(surnames) + (rand() < 0.5 ? '先生' : '女士') : null;
  const phone = `1${3 + Math.floor(rand() * 7)}${pad(Math.floor(rand() * 1e9), 9)}`;
  const address = answered ? `上海市浦东新区${pick(streets)}${1 + Math.floor(rand() * 999)}号${rand() < 0.3 ? `, ${1 + Math.floor(rand() * 30)}0${1 + Math.floor(rand() * 4)}室` : ''}` : null;
  const tracking = cat === 'query' || cat === 'order' ? `SF${pad(Math.floor(rand() * 1e12), 12)}` : null;
  const satisfaction = answered && rand() < 0.6 ? 1 + Math.floor(rand() * 5) : null;
  const resolved = answered ? (rand() < 0.9 ? 1 : 0) : null;
  const id = callId(c);
  const line = [
    id, ts, operator ?? '', direction, answered ? 'answered' : 'abandoned', wait, talk, hold, acw, cat ?? '', topic ?? '', reason ?? '',
    name ?? '', phone, address ?? '', tracking ?? '', satisfaction ?? '', resolved === null ? '' : resolved ? 'yes' : 'no',
  ].map((x) => csvCell(String(x))).join(',');
  const [day, hour] = localDayHour(t);
  const values = [id, t, operator, direction, answered ? 'answered' : 'abandoned', wait, talk, hold, acw, cat, topic, reason, name, phone, address, tracking, satisfaction, resolved, day, hour];
  return { id, line, content: JSON.stringify(values.slice(1)), day, inbound: direction === 'inbound', answered, talk };
}

/** The rows of file k, in file order: { id, line, content, lineNo } (lineNo: the CSV line, header = 1). */
export function fileRows(seed, universe, k) {
  const rand = prng(hash(seed, 0xf11e, k));
  const maxRows = Math.min(MAX_ROWS, universe);
  const n = Math.floor(Math.exp(Math.log(MIN_ROWS) + rand() * (Math.log(maxRows) - Math.log(MIN_ROWS))));
  const start = Math.floor(rand() * (universe - n + 1));
  // Some files repeat a few lines (hotline counts them as skipped).
  const dupRate = rand() < 0.3 ? 0.002 : 0;
  const variantRate = 0.15 + rand() * 0.2;
  const rows = [];
  let lineNo = 2;
  for (let c = start; c < start + n; c++) {
    const r = hash(seed, k, c) / 4294967296;
    const v = r < variantRate ? 1 + (hash(seed, k, c, 7) % 3) : 0;
    const row = callVersion(seed, universe, c, v);
    rows.push({ ...row, lineNo: lineNo++ });
    if (dupRate && rand() < dupRate) rows.push({ ...row, lineNo: lineNo++ });
  }
  return rows;
}

/** Writes file k into dir (atomically); returns { k, name, path, sha256, rows, bytes }. */
export function writeCallFile(dir, seed, universe, k) {
  const rows = fileRows(seed, universe, k);
  const text = HEADER + '\n' + rows.map((r) => r.line).join('\n') + '\n';
  const buf = Buffer.from(text, 'utf8');
  const name = `calls-s${seed}-${pad(k, 4)}.csv`;
  const path = join(dir, name);
  writeFileSync(path + '.tmp', buf);
  renameSync(path + '.tmp', path);
  return { k, name, path, sha256: createHash('sha256').update(buf).digest('hex'), rows: rows.length, bytes: buf.length };
}

/**
 * The expected calls table: committed imports applied in ledger order as upserts keyed by call_id,
 * with hotline's accounting (inserted / updated / unchanged / skipped) and tracking columns.
 */
export class CallsModel {
  constructor(seed, universe) {
    this.seed = seed;
    this.universe = universe;
    /** call_id → { content, importId, createdId, seenId, seenLine } */
    this.rows = new Map();
  }

  /** Applies file k as import #importId; returns the counts hotline should have recorded. */
  apply(importId, k) {
    const counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
    const inThisFile = new Map();
    for (const r of fileRows(this.seed, this.universe, k)) {
      counts.rows++;
      const earlier = inThisFile.get(r.id);
      if (earlier !== undefined) {
        if (earlier !== r.content) throw new Error(`model: file ${k} has ${r.id} twice with different content`);
        counts.skipped++;
        continue;
      }
      inThisFile.set(r.id, r.content);
      const cur = this.rows.get(r.id);
      if (!cur) {
        this.rows.set(r.id, { content: r.content, importId, createdId: importId, seenId: importId, seenLine: r.lineNo });
        counts.inserted++;
      } else if (cur.content === r.content) {
        cur.seenId = importId;
        cur.seenLine = r.lineNo;
        counts.unchanged++;
      } else {
        cur.content = r.content;
        cur.importId = importId;
        cur.seenId = importId;
        cur.seenLine = r.lineNo;
        counts.updated++;
      }
    }
    return counts;
  }

  /** { count, content: sha256 over call_id + content, tracking: sha256 over call_id + tracking columns } */
  digest() {
    const ids = [...this.rows.keys()].sort();
    const content = createHash('sha256');
    const tracking = createHash('sha256');
    for (const id of ids) {
      const r = this.rows.get(id);
      content.update(`${id}\t${r.content}\n`);
      tracking.update(`${id}\t${JSON.stringify([r.importId, r.createdId, r.seenId, r.seenLine])}\n`);
    }
    return { count: ids.length, content: content.digest('hex'), tracking: tracking.digest('hex') };
  }

  /** Import ids that still have a row naming them (import_id, created_import_id or seen_import_id). */
  idsWithRows() {
    const s = new Set();
    for (const r of this.rows.values()) {
      s.add(r.importId);
      s.add(r.createdId);
      s.add(r.seenId);
    }
    return s;
  }

  /** Per local day: inbound offered / answered / abandoned, inbound talk seconds, outbound calls. */
  days() {
    const out = new Map();
    for (const r of this.rows.values()) {
      const v = JSON.parse(r.content); // started_at … local_hour
      const [day, direction, outcome, talk] = [v[17], v[2], v[3], v[5]];
      let d = out.get(day);
      if (!d) out.set(day, (d = { offered: 0, answered: 0, abandoned: 0, talk_seconds: 0, outbound: 0 }));
      if (direction === 'outbound') {
        d.outbound++;
        continue;
      }
      d.offered++;
      if (outcome === 'answered') d.answered++;
      else d.abandoned++;
      d.talk_seconds += talk ?? 0;
    }
    return out;
  }
}

/** The same digest over rows read from a database (CONTENT_COLUMNS then TRACKING_COLUMNS, ordered by call_id). */
export function digestDbRows(iterate) {
  const content = createHash('sha256');
  const tracking = createHash('sha256');
  let count = 0;
  let previous = null;
  let outOfOrder = 0;
  const n = CONTENT_COLUMNS.length;
  for (const row of iterate) {
    const id = row[0];
    if (previous !== null && !(id > previous)) outOfOrder++;
    previous = id;
    count++;
    content.update(`${id}\t${JSON.stringify(row.slice(1, n))}\n`);
    tracking.update(`${id}\t${JSON.stringify(row.slice(n))}\n`);
  }
  return { count, content: content.digest('hex'), tracking: tracking.digest('hex'), outOfOrder };
}
