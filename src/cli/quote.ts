/**
 * Names and messages as they are shown on stderr, one line each: a file name may hold a line
 * break or a terminal escape (a file named "x.csv\nforged.csv: 100 rows: …" would otherwise print
 * a second, forged summary line), so such characters are shown escaped, never written raw.
 */

/** Control characters, line and paragraph separators, and the invisible format characters (bidi overrides, zero-width). */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
}

/** A file name for a message: as it is, or JSON-style in double quotes with such characters escaped. */
export function quoteName(name: string): string {
  if (!UNSAFE.test(name)) return name;
  return `"${name.replace(/["\\]/g, '\\$&').replace(UNSAFE_ALL, escapeChar)}"`;
}

/** A message line with every control character escaped (a tab kept), so that it stays one line. */
export function escapeControls(line: string): string {
  return line.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, (c) => (c === '\t' ? c : escapeChar(c)));
}
