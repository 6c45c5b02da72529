// What build a benchmark or the soak test runs: a hash of dist/, when it was built, and the src/
// files edited since (a stale dist/ is reported, not silently measured).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const listFiles = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name)).sort();

/** { distHash (12 hex), distTime (ms), newerSrc (paths) } of the repository at `root`. */
export function buildInfo(root) {
  const h = createHash('sha256');
  const dist = listFiles(join(root, 'dist'));
  for (const f of dist) h.update(relative(root, f)).update('\0').update(readFileSync(f));
  const distTime = Math.max(...dist.map((f) => statSync(f).mtimeMs));
  const newerSrc = listFiles(join(root, 'src')).filter((f) => statSync(f).mtimeMs > distTime);
  return { distHash: h.digest('hex').slice(0, 12), distTime, newerSrc };
}
