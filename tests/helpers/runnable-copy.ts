// Running the built hotline as another user (tests that drop root to `nobody`): that user must be
// able to read bin/hotline.js, dist/, data/ and the production node_modules. A clone inside a
// directory other users cannot enter (mktemp -d is 0700, a home directory 0700 or 0750) does not
// allow it, so those files are mirrored (hard links where possible, else copies) into a
// directory under the system temp directory that everyone may read.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { BIN, ROOT } from './cli.js';

/** Mirrors `from` into `to`: directories made, files hard-linked (copied across file systems), links kept. */
function mirror(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isDirectory()) {
    mkdirSync(to, { recursive: true, mode: 0o755 });
    for (const name of readdirSync(from)) mirror(join(from, name), join(to, name));
  } else if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(from), to);
  } else {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}

/** The package directories hotline needs at run time: its dependencies and theirs, resolved as Node does. */
function productionPackages(): string[] {
  const found = new Set<string>();
  const resolveFrom = (dir: string, name: string): string | undefined => {
    for (let d = dir; ; d = dirname(d)) {
      const p = join(d, 'node_modules', name);
      if (existsSync(join(p, 'package.json'))) return p;
      if (d === ROOT || dirname(d) === d) return undefined;
    }
  };
  const walk = (dir: string): void => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const p = resolveFrom(dir, name);
      if (p === undefined || found.has(p)) continue;
      found.add(p);
      walk(p);
    }
  };
  walk(ROOT);
  // A package nested in another's node_modules is mirrored with its parent.
  return [...found].filter((p) => ![...found].some((q) => q !== p && p.startsWith(q + '/')));
}

/** Whether `user` (setpriv arguments) can run the hotline at `bin`. */
function runsAs(setpriv: readonly string[], bin: string): boolean {
  const r = spawnSync('setpriv', [...setpriv, process.execPath, bin, '--version'], { encoding: 'utf8', cwd: '/' });
  return r.status === 0;
}

export type RunnableBin = { bin: string; cleanup: () => void } | { reason: string };

/**
 * A hotline that the user of `setpriv` (e.g. --reuid=65534) can run: the repository's own when
 * that user can read it, else a mirror under the system temp directory (removed by `cleanup`),
 * else the reason why neither works, for the tests to print when they skip.
 */
export function binFor(setpriv: readonly string[], user: string): RunnableBin {
  if (runsAs(setpriv, BIN)) return { bin: BIN, cleanup: () => undefined };
  const base = mkdtempSync(join(tmpdir(), 'hotline-runnable-'));
  const cleanup = (): void => rmSync(base, { recursive: true, force: true });
  try {
    chmodSync(base, 0o755);
    for (const part of ['bin', 'dist', 'data', 'package.json']) mirror(join(ROOT, part), join(base, part));
    for (const pkg of productionPackages()) mirror(pkg, join(base, relative(ROOT, pkg)));
    const bin = join(base, relative(ROOT, BIN));
    if (runsAs(setpriv, bin)) return { bin, cleanup };
    cleanup();
    return { reason: `user ${user} can run neither ${BIN} (in a directory it cannot enter) nor a copy in ${tmpdir()} (node at ${process.execPath}, or the copied files, not readable by it)` };
  } catch (e) {
    cleanup();
    return { reason: `user ${user} cannot read ${BIN}, and copying it to ${tmpdir()} failed: ${(e as Error).message}` };
  }
}
