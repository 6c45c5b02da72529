/** The registry of phone-system import profiles. */
import { asteriskCdr } from './asterisk-cdr.js';
import { asteriskQueueLog } from './asterisk-queue-log.js';
import { freeswitchCdr } from './freeswitch-cdr.js';
import type { CallProfile, ProfileName } from './types.js';

export const PROFILES: Readonly<Record<ProfileName, CallProfile>> = {
  'asterisk-cdr': asteriskCdr,
  'asterisk-queue-log': asteriskQueueLog,
  'freeswitch-cdr': freeswitchCdr,
};
