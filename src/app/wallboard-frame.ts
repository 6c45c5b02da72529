/**
 * The wallboard of `hotline watch` as text (docs/watch.md): a frame that fits `width` × `height`
 * (80 × 24 over ssh), and the one line per refresh written when stdout is not a terminal.
 */
import { displayWidth } from '../io/render/width.js';
import type { Wallboard } from './wallboard.js';


export interface FrameView {
  width: number;
  /** Lines available; undefined: every operator (watch --once). */
  height?: number;
  color: boolean;
  /** What the last refresh did (the import's summary, or why it failed). */
  status: string;
}

const GREEN = (s: string): string => `\u001b[32m${s}\u001b[39m`;
const RED = (s: string): string => `\u001b[31m${s}\u001b[39m`;
const BOLD = (s: string): string => `\u001b[1m${s}\u001b[22m`;

/** Seconds as m:ss, or h:mm:ss from an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const percent = (rate: number | null): string => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`);
const seconds = (n: number | null): string => (n === null ? 'n/a' : `${Math.round(n)} s`);

/** `text` cut to `width` columns (a Chinese character takes two). */
function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** `text` padded with spaces to `width` columns (left-aligned). */
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The figures of the day and of the queue now, one per line. */
function headLines(b: Wallboard, color: boolean): string[] {
  const sl = percent(b.service_level);
  const shown = !color || b.service_level_state === null ? sl : b.service_level_state === 'met' ? GREEN(sl) : RED(sl);
  const queue = b.waiting_now === null
    ? 'waiting now n/a (this export has no calls in progress: a queue_log has)'
    : `waiting now ${b.waiting_now}${b.longest_wait_now_seconds === null ? '' : ` (longest ${clock(b.longest_wait_now_seconds)})`}   talking ${b.talking_now}`;
  return [
    `offered ${b.offered}   answered ${b.answered}   abandoned ${b.abandoned}   ASA ${seconds(b.asa_seconds)}`,
    `service level ${shown} (answered ≤ ${b.definitions.threshold_seconds} s, formula ${b.definitions.service_level_formula}; target ${percent(b.service_level_target)})`,
    queue,
  ];
}

const OP_HEAD = ['operator', 'name', 'now', 'answered', 'talk', 'missed rings'];
const OP_WIDTHS = [9, 12, 15, 9, 10, 12];

function operatorLine(cells: string[]): string {
  return cells.map((c, i) => (i >= 3 ? c.padStart((OP_WIDTHS[i] as number) - 1) + ' ' : pad(fit(c, (OP_WIDTHS[i] as number) - 1), OP_WIDTHS[i] as number))).join('').trimEnd();
}

function lastHourLines(b: Wallboard): string[] {
  if (b.last_hour.length === 0) return [];
  // 8 columns of labels and 12 of 6: 80.
  const row = (label: string, cells: (string | number)[]): string => pad(label, 8) + cells.map((c) => String(c).padStart(6)).join('');
  return [
    'the last hour, by 5 minutes:',
    row('from', b.last_hour.map((p) => p.from)),
    row('offered', b.last_hour.map((p) => p.offered)),
    row('answered', b.last_hour.map((p) => p.answered)),
    row('abandons', b.last_hour.map((p) => p.abandoned)),
  ];
}

/** The frame: title, the day, the queue, the operators (as many as fit), the last hour, the status line. */
export function renderWallboard(b: Wallboard, view: FrameView): string[] {
  const title = `hotline watch   ${b.at.replace('T', ' ')} (${b.timezone})`;
  const head = [view.color ? BOLD(title) : title, ...headLines(b, view.color), ''];
  const hour = lastHourLines(b);
  const tail = [...(hour.length ? ['', ...hour] : []), '', view.status];
  const rows = b.operators.map((o) => operatorLine([o.operator_id, o.name ?? '', o.state === 'talking' ? `talking ${clock(o.state_seconds ?? 0)}` : '', String(o.answered), o.handle_seconds === null ? 'n/a' : clock(o.handle_seconds), String(o.missed_rings)]));
  const room = view.height === undefined ? rows.length : Math.max(0, view.height - head.length - tail.length - 1);
  const shown = rows.length <= room ? rows : [...rows.slice(0, Math.max(0, room - 1)), `… and ${rows.length - Math.max(0, room - 1)} more operators`];
  const body = rows.length === 0 ? ['no call answered yet today'] : [operatorLine(OP_HEAD), ...shown];
  const lines = [...head, ...body, ...tail].map((l) => fit(l, view.width));
  return view.height === undefined ? lines : lines.slice(0, view.height);
}

/** One line per refresh, for a log (stdout not a terminal). */
export function wallboardLine(b: Wallboard, status: string): string {
  const queue = b.waiting_now === null ? '' : ` waiting ${b.waiting_now}${b.longest_wait_now_seconds === null ? '' : ` longest ${clock(b.longest_wait_now_seconds)}`} talking ${b.talking_now}`;
  return `${b.at.replace('T', ' ')} offered ${b.offered} answered ${b.answered} abandoned ${b.abandoned} service level ${percent(b.service_level)} ASA ${seconds(b.asa_seconds)}${queue} | ${status}`;
}
