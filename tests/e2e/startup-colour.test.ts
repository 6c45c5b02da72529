// Bold and dim of terminal tables are chalk's (src/io/render/styles.ts), loaded only when colour
// is on: a table on a terminal loads chalk and writes its codes; NO_COLOR, TERM=dumb and a pipe
// never load it (tests/e2e/startup.test.ts: a table on a pipe loads cli-table3 and no chalk).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, hotline, tempDir, type CliResult } from '../helpers/cli.js';
import { csv, inTerminal } from './support.js';

let dir: string;
let cleanup: () => void;
let traces = 0;

const TRACE = pathToFileURL(join(ROOT, 'tests', 'helpers', 'trace-loads.mjs')).href;
const ESC = '\u001B';

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-startup-colour-'));
  writeFileSync(join(dir, 'calls.csv'), csv(['call_id', 'started_at', 'operator_id', 'outcome', 'wait_seconds', 'talk_seconds'], [
    ['S1', '2026-10-12 09:00:05', '1001', 'answered', '10', '120'],
    ['S2', '2026-10-12 09:10:00', '', 'abandoned', '', '0'],
  ]));
  expect(hotline(['--db', 'calls.db', 'import', 'calls', 'calls.csv'], { cwd: dir, env: { TZ: 'Asia/Shanghai' } }).status).toBe(0);
});
afterAll(() => cleanup());

/** `calls list` on a pseudo-terminal, with the chalk files it loaded (node_modules/chalk/...). */
function onTerminal(env: Record<string, string | undefined>): CliResult & { chalk: string[] } {
  const file = join(dir, `loads-${traces++}.txt`);
  writeFileSync(file, '');
  const r = inTerminal(['--db', 'calls.db', 'calls', 'list', '--limit', '10'], {
    cwd: dir, columns: 80, env: { TZ: 'Asia/Shanghai', NODE_OPTIONS: `--import=${TRACE}`, TRACE_LOADS_FILE: file, ...env },
  });
  return { ...r, chalk: readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('/node_modules/chalk/')) };
}

describe('a table on a terminal', () => {
  test('with colour: chalk is loaded and writes bold headers (closed at each wrapped line) and a dim n/a', () => {
    const r = onTerminal({ NO_COLOR: undefined, TERM: 'xterm' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')).toEqual([
      '┌─────────┬─────────────────────┬───────────┬───────────┬─────────┬───────────┐',
      `│ ${ESC}[1mcall_id${ESC}[22m │ ${ESC}[1mstarted_at${ESC}[22m          │ ${ESC}[1moperator_${ESC}[22m │ ${ESC}[1moutcome${ESC}[22m   │   ${ESC}[1mwait_${ESC}[22m │ ${ESC}[1mcustomer_${ESC}[22m │`,
      `│         │                     │ ${ESC}[1mid${ESC}[22m        │           │ ${ESC}[1mseconds${ESC}[22m │ ${ESC}[1mphone${ESC}[22m     │`,
      '├─────────┼─────────────────────┼───────────┼───────────┼─────────┼───────────┤',
      '│ S1      │ 2026-10-12 09:00:05 │ 1001      │ answered  │      10 │           │',
      `│ S2      │ 2026-10-12 09:10:00 │           │ abandoned │     ${ESC}[2mn/a${ESC}[22m │           │`,
      '└─────────┴─────────────────────┴───────────┴───────────┴─────────┴───────────┘',
      '',
    ]);
    expect(r.chalk.map((l) => l.replace(/^.*\/node_modules\//, ''))).toEqual(['chalk/source/index.js']);
  });

  test.each([
    ['NO_COLOR=1', { NO_COLOR: '1', TERM: 'xterm' }],
    ['TERM=dumb', { NO_COLOR: undefined, TERM: 'dumb' }],
  ])('%s: no escape codes, and chalk is not loaded', (_name, env) => {
    const r = onTerminal(env);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[1]).toBe('│ call_id │ started_at          │ operator_ │ outcome   │   wait_ │ customer_ │');
    expect(r.stdout).not.toContain(ESC);
    expect(r.chalk).toEqual([]);
  });
});
