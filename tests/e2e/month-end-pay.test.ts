// Month-end results HR pays from (issue 17): an invalid month is a usage error on every command
// that takes one, refused by commander before the action runs (item 8).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCommands, createProgram } from '../../src/cli/program.js';
import { processRuntime } from '../../src/cli/runtime.js';
import { hotline, tempDir, type CliResult } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

function run(args: string[], db = 'pay.db'): CliResult {
  return hotline(['--db', db, ...args], { cwd: dir, env: { TZ: 'Asia/Shanghai' } });
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hotline-e2e-month-end-pay-'));
});

afterAll(() => cleanup());

/** Every option of every command whose value is a month (`<month>`), with the command's path. */
const program = createProgram(processRuntime);
const MONTH_OPTIONS = allCommands(program).flatMap((c) => {
  const path: string[] = [];
  for (let p: typeof c | null = c; p && p.parent; p = p.parent) path.unshift(p.name());
  return c.options.filter((o) => o.flags.includes('<month>')).map((o) => ({ path, flag: o.long as string, flags: o.flags, required: c.options.filter((r) => r.mandatory && r !== o) }));
});

describe('an invalid month is a usage error (exit 2) on every command that takes one (issue 17 item 8)', () => {
  test('the commands with a month option', () => {
    expect(MONTH_OPTIONS.map((m) => `${m.path.join(' ')} ${m.flag}`)).toEqual(expect.arrayContaining([
      'appraise run --month', 'appraise explain --month', 'appraise history --to', 'appraise evaluate --month', 'bonus --month',
      'training plan --month', 'training compliance --month', 'tickets summary --month', 'calendar show --month', 'operators promotions --as-of',
    ]));
  });

  // every month option with 2026-13; the other two shapes on bonus and on calendar show (which exited 3)
  const cases = [
    ...MONTH_OPTIONS.map((m) => ({ m, month: '2026-13' })),
    ...MONTH_OPTIONS.filter((m) => ['bonus', 'calendar show'].includes(m.path.join(' '))).flatMap((m) => ['0000-01', '2026-1'].map((month) => ({ m, month }))),
  ];
  test.each(cases.map(({ m, month }) => ({ name: `${m.path.join(' ')} ${m.flag} ${month}`, m, month })))('$name → exit 2, before the action', ({ m, month }) => {
    const others = m.required.flatMap((o) => [o.long as string, o.flags.includes('<year>') ? '2026' : '3001']);
    const r = run([...m.path, m.flag, month, ...others], 'untouched.db');
    expect(r).toEqual({ status: 2, stdout: '', stderr: `error: option '${m.flags}' argument '${month}' is invalid. expected a month YYYY-MM\n` });
    expect(existsSync(join(dir, 'untouched.db'))).toBe(false);
  });
});
