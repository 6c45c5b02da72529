/**
 * The company's own numbers (the [X] in its rules) as typed data with defaults, and the
 * validation of a policy file's JSON with messages that name the key. Later capabilities add
 * their sections here.
 */
import { isValidTimeZone } from './dates.js';

export interface Policy {
  /** IANA zone of the hotline: a call belongs to the local day of its start. */
  timezone: string;
}

export const DEFAULT_POLICY: Policy = {
  timezone: 'Asia/Shanghai',
};

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** Merges a parsed policy file over the defaults and validates every key (PRODUCT.md §2). */
export function validatePolicy(input: unknown): PolicyCheck {
  const errors: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['the policy must be a JSON object'] };
  }
  const policy: Policy = { ...DEFAULT_POLICY };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'timezone') {
      if (typeof value !== 'string' || !isValidTimeZone(value)) errors.push(`timezone: "${String(value)}" is not an IANA time zone (e.g. Asia/Shanghai)`);
      else policy.timezone = value;
    } else if (key !== '$schema' && key !== 'description') {
      errors.push(`${key}: unknown key`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}
