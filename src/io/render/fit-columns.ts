/**
 * Column widths for a terminal table no wider than the terminal: headers wrap first, then text,
 * and a word is cut only when nothing else is left (width.ts wraps the cells to these widths).
 */
import { displayWidth, isWide, pieces } from './width.js';

export interface FitColumn {
  header: string;
  cells: readonly string[];
  /** False for numbers and dates: never wrapped. */
  breakable: boolean;
}

/**
 * Costs of narrowing a column, per cell: a line more in the table, a short value (a name, a
 * grade: at most SHORT columns) split onto two lines, a line more in a cell of a row already that
 * tall, a cut word (only when nothing else is left).
 */
const TALLER = 10;
const SPLIT = 40;
const SHORT = 12;
const CUT = 1000;

interface PieceWidth {
  width: number;
  space: boolean;
}

/** A text as `fitColumns` measures it: its pieces' widths and its whole width. */
interface Measured {
  pieces: PieceWidth[];
  width: number;
}

/** How a text wraps at some width: its lines, and whether a word is cut. */
interface Fit {
  lines: number;
  cut: boolean;
}

function measured(text: string): Measured {
  return { pieces: pieces(text).map((p) => ({ width: displayWidth(p.text), space: p.space })), width: displayWidth(text) };
}

/** Lines `wrapLine` makes of a text at `width`, and whether it cuts a word. */
function fitAt(ps: readonly PieceWidth[], width: number): Fit {
  let lines = 0;
  let w = 0;
  let gap = 0;
  let cut = false;
  for (const p of ps) {
    if (p.space) {
      gap = w > 0 ? p.width : 0;
      continue;
    }
    if (w + gap + p.width <= width) w += gap + p.width;
    else if (p.width <= width) {
      if (w > 0) lines++;
      w = p.width;
    } else {
      if (w > 0) lines++;
      cut = true;
      lines += Math.ceil(p.width / width) - 1;
      w = p.width % width || width;
    }
    gap = 0;
  }
  return { lines: Math.max(1, lines + (w > 0 ? 1 : 0)), cut };
}

/** The table's width: each column plus one space either side and a border between and around. */
function tableWidth(widths: readonly number[]): number {
  return widths.reduce((s, w) => s + w + 3, 1);
}

/** What narrowing one column from `before` to `after` costs the table (TALLER, SPLIT, CUT above); index 0 is the header, which may split. */
function narrowingCost(cells: readonly Measured[], before: readonly Fit[], after: readonly Fit[], heights: readonly number[]): number {
  let cost = 0;
  after.forEach((a, r) => {
    const b = before[r] as Fit;
    const split = r > 0 && b.lines === 1 && a.lines > 1 && (cells[r] as Measured).width <= SHORT;
    cost += TALLER * Math.max(0, a.lines - (heights[r] as number)) + (a.lines - b.lines) + (split ? SPLIT : 0) + (a.cut && !b.cut ? CUT : 0);
  });
  return cost;
}

/**
 * Column widths that make the table at most `limit` columns wide. One column at a time loses one
 * column of width: the one that costs the table least (a line more, a short value split, a word
 * cut), the widest among equals; numbers and dates keep their width. A table that cannot be that
 * narrow gets its narrowest layout.
 */
export function fitColumns(columns: readonly FitColumn[], limit: number): number[] {
  const cols = columns.map((c) => {
    const texts = [c.header, ...c.cells];
    const cellMax = c.cells.reduce((m, t) => Math.max(m, displayWidth(t)), 0);
    const widestChar = texts.some((t) => [...t].some((ch) => isWide(ch.codePointAt(0) as number))) ? 2 : 1;
    return { cells: texts.map(measured), min: Math.max(widestChar, c.breakable ? 1 : cellMax), natural: Math.max(1, cellMax, displayWidth(c.header)) };
  });
  const widths = cols.map((c) => c.natural);
  const at = (i: number, w: number): Fit[] => (cols[i] as (typeof cols)[number]).cells.map((m) => fitAt(m.pieces, w));
  const current = cols.map((_, i) => at(i, widths[i] as number));
  const narrower: (Fit[] | undefined)[] = cols.map(() => undefined);
  for (let over = tableWidth(widths) - limit; over > 0; over--) {
    // The height of the header (index 0) and of each row.
    const heights = (current[0] ?? []).map((_, r) => Math.max(...current.map((fits) => (fits[r] as Fit).lines)));
    let best = -1;
    let bestCost = Infinity;
    cols.forEach((c, i) => {
      const w = widths[i] as number;
      if (w <= c.min) return;
      const cost = narrowingCost(c.cells, current[i] as Fit[], (narrower[i] ??= at(i, w - 1)), heights);
      if (cost < bestCost || (cost === bestCost && w > (widths[best] as number))) [best, bestCost] = [i, cost];
    });
    if (best < 0) break;
    widths[best] = (widths[best] as number) - 1;
    current[best] = narrower[best] as Fit[];
    narrower[best] = undefined;
  }
  return widths;
}
