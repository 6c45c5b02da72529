// Meta tests: every command is described, exemplified and documented; the domain stays pure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allCommands, createProgram } from '../../src/cli/program.js';
import { processRuntime } from '../../src/cli/runtime.js';
import { ROOT } from '../helpers/cli.js';

const program = createProgram(processRuntime);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function fullName(c: ReturnType<typeof allCommands>[number]): string {
  const names: string[] = [];
  for (let p: typeof c | null = c; p && p.parent; p = p.parent) names.unshift(p.name());
  return names.join(' ');
}

const leaves = allCommands(program).filter((c) => c.commands.length === 0);

describe('every command', () => {
  test('there are commands to check', () => {
    expect(leaves.map(fullName)).toEqual(expect.arrayContaining(['demo', 'import calls', 'imports', 'calls list']));
  });
  test.each(leaves.map((c) => ({ name: fullName(c), c })))('$name has a description, an example and a README mention', ({ name, c }) => {
    expect(c.description().length).toBeGreaterThan(10);
    let help = '';
    c.configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
    c.outputHelp();
    expect(help).toContain('Examples:');
    expect(readme).toContain(`hotline ${name}`);
  });
});

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('src/domain is pure', () => {
  const files = sourcesUnder(join(ROOT, 'src', 'domain'));
  test.each(files.map((f) => ({ name: f.slice(ROOT.length), f })))('$name imports no I/O', ({ f }) => {
    const imports = [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
    const bad = imports.filter((i) => i.startsWith('node:') || /\/(cli|db|io|app)\//.test(i) || /^(better-sqlite3|chalk|cli-table3|csv-|commander|@inquirer)/.test(i));
    expect(bad).toEqual([]);
    expect(readFileSync(f, 'utf8')).not.toMatch(/Date\.now\(\)|new Date\(\)/);
  });
});
