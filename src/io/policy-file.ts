/** Finding and reading the policy file: --policy, $HOTLINE_POLICY, ./hotline.policy.json, defaults. */
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_POLICY, validatePolicy, type Policy } from '../domain/policy.js';
import { UsageError } from '../errors.js';

export interface LoadedPolicy {
  policy: Policy;
  /** The file read, or null for the built-in defaults. */
  source: string | null;
}

/** Loads the effective policy; a named file that is missing or invalid is a usage error. */
export function loadPolicy(flag: string | undefined, env: NodeJS.ProcessEnv): LoadedPolicy {
  const named = flag ?? (env.HOTLINE_POLICY || undefined);
  const path = named ?? './hotline.policy.json';
  if (!existsSync(path)) {
    if (named) throw new UsageError(`policy file ${named} not found`, { hint: 'check --policy or $HOTLINE_POLICY' });
    return { policy: DEFAULT_POLICY, source: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  const checked = validatePolicy(json);
  if (!checked.ok) {
    throw new UsageError(`${path}: invalid policy`, { details: checked.errors.map((m) => `  ${m}`), hint: 'see docs/policy.md' });
  }
  return { policy: checked.policy, source: path };
}
