/**
 * The queue_log events that make up a queue call (docs/profiles.md, "asterisk-queue-log") and where their times are:
 * 0-based positions in the data fields (data1 = 0). Every other event is not a call event.
 */
import { InputError } from '../../errors.js';
import { isHeaderRow } from './profile-values.js';

/** Events that end an answered call: where the hold (wait) and call (talk) times are. */
export function answeredEnd(event: string, data: readonly string[]): { readonly hold: number; readonly talk: number } | undefined {
  switch (event) {
    case 'COMPLETECALLER':
    case 'COMPLETEAGENT':
      return AT_0_1;
    case 'BLINDTRANSFER':
    case 'TRANSFER':
      return AT_2_3;
    case 'ATTENDEDTRANSFER':
      // LINK logs two channel names as method data: one more field before the times.
      return data[0] === 'LINK' ? AT_3_4 : AT_2_3;
    default:
      return undefined;
  }
}
const AT_0_1 = Object.freeze({ hold: 0, talk: 1 });
const AT_2_3 = Object.freeze({ hold: 2, talk: 3 });
const AT_3_4 = Object.freeze({ hold: 3, talk: 4 });

/** Events that end a call nobody answered: where the wait time is. */
const UNANSWERED_END: Readonly<Record<string, number>> = {
  ABANDON: 2,
  EXITWITHTIMEOUT: 2,
  EXITEMPTY: 2,
  EXITWITHKEY: 3,
  WITHDRAW: 2,
};

/** Position of the wait time of an event that ends an unanswered call, or undefined. */
export function unansweredEnd(event: string): number | undefined {
  return UNANSWERED_END[event];
}

/** Call events that neither start nor end a call. */
const DURING_CALL = new Set(['RINGNOANSWER', 'RINGCANCELED', 'CONNECT', 'SYSCOMPAT', 'AGENTDUMP']);

/** ENTERQUEUE, the events during a call and those that end an answered call (answeredEnd). */
const CALL_EVENTS = new Set(['ENTERQUEUE', ...DURING_CALL, 'COMPLETECALLER', 'COMPLETEAGENT', 'BLINDTRANSFER', 'TRANSFER', 'ATTENDEDTRANSFER']);

/** True for an event that belongs to a queue call (from ENTERQUEUE to COMPLETECALLER, ABANDON, EXITWITHTIMEOUT, …). */
export function isCallEvent(event: string): boolean {
  return CALL_EVENTS.has(event) || event in UNANSWERED_END;
}

/**
 * The member events kept as presence (docs/profiles.md, "asterisk-queue-log"): the state each
 * gives, and whether its queue is every queue (an event of the agent, or of all its queues).
 */
const PRESENCE_EVENTS: Readonly<Record<string, { state: 'login' | 'logout' | 'pause' | 'unpause'; everyQueue: boolean }>> = {
  ADDMEMBER: { state: 'login', everyQueue: false },
  REMOVEMEMBER: { state: 'logout', everyQueue: false },
  AGENTLOGIN: { state: 'login', everyQueue: true },
  AGENTLOGOFF: { state: 'logout', everyQueue: true },
  PAUSE: { state: 'pause', everyQueue: false },
  UNPAUSE: { state: 'unpause', everyQueue: false },
  PAUSEALL: { state: 'pause', everyQueue: true },
  UNPAUSEALL: { state: 'unpause', everyQueue: true },
};

/** The presence state an event gives, or undefined for an event that is not a member event. */
export function presenceEvent(event: string): { state: 'login' | 'logout' | 'pause' | 'unpause'; everyQueue: boolean } | undefined {
  return Object.hasOwn(PRESENCE_EVENTS, event) ? PRESENCE_EVENTS[event] : undefined;
}

const QUEUE_LOG_HEADER = new Set(['time', 'callid', 'queuename', 'agent', 'event', 'data', 'data1', 'data2', 'data3', 'id']);
const HINT = 'hotline reads the flat file /var/log/asterisk/queue_log: epoch|callid|queue|agent|EVENT|data…';

/** Refuses a first record that is not a flat queue_log line, saying what it looks like. */
export function checkQueueLogFile(record: readonly string[], line: number, file: string): void {
  const at = `${file}: line ${line}`;
  if (isHeaderRow(record, QUEUE_LOG_HEADER)) {
    throw new InputError(`${at}: this is a header row (${record.slice(0, 5).join(', ')}, …); a queue_log file has none`, {
      hint: 'this looks like an export of the realtime queue_log table; ' + HINT,
    });
  }
  if (record.length < 5) {
    const first = record[0] ?? '';
    if (first.includes(',')) throw new InputError(`${at}: a comma-separated record, not |-separated queue_log events`, { hint: 'an Asterisk or FreeSWITCH Master.csv: use --profile asterisk-cdr or freeswitch-cdr' });
    throw new InputError(`${at}: ${record.length} |-separated field${record.length === 1 ? '' : 's'}; a queue_log line has at least 5 (time|callid|queue|agent|event)`, { hint: HINT });
  }
}

/** The epoch seconds of a line; a time that is not epoch seconds makes the file unreadable. */
export function epochOf(text: string, line: number, file: string): number {
  if (/^\d{1,10}$/.test(text)) return Number(text);
  const at = `${file}: line ${line}`;
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(text)) {
    throw new InputError(`${at}: the time "${text}" is a date-time, not epoch seconds: this is an export of the realtime queue_log table, not the queue_log file`, {
      hint: 'write the file with queue_log_to_file=yes in logger.conf, or export with the time as epoch seconds (UNIX_TIMESTAMP(time))',
    });
  }
  if (/^\d{11,13}$/.test(text)) throw new InputError(`${at}: the time "${text}" has ${text.length} digits: milliseconds, not the epoch seconds queue_log writes`, { hint: HINT });
  throw new InputError(`${at}: the time "${text}" is not epoch seconds`, { hint: HINT });
}
