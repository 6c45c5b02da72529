/**
 * Profile freeswitch-cdr: FreeSWITCH mod_cdr_csv Master.csv with the shipped `example` template
 * (docs/profiles.md, "freeswitch-cdr"). One record per leg; an A-leg and its B-leg (legs=ab) are
 * merged through bleg_uuid. Answered means an answer_stamp (or billsec > 0), never the hangup cause.
 */
import { aLegOf, FS, buildFsCall, checkFreeswitchFile, readFsLeg, type FsLeg } from './freeswitch-cdr-call.js';
import { CALL_HEADERS, callCells, DateTimeReader, emptyReport, issueOf, NoteCounter, phoneOrEmpty, plural } from './profile-values.js';
import { DEFAULT_WINDOW, RecordGroups, type RecordGroup } from './record-groups.js';
import type { CdrState } from './asterisk-cdr.js';
import { newOutput, type CallProfile, type ProfileConverter, type ProfileOutput } from './types.js';

const NOTES = {
  outbound: '{n} call{s} outbound (outbound context, or an extension dialled an outside number): operator = caller_id_number',
  inbound: '{n} call{s} inbound, with no operator: the example template names no answering agent',
  'cleared-unanswered': '{n} call{s} with hangup cause NORMAL_CLEARING but no answer_stamp: stored as not answered',
  'billsec-no-stamp': '{n} leg{s} with billsec > 0 but no answer_stamp: answered at end_stamp − billsec',
  'not-phone': '{n} call{s} whose customer number is withheld or not a phone number: customer_phone left empty',
  late: '{n} record{s} came more than the merge window after their call had been emitted: rejected',
};

/** A converter for one FreeSWITCH Master.csv; `window` is the merge window in records; `resume` as for asterisk-cdr. */
export function createFreeswitchConverter(opts: { file: string; sourceZone: string; window?: number; resume?: unknown }): ProfileConverter {
  const window = opts.window ?? DEFAULT_WINDOW;
  const groups = new RecordGroups<FsLeg>(window);
  const report = emptyReport();
  const counts = new NoteCounter();
  const dates = new DateTimeReader(opts.sourceZone);
  const resume = opts.resume as CdrState | undefined;
  let seq = resume?.seq ?? 0;
  const keysOf = (leg: FsLeg, record: string[], line: number): string[] => (record.length !== 15 || leg.uuid === '' ? [`line ${line}`] : leg.bleg ? [leg.uuid, leg.bleg] : [leg.uuid]);
  if (resume) {
    for (const [at, line, record] of resume.legs) {
      const leg = readFsLeg(record, line, dates);
      groups.add(keysOf(leg, record, line), leg, at);
    }
    groups.restoreClosed(resume.closed);
  }

  function emit(g: RecordGroup<FsLeg>, out: ProfileOutput): void {
    const legs = [...g.records].sort((a, b) => a.line - b.line);
    report.calls++;
    report.merged_records += legs.length - 1;
    const bad = legs.find((l) => l.problem);
    if (bad?.problem) {
      const whole = legs.length > 1 ? ` (call ${aLegOf(legs).uuid}: none of its ${legs.length} records is imported)` : '';
      out.issues.push(issueOf({ ...bad.problem, reason: bad.problem.reason + whole }, bad.record, bad.line));
      return;
    }
    const call = buildFsCall(legs);
    counts.add(call.direction);
    for (const l of legs) {
      if (l.answer !== null && l.record[FS.answer_stamp] === '') counts.add('billsec-no-stamp');
    }
    if (call.outcome === 'abandoned' && legs.some((l) => l.hangupCause === 'NORMAL_CLEARING')) counts.add('cleared-unanswered');
    const phone = phoneOrEmpty(call.phone);
    if (phone === '' && call.phone !== '') counts.add('not-phone');
    const line = (legs[legs.length - 1] as FsLeg).line;
    out.rows.push({ fields: callCells(call, phone), line });
  }

  return {
    push(record, line, out = newOutput()) {
      seq++;
      report.records++;
      if (seq === 1) checkFreeswitchFile(record, line, opts.file);
      const leg = readFsLeg(record, line, dates);
      const added = groups.add(keysOf(leg, record, line), leg, seq);
      if ('late' in added) {
        counts.add('late');
        out.issues.push({ line, column: 'uuid', value: leg.uuid, record, reason: `this leg belongs to a call already emitted at line ${added.late.line}, more than ${window} records earlier`, hint: 'import the legs of a call together' });
      }
      for (const g of groups.expire(seq)) emit(g, out);
      return out;
    },
    end(out = newOutput()) {
      for (const g of groups.drain(seq)) emit(g, out);
      return out;
    },
    report() {
      const notes = [
        '15 columns: the "example" template',
        ...(report.merged_records > 0 ? [`${plural(report.merged_records, 'B-leg record')} merged into their A-leg's call through bleg_uuid (legs=ab)`] : []),
        `times read as ${opts.sourceZone} wall-clock time (mod_cdr_csv writes no zone; use --source-tz to change)`,
        ...counts.render(NOTES),
      ];
      return { ...report, ignored_events: {}, unfinished_calls: [], notes };
    },
    snapshot(): CdrState {
      const state = groups.snapshot();
      return { seq, legs: state.records.map(([at, leg]) => [at, leg.line, leg.record]), closed: state.closed };
    },
  };
}

export const freeswitchCdr: CallProfile = {
  name: 'freeswitch-cdr',
  delimiter: ',',
  canonicalHeaders: CALL_HEADERS,
  create: ({ file, sourceZone, resume }) => createFreeswitchConverter({ file, sourceZone, resume }),
};
