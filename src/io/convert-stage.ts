/**
 * The conversion stage of an import: the parsed records of one file become the values of stored
 * rows (through a phone-system profile or a mapping file when one is given), and the bad ones
 * become issues. It runs in the parsing worker, next to csv-parse, so that the thread that writes
 * to SQLite only writes.
 */
import { countWorkingDays } from '../domain/calendar.js';
import { localDateOf, type IsoDate } from '../domain/dates.js';
import { KIND_SPECS, naturalKeyOf, PRESENCE, type ImportKind, type RowContext } from '../domain/kinds.js';
import { loadCalendar } from './calendar-files.js';
import { createMappedConverter, type MappedConverter } from './mapping/converter.js';
import type { Mapping } from './mapping/mapping.js';
import { PROFILES } from './profiles/index.js';
import { newOutput, type ProfileConverter, type ProfileName, type ProfileOutput } from './profiles/types.js';
import { ignoredNotices, kpiNotices } from './header-notices.js';
import type { BadRow, EndMessage, Notice, StartMessage } from './import-protocol.js';
import { buildRowPlan, type RowPlan } from './row-plan.js';

export interface ConvertJob {
  kind: ImportKind;
  /** The file as the user named it (its base name), for messages. */
  file: string;
  /** The policy zone: local days and hours. */
  zone: string;
  /** Zone of date-times without an offset. */
  sourceZone: string;
  profile?: ProfileName;
  /** A mapping file, as the command read and checked it. */
  mapping?: Mapping;
  /** The policy's company calendars (policy.calendars): leave rows with a half day need a working day. */
  calendars?: readonly string[];
}

/** What the header tells: the start message but for what the reading itself found (encoding, delimiter, their notes). */
export type ConvertStart = Omit<StartMessage, 'type' | 'encoding' | 'delimiter'>;

export interface ConvertedBatch {
  /** Values of good rows, in `columns` order. */
  rows: unknown[][];
  /** The line of each good row. */
  lines: number[];
  issues: BadRow[];
  /** Data rows this batch accounts for (good + bad + skipped; blank lines are not rows). */
  records: number;
  /** Rows a mapping left out on purpose ("@skip"). */
  skipped: number;
  /** Missed rings (queue_log RINGNOANSWER), flat: operator_id, rang_at, local_day, call_id, ring_seconds per ring. */
  rings: unknown[];
  /** Presence events (queue_log member events), flat: event_id, operator_id, state, at, local_day, reason, queue, line per event. */
  presence: unknown[];
  /**
   * Records not yet checked (their lines in `cellLines`): the file's own records, or a profile's
   * calls as canonical cells. The writing thread checks them (ConvertStage.check), and counts
   * their rows, issues, `records` and `skipped` there.
   */
  cells?: string[][];
  cellLines?: number[];
}

/**
 * Speed trick (docs/performance.md, "Checks split between the threads"): the parsing worker
 * leaves some rows' checks to the writing thread (ConvertStage.checkedByWriter). false: the
 * worker checks every row itself.
 */
const SPLIT_CHECKS = true;
/** With SPLIT_CHECKS, the writing thread checks every WRITER_CHECKS_EVERY-th input chunk of a file's own records. */
const WRITER_CHECKS_EVERY = 3;
/**
 * With SPLIT_CHECKS, a profile's calls are left to the writing thread while it has fewer than this
 * many batches waiting (it keeps up: the worker is the busier thread), and checked by the worker
 * when more wait (the writing thread is behind: a queue_log's presence events make it so).
 */
const WRITER_BACKLOG_CHECKS = 3;

export function emptyBatch(): ConvertedBatch {
  return { rows: [], lines: [], issues: [], records: 0, skipped: 0, rings: [], presence: [] };
}

/** Adds `b` to `into` (rows, issues, rings, presence events, counts and any cells). */
export function appendBatch(into: ConvertedBatch, b: ConvertedBatch): void {
  for (const r of b.rows) into.rows.push(r);
  for (const l of b.lines) into.lines.push(l);
  for (const i of b.issues) into.issues.push(i);
  for (const r of b.rings) into.rings.push(r);
  for (const p of b.presence) into.presence.push(p);
  if (b.cells && b.cellLines) {
    into.cells ??= [];
    into.cellLines ??= [];
    for (const c of b.cells) into.cells.push(c);
    for (const l of b.cellLines) into.cellLines.push(l);
  }
  into.records += b.records;
  into.skipped += b.skipped;
}

/** Converts the records of one file, in file order. */
export class ConvertStage {
  private plan?: RowPlan;
  private mapped?: MappedConverter;
  private readonly profile?: ProfileConverter;
  /** Missed rings and presence events a profile gave (ConvertedBatch.rings, .presence), counted for its report. */
  private rings = 0;
  private presence = 0;

  /** `resume`: a profile's state (snapshot) where an earlier import of the same growing file ended. */
  constructor(private readonly job: ConvertJob, resume?: string) {
    this.profile = job.profile ? PROFILES[job.profile].create({ file: job.file, sourceZone: job.sourceZone, resume: resume === undefined ? undefined : JSON.parse(resume) }) : undefined;
  }

  /** A profile's state now (JSON), for an import that will continue the file once it has grown; null without a profile. */
  snapshot(): string | null {
    const state = this.profile?.snapshot?.();
    return state === undefined ? null : JSON.stringify(state);
  }

  /** Reads the header (empty for headerless files); throws InputError for missing or duplicate columns. */
  start(headers: string[]): ConvertStart {
    const { job } = this;
    const spec = KIND_SPECS[job.kind];
    const mapping = job.mapping;
    if (mapping) this.mapped = createMappedConverter(mapping, mapping.header ? headers : null, job.file);
    const mapped = this.mapped;
    const planHeaders = job.profile ? [...PROFILES[job.profile].canonicalHeaders] : mapped ? mapped.canonicalHeaders : headers;
    // Only a row check that needs them asks for working days (a half day of leave): the calendars load then.
    const workingDays = lazyWorkingDays(job.calendars ?? []);
    const plan = (this.plan = buildRowPlan(spec, planHeaders, { file: job.file, zone: job.zone, sourceZone: job.sourceZone, workingDays }));
    const notices: Notice[] = [...ignoredNotices(job, plan).map((line) => ({ line })), ...kpiNotices(job, plan).map((line): Notice => ({ line, note: true }))];
    return {
      columns: plan.columns,
      present: plan.present,
      ignored: plan.ignored,
      notices,
      // Bad rows of a mapped file are described by the file's own columns.
      headers: mapped ? (mapping?.header ? headers : []) : planHeaders,
      rejectsHeaders: mapped ? mapped.sourceHeaders : planHeaders,
      keyHeader: mapped ? mapped.describe(spec.key) : planHeaders[plan.fieldIndex.get(spec.key) as number] ?? spec.key,
      fileHeader: headers,
    };
  }

  /**
   * Whether the checks of input chunk number `chunk` (from 1) are left to the writing thread
   * (SPLIT_CHECKS): every WRITER_CHECKS_EVERY-th chunk of a file's own records; a profile's calls
   * while the writing thread has fewer than WRITER_BACKLOG_CHECKS batches waiting (`backlog`).
   */
  checkedByWriter(chunk: number, backlog: number): boolean {
    if (!SPLIT_CHECKS) return false;
    return this.profile ? backlog < WRITER_BACKLOG_CHECKS : chunk % WRITER_CHECKS_EVERY === 0;
  }

  /**
   * Converts one batch of records; a profile may keep some until their call is complete. With
   * `byWriter` (checkedByWriter), the checks are left to the writing thread (check): the batch
   * carries cells, not rows.
   */
  batch(records: string[][], lines: number[], byWriter = false): ConvertedBatch {
    if (this.profile) {
      const out = newOutput();
      for (let i = 0; i < records.length; i++) this.profile.push(records[i] as string[], lines[i] as number, out);
      return this.profileBatch(out, byWriter);
    }
    if (byWriter) return { ...emptyBatch(), cells: records, cellLines: lines };
    return convertRecords(this.requirePlan(), records, lines, this.mapped);
  }

  /** End of file: what a profile still holds, and its report with the missed rings and presence events it gave. */
  end(): { batch: ConvertedBatch; report: EndMessage['report'] } {
    if (!this.profile) return { batch: emptyBatch(), report: null };
    const batch = this.profileBatch(this.profile.end(newOutput()), SPLIT_CHECKS);
    return { batch, report: { ...this.profile.report(), missed_rings: this.rings, presence_events: this.presence } };
  }

  /** Checks a batch's cells (left by the parsing worker's stage) into rows and issues, in place. */
  check<B extends ConvertedBatch>(b: B): B {
    if (!b.cells || !b.cellLines) return b;
    // A profile's cells are canonical already; a file's own records go through its mapping (a
    // mapping and a profile do not go together).
    const converted = convertRecords(this.requirePlan(), b.cells, b.cellLines, this.mapped);
    b.cells = undefined;
    b.cellLines = undefined;
    appendBatch(b, converted);
    return b;
  }

  private requirePlan(): RowPlan {
    if (!this.plan) throw new Error('ConvertStage: records before the header');
    return this.plan;
  }

  /** A profile's output: its calls (as cells for the writing thread to check with `byWriter`, else checked rows), its issues, missed rings and presence events. */
  private profileBatch(out: ProfileOutput, byWriter: boolean): ConvertedBatch {
    const rings: unknown[] = [];
    for (const m of out.missedRings) rings.push(m.operator_id, m.rang_at, localDateOf(m.rang_at, this.job.zone), m.call_id, m.ring_seconds);
    this.rings += out.missedRings.length;
    const presence: unknown[] = [];
    for (const e of out.presence) {
      // Keyed as a presence file's row is (PRESENCE.derivedKey: time, operator, state, queue).
      const key = naturalKeyOf(PRESENCE, { operator_id: e.operator_id, at: e.at, state: e.state, queue: e.queue });
      presence.push(key, e.operator_id, e.state, e.at, localDateOf(e.at, this.job.zone), e.reason, e.queue, e.line);
    }
    this.presence += out.presence.length;
    const cells = out.rows.map((r) => r.fields);
    const cellLines = out.rows.map((r) => r.line);
    const batch: ConvertedBatch = { rows: [], lines: [], issues: out.issues, records: out.issues.length, skipped: 0, rings, presence, cells, cellLines };
    return byWriter ? batch : this.check(batch);
  }
}

/** Working days by the official and company calendars, loaded at the first question (a half day of leave). */
function lazyWorkingDays(companyFiles: readonly string[]): NonNullable<RowContext['workingDays']> {
  let calendar: ReturnType<typeof loadCalendar>['calendar'] | undefined;
  return (from: IsoDate, to: IsoDate) => countWorkingDays((calendar ??= loadCalendar(companyFiles).calendar), from, to);
}

/**
 * Validates and converts records: rows to write, and the bad ones. With a mapping, each record
 * is mapped first ("@skip" rows counted); its bad rows keep the file's record.
 */
export function convertRecords(plan: RowPlan, records: string[][], lines: number[], mc?: MappedConverter): ConvertedBatch {
  const rows: unknown[][] = [];
  const good: number[] = [];
  const issues: BadRow[] = [];
  let blank = 0;
  let skipped = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string[];
    const line = lines[i] as number;
    if (record[0]?.trim() === '' && record.every((f) => f.trim() === '')) {
      blank++;
      continue;
    }
    let cells = record;
    if (mc) {
      const mapped = mc.convert(record, line);
      if ('skip' in mapped) {
        skipped++;
        continue;
      }
      if ('issue' in mapped) {
        issues.push({ ...mapped.issue, record });
        continue;
      }
      cells = mapped.fields;
    }
    const out = plan.convert(cells, line);
    if ('values' in out) {
      rows.push(out.values);
      good.push(line);
    } else {
      issues.push({ ...out.issue, column: mc && out.issue.column ? mc.describe(out.issue.column) : out.issue.column, record });
    }
  }
  return { rows, lines: good, issues, records: records.length - blank, skipped, rings: [], presence: [] };
}
