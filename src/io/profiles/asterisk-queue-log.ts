/** Profile asterisk-queue-log: not implemented yet (FORMATS.md). */
import { InputError } from '../../errors.js';
import type { CallProfile } from './types.js';

export const asteriskQueueLog: CallProfile = {
  name: 'asterisk-queue-log',
  delimiter: '|',
  canonicalHeaders: ['call_id', 'started_at', 'outcome'],
  create: ({ file }) => {
    throw new InputError(`${file}: the asterisk-queue-log profile is not available yet`);
  },
};
