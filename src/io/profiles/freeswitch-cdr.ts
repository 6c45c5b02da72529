/** Profile freeswitch-cdr: not implemented yet (FORMATS.md). */
import { InputError } from '../../errors.js';
import type { CallProfile } from './types.js';

export const freeswitchCdr: CallProfile = {
  name: 'freeswitch-cdr',
  delimiter: ',',
  canonicalHeaders: ['call_id', 'started_at', 'outcome'],
  create: ({ file }) => {
    throw new InputError(`${file}: the freeswitch-cdr profile is not available yet`);
  },
};
