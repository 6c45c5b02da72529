// Comments in src/ cite documents a reader of this repository can open: every `*.md` they name is
// a file here (README.md, docs/…), never the design documents that live outside it (PRODUCT.md,
// DOMAIN.md, FORMATS.md, RELIABILITY.md, STYLE.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** Every `name.md` a file of src/ names, with the line it is on: "src/x.ts:12 docs/y.md". */
function citations(): string[] {
  return sources(join(ROOT, 'src')).flatMap((f) =>
    readFileSync(join(ROOT, f), 'utf8').split('\n').flatMap((line, i) => [...line.matchAll(/[\w./-]+\.md\b/g)].map((m) => `${f}:${i + 1} ${m[0]}`)));
}

describe('src/ comments cite this repository', () => {
  const all = citations();

  test('there are citations to check', () => {
    expect(all.filter((c) => c.endsWith(' docs/metrics.md')).length).toBeGreaterThan(10);
  });

  test('every cited .md file exists in the repository', () => {
    expect(all.filter((c) => !existsSync(join(ROOT, c.slice(c.indexOf(' ') + 1))))).toEqual([]);
  });
});
