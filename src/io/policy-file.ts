/**
 * Finding and reading the policy file: --policy, $HOTLINE_POLICY, ./hotline.policy.json, defaults.
 *
 * The built-in defaults are a constant (domain/policy-defaults.ts); zod and the policy schema
 * (domain/policy.ts, about 100 ms to load and build) are loaded only when a policy file is to be
 * read, by `preparePolicy`, which the CLI awaits before every action (cli/program.ts).
 */
import { existsSync } from 'node:fs';
import type { Policy, PolicyCheck } from '../domain/policy.js';
import { DEFAULT_POLICY } from '../domain/policy-defaults.js';
import { UsageError } from '../errors.js';
import { readConfigFile } from './config-file.js';
import { protectFile } from './protected-files.js';

export interface LoadedPolicy {
  policy: Policy;
  /** The file read, or null for the built-in defaults. */
  source: string | null;
}

/** domain/policy.ts's validatePolicy, once `preparePolicy` has loaded it. */
let validatePolicy: ((input: unknown) => PolicyCheck) | undefined;

/** The file named by the flag or $HOTLINE_POLICY (undefined: none named), and the path to look at. */
function policyPath(flag: string | undefined, env: NodeJS.ProcessEnv): { named: string | undefined; path: string } {
  const named = flag ?? (env.HOTLINE_POLICY || undefined);
  return { named, path: named ?? './hotline.policy.json' };
}

/**
 * Loads the policy schema when `loadPolicy(flag, env)` is going to read a file; does nothing
 * (and never throws) otherwise. Call and await it before `loadPolicy`.
 */
export async function preparePolicy(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (validatePolicy === undefined && existsSync(policyPath(flag, env).path)) {
    validatePolicy = (await import('../domain/policy.js')).validatePolicy;
  }
}

/** Loads the effective policy; a named file that is missing or invalid, or any that is not a regular file of at most 1 MiB, is a usage error. */
export function loadPolicy(flag: string | undefined, env: NodeJS.ProcessEnv): LoadedPolicy {
  const { named, path } = policyPath(flag, env);
  if (!existsSync(path)) {
    if (named) throw new UsageError(`policy file ${named} not found`, { hint: 'check --policy or $HOTLINE_POLICY' });
    return { policy: DEFAULT_POLICY, source: null };
  }
  protectFile(path, 'the policy file');
  let json: unknown;
  try {
    json = JSON.parse(readConfigFile(path, { what: 'policy file', docs: 'docs/policy.md' }));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  if (validatePolicy === undefined) throw new Error(`internal: ${path} read before preparePolicy() loaded the policy schema`);
  const checked = validatePolicy(json);
  if (!checked.ok) {
    throw new UsageError(`${path}: invalid policy`, { details: checked.errors.map((m) => `  ${m}`), hint: 'see docs/policy.md' });
  }
  return { policy: checked.policy, source: path };
}
