#!/usr/bin/env node
// Writes a deterministic call CSV of N rows (default 1,000,000) in hotline's canonical layout:
//   node bench/generate-calls.mjs OUT.csv [ROWS]
// Same seed, same bytes. Keys are in time order, as a phone system writes them.
import { createWriteStream } from 'node:fs';

const [out = 'bench/out/calls-1m.csv', rowsArg = '1000000'] = process.argv.slice(2);
const rows = Number(rowsArg);
let seed = 20261001;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const categories = ['consultation', 'query', 'order', 'complaint', 'suggestion', 'other'];
const reasons = ['delay', 'loss', 'damage', 'attitude', 'fee', 'misdelivery'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const streets = ['人民路', '解放路', '中山路', '建设路', '和平路'];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const header = 'call_id,started_at,operator_id,direction,outcome,wait_seconds,talk_seconds,hold_seconds,acw_seconds,category,topic,complaint_reason,customer_name,customer_phone,customer_address,tracking_no,satisfaction,resolved\n';
const stream = createWriteStream(out);
stream.write(header);
const start = Date.UTC(2026, 0, 1, 0, 0, 0) / 1000;
const step = (365 * 86400) / rows;
let buf = '';
for (let i = 0; i < rows; i++) {
  const t = new Date((start + Math.floor(i * step)) * 1000);
  const ts = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const answered = rand() > 0.08;
  const cat = answered ? pick(categories) : '';
  buf += [
    `C${pad(i, 9)}`, ts, answered ? String(1000 + Math.floor(rand() * 300)) : '', rand() < 0.05 ? 'outbound' : 'inbound',
    answered ? 'answered' : 'abandoned', Math.floor(rand() * 60), answered ? 30 + Math.floor(rand() * 600) : 0,
    answered && rand() < 0.1 ? Math.floor(rand() * 90) : 0, answered ? 10 + Math.floor(rand() * 60) : 0, cat,
    cat === 'consultation' ? '运费咨询' : '', cat === 'complaint' ? pick(reasons) : '',
    answered ? pick(surnames) + '先生' : '', `1${3 + Math.floor(rand() * 7)}${pad(Math.floor(rand() * 1e9), 9)}`,
    answered ? `"上海市浦东新区${pick(streets)}${1 + Math.floor(rand() * 999)}号"` : '',
    cat === 'query' || cat === 'order' ? `SF${pad(Math.floor(rand() * 1e12), 12)}` : '',
    answered && rand() < 0.6 ? 1 + Math.floor(rand() * 5) : '', answered ? (rand() < 0.9 ? 'yes' : 'no') : '',
  ].join(',') + '\n';
  if (buf.length > 1 << 20) {
    if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r));
    buf = '';
  }
}
stream.end(buf);
await new Promise((r) => stream.on('finish', r));
