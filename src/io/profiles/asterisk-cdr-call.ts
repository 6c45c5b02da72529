/**
 * One call from its Asterisk CDR records (docs/profiles.md, asterisk-cdr): the legs are read
 * and checked one by one, then the call's start, outcome, wait, talk and operator are derived
 * from all of them.
 */
import { CDR, type CdrLayout } from './asterisk-cdr-layout.js';
import { directionOf } from './call-direction.js';
import { localChannelBase, operatorFromChannel } from './operator-id.js';
import { RecordProblem, wholeNumber, type CdrProfileCall, type DateTimeReader, type FieldProblem } from './profile-values.js';

const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION', 'CANCEL', 'UNKNOWN']);

/** One CDR record; `problem` set when it cannot be used (its whole call is then rejected). */
export interface CdrLeg {
  line: number;
  record: string[];
  problem?: FieldProblem;
  src: string;
  dst: string;
  dcontext: string;
  channel: string;
  dstchannel: string;
  lastapp: string;
  startText: string;
  /** Epoch seconds (0 when the record has a problem). */
  start: number;
  answer: number | null;
  end: number;
  billsec: number;
  answered: boolean;
  uniqueid: string;
  linkedid: string;
}

/**
 * The keys that join a record to its call: linkedid, else uniqueid (else channel@start), plus the
 * name of a Local channel it dials (;1) or is (;2). Field values are used as they are (no prefix):
 * a linkedid is the uniqueid of the call's first channel, and channel names cannot look like either.
 */
export function legKeys(leg: CdrLeg): string[] {
  const key = leg.linkedid || leg.uniqueid || `${leg.channel}@${leg.startText}`;
  if (leg.linkedid) return [key];
  const out = localChannelBase(leg.dstchannel, '1');
  const back = localChannelBase(leg.channel, '2');
  return out ? (back ? [key, out, back] : [key, out]) : back ? [key, back] : [key];
}

/** Reads one record of a known layout; never throws (a bad field becomes `problem`). */
export function readLeg(record: string[], line: number, layout: CdrLayout, dates: DateTimeReader): CdrLeg {
  const f = (i: number | undefined): string => (i === undefined ? '' : (record[i] ?? ''));
  const leg: CdrLeg = {
    line, record, src: f(CDR.src), dst: f(CDR.dst), dcontext: f(CDR.dcontext), channel: f(CDR.channel), dstchannel: f(CDR.dstchannel),
    lastapp: f(CDR.lastapp), startText: f(CDR.start), start: 0, answer: null, end: 0, billsec: 0, answered: false,
    uniqueid: f(layout.uniqueid), linkedid: f(layout.linkedid),
  };
  try {
    leg.start = dates.read(leg.startText, 'start');
    leg.answer = f(CDR.answer) === '' ? null : dates.read(f(CDR.answer), 'answer');
    leg.end = dates.read(f(CDR.end), 'end');
    const duration = wholeNumber(f(CDR.duration), 'duration');
    leg.billsec = wholeNumber(f(CDR.billsec), 'billsec');
    const disposition = f(CDR.disposition).toUpperCase();
    if (!DISPOSITIONS.has(disposition)) {
      throw new RecordProblem({ column: 'disposition', value: f(CDR.disposition), reason: `"${f(CDR.disposition)}" is not an Asterisk disposition (ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, CANCEL)` });
    }
    leg.answered = disposition === 'ANSWERED';
    if (leg.billsec > duration) throw new RecordProblem({ column: 'billsec', value: String(leg.billsec), reason: `billsec ${leg.billsec} is longer than duration ${duration}` });
    if (leg.end < leg.start) throw new RecordProblem({ column: 'end', value: f(CDR.end), reason: `end ${f(CDR.end)} is before start ${leg.startText}` });
    if (leg.answered && leg.answer === null) throw new RecordProblem({ column: 'answer', value: '', reason: 'disposition ANSWERED but no answer time' });
    if (leg.answered && leg.answer !== null && leg.answer < leg.start) throw new RecordProblem({ column: 'answer', value: f(CDR.answer), reason: `answer ${f(CDR.answer)} is before start ${leg.startText}` });
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    leg.problem = e.problem;
  }
  return leg;
}

/** What kind of call it was, for the report's notes. */
export type CallNote = 'outbound' | 'queue-no-member' | 'dialplan-answered' | null;

export interface CdrCall extends CdrProfileCall {
  note: CallNote;
  /** Where operator_id was read: the channel field and its value ('' when the call has no operator). */
  operatorField: 'channel' | 'dstchannel';
  operatorChannel: string;
}

const isLocalBack = (l: CdrLeg): boolean => l.channel.startsWith('Local/') && l.channel.endsWith(';2');

/** The caller's leg: the earliest that is not the second half of a Local channel (legs in line order). */
function callerOf(legs: readonly CdrLeg[]): CdrLeg {
  let caller: CdrLeg | undefined;
  for (const l of legs) if (!isLocalBack(l) && (!caller || l.start < caller.start)) caller = l;
  return caller ?? earliestOf(legs);
}

function earliestOf(legs: readonly CdrLeg[]): CdrLeg {
  let first = legs[0] as CdrLeg;
  for (const l of legs) if (l.start < first.start) first = l;
  return first;
}

/** From the first answer to the last answered leg's end (= billsec when one leg answered). */
function talkSpan(legs: readonly CdrLeg[]): number {
  let from = Infinity;
  let to = -Infinity;
  for (const l of legs) {
    from = Math.min(from, l.answer as number);
    to = Math.max(to, (l.answer as number) + l.billsec);
  }
  return to - from;
}

/** The answered leg that took the call: the earliest answer, a phone rather than a Local channel on a tie. */
function takerOf(legs: readonly CdrLeg[]): CdrLeg {
  const rank = (l: CdrLeg): number => (l.answer as number) * 2 + (l.dstchannel.startsWith('Local/') ? 1 : 0);
  let taker = legs[0] as CdrLeg;
  for (const l of legs) if (rank(l) < rank(taker)) taker = l;
  return taker;
}

/** The call id of a group (legs in line order): linkedid, else the caller's uniqueid, else channel@start. */
export function callIdOf(legs: readonly CdrLeg[]): string {
  const caller = callerOf(legs);
  return caller.linkedid || caller.uniqueid || `${caller.channel}@${caller.startText}`;
}

/** Derives the call from its valid legs, given in line order. */
export function buildCall(legs: readonly CdrLeg[]): CdrCall {
  const caller = callerOf(legs);
  const first = earliestOf(legs);
  const callId = callIdOf(legs);
  const direction = directionOf({ context: caller.dcontext, caller: caller.src, destination: caller.dst });
  const answered = legs.filter((l) => l.answered);
  const call = (c: Pick<CdrCall, 'operator_id' | 'outcome' | 'wait' | 'talk' | 'note'>, phone: string, operatorField: CdrCall['operatorField'] = 'dstchannel', operatorChannel = ''): CdrCall => ({
    call_id: callId, started_at: first.startText, operator_id: c.operator_id, direction, outcome: c.outcome, wait: c.wait, talk: c.talk, phone, note: c.note, operatorField, operatorChannel,
  });
  if (direction === 'outbound') {
    const talk = answered.length > 0 ? talkSpan(answered) : null;
    return call({ operator_id: operatorFromChannel(caller.channel), outcome: talk === null ? 'abandoned' : 'answered', wait: null, talk, note: 'outbound' }, caller.dst, 'channel', caller.channel);
  }
  const bridged = answered.filter((l) => l.dstchannel !== '');
  if (bridged.length > 0) {
    const taker = takerOf(bridged);
    return call({ operator_id: operatorFromChannel(taker.dstchannel), outcome: 'answered', wait: (taker.answer as number) - first.start, talk: talkSpan(bridged), note: null }, caller.src, 'dstchannel', taker.dstchannel);
  }
  let lastEnd = first.end;
  for (const l of legs) lastEnd = Math.max(lastEnd, l.end);
  if (answered.length > 0 && answered.every((l) => l.lastapp.toLowerCase() === 'queue')) {
    return call({ operator_id: '', outcome: 'abandoned', wait: lastEnd - first.start, talk: null, note: 'queue-no-member' }, caller.src);
  }
  if (answered.length > 0) {
    return call({ operator_id: '', outcome: 'answered', wait: (takerOf(answered).answer as number) - first.start, talk: talkSpan(answered), note: 'dialplan-answered' }, caller.src);
  }
  return call({ operator_id: '', outcome: 'abandoned', wait: lastEnd - first.start, talk: null, note: null }, caller.src);
}
