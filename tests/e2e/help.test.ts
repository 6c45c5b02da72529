// Help on the built binary: `hotline --help` lists the commands, and every command's --help has a
// description and examples that use it (STYLE.md: every command has a description and an example).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, hotline, tempDir, type CliResult } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-help-'));
});
afterAll(() => cleanup());

function run(args: string[]): CliResult {
  return hotline(args, { cwd: dir });
}

/** The names listed under "Commands:" in a help text. */
function commandNames(help: string): string[] {
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0] as string);
}

/** The lines of the "Examples:" section. */
function examples(help: string): string[] {
  const section = help.split('\nExamples:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').filter((l) => l.trim() !== '');
}

describe('hotline --help', () => {
  test('exits 0 and lists the commands, on stdout only', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Usage: hotline [options] [command]');
    expect(commandNames(r.stdout)).toEqual(expect.arrayContaining(['demo', 'import', 'imports', 'operators', 'calls', 'orders', 'help']));
    expect(examples(r.stdout).length).toBeGreaterThan(0);
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 bug, 2 usage, 3 bad input data, 4 database busy/read-only/corrupt, 130 interrupted.');
  });

  test('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('the import group lists its kinds', () => {
    const r = run(['import', '--help']);
    expect(r.status).toBe(0);
    expect(commandNames(r.stdout).slice(0, 3)).toEqual(['operators', 'calls', 'orders']);
    expect(commandNames(r.stdout).at(-1)).toBe('help');
  });
});

/** Every kind `hotline import --help` lists (the issue names operators, calls and orders; more came later). */
const importKinds = commandNames(hotline(['import', '--help'], { cwd: ROOT }).stdout).filter((k) => k !== 'help');

describe('every command has a description and examples', () => {
  test('the import kinds include operators, calls and orders', () => {
    expect(importKinds.slice(0, 3)).toEqual(['operators', 'calls', 'orders']);
  });

  test.each([
    ...importKinds.map((k) => ({ name: `import ${k}` })),
    { name: 'imports' },
    { name: 'operators list' },
    { name: 'calls list' },
    { name: 'orders list' },
    { name: 'demo' },
  ])('hotline $name --help', ({ name }) => {
    const r = run([...name.split(' '), '--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Usage: hotline ${name} \\[options\\]`));
    expect(lines[1]).toBe('');
    expect(lines[2]?.length).toBeGreaterThan(10); // the description
    const ex = examples(r.stdout);
    expect(ex.length).toBeGreaterThan(0);
    expect(ex.every((l) => l.startsWith('  hotline '))).toBe(true);
    expect(ex.some((l) => l.includes(`hotline ${name}`))).toBe(true);
  });
});
