// Generated phone-system logs for the tests of growing logs and of `hotline watch`: a seeded,
// reproducible Asterisk queue_log whose calls overlap, with the awkward cases of a real one.

import { random } from '../helpers/random.js';

/** 2026-10-12 00:00 in Shanghai, epoch seconds. */
export const T0 = Date.UTC(2026, 9, 11, 16) / 1000;
export const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** Shanghai wall-clock time of an epoch (cdr_csv writes local time). */
export const local = (t: number): string => new Date((t + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A queue_log of `n` calls a few minutes apart that overlap (talk up to 10 min): ENTERQUEUE, a
 * missed ring for some, CONNECT + COMPLETE*, ABANDON, or EXITWITHTIMEOUT after which most callers
 * enter a second queue under the same callid (stored as `callid#2`); pauses; an Asterisk restart
 * half-way with calls open; a call still waiting at the end. Lines in time order.
 */
export function queueLog(seed: number, n: number): string {
  const rand = random(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const agent = (): string => `PJSIP/${1001 + int(0, 7)}`;
  const lines: [number, number, string][] = [];
  const add = (t: number, rest: string): void => void lines.push([t, lines.length, `${t}|${rest}`]);
  add(T0 + 3600, 'NONE|NONE|NONE|QUEUESTART|');
  const answer = (t: number, id: string, queue: string, wait: number): void => {
    const member = agent();
    const talk = int(20, 600);
    add(t + wait, `${id}|${queue}|${member}|CONNECT|${wait}|${t + wait - 1}.9|${int(1, 12)}`);
    add(t + wait + talk, `${id}|${queue}|${member}|${rand() < 0.5 ? 'COMPLETECALLER' : 'COMPLETEAGENT'}|${wait}|${talk}|1`);
  };
  for (let i = 0; i < n; i++) {
    const t = T0 + 4000 + i * 300 + int(0, 200);
    const id = `${t}.${i}`;
    const phone = rand() < 0.05 ? 'anonymous' : `1${int(30, 89)}${pad(int(0, 99_999_999), 8)}`;
    add(t, `${id}|hotline|NONE|ENTERQUEUE||${phone}|1`);
    const wait = int(2, 90);
    if (rand() < 0.3) add(t + 1, `${id}|hotline|${agent()}|RINGNOANSWER|${rand() < 0.1 ? 0 : int(1, 15) * 1000}`);
    const r = rand();
    if (r < 0.72) answer(t, id, 'hotline', wait);
    else if (r < 0.87) add(t + wait, `${id}|hotline|NONE|ABANDON|1|1|${wait}`);
    else {
      add(t + wait, `${id}|hotline|NONE|EXITWITHTIMEOUT|1|1|${wait}`);
      if (rand() < 0.7) {
        add(t + wait + 3, `${id}|overflow|NONE|ENTERQUEUE||${phone}|1`);
        answer(t + wait + 3, id, 'overflow', int(2, 30));
      }
    }
    if (i % 37 === 5) add(t + 2, `NONE|hotline|${agent()}|PAUSE|lunch`);
    if (i === Math.floor(n / 2)) add(t + 30, 'NONE|NONE|NONE|QUEUESTART|');
  }
  const last = T0 + 4000 + n * 300;
  add(last, `${last}.999|hotline|NONE|ENTERQUEUE||13900000000|1`);
  return lines.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((l) => l[2] + '\n').join('');
}
