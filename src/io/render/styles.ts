/**
 * Bold and dim for terminal tables, as chalk 5 writes them at colour level 1 (plain text at level
 * 0), without loading chalk (about 15 ms of start-up for every report). Same output as chalk's
 * `applyStyle` for these two styles: an inner close code re-opens the style, and the style is
 * closed before and re-opened after every line break. tests/io/render-styles.test.ts compares
 * the two.
 */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
}

const PLAIN: Styles = { bold: (text) => text, dim: (text) => text };

function style(open: string, close: string): (text: string) => string {
  return (text) => {
    if (!text) return text;
    let s = text.includes('\u001B') ? text.split(close).join(close + open) : text;
    if (s.includes('\n')) s = s.replace(/\r?\n/g, (lf) => close + lf + open);
    return open + s + close;
  };
}

const ANSI: Styles = { bold: style('\u001B[1m', '\u001B[22m'), dim: style('\u001B[2m', '\u001B[22m') };

/** Bold and dim, as ANSI codes when `color`, else the text unchanged. */
export function styles(color: boolean): Styles {
  return color ? ANSI : PLAIN;
}
