/** Profile asterisk-cdr: not implemented yet (FORMATS.md). */
import { InputError } from '../../errors.js';
import type { CallProfile } from './types.js';

export const asteriskCdr: CallProfile = {
  name: 'asterisk-cdr',
  delimiter: ',',
  canonicalHeaders: ['call_id', 'started_at', 'outcome'],
  create: ({ file }) => {
    throw new InputError(`${file}: the asterisk-cdr profile is not available yet`);
  },
};
