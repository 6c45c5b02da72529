// loadPolicy (src/io/policy-file.ts): the built-in defaults without zod, a file validated by the
// schema once preparePolicy has loaded it; the same results and messages either way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/policy-defaults.js';
import { validatePolicy } from '../../src/domain/policy.js';
import type { UsageError } from '../../src/errors.js';

type PolicyFile = typeof import('../../src/io/policy-file.js');

const dir = mkdtempSync(join(tmpdir(), 'hotline-policy-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A fresh copy of the module (nothing prepared yet), and the UsageError class it throws. */
let mod: PolicyFile;
let UsageErrorClass: typeof UsageError;
beforeEach(async () => {
  vi.resetModules();
  mod = await import('../../src/io/policy-file.js');
  UsageErrorClass = (await import('../../src/errors.js')).UsageError;
});

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageErrorClass);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('loadPolicy', () => {
  test('no file: the built-in defaults, without preparing anything', () => {
    const missing = join(dir, 'absent', 'hotline.policy.json');
    // the default path is ./hotline.policy.json: run where there is none ($HOTLINE_POLICY empty counts as unset)
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(mod.loadPolicy(undefined, {})).toEqual({ policy: DEFAULT_POLICY, source: null });
      expect(mod.loadPolicy(undefined, { HOTLINE_POLICY: '' })).toStrictEqual({ policy: DEFAULT_POLICY, source: null });
    } finally {
      process.chdir(cwd);
    }
    expect(usageError(() => mod.loadPolicy(missing, {})).message).toBe(`policy file ${missing} not found`);
  });

  test('an empty file gives exactly the built-in defaults', async () => {
    const path = file('empty.json', '{}');
    await mod.preparePolicy(path, {});
    const loaded = mod.loadPolicy(path, {});
    expect(loaded.source).toBe(path);
    expect(loaded.policy).toStrictEqual(DEFAULT_POLICY);
    expect(JSON.stringify(loaded.policy)).toBe(JSON.stringify(DEFAULT_POLICY));
  });

  test('$HOTLINE_POLICY is prepared and read like --policy; a BOM is skipped', async () => {
    const path = file('bom.json', '\ufeff{"kpi":{"threshold_seconds":20}}');
    await mod.preparePolicy(undefined, { HOTLINE_POLICY: path });
    const loaded = mod.loadPolicy(undefined, { HOTLINE_POLICY: path });
    expect(loaded).toEqual({ policy: { ...DEFAULT_POLICY, kpi: { ...DEFAULT_POLICY.kpi, threshold_seconds: 20 } }, source: path });
  });

  test('an invalid file: the same errors as validatePolicy, as a usage error', async () => {
    const path = file('bad.json', JSON.stringify({ kpi: { threshold: 20, service_level: 'D' } }));
    await mod.preparePolicy(path, {});
    const e = usageError(() => mod.loadPolicy(path, {}));
    expect(e.message).toBe(`${path}: invalid policy`);
    const checked = validatePolicy({ kpi: { threshold: 20, service_level: 'D' } });
    expect(checked.ok).toBe(false);
    expect(e.details).toEqual(checked.ok ? [] : checked.errors.map((m) => `  ${m}`));
    expect(e.hint).toBe('see docs/policy.md');
  });

  test('not JSON: a usage error before any validation', () => {
    const path = file('broken.json', '{oops');
    expect(usageError(() => mod.loadPolicy(path, {})).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON: `));
  });

  test('a file read without preparePolicy is an internal error, not a silent default', () => {
    const path = file('unprepared.json', '{}');
    expect(() => mod.loadPolicy(path, {})).toThrow(/^internal: .*preparePolicy/);
  });

  test('preparePolicy never throws, whatever the flag names', async () => {
    await expect(mod.preparePolicy(join(dir, 'absent.json'), {})).resolves.toBeUndefined();
    await expect(mod.preparePolicy(undefined, { HOTLINE_POLICY: join(dir, 'absent.json') })).resolves.toBeUndefined();
  });
});
