// The built-in policy constant (src/domain/policy-defaults.ts) against the schema it stands in
// for: a run without a policy file must get exactly what an empty policy file gives.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_LEAVE_POLICY } from '../../src/domain/leave.js';
import { DEFAULT_POLICY } from '../../src/domain/policy-defaults.js';
import { DEFAULT_POLICY as FROM_POLICY_MODULE, policySchema, validatePolicy } from '../../src/domain/policy.js';

describe('DEFAULT_POLICY', () => {
  test('is policySchema.parse({}): deep equal, key order included', () => {
    const parsed = policySchema.parse({});
    expect(DEFAULT_POLICY).toStrictEqual(parsed);
    expect(JSON.stringify(DEFAULT_POLICY, null, 2)).toBe(JSON.stringify(parsed, null, 2));
  });

  test('is what validatePolicy gives for an empty file, and what domain/policy exports', () => {
    const checked = validatePolicy({});
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.policy).toStrictEqual(DEFAULT_POLICY);
    expect(FROM_POLICY_MODULE).toBe(DEFAULT_POLICY);
  });

  test('is valid, and validating it changes nothing', () => {
    const checked = validatePolicy(DEFAULT_POLICY);
    expect(checked.ok && checked.policy).toStrictEqual(DEFAULT_POLICY);
  });

  test('loads without zod: its module imports types only', () => {
    const source = readFileSync(new URL('../../src/domain/policy-defaults.ts', import.meta.url), 'utf8');
    const imports = source.split('\n').filter((l) => /^\s*import\b/.test(l));
    expect(imports.every((l) => /^import type\b/.test(l))).toBe(true);
  });
});

// Issue 19 item 1: every default is written once, in policy-defaults.ts; the zod schemas take
// their `.default()` values from it and the leave rules' defaults are its leave section.
describe('the defaults are written in one place', () => {
  const SCHEMAS = ['policy.ts', 'appraisal-policy.ts', 'training-policy.ts'];

  test.each(SCHEMAS)('%s writes no default value of its own', (file) => {
    const source = readFileSync(new URL(`../../src/domain/${file}`, import.meta.url), 'utf8');
    // .default(x) takes D.<path> (POLICY_DEFAULTS), or in a section helper its `defaults` argument,
    // which is D.<path> at every call; .prefault({}) only starts a section
    const own = [...source.matchAll(/\.default\(([^)]*)\)|\.prefault\(([^)]*)\)/g)]
      .map((m) => m[0])
      .filter((call) => !/^\.default\((D|defaults)\.[\w.]+\)$/.test(call) && call !== '.prefault({})');
    expect(own).toEqual([]);
    const helpers = [...source.matchAll(/\b(groupSchema|scaleSchema|slot)\(([^)]*)\)/g)].filter((m) => !/^D\.[\w.]+$/.test(m[2] as string) && !/^\w+: /.test(m[2] as string));
    expect(helpers.map((m) => m[0])).toEqual([]);
  });

  test("the leave rules default to the policy's leave section", () => {
    expect(DEFAULT_LEAVE_POLICY).toBe(DEFAULT_POLICY.leave);
  });
});
