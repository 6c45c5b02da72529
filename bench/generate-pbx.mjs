#!/usr/bin/env node
// Writes a deterministic phone-system export of N calls (default 1,000,000) for the profile
// import benchmark:
//   node bench/generate-pbx.mjs asterisk-queue-log OUT [CALLS]   # Asterisk queue_log (FORMATS.md §3)
//   node bench/generate-pbx.mjs asterisk-cdr OUT [CALLS]         # Asterisk cdr_csv Master.csv, 21 columns (FORMATS.md §1)
// Same seed, same bytes. Calls arrive evenly over 2026 (UTC), as in generate-calls.mjs.
//
// queue_log: one QUEUESTART, then per call ENTERQUEUE, sometimes RINGNOANSWER (now and then a
// 0 ms ring), then CONNECT + COMPLETECALLER/COMPLETEAGENT (answered, ≈ 85 %), or ABANDON
// (≈ 12 %) or EXITWITHTIMEOUT (≈ 3 %); plus PAUSE/UNPAUSE, AGENTLOGIN/AGENTLOGOFF and
// CONFIGRELOAD noise. Lines are in time order (epoch seconds ascending), every call ends in the
// file, each callid enters one queue once: hotline imports exactly CALLS calls.
// Shifts (issue 20, presence): a staff of one member per 60 calls a day (45 for 1 M calls), each
// on every day of the calls: ADDMEMBER to two queues at the start of the shift, three pauses
// (break, lunch, break) each written as a PAUSEALL and a PAUSE per queue and ended by an
// UNPAUSEALL and an UNPAUSE per queue, REMOVEMEMBER from both queues at its end: 22 lines a shift.
// They come from a PRNG of their own, so the call lines are those of the generator before shifts.
//
// cdr_csv: all four cdr.conf switches on (21 columns: uniqueid, userfield, peeraccount, linkedid,
// sequence), times in UTC (usegmtime=yes: import with --source-tz UTC). Most calls write one
// record (a queue call, answered or not; an outbound call); ring-group calls write one record
// per member rung (2-3, sharing the caller's uniqueid and linkedid) and transferred calls two
// (the second from the first operator's channel to the second). The records of a call are
// written together when it ends, so the file is in order of call end, as Asterisk writes it.
import { createWriteStream } from 'node:fs';

const PROFILES = ['asterisk-queue-log', 'asterisk-cdr'];
const [profile, out, callsArg = '1000000'] = process.argv.slice(2);
if (!PROFILES.includes(profile) || !out) {
  console.error(`usage: node bench/generate-pbx.mjs ${PROFILES.join('|')} OUT [CALLS]`);
  process.exit(2);
}
const calls = Number(callsArg.replace(/_/g, ''));
if (!Number.isInteger(calls) || calls < 1) {
  console.error('generate-pbx: CALLS must be a positive integer');
  process.exit(2);
}

let seed = profile === 'asterisk-cdr' ? 20261002 : 20261003;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (a) => a[Math.floor(rand() * a.length)];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const hex8 = (n) => n.toString(16).padStart(8, '0');
const phone = () => `1${3 + Math.floor(rand() * 7)}${pad(Math.floor(rand() * 1e9), 9)}`;
const extension = () => String(1000 + Math.floor(rand() * 300));

/** Min-heap of [time, seq, text]: lines are written in time order, ties in the order they were made. */
class Heap {
  items = [];
  seq = 0;
  get size() {
    return this.items.length;
  }
  peekTime() {
    return this.items[0][0];
  }
  push(time, text) {
    const a = this.items;
    const item = [time, this.seq++, text];
    let i = a.push(item) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(item, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = item;
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && less(a[l + 1], a[l]) ? l + 1 : l;
        if (!less(a[c], last)) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top[2];
  }
}
const less = (x, y) => x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);

const stream = createWriteStream(out);
let buf = '';
async function write(line) {
  buf += line;
  if (buf.length > 1 << 20) {
    if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r));
    buf = '';
  }
}

const START = Date.UTC(2026, 0, 1, 0, 0, 0) / 1000;
const step = (365 * 86400) / calls;
const arrival = (i) => START + Math.floor(i * step);
let channelSeq = 1000; // the sequence part of uniqueids and channel names, as Asterisk counts channels
const heap = new Heap();

async function flushBefore(time) {
  while (heap.size > 0 && heap.peekTime() < time) await write(heap.pop());
}

/** A second PRNG for the shifts, so that the calls' lines stay as they were. */
let shiftSeed = 20261004;
const shiftRand = () => {
  shiftSeed = (shiftSeed + 0x6d2b79f5) | 0;
  let t = Math.imul(shiftSeed ^ (shiftSeed >>> 15), 1 | shiftSeed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shiftInt = (lo, hi) => lo + Math.floor(shiftRand() * (hi - lo + 1));

if (profile === 'asterisk-queue-log') {
  const queues = ['hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'complaints', 'complaints', 'vip'];
  // Member interfaces: mostly PJSIP phones, some FreePBX Local members and app_agent_pool agents.
  const member = () => {
    const r = rand();
    const ext = extension();
    return r < 0.8 ? `PJSIP/${ext}` : r < 0.9 ? `Local/${ext}@from-queue/n` : `Agent/${ext}`;
  };
  const ev = (t, callid, queue, agent, event, ...data) => heap.push(t, `${t}|${callid}|${queue}|${agent}|${event}${data.length ? '|' + data.join('|') : ''}\n`);
  ev(START, 'NONE', 'NONE', 'NONE', 'QUEUESTART', '');
  // The shifts of each day, pushed before the first call of the day is written (their times are later).
  const staff = Array.from({ length: Math.max(1, Math.round(calls / 365 / 60)) }, (_, k) => `PJSIP/${2000 + k}`);
  let shiftDay = 0;
  const shifts = (day) => {
    for (const m of staff) {
      const begin = START + day * 86400 + shiftInt(0, 16) * 3600 + shiftInt(0, 900); // shifts start from 08:00 to 24:00 Shanghai
      const end = begin + 8 * 3600 + shiftInt(0, 1800);
      for (const q of ['hotline', 'complaints']) ev(begin, 'MANAGER', q, m, 'ADDMEMBER', '');
      for (const [at, reason, minutes] of [[begin + 2 * 3600, 'break', 10], [begin + 4 * 3600, 'lunch', 45], [begin + 6 * 3600, 'break', 10]]) {
        const from = at + shiftInt(0, 1200);
        const to = from + minutes * 60 + shiftInt(0, 600);
        ev(from, 'NONE', 'NONE', m, 'PAUSEALL', reason);
        for (const q of ['hotline', 'complaints']) ev(from, 'NONE', q, m, 'PAUSE', reason);
        ev(to, 'NONE', 'NONE', m, 'UNPAUSEALL', '');
        for (const q of ['hotline', 'complaints']) ev(to, 'NONE', q, m, 'UNPAUSE', '');
      }
      for (const q of ['hotline', 'complaints']) ev(end, 'NONE', q, m, 'REMOVEMEMBER', '');
    }
  };
  for (let i = 0; i < calls; i++) {
    const enter = arrival(i);
    while (START + shiftDay * 86400 <= enter) shifts(shiftDay++);
    await flushBefore(enter);
    const callid = `${enter}.${channelSeq}`;
    channelSeq += 2 + Math.floor(rand() * 3);
    const queue = pick(queues);
    const pos = int(1, 3);
    ev(enter, callid, queue, 'NONE', 'ENTERQUEUE', '', phone(), pos);
    const r = rand();
    if (r < 0.85) {
      let t = enter;
      const misses = rand() < 0.25 ? int(1, 2) : 0;
      for (let k = 0; k < misses; k++) {
        const ms = rand() < 0.04 ? 0 : 15000 - int(0, 400);
        t += Math.round(ms / 1000);
        ev(t, callid, queue, member(), 'RINGNOANSWER', ms);
        t += 2;
      }
      const ring = int(1, 12);
      t += ring;
      const hold = t - enter;
      const agent = member();
      ev(t, callid, queue, agent, 'CONNECT', hold, `${t - ring}.${channelSeq++}`, ring);
      const talk = int(20, 620);
      ev(t + talk, callid, queue, agent, rand() < 0.6 ? 'COMPLETECALLER' : 'COMPLETEAGENT', hold, talk, pos);
    } else if (r < 0.97) {
      const wait = int(3, 120);
      if (wait > 17 && rand() < 0.5) ev(enter + 15, callid, queue, member(), 'RINGNOANSWER', 15000 - int(0, 400));
      ev(enter + wait, callid, queue, 'NONE', 'ABANDON', int(1, pos), pos, wait);
    } else {
      ev(enter + 300, callid, queue, 'NONE', 'EXITWITHTIMEOUT', 1, pos, 300);
    }
    // Noise that is not part of a call: pauses, agent logins, reloads.
    const noise = rand();
    if (noise < 0.04) {
      const m = member();
      const q = pick(queues);
      ev(enter + 1, 'NONE', q, m, 'PAUSE', pick(['lunch', 'break', '']));
      ev(enter + int(300, 1800), 'NONE', q, m, 'UNPAUSE', '');
    } else if (noise < 0.05) {
      const ext = extension();
      const uid = `${enter}.${channelSeq++}`;
      const chan = `PJSIP/${ext}-${hex8(channelSeq++)}`;
      const loggedIn = int(1800, 4 * 3600);
      ev(enter + 2, uid, 'NONE', `Agent/${ext}`, 'AGENTLOGIN', chan);
      ev(enter + 2 + loggedIn, uid, 'NONE', `Agent/${ext}`, 'AGENTLOGOFF', chan, loggedIn);
    } else if (noise < 0.0505) {
      ev(enter + 3, 'NONE', 'NONE', 'NONE', 'CONFIGRELOAD', '');
    }
  }
  await flushBefore(Infinity);
} else {
  // One cdr_csv line: text fields quoted (quotes doubled), an unset answer time as an unquoted empty
  // field, duration, billsec and sequence unquoted.
  const two = (n) => (n < 10 ? '0' + n : String(n));
  let dayKey = -1;
  let dayText = '';
  const fmt = (epoch) => {
    const day = Math.floor(epoch / 86400);
    if (day !== dayKey) {
      const d = new Date(day * 86400 * 1000);
      dayKey = day;
      dayText = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
    }
    const s = epoch - day * 86400;
    return `${dayText} ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  };
  const q = (s) => `"${String(s).replace(/"/g, '""')}"`;
  let sequence = 0;
  const record = (r) =>
    [
      q(''), q(r.src), q(r.dst), q(r.dcontext), q(r.clid), q(r.channel), q(r.dstchannel), q(r.lastapp), q(r.lastdata),
      q(fmt(r.start)), r.answer === null ? '' : q(fmt(r.answer)), q(fmt(r.end)), r.end - r.start, r.answer === null ? 0 : r.end - r.answer,
      q(r.disposition), q('DOCUMENTATION'), q(r.uniqueid), q(''), q(''), q(r.linkedid), sequence++,
    ].join(',') + '\n';
  const chan = (name) => `${name}-${hex8(channelSeq++)}`;
  for (let i = 0; i < calls; i++) {
    const start = arrival(i);
    await flushBefore(start);
    const uniqueid = `${start}.${channelSeq}`;
    const customer = phone();
    const base = { src: customer, dst: '6000', dcontext: 'from-trunk', clid: `"${pick(['王先生', '李女士', 'CUSTOMER', ''])}" <${customer}>`, uniqueid, linkedid: uniqueid };
    const legs = [];
    const kind = rand();
    if (kind < 0.05) {
      // Outbound: an operator's extension dials a customer (extension → outside number).
      const ext = extension();
      const answered = rand() < 0.7;
      const answer = answered ? start + int(3, 25) : null;
      const end = answered ? answer + int(20, 400) : start + int(5, 40);
      legs.push({ ...base, src: ext, dst: customer, dcontext: 'from-internal', clid: `"Operator ${ext}" <${ext}>`, channel: chan(`PJSIP/${ext}`), dstchannel: chan('PJSIP/trunk'), lastapp: 'Dial', lastdata: `PJSIP/${customer}@trunk,60`, start, answer, end, disposition: answered ? 'ANSWERED' : pick(['NO ANSWER', 'BUSY']) });
    } else if (kind < 0.15) {
      // Ring group: every member rung writes a record; one answers (or nobody does).
      const trunk = chan('PJSIP/trunk');
      const n = int(2, 3);
      const exts = Array.from({ length: n }, extension);
      const lastdata = exts.map((e) => `PJSIP/${e}`).join('&') + ',20';
      const answered = rand() < 0.85;
      const answer = answered ? start + int(2, 18) : null;
      const taker = answered ? int(0, n - 1) : -1;
      const end = answered ? answer + int(20, 500) : start + 20;
      exts.forEach((e, k) => {
        const rungUntil = answered ? answer : end;
        legs.push({ ...base, channel: trunk, dstchannel: chan(`PJSIP/${e}`), lastapp: 'Dial', lastdata, start, answer: k === taker ? answer : null, end: k === taker ? end : rungUntil, disposition: k === taker ? 'ANSWERED' : 'NO ANSWER' });
      });
    } else if (kind < 0.2) {
      // Transfer: the first operator answers, then transfers the caller to a second.
      const trunk = chan('PJSIP/trunk');
      const op1 = chan(`PJSIP/${extension()}`);
      const op2 = chan(`PJSIP/${extension()}`);
      const answer = start + int(2, 30);
      const xfer = answer + int(20, 200);
      const answer2 = xfer + int(2, 15);
      const end = answer2 + int(20, 300);
      legs.push({ ...base, channel: trunk, dstchannel: op1, lastapp: 'Queue', lastdata: 'hotline,t,,,300', start, answer, end: xfer, disposition: 'ANSWERED' });
      legs.push({ ...base, dst: 's', dcontext: 'from-internal-xfer', channel: op1, dstchannel: op2, lastapp: 'Dial', lastdata: `${op2.replace(/-[0-9a-f]+$/, '')},,`, start: xfer, answer: answer2, end, disposition: 'ANSWERED', uniqueid: `${xfer}.${channelSeq++}` });
    } else {
      // A queue call: answered by a member, or the caller hung up in the queue (Queue() had
      // answered for music on hold: ANSWERED with no destination channel), or nobody answered.
      const r = rand();
      const trunk = chan('PJSIP/trunk');
      if (r < 0.86) {
        const answer = start + int(3, 60);
        legs.push({ ...base, channel: trunk, dstchannel: chan(`PJSIP/${extension()}`), lastapp: 'Queue', lastdata: 'hotline,t,,,300', start, answer, end: answer + int(20, 620), disposition: 'ANSWERED' });
      } else if (r < 0.96) {
        const end = start + int(5, 120);
        legs.push({ ...base, channel: trunk, dstchannel: '', lastapp: 'Queue', lastdata: 'hotline,t,,,300', start, answer: start, end, disposition: 'ANSWERED' });
      } else {
        legs.push({ ...base, channel: trunk, dstchannel: '', lastapp: 'Queue', lastdata: 'hotline,t,,,300', start, answer: null, end: start + int(5, 60), disposition: 'NO ANSWER' });
      }
    }
    let end = start;
    for (const l of legs) end = Math.max(end, l.end);
    // Asterisk writes a call's records together when the call ends.
    heap.push(end, legs.map(record).join(''));
  }
  await flushBefore(Infinity);
}
stream.end(buf);
await new Promise((r) => stream.on('finish', r));
