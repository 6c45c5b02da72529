// Month-end appraisal from a realistic month (issue 17 items 1, 4, 5, 7, 10, 15): streaks only
// from finalized months, days worked, finalize guards, the cause of an action, and interactive
// evaluations in the ledger. Every figure below is worked by hand.
//
// November 2026 (data/holidays/cn-2026.json: no holiday): Sunday 11-01; working days 11-02..06,
// 09..13, 16..20, 23..27 and 30 = 21. Policy: the defaults (docs/policy.md); onboarding_days 5.
//
// The database's first import of calls is November's export, which spills over midnight: it starts
// with three calls of 2026-10-31 23:50–23:59 (3001 one, 3002 two). October therefore "has" calls.
//
// Operators (no orders, no ratings, no suggestions: service quality is the complaint rate alone,
// efficiency the calls per day alone; their weights are shared as the report says):
//   3001 周一 A组: sick 11-20 → 21 − 1 = 20 days; 1250 calls → 62.5 a day → 78.125. A serious
//        complaint T00047 about 3001: 1000/1250 = 0.8 per 1000 → (5 − 0.8)/5 = 84. Knowledge 90,
//        teamwork 90. Total 84×.4 + 78.125×.3 + 90×.15 + 90×.15 = 33.6 + 23.4375 + 27 = 84.0375
//        → 84.04, good; reassignment_review for the serious complaint.
//   3002 吴二 A组: a full-day external course on Wed 11-18 and no call that day (a training-only day)
//        → 20 days; 200 calls → 10 a day → 12.5. Knowledge 40, teamwork 50. Total 40 + 3.75 + 6
//        + 7.5 = 57.25 → fail. October is not finalized, so this is a first fail:
//        warning_and_coaching (before issue 17: October graded on its two calls, fail, and
//        reassignment_review).
//   3003 郑三 B组: hired Mon 11-16. Onboarding is his first 5 working days, 11-16..20, no calls;
//        then 40 calls a day on 11-23..27 and 30 → 6 days, 240 calls → 40 → 50. No evaluation yet:
//        knowledge and teamwork share their 30 with the others → (100×40 + 50×30)/70 = 78.571… →
//        78.57, pass. (Before: 11 days worked, 21.8 a day.)
//   3004 冯四 B组: half a day of annual leave on 11-10 (20 calls that day), 40 calls on each of the
//        other 20 working days and 40 on weekend duty, Saturday 11-21 → 860 calls over
//        21 − 0.5 + 1 = 21.5 days → 40 → 50. Knowledge 70, teamwork 70. Total 40 + 15 + 10.5 +
//        10.5 = 76 → pass. (Before: the weekend day was not counted, 860/20.5.)
//   3005 陈五 B组: left on Fri 11-13 → 11-02..13 = 10 days; 300 calls → 30 → 37.5. Knowledge 60,
//        teamwork 60. Total 40 + 11.25 + 9 + 9 = 69.25 → pass.
import { describe, expect, test } from 'vitest';
import { answerInTerminal, csv, inTerminal, rows, workspace } from './support.js';

const ws = workspace('hotline-e2e-month-end-');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function ok(args: string[]): { stdout: string; stderr: string } {
  const r = ws.run(args);
  if (r.status !== 0) throw new Error(`hotline ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r;
}

const NOV_WORKING = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30'].map((d) => `2026-11-${d}`);
const CALL_HEADER = ['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds'];

/** `n` answered inbound calls of `op` spread over `days` (round robin), 30 s apart from 09:00. */
function calls(op: string, n: number, days: readonly string[], tag = ''): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => {
    const s = Math.floor(i / days.length) * 30;
    const time = `${String(9 + Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    return [`C${op}${tag}-${String(i).padStart(4, '0')}`, `${days[i % days.length]} ${time}`, op, 'inbound', 'answered', 5, 120];
  });
}

const except = (...out: string[]): string[] => NOV_WORKING.filter((d) => !out.includes(d));

describe('a first import that spills over from the last evening of October', () => {
  const db = ['--db', 'spill.db'];

  test('imports: the roster, November calls (with three of 10-31), leave, a ticket, evaluations, a course', () => {
    ws.write('operators.csv', csv(['operator_id', 'name', 'team', 'hire_date', 'termination_date', 'base_salary', 'performance_base'], [
      ['3001', '周一', 'A组', '2020-03-01', '', 4000, 2000],
      ['3002', '吴二', 'A组', '2021-06-15', '', 3500, 1500],
      ['3003', '郑三', 'B组', '2026-11-16', '', 3000, 1000],
      ['3004', '冯四', 'B组', '2019-09-01', '', 3800, 1800],
      ['3005', '陈五', 'B组', '2022-01-10', '2026-11-13', 3600, 1600],
    ]));
    ws.write('calls-2026-11.csv', csv(CALL_HEADER, [
      ['C-1031-1', '2026-10-31 23:50:10', '3001', 'inbound', 'answered', 5, 120],
      ['C-1031-2', '2026-10-31 23:55:00', '3002', 'inbound', 'answered', 5, 120],
      ['C-1031-3', '2026-10-31 23:59:59', '3002', 'inbound', 'answered', 5, 120],
      ...calls('3001', 1250, except('2026-11-20')),
      ...calls('3002', 200, except('2026-11-18')),
      ...calls('3003', 240, NOV_WORKING.filter((d) => d >= '2026-11-23')),
      ...calls('3004', 800, except('2026-11-10')),
      ...calls('3004', 20, ['2026-11-10'], 'half'),
      ...calls('3004', 40, ['2026-11-21'], 'sat'),
      ...calls('3005', 300, NOV_WORKING.filter((d) => d <= '2026-11-13')),
    ]));
    ws.write('leave.csv', csv(['operator_id', 'type', 'start_date', 'end_date', 'days'], [
      ['3001', 'sick', '2026-11-20', '2026-11-20', ''],
      ['3004', 'annual', '2026-11-10', '2026-11-10', 0.5],
    ]));
    ws.write('tickets.csv', csv(['ticket_id', 'kind', 'opened_at', 'operator_id', 'about_operator_id', 'severity'], [
      ['T00047', 'complaint', '2026-11-12 10:00', '3004', '3001', 'serious'],
    ]));
    ws.write('evaluations.csv', csv(['operator_id', 'month', 'metric', 'score', 'evaluator'], [
      ['3001', '2026-11', 'knowledge_test', 90, '陈主管'], ['3001', '2026-11', 'teamwork', 90, '陈主管'],
      ['3002', '2026-11', 'knowledge_test', 40, '陈主管'], ['3002', '2026-11', 'teamwork', 50, '陈主管'],
      ['3004', '2026-11', 'knowledge_test', 70, '刘主管'], ['3004', '2026-11', 'teamwork', 70, '刘主管'],
      ['3005', '2026-11', 'knowledge_test', 60, '刘主管'], ['3005', '2026-11', 'teamwork', 60, '刘主管'],
    ]));
    ws.write('trainings.csv', csv(['session_id', 'date', 'topic', 'kind', 'hours'], [['EXT-1118', '2026-11-18', '客户沟通技巧（外训）', 'external', 8]]));
    ws.write('attendance.csv', csv(['session_id', 'operator_id', 'status'], [['EXT-1118', '3002', 'present']]));
    for (const [kind, file] of [['operators', 'operators.csv'], ['calls', 'calls-2026-11.csv'], ['leave', 'leave.csv'], ['tickets', 'tickets.csv'], ['evaluations', 'evaluations.csv'], ['trainings', 'trainings.csv'], ['attendance', 'attendance.csv']]) {
      ok([...db, 'import', kind as string, file as string]);
    }
  });

  test('appraise run: 3002 fails November, a first fail (October is not finalized): warning_and_coaching; said once on stderr', () => {
    const r = ws.run([...db, 'appraise', 'run', '--month', '2026-11', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Json[];
    expect(rows.map((x) => [x.operator_id, x.grade === 'fail', x.commendation, x.action])).toEqual([
      ['3001', false, false, 'reassignment_review'],
      ['3002', true, false, 'warning_and_coaching'],
      ['3003', false, false, null],
      ['3004', false, false, null],
      ['3005', false, false, null],
    ]);
    expect(r.stderr).toBe('2026-10 is not finalized: streaks start at 2026-11\n');
  });

  test('days worked: onboarding and a training-only day are not worked, weekend duty is, half a day of leave is half', () => {
    const rows = JSON.parse(ok([...db, 'appraise', 'run', '--month', '2026-11', '--format', 'json']).stdout) as Json[];
    expect(rows.map((x) => [x.operator_id, x.days_worked, x.indicators.calls_per_day.raw, x.indicators.calls_per_day.score, x.score, x.grade])).toEqual([
      ['3001', 20, 62.5, 78.13, 84.04, 'good'],
      ['3002', 20, 10, 12.5, 57.25, 'fail'],
      ['3003', 6, 40, 50, 78.57, 'pass'],
      ['3004', 21.5, 40, 50, 76, 'pass'],
      ['3005', 10, 30, 37.5, 69.25, 'pass'],
    ]);
  });

  test('appraise run --format csv: the group scores those days give', () => {
    const r = ws.run([...db, 'appraise', 'run', '--month', '2026-11', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')).toEqual([
      'operator_id,name,team,service_quality,efficiency,knowledge,teamwork,score,grade,commendation,action,missing',
      '3001,周一,A组,84,78.13,90,90,84.04,good,,reassignment_review,satisfaction suggestion_adoption orders_per_day resolution_hours',
      '3002,吴二,A组,100,12.5,40,50,57.25,fail,,warning_and_coaching,satisfaction suggestion_adoption orders_per_day resolution_hours',
      '3003,郑三,B组,100,50,,,78.57,pass,,,satisfaction suggestion_adoption orders_per_day resolution_hours knowledge_test teamwork',
      '3004,冯四,B组,100,50,70,70,76,pass,,,satisfaction suggestion_adoption orders_per_day resolution_hours',
      '3005,陈五,B组,100,37.5,60,60,69.25,pass,,,satisfaction suggestion_adoption orders_per_day resolution_hours',
      '',
    ]);
  });

  test('appraise explain says how the days worked were counted', () => {
    const explain = (op: string): string => {
      const r = ws.run([...db, 'appraise', 'explain', '--month', '2026-11', '--operator', op, '--format', 'csv']);
      expect(r.status).toBe(0);
      return (r.stdout.trim().split('\r\n').at(-1) as string).split(',')[2] as string;
    };
    expect(explain('3003')).toBe('6 days worked = 11 working days employed − 5 onboarding (11-16 11-17 11-18 11-19 11-20)');
    expect(explain('3004')).toBe('21.5 days worked = 21 working days employed + 1 weekend or holiday duty (11-21) − 0.5 leave');
    expect(explain('3002')).toBe('20 days worked = 21 working days employed − 1 training only (11-18)');
    expect(explain('3005')).toBe('10 days worked = 10 working days employed');
  });

  test('appraise explain: the action and its cause (the serious complaint, a first fail)', () => {
    const r = ws.run([...db, 'appraise', 'explain', '--month', '2026-11', '--operator', '3001']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      '2026-10 is not finalized: streaks start at 2026-11',
      '3001 周一 2026-11: score 84.04, grade good, 20 days worked',
      '  satisfaction, suggestion_adoption: no data; their 70 % went to complaint_rate',
      '  orders_per_day, resolution_hours: no data; their 60 % went to calls_per_day',
      '  action: reassignment_review (serious complaint T00047)',
      '',
    ].join('\n'));
    const x = JSON.parse(ok([...db, 'appraise', 'explain', '--month', '2026-11', '--operator', '3001', '--format', 'json']).stdout) as Json;
    expect([x.score, x.action, x.action_cause, x.commendation, x.commendation_cause, x.finalized]).toEqual([84.04, 'reassignment_review', 'serious complaint T00047', false, null, null]);
    expect(x.days).toEqual({ days: 20, working_days: 21, duty_days: [], onboarding_days: [], training_days: [], leave_days: 1 });
    const fail = ws.run([...db, 'appraise', 'explain', '--month', '2026-11', '--operator', '3002', '--format', 'csv']);
    expect(fail.stderr.split('\n').filter((l) => l.startsWith('  action'))).toEqual(['  action: warning_and_coaching (fail in 2026-11)']);
  });

  const runs = (): unknown[] => rows(ws.db('spill.db'), 'SELECT id, month FROM appraisal_runs ORDER BY id');

  test('--finalize with --team: exit 2 (a month is finalized for every team at once); nothing stored', () => {
    expect(ws.run([...db, 'appraise', 'run', '--month', '2026-11', '--team', 'A组', '--finalize'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: --team cannot be used with --finalize: a month is finalized for every team at once\nhint: finalize without --team, then look at one team with: hotline appraise run --month 2026-11 --team A组\n',
    });
    expect(ws.run([...db, 'appraise', 'run', '--month', '2026-11', '--team', 'A组', '--refinalize', '--reason', 'x']).status).toBe(2);
    expect(runs()).toEqual([]);
  });

  test('--finalize of the month in progress (in Asia/Shanghai): exit 3, naming the day it can be', () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const month = today.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    expect(ws.run([...db, 'appraise', 'run', '--month', month, '--finalize'])).toEqual({
      status: 3,
      stdout: '',
      stderr: `error: ${month} is not over in Asia/Shanghai (today is ${today}): it can be finalized from ${next}\nhint: to look at it before then: hotline appraise run --month ${month}\n`,
    });
    expect(runs()).toEqual([]);
  });

  test('--finalize of a month with no calls: exit 3', () => {
    expect(ws.run([...db, 'appraise', 'run', '--month', '2026-09', '--finalize'])).toEqual({
      status: 3,
      stdout: '',
      stderr: "error: 2026-09 has no calls: there is nothing to appraise\nhint: import the month's calls first (hotline import calls FILE)\n",
    });
    expect(runs()).toEqual([]);
  });

  test('--finalize with a score missing: exit 3, listing it per operator and asking for --allow-missing', () => {
    expect(ws.run([...db, 'appraise', 'run', '--month', '2026-11', '--finalize'])).toEqual({
      status: 3,
      stdout: '',
      stderr: [
        'error: 2026-11 has operators without a supervisor or test score:',
        '  3003 郑三 (B组): knowledge_test, teamwork',
        'hint: enter them (hotline appraise evaluate --month 2026-11, or hotline import evaluations FILE), or finalize without them: --allow-missing',
        '',
      ].join('\n'),
    });
    expect(runs()).toEqual([]);
  });

  test('appraise evaluate in a terminal: 3003\'s scores as the CSV import reads them (78.5, full-width ８２); the session is in the imports ledger', async () => {
    const started = Math.floor(Date.now() / 1000);
    const r = await answerInTerminal([...db, 'appraise', 'evaluate', '--month', '2026-11', '--team', 'B组'], [
      ['3003 郑三 B组 团队协作 teamwork (0–100) (empty to skip)', '78.5\r'],
      ['3003 郑三 B组 业务考试 knowledge test (0–100) (empty to skip)', '８２\r'],
    ], { cwd: ws.dir(), env: { TZ: 'Asia/Shanghai' } });
    expect(r.answered).toBe(2);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('3004 冯四: teamwork already 70.0 (1 score)');
    expect(r.stdout).toContain('saved 2 scores for 2026-11 (import #8)');
    expect(rows(ws.db('spill.db'), "SELECT operator_id, month, metric, score, import_id FROM evaluations WHERE operator_id = '3003' ORDER BY metric")).toEqual([
      { operator_id: '3003', month: '2026-11', metric: 'knowledge_test', score: 82, import_id: 8 },
      { operator_id: '3003', month: '2026-11', metric: 'teamwork', score: 78.5, import_id: 8 },
    ]);
    const ledger = JSON.parse(ok([...db, 'imports', '--kind', 'evaluations', '--format', 'json']).stdout) as Json[];
    expect(ledger.map((x) => [x.import_id, x.file, x.rows, x.inserted, x.updated, x.unchanged, x.rejected, x.skipped])).toEqual([
      [8, 'appraise evaluate 2026-11', 2, 2, 0, 0, 0, 0],
      [5, 'evaluations.csv', 8, 8, 0, 0, 0, 0],
    ]);
    const [finished] = rows<{ started_at: number; finished_at: number | null }>(ws.db('spill.db'), 'SELECT started_at, finished_at FROM imports WHERE id = 8');
    expect(finished?.started_at).toBeGreaterThanOrEqual(started);
    expect(finished?.finished_at).toBeGreaterThanOrEqual(finished?.started_at ?? Infinity);
    // the ledger shows the session's end in Asia/Shanghai (UTC+8)
    expect(ledger[0]?.imported_at).toBe(new Date(((finished?.finished_at ?? 0) + 8 * 3600) * 1000).toISOString().slice(0, 19));
  });

  test('--finalize now that the scores are in: run #1; 3003 scores 79.08', () => {
    const r = ws.run([...db, 'appraise', 'run', '--month', '2026-11', '--finalize', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('2026-10 is not finalized: streaks start at 2026-11\n2026-11 finalized as run #1 (5 operators)\n');
    // 3003: 100×.4 + 50×.3 + 82×.15 + 78.5×.15 = 40 + 15 + 12.3 + 11.775 = 79.075 → 79.08
    expect((JSON.parse(r.stdout) as Json[]).map((x) => [x.operator_id, x.score, x.grade])).toEqual([
      ['3001', 84.04, 'good'], ['3002', 57.25, 'fail'], ['3003', 79.08, 'pass'], ['3004', 76, 'pass'], ['3005', 69.25, 'pass'],
    ]);
  });

  // After finalizing: T00047 is corrected to a normal complaint and a late complaint T00052 about
  // 3001 arrives. Computed now: 2 complaints / 1250 calls = 1.6 per 1000 → (5 − 1.6)/5 = 68;
  // 68×.4 + 23.4375 + 27 = 77.6375 → 77.64, pass, no action. The stored run still pays 84.04.
  test('appraise explain of the finalized month explains the stored run that pays, and what changed since', () => {
    ws.write('tickets-late.csv', csv(['ticket_id', 'kind', 'opened_at', 'operator_id', 'about_operator_id', 'severity'], [
      ['T00047', 'complaint', '2026-11-12 10:00', '3004', '3001', 'normal'],
      ['T00052', 'complaint', '2026-11-25 15:00', '3004', '3001', 'normal'],
    ]));
    ok([...db, 'import', 'tickets', 'tickets-late.csv']);
    const r = ws.run([...db, 'appraise', 'explain', '--month', '2026-11', '--operator', '3001', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      '2026-11 is finalized (run #1): this explains the stored results, which the bonus sheet pays from',
      '3001 周一 2026-11: score 84.04, grade good, 20 days worked',
      '  satisfaction, suggestion_adoption: no data; their 70 % went to complaint_rate',
      '  orders_per_day, resolution_hours: no data; their 60 % went to calls_per_day',
      '  action: reassignment_review (serious complaint T00047)',
      'changed since: 3001 would now score 77.64 (pass) instead of 84.04 (good); action none instead of reassignment_review',
      '  complaint_rate: 0.8 finalized, 1.6 now',
      '',
    ].join('\n'));
    // the stored raw value and score; the inputs as they are now, marked
    expect(r.stdout.split('\r\n').filter((l) => l.startsWith('service_quality,complaint_rate,'))).toEqual([
      'service_quality,complaint_rate,now: 2 complaints about the operator / 1250 answered calls × 1000 = 1.6,0.8,5 → 0,84,100,30,40,33.6',
    ]);
    const x = JSON.parse(ok([...db, 'appraise', 'explain', '--month', '2026-11', '--operator', '3001', '--format', 'json']).stdout) as Json;
    expect([x.score, x.action, x.action_cause, x.finalized.run_id, x.changed_since.current_score, x.changed_since.current_action, x.changed_since.raw]).toEqual([
      84.04, 'reassignment_review', 'serious complaint T00047', 1, 77.64, null, [{ indicator: 'complaint_rate', finalized: 0.8, now: 1.6 }],
    ]);
  });
});

// Streaks from finalized months (issue 17 item 1). A policy that appraises only knowledge and
// teamwork (50/50), so that each month's score is the mean of two evaluations; each month has one
// call (a month with no calls cannot be finalized). Grades (score = (knowledge + teamwork)/2):
//          2026-08          2026-09           2026-10          2026-11
//   4001   95 excellent     94 excellent      90 excellent     98 excellent
//   4002   70 pass          50 fail           50 fail          40 fail
//   4003   80 good          95 excellent      92 excellent     94 excellent
describe('streaks count finalized months only', () => {
  const db = ['--db', 'history.db', '--policy', 'kt.json'];
  const actions = (month: string): { stderr: string; rows: [string, number, string, boolean, string | null][] } => {
    const r = ws.run([...db, 'appraise', 'run', '--month', month, '--format', 'json']);
    expect(r.status).toBe(0);
    return { stderr: r.stderr, rows: (JSON.parse(r.stdout) as Json[]).map((x) => [x.operator_id, x.score, x.grade, x.commendation, x.action]) };
  };

  test('imports four months', () => {
    ws.write('kt.json', JSON.stringify({ appraisal: { groups: { service_quality: { weight: 0 }, efficiency: { weight: 0 }, knowledge: { weight: 50 }, teamwork: { weight: 50 } } } }));
    ws.write('h-operators.csv', csv(['operator_id', 'name', 'team', 'hire_date'], [['4001', '周甲', 'A组', '2020-01-01'], ['4002', '吴乙', 'A组', '2020-01-01'], ['4003', '郑丙', 'B组', '2020-01-01']]));
    ws.write('h-calls.csv', csv(CALL_HEADER, ['2026-08-03', '2026-09-01', '2026-10-08', '2026-11-02'].map((d, i) => [`H${i}`, `${d} 10:00:00`, '4001', 'inbound', 'answered', 5, 120])));
    const scores: [string, string, number, number][] = [
      ['4001', '2026-08', 95, 95], ['4001', '2026-09', 92, 96], ['4001', '2026-10', 90, 90], ['4001', '2026-11', 98, 98],
      ['4002', '2026-08', 70, 70], ['4002', '2026-09', 50, 50], ['4002', '2026-10', 40, 60], ['4002', '2026-11', 30, 50],
      ['4003', '2026-08', 80, 80], ['4003', '2026-09', 95, 95], ['4003', '2026-10', 92, 92], ['4003', '2026-11', 94, 94],
    ];
    ws.write('h-evaluations.csv', csv(['operator_id', 'month', 'metric', 'score'], scores.flatMap(([op, m, k, t]) => [[op, m, 'knowledge_test', k], [op, m, 'teamwork', t]])));
    for (const [kind, file] of [['operators', 'h-operators.csv'], ['calls', 'h-calls.csv'], ['evaluations', 'h-evaluations.csv']]) ok([...db, 'import', kind as string, file as string]);
  });

  test('September finalized, August not: two finalized fails → reassignment_review; no commendation without August', () => {
    ok([...db, 'appraise', 'run', '--month', '2026-09', '--finalize']);
    expect(actions('2026-10')).toEqual({
      stderr: '2026-08 is not finalized: streaks start at 2026-09\n',
      rows: [['4001', 90, 'excellent', false, null], ['4002', 50, 'fail', false, 'reassignment_review'], ['4003', 92, 'excellent', false, null]],
    });
  });

  test('August finalized too: excellent in three finalized months → commendation; nothing said on stderr', () => {
    ok([...db, 'appraise', 'run', '--month', '2026-08', '--finalize']);
    expect(actions('2026-10')).toEqual({
      stderr: '',
      rows: [['4001', 90, 'excellent', true, null], ['4002', 50, 'fail', false, 'reassignment_review'], ['4003', 92, 'excellent', false, null]],
    });
  });

  test('October not finalized breaks both streaks of November: a first fail, no commendation', () => {
    expect(actions('2026-11')).toEqual({
      stderr: '2026-10 is not finalized: streaks start at 2026-11\n',
      rows: [['4001', 98, 'excellent', false, null], ['4002', 40, 'fail', false, 'warning_and_coaching'], ['4003', 94, 'excellent', false, null]],
    });
  });

  test('once October is finalized, November continues both streaks', () => {
    ok([...db, 'appraise', 'run', '--month', '2026-10', '--finalize']);
    expect(actions('2026-11')).toEqual({
      stderr: '',
      // 4001's fourth excellent month in a row earns nothing; 4003's third does
      rows: [['4001', 98, 'excellent', false, null], ['4002', 40, 'fail', false, 'reassignment_review'], ['4003', 94, 'excellent', true, null]],
    });
  });

  test('appraise explain names the months of a streak: the fails of a review, the excellent months of a commendation', () => {
    const lines = (op: string, month: string): string[] => ws.run([...db, 'appraise', 'explain', '--month', month, '--operator', op]).stderr.split('\n').filter((l) => /^ {2}(action|commendation)/.test(l));
    expect(lines('4002', '2026-10')).toEqual(['  action: reassignment_review (fail in 2026-09 and 2026-10)']);
    expect(lines('4001', '2026-10')).toEqual(['  action: none', '  commendation: yes (excellent in 2026-08, 2026-09 and 2026-10)']);
    expect(lines('4002', '2026-11')).toEqual(['  action: reassignment_review (fail in 2026-09, 2026-10 and 2026-11)']);
  });

  test('appraise evaluate of a finalized month says so first (its pay does not change)', () => {
    const r = inTerminal([...db, 'appraise', 'evaluate', '--month', '2026-10'], { cwd: ws.dir(), env: { TZ: 'Asia/Shanghai' } });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')).toEqual([
      '2026-10 is finalized (run #3): scores entered now are saved, but its results and pay stay as finalized until: hotline appraise run --month 2026-10 --refinalize --reason "…"',
      '4001 周甲: teamwork already 90.0 (1 score)',
      '4001 周甲: knowledge_test already 90.0 (1 score)',
      '4002 吴乙: teamwork already 60.0 (1 score)',
      '4002 吴乙: knowledge_test already 40.0 (1 score)',
      '4003 郑丙: teamwork already 92.0 (1 score)',
      '4003 郑丙: knowledge_test already 92.0 (1 score)',
      'saved 0 scores for 2026-10',
      '',
    ]);
  });
});
