// The built-in policy constant (src/domain/policy-defaults.ts) against the schema it stands in
// for: a run without a policy file must get exactly what an empty policy file gives.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
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
