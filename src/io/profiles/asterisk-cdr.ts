/**
 * Profile asterisk-cdr: Asterisk cdr_csv Master.csv (docs/profiles.md, "asterisk-cdr"). Records
 * of one call (ring groups, queues, transfers, Local channels) are merged by linkedid, else
 * uniqueid; a call is emitted once WINDOW records have passed without one of its records.
 */
import { cdrLayout, checkCdrFile } from './asterisk-cdr-layout.js';
import { buildCall, callIdOf, legKeys, readLeg, type CdrLeg } from './asterisk-cdr-call.js';
import { CALL_HEADERS, callCells, DateTimeReader, emptyReport, issueOf, NoteCounter, phoneOrEmpty, plural } from './profile-values.js';
import { operatorIdProblem } from './operator-id.js';
import { DEFAULT_WINDOW, RecordGroups, type RecordGroup } from './record-groups.js';
import { newOutput, type CallProfile, type ProfileConverter, type ProfileOutput } from './types.js';

const NOTES = {
  outbound: '{n} call{s} outbound (outbound context, or an extension dialled an outside number): operator from the calling channel',
  'queue-no-member': '{n} call{s} ended in Queue() with no member answering (the queue had answered the caller): stored as abandoned',
  'dialplan-answered': '{n} call{s} answered by the dialplan with no destination channel (IVR, voicemail, …): stored as answered with no operator',
  'not-phone': '{n} call{s} whose caller number is withheld or not a phone number (e.g. a SIP user name): customer_phone left empty',
  late: '{n} record{s} came more than the merge window after their call had been emitted: rejected',
  'bad-columns': '{n} record{s} with a column count other than 16 to 21: rejected',
};

/**
 * What a converter holds between records (snapshot/resume, docs/growing-logs.md): the records of
 * the calls not yet emitted, as [seq, line, record], and the keys of calls emitted recently.
 */
export interface CdrState {
  seq: number;
  legs: [number, number, string[]][];
  closed: [string, number, number][];
}

/**
 * A converter for one Master.csv; `window` is the merge window in records (tests make it small);
 * `resume`: the snapshot of one that read the file up to where this one begins.
 */
export function createAsteriskCdrConverter(opts: { file: string; sourceZone: string; window?: number; resume?: unknown }): ProfileConverter {
  const window = opts.window ?? DEFAULT_WINDOW;
  const groups = new RecordGroups<CdrLeg>(window);
  const report = emptyReport();
  const layouts = new Map<string, number>();
  const counts = new NoteCounter();
  const dates = new DateTimeReader(opts.sourceZone);
  const keyed = { linkedid: 0, uniqueid: 0, channel: 0 };
  const resume = opts.resume as CdrState | undefined;
  let checked = resume !== undefined;
  let seq = resume?.seq ?? 0;
  if (resume) {
    // The legs were read and checked once: read again, they join the same groups.
    for (const [at, line, record] of resume.legs) {
      const leg = readLeg(record, line, cdrLayout(record) as NonNullable<ReturnType<typeof cdrLayout>>, dates);
      groups.add(legKeys(leg), leg, at);
    }
    groups.restoreClosed(resume.closed);
  }

  function emit(g: RecordGroup<CdrLeg>, out: ProfileOutput): void {
    const legs = g.records.length > 1 ? [...g.records].sort((a, b) => a.line - b.line) : g.records;
    report.calls++;
    report.merged_records += legs.length - 1;
    const bad = legs.find((l) => l.problem);
    const lastLine = (legs[legs.length - 1] as CdrLeg).line;
    if (bad?.problem) {
      const whole = legs.length > 1 ? ` (call ${callIdOf(legs)}: none of its ${legs.length} records is imported)` : '';
      out.issues.push(issueOf({ ...bad.problem, reason: bad.problem.reason + whole }, bad.record, bad.line));
      return;
    }
    const call = buildCall(legs);
    const wrong = operatorIdProblem(call.operatorField, call.operatorChannel, call.operator_id);
    if (wrong) {
      const taker = legs.find((l) => l[call.operatorField] === call.operatorChannel) as CdrLeg;
      out.issues.push(issueOf({ column: call.operatorField, value: call.operatorChannel, reason: wrong }, taker.record, taker.line));
      return;
    }
    if (call.note) counts.add(call.note);
    const phone = phoneOrEmpty(call.phone);
    if (phone === '' && call.phone !== '') counts.add('not-phone');
    out.rows.push({ fields: callCells(call, phone), line: lastLine });
  }

  function take(record: string[], line: number, out: ProfileOutput): void {
    const layout = cdrLayout(record);
    if (!layout) {
      counts.add('bad-columns');
      out.issues.push({ line, column: '', value: '', reason: `${record.length} columns; an Asterisk cdr_csv record has 16 to 21`, hint: 'a record broken by a line break or a stray quote, or a line from another file', record });
      return;
    }
    layouts.set(layout.label, (layouts.get(layout.label) ?? 0) + 1);
    const leg = readLeg(record, line, layout, dates);
    if (leg.linkedid) keyed.linkedid++;
    else if (leg.uniqueid) keyed.uniqueid++;
    else keyed.channel++;
    const added = groups.add(legKeys(leg), leg, seq);
    if ('late' in added) {
      counts.add('late');
      out.issues.push({
        line, column: '', value: '', record,
        reason: `this record belongs to a call already emitted at line ${added.late.line}, more than ${window} records earlier`,
        hint: 'the file is not in the order Asterisk writes it; sort it by end time, or import the call\'s records together',
      });
    }
  }

  return {
    push(record, line, out = newOutput()) {
      seq++;
      report.records++;
      if (!checked) {
        checkCdrFile(record, line, opts.file);
        checked = true;
      }
      take(record, line, out);
      for (const g of groups.expire(seq)) emit(g, out);
      return out;
    },
    end(out = newOutput()) {
      for (const g of groups.drain(seq)) emit(g, out);
      return out;
    },
    report() {
      const notes = [...layouts].map(([label, n]) => `${label} (${plural(n, 'record')})`);
      if (keyed.linkedid > 0) notes.push(`${plural(keyed.linkedid, 'record')} grouped into calls by linkedid`);
      if (keyed.uniqueid > 0) notes.push(`${plural(keyed.uniqueid, 'record')} grouped into calls by uniqueid (no linkedid column; Local channel halves joined by name)`);
      if (keyed.channel > 0) notes.push(`${plural(keyed.channel, 'record')} without uniqueid or linkedid: grouped by channel name and start (call_id = channel@start)`);
      notes.push(`times read as ${opts.sourceZone} wall-clock time (cdr_csv writes no zone; use --source-tz UTC when cdr.conf has usegmtime=yes)`);
      notes.push(...counts.render(NOTES));
      return { ...report, ignored_events: { ...report.ignored_events }, unfinished_calls: [...report.unfinished_calls], notes };
    },
    snapshot(): CdrState {
      const state = groups.snapshot();
      return { seq, legs: state.records.map(([at, leg]) => [at, leg.line, leg.record]), closed: state.closed };
    },
  };
}

export const asteriskCdr: CallProfile = {
  name: 'asterisk-cdr',
  delimiter: ',',
  canonicalHeaders: CALL_HEADERS,
  create: ({ file, sourceZone, resume }) => createAsteriskCdrConverter({ file, sourceZone, resume }),
};
