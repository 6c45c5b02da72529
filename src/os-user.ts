/** The OS user running hotline, for the import ledger and the audit trail (null where unknown). */
import { userInfo } from 'node:os';

export function osUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
