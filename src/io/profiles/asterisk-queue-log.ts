/**
 * Profile asterisk-queue-log: the flat Asterisk queue_log (docs/profiles.md, "asterisk-queue-log").
 * One call per callid and queue, from ENTERQUEUE to the event that ends it; the call is emitted
 * when that event arrives. RINGNOANSWER becomes a missed ring of the member; member events
 * (ADDMEMBER, REMOVEMEMBER, AGENTLOGIN, AGENTLOGOFF, PAUSE, UNPAUSE, PAUSEALL, UNPAUSEALL) become
 * presence events; other events are counted; calls still open at the end of the file (or at an
 * Asterisk restart) are reported.
 */
import { operatorFromMember, operatorIdProblem } from './operator-id.js';
import { CALL_HEADERS, emptyReport, epochToIso, NoteCounter, phoneOrEmpty, RecordProblem, wholeNumber } from './profile-values.js';
import { pauseReasonCode } from '../../domain/presence.js';
import { answeredEnd, checkQueueLogFile, epochOf, isCallEvent, presenceEvent, unansweredEnd } from './queue-log-events.js';
import { newOutput, type CallProfile, type ProfileConverter, type ProfileOutput, type ProfileRow } from './types.js';

/** Forget a callid's visit count this many records after its last event (bounded memory). */
const VISIT_WINDOW = 5000;

interface QueueCall {
  /** The id the call is stored under: the callid, `callid#2` for its second queue visit in the file, … */
  callId: string;
  callid: string;
  enteredAt: number | null;
  phone: string;
  connect: { agent: string; hold: string; at: number } | null;
  events: number;
  /** The latest event so far (time, name, line), to see events out of time order. */
  lastAt: number;
  lastEvent: string;
  lastLine: number;
  /** Set when an event came earlier than one before it: the call is then a bad row. */
  disorder?: string;
}

const NOTES = {
  headless: '{n} call{s} began before the file (no ENTERQUEUE, log rotated): started_at = end event time − wait (− talk)',
  restart: '{n} call{s} open at an Asterisk restart (QUEUESTART): reported as unfinished',
  reentered: '{n} call{s} entered the same queue again before ending: the first visit is reported as unfinished',
  'ring-zero': '{n} RINGNOANSWER event{s} with 0 ms (the member could not be rung): not counted as missed rings',
  'not-phone': '{n} call{s} whose caller number is withheld or not a phone number: customer_phone left empty',
  EXITWITHTIMEOUT: '{n} call{s} left the queue at its timeout (EXITWITHTIMEOUT): stored as abandoned',
  EXITEMPTY: '{n} call{s} left a queue with no reachable member (EXITEMPTY): stored as abandoned',
  EXITWITHKEY: '{n} call{s} left the queue with a key press (EXITWITHKEY): stored as abandoned',
  WITHDRAW: '{n} call{s} withdrawn from the queue (WITHDRAW): stored as abandoned',
  'member-none': '{n} member event{s} with no member (agent NONE): not kept',
};

/** What a converter holds between records (snapshot/resume, docs/growing-logs.md): maps as entry lists, in their order. */
interface QueueLogState {
  seq: number;
  nextForget: number;
  open: [string, QueueCall][];
  visits: [string, { n: number; seq: number; open: number }][];
}

/** A converter for one queue_log file; `resume`: the snapshot of one that read the file up to where this one begins. */
export function createQueueLogConverter(opts: { file: string; resume?: unknown }): ProfileConverter {
  const report = emptyReport();
  const counts = new NoteCounter();
  const resume = opts.resume as QueueLogState | undefined;
  const open = new Map<string, QueueCall>(resume?.open);
  const visits = new Map<string, { n: number; seq: number; open: number }>(resume?.visits);
  let seq = resume?.seq ?? 0;
  /** No visit can be forgotten before this record: the oldest visit's seq + VISIT_WINDOW, or less. */
  let nextForget = resume?.nextForget ?? 0;

  function begin(callid: string): QueueCall {
    const v = visits.get(callid) ?? { n: 0, seq, open: 0 };
    visits.delete(callid);
    visits.set(callid, { n: v.n + 1, seq, open: v.open + 1 });
    return { callId: v.n === 0 ? callid : `${callid}#${v.n + 1}`, callid, enteredAt: null, phone: '', connect: null, events: 0, lastAt: -1, lastEvent: '', lastLine: 0 };
  }

  function finish(key: string, call: QueueCall): void {
    open.delete(key);
    const v = visits.get(call.callid);
    if (v) v.open--;
  }

  function unfinished(key: string, call: QueueCall, why?: string): void {
    if (why) counts.add(why);
    report.unfinished_calls.push(call.callId);
    finish(key, call);
  }

  /** The row of a call that ends with `event`, or a RecordProblem. */
  function rowOf(call: QueueCall, event: string, agent: string, data: string[], at: number, line: number): ProfileRow {
    const field = (i: number, what: string): number => wholeNumber(data[i] ?? '', `${event} data${i + 1} (${what})`);
    const ans = answeredEnd(event, data);
    let fields: string[];
    if (ans) {
      const hold = field(ans.hold, 'hold time');
      const talk = field(ans.talk, 'call time');
      const wait = call.connect ? wholeNumber(call.connect.hold, 'CONNECT data1 (hold time)') : hold;
      const start = call.enteredAt ?? (call.connect ? call.connect.at - wait : at - talk - hold);
      const member = call.connect?.agent ?? agent;
      const operator = operatorFromMember(member);
      const wrong = operatorIdProblem('agent', member, operator);
      if (wrong) throw new RecordProblem({ column: 'agent', value: member, reason: wrong });
      fields = [call.callId, epochToIso(start), operator, 'inbound', 'answered', String(wait), String(talk), call.phone];
    } else {
      const wait = field(unansweredEnd(event) as number, 'wait time');
      if (event !== 'ABANDON') counts.add(event);
      fields = [call.callId, epochToIso(call.enteredAt ?? at - wait), '', 'inbound', 'abandoned', String(wait), '', call.phone];
    }
    if (call.enteredAt === null) counts.add('headless');
    return { fields, line };
  }

  function callEvent(record: string[], line: number, at: number, out: ProfileOutput): void {
    const [, callid = '', queue = '', agent = '', event = ''] = record;
    const data = record.slice(5);
    const key = `${callid}|${queue}`;
    if (event === 'ENTERQUEUE') {
      const before = open.get(key);
      if (before) unfinished(key, before, 'reentered');
      const call = begin(callid);
      call.enteredAt = at;
      call.events = 1;
      call.lastAt = at;
      call.lastEvent = event;
      call.lastLine = line;
      call.phone = phoneOrEmpty(data[1] ?? '');
      if (call.phone === '' && (data[1] ?? '') !== '') counts.add('not-phone');
      open.set(key, call);
      return;
    }
    let call = open.get(key);
    if (!call) open.set(key, (call = begin(callid)));
    call.events++;
    if (at >= call.lastAt) {
      call.lastAt = at;
      call.lastEvent = event;
      call.lastLine = line;
    } else {
      call.disorder ??= `${event} on line ${line} (${epochToIso(at)}) is before ${call.lastEvent} on line ${call.lastLine} (${epochToIso(call.lastAt)})`;
    }
    if (event === 'RINGNOANSWER') missedRing(call, record, line, at, out);
    else if (event === 'CONNECT') call.connect = { agent, hold: data[0] ?? '', at };
    else if (answeredEnd(event, data) || unansweredEnd(event) !== undefined) {
      report.calls++;
      report.merged_records += call.events - 1;
      finish(key, call);
      if (call.disorder) {
        out.issues.push({
          line, column: 'time', value: record[0] as string, record,
          reason: `the events of call ${call.callId} are out of time order: ${call.disorder}`,
          hint: 'concatenate rotated queue_log files oldest first (queue_log.2, queue_log.1, queue_log)',
        });
        return;
      }
      try {
        out.rows.push(rowOf(call, event, agent, data, at, line));
      } catch (e) {
        if (!(e instanceof RecordProblem)) throw e;
        const { column, value, reason } = e.problem;
        out.issues.push({ line, column, value, reason: `${reason} (call ${call.callId})`, record });
      }
    }
  }

  function missedRing(call: QueueCall, record: string[], line: number, at: number, out: ProfileOutput): void {
    const agent = record[3] as string;
    const ms = record[5] ?? '';
    const operator = operatorFromMember(agent);
    const wrong = operatorIdProblem('agent', agent, operator);
    if (wrong) return void out.issues.push({ line, column: 'agent', value: agent, reason: `${wrong} (call ${call.callId})`, record });
    if (operator === '') return;
    if (ms === '0') return void counts.add('ring-zero');
    const ring = /^\d{1,9}$/.test(ms) ? Math.round(Number(ms) / 1000) : null;
    out.missedRings.push({ operator_id: operator, rang_at: at, call_id: call.callId, ring_seconds: ring });
  }

  /** A member event as presence: ADDMEMBER … PAUSED is a login and a pause (no reason) on one line. */
  function memberEvent(record: string[], line: number, at: number, kind: NonNullable<ReturnType<typeof presenceEvent>>, out: ProfileOutput): void {
    const [, , queuename = '', agent = '', event = '', data1 = ''] = record;
    const operator = operatorFromMember(agent);
    const wrong = operatorIdProblem('agent', agent, operator);
    if (wrong) return void out.issues.push({ line, column: 'agent', value: agent, reason: `${wrong} (${event})`, record });
    if (operator === '') return void counts.add('member-none');
    const queue = kind.everyQueue || queuename === '' || queuename === 'NONE' ? null : queuename;
    const reason = kind.state === 'pause' || kind.state === 'unpause' ? pauseReasonCode(data1) : null;
    out.presence.push({ operator_id: operator, at, state: kind.state, reason, queue, line });
    if (event === 'ADDMEMBER' && data1 === 'PAUSED') out.presence.push({ operator_id: operator, at, state: 'pause', reason: null, queue, line });
  }

  function forgetOldVisits(): void {
    // `visits` is in seq order (every set is of the current seq, after a delete), so the first
    // entry is the oldest; nothing to do until it can be WINDOW old.
    if (seq < nextForget) return;
    for (const [callid, v] of visits) {
      if (seq - v.seq < VISIT_WINDOW) {
        nextForget = v.seq + VISIT_WINDOW;
        return;
      }
      visits.delete(callid);
      if (v.open > 0) visits.set(callid, { ...v, seq });
    }
    nextForget = seq + VISIT_WINDOW;
  }

  return {
    push(record, line, out = newOutput()) {
      seq++;
      report.records++;
      if (seq === 1) checkQueueLogFile(record, line, opts.file);
      if (record.length < 5) {
        out.issues.push({ line, column: 'event', value: '', reason: `${record.length} fields; a queue_log line has at least 5 (time|callid|queue|agent|event)`, record });
        return out;
      }
      const at = epochOf(record[0] as string, line, opts.file);
      const event = record[4] as string;
      if (isCallEvent(event)) callEvent(record, line, at, out);
      else {
        const member = presenceEvent(event);
        if (member) memberEvent(record, line, at, member, out);
        else {
          report.ignored_events[event] = (report.ignored_events[event] ?? 0) + 1;
          if (event === 'QUEUESTART') for (const [key, call] of [...open]) unfinished(key, call, 'restart');
        }
      }
      forgetOldVisits();
      return out;
    },
    end(out = newOutput()) {
      for (const [key, call] of [...open]) unfinished(key, call);
      return out;
    },
    report() {
      const notes = ['times are epoch seconds (UTC)', ...counts.render(NOTES)];
      return { ...report, ignored_events: { ...report.ignored_events }, unfinished_calls: [...report.unfinished_calls], notes };
    },
    snapshot(): QueueLogState {
      return { seq, nextForget, open: [...open], visits: [...visits] };
    },
  };
}

export const asteriskQueueLog: CallProfile = {
  name: 'asterisk-queue-log',
  delimiter: '|',
  quoted: false,
  canonicalHeaders: CALL_HEADERS,
  create: ({ file, resume }) => createQueueLogConverter({ file, resume }),
};
