/**
 * Display widths and wrapping for terminal tables and text: a Chinese character takes two
 * columns. cli-table3's own wrapping cuts Chinese text by UTF-16 units, not by columns, so cells
 * are wrapped here (fit-columns.ts chooses the widths) and cli-table3 only draws them.
 */

/** True for a code point a terminal draws two columns wide (East Asian Wide and Fullwidth, as cli-table3's string-width counts them). */
export function isWide(cp: number): boolean {
  return cp >= 0x1100 && (
    cp <= 0x115f || cp === 0x2329 || cp === 0x232a ||
    (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) || (cp >= 0x3250 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0xa4c6) || (cp >= 0xa960 && cp <= 0xa97c) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6b) ||
    (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1b000 && cp <= 0x1b001) ||
    (cp >= 0x1f200 && cp <= 0x1f251) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function charWidth(cp: number): number {
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f)) return 0;
  return isWide(cp) ? 2 : 1;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns `text` takes on a terminal (ANSI colour codes take none); the widest line of a multi-line text. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.replace(ANSI, '').split('\n')) {
    let w = 0;
    for (const ch of line) w += charWidth(ch.codePointAt(0) as number);
    widest = Math.max(widest, w);
  }
  return widest;
}

/** A line may break inside a word after `_` (`reassignment_`) and after a `.` before a letter (`evaluations.`); never inside a number, a date or a fraction. */
function breaksAfter(ch: string, next: string | undefined): boolean {
  return ch === '_' || (ch === '.' && next !== undefined && /\p{L}/u.test(next));
}

interface Piece {
  text: string;
  /** A run of spaces: dropped where a line breaks. */
  space: boolean;
}

/** Pieces between which a line may break: at spaces, inside words as `breaksAfter` says, and around each Chinese character. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let word = '';
  const flush = (): void => {
    if (word) out.push({ text: word, space: false });
    word = '';
  };
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      flush();
      const last = out[out.length - 1];
      if (last?.space) last.text += ch;
      else out.push({ text: ch, space: true });
    } else if (isWide(ch.codePointAt(0) as number)) {
      flush();
      out.push({ text: ch, space: false });
    } else {
      word += ch;
      if (breaksAfter(ch, chars[i + 1])) flush();
    }
  });
  flush();
  return out;
}

/** `word` cut into lines of at most `width` columns. */
function breakWord(word: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of word) {
    const cw = charWidth(ch.codePointAt(0) as number);
    if (w + cw > width && line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}

/** One line of text wrapped to `width` columns: at spaces, after `_`, between Chinese characters; a longer word is cut. */
export function wrapLine(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  let gap = '';
  for (const p of pieces(text)) {
    if (p.space) {
      gap = line ? p.text : '';
      continue;
    }
    const pw = displayWidth(p.text);
    const gw = displayWidth(gap);
    if (w + gw + pw <= width) {
      line += gap + p.text;
      w += gw + pw;
    } else if (pw <= width) {
      if (line) lines.push(line);
      line = p.text;
      w = pw;
    } else {
      if (line) lines.push(line);
      const parts = breakWord(p.text, width);
      line = parts.pop() ?? '';
      w = displayWidth(line);
      lines.push(...parts);
    }
    gap = '';
  }
  if (line) lines.push(line);
  return lines;
}

/** Text (of several lines) wrapped to `width` columns. */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text.split('\n').flatMap((l) => wrapLine(l, width)).join('\n');
}
