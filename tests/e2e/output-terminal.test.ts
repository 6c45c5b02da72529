// Reports as people read them (issue 17, items 11 and 12): every default table fits a terminal of
// 80 columns (Chinese characters two columns wide), --wide shows every column, and --lang zh
// shows values (grades, actions, yes/no, kinds, statuses, leave types and workings) in Chinese in
// tables, CSV and xlsx while JSON keeps the English codes. Run on the demo's sample months.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { hotline } from '../helpers/cli.js';
import { inTerminal, workspace } from './support.js';

const stringWidth = createRequire(import.meta.url)('string-width') as (s: string) => number;
const ws = workspace('hotline-e2e-terminal-');

/** What `hotline demo` drew on a terminal of 80 columns (it also makes the database the reports read). */
let tour: string[] = [];

beforeAll(() => {
  const demo = inTerminal(['--db', 'demo.db', 'demo'], { cwd: ws.dir(), columns: 80, stderrTo: 'demo-stderr.txt', env: { TZ: 'Asia/Shanghai' } });
  expect(demo.status).toBe(0);
  tour = demo.stdout.replaceAll('\r', '').split('\n');
  // An audit entry, and a policy under which the demo's two excellent operators are candidates.
  expect(ws.run(['--db', 'demo.db', 'calls', 'list', '--date', '2026-10-12', '--limit', '1', '--show-pii', '--reason', 'callback', '--format', 'csv']).status).toBe(0);
  ws.write('career.policy.json', JSON.stringify({ career: { excellent_months: 1, window_months: 12, min_tenure_months: 0 } }));
});

/**
 * Runs a report with stdout on a terminal of `columns` (in process: what the report sees is
 * isTTY and the width; the demo above and the stats range test below draw on a real one): the lines it drew.
 */
function onTerminal(args: string[], columns = 80): string[] {
  const r = hotline(['--db', 'demo.db', ...args], { cwd: ws.dir(), columns, env: { TZ: 'Asia/Shanghai' } });
  expect({ args, status: r.status }).toEqual({ args, status: 0 });
  return r.stdout.replaceAll('\r', '').replace(/\n$/, '').split('\n');
}

const REPORTS: string[][] = [
  ['imports'],
  ['operators', 'list'],
  ['--policy', 'career.policy.json', 'operators', 'promotions', '--as-of', '2026-10'],
  ['calls', 'list', '--date', '2026-10-12', '--limit', '30'],
  ['orders', 'list', '--date', '2026-10-12', '--limit', '30'],
  ['stats', 'daily', '--date', '2026-10-08'],
  ['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'week'],
  ['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator'],
  ['stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'category'],
  ['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31'],
  ['stats', 'repeats', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator'],
  ['calls', 'list', '--repeats-of', 'C20261012000004'],
  ['leave', 'balance', '--year', '2026', '--as-of', '2026-10-31'],
  ['leave', 'settle', '--operator', '1017'],
  ['leave', 'calendar', '--operator', '1012', '--year', '2026'],
  ['calendar', 'show', '--month', '2026-10'],
  ['calendar', 'check', '--year', '2026'],
  ['appraise', 'run', '--month', '2026-10'],
  ['appraise', 'explain', '--month', '2026-10', '--operator', '1020'],
  ['appraise', 'history', '--operator', '1020', '--months', '3', '--to', '2026-10'],
  ['bonus', '--month', '2026-10'],
  ['tickets', 'list', '--as-of', '2026-10-31', '--status', 'overdue'],
  ['tickets', 'summary', '--month', '2026-10'],
  ['training', 'plan', '--month', '2026-11'],
  ['training', 'compliance', '--month', '2026-10'],
  ['audit'],
  ['db', 'check'],
  ['staffing', 'calc', '--calls', '100', '--aht', '180', '--threshold', '20'],
  ['staffing', 'plan', '--date', '2026-10-20'],
  ['staffing', 'check', '--date', '2026-10-12'],
  ['agents', 'daily', '--date', '2026-10-12'],
  ['agents', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'operator'],
  ['agents', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'day'],
  ['agents', 'absence', '--from', '2026-10-01', '--to', '2026-10-31'],
];

describe('every report fits a terminal of 80 columns', () => {
  test.each(REPORTS.map((args) => ({ report: args.filter((a) => !a.startsWith('--') && !/^[\d.-]+$|json$/.test(a)).join(' '), args })))('$report', ({ args }) => {
    for (const lang of ['en', 'zh']) {
      const lines = onTerminal([...args, '--lang', lang]);
      expect(lines.some((l) => l.startsWith('┌')), `${args.join(' ')} --lang ${lang}: a table`).toBe(true);
      const widest = Math.max(...lines.map((l) => stringWidth(l)));
      expect({ args, lang, widest, line: lines.find((l) => stringWidth(l) > 80) }).toEqual({ args, lang, widest: expect.any(Number), line: undefined });
      expect(widest).toBeLessThanOrEqual(80);
    }
  });

  test('the demo: its tables and prose fit too (the suggested commands stay whole, to be copied)', () => {
    expect(tour.filter((l) => l.startsWith('┌')).length).toBe(10); // eight sections (the day's presence since issue 20), and the busiest day's two tables
    expect(tour.filter((l) => stringWidth(l) > 80 && !l.startsWith('  hotline --db demo.db '))).toEqual([]);
  });

  test('stats range: the definitions it prints on stderr after the table are wrapped too', () => {
    const r = inTerminal(['--db', 'demo.db', 'stats', 'range', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'week'], { cwd: ws.dir(), columns: 80, env: { TZ: 'Asia/Shanghai' } });
    const lines = r.stdout.replaceAll('\r', '').trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      'definitions: within threshold = wait ≤ 15 s; short abandon = wait ≤ 5 s; service',
      'level formula A; days in Asia/Shanghai',
    ]);
    expect(lines.filter((l) => stringWidth(l) > 80)).toEqual([]);
  });

  test('a wider terminal gets wider tables: 120 columns hold the calls table unwrapped', () => {
    const lines = onTerminal(['calls', 'list', '--date', '2026-10-12', '--limit', '3'], 120);
    expect(lines.slice(0, 4)).toEqual([
      '┌─────────────────┬─────────────────────┬─────────────┬───────────┬──────────────┬────────────────┐',
      '│ call_id         │ started_at          │ operator_id │ outcome   │ wait_seconds │ customer_phone │',
      '├─────────────────┼─────────────────────┼─────────────┼───────────┼──────────────┼────────────────┤',
      '│ C20261012000001 │ 2026-10-12 02:13:33 │             │ abandoned │            3 │ 130****4238    │',
    ]);
  });

  test('80 columns: the header wraps at _ and the date-time at its space', () => {
    const lines = onTerminal(['calls', 'list', '--date', '2026-10-12', '--limit', '1']);
    expect(lines).toEqual([
      '┌─────────────────┬────────────┬───────────┬───────────┬─────────┬─────────────┐',
      '│ call_id         │ started_at │ operator_ │ outcome   │   wait_ │ customer_   │',
      '│                 │            │ id        │           │ seconds │ phone       │',
      '├─────────────────┼────────────┼───────────┼───────────┼─────────┼─────────────┤',
      '│ C20261012000001 │ 2026-10-12 │           │ abandoned │       3 │ 130****4238 │',
      '│                 │ 02:13:33   │           │           │         │             │',
      '└─────────────────┴────────────┴───────────┴───────────┴─────────┴─────────────┘',
    ]);
  });

  test('--wide: every column, at full width', () => {
    const lines = onTerminal(['calls', 'list', '--date', '2026-10-12', '--limit', '1', '--wide']);
    expect(lines[1]?.split('│').map((c) => c.trim()).filter(Boolean)).toEqual([
      'call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds', 'category',
      'topic', 'complaint_reason', 'customer_name', 'customer_phone', 'customer_address', 'tracking_no', 'satisfaction', 'resolved',
    ]);
    expect(lines.length).toBe(5); // one line per row: nothing wrapped
  });

  test('CSV and JSON always have every column', () => {
    const header = ws.run(['--db', 'demo.db', 'calls', 'list', '--date', '2026-10-12', '--limit', '1', '--format', 'csv']).stdout.split('\r\n')[0];
    expect(header?.split(',').length).toBe(18);
  });
});

describe('--lang zh translates values, not only headers', () => {
  const csvOf = (args: string[]): string[][] => ws.run(['--db', 'demo.db', ...args, '--format', 'csv']).stdout.trimEnd().split('\r\n').map((l) => l.split(','));

  test('appraise run: grades, commendation and actions in Chinese; JSON keeps the codes', () => {
    const zh = csvOf(['appraise', 'run', '--month', '2026-10', '--lang', 'zh']);
    expect(zh[0]).toEqual(['工号', '姓名', '班组', '服务质量', '工作效率', '业务知识', '团队协作', '总分', '等级', '表彰', '处理', '缺少数据']);
    const row = (id: string): string[] => zh.find((r) => r[0] === id)?.filter((_, i) => [0, 8, 9, 10].includes(i)) ?? [];
    expect([row('1005'), row('1020'), row('1007')]).toEqual([['1005', '优秀', '是', ''], ['1020', '不合格', '', '调岗评估'], ['1007', '良好', '', '']]);
    const en = csvOf(['appraise', 'run', '--month', '2026-10', '--lang', 'en']);
    expect(en.find((r) => r[0] === '1020')?.slice(8, 11)).toEqual(['fail', '', 'reassignment_review']);
    const json = JSON.parse(ws.run(['--db', 'demo.db', 'appraise', 'run', '--month', '2026-10', '--lang', 'zh', '--format', 'json']).stdout) as { operator_id: string; grade: string; action: string | null }[];
    expect(json.find((r) => r.operator_id === '1020')).toMatchObject({ grade: 'fail', action: 'reassignment_review' });
  });

  test('appraise history: the warning talk and coaching, yes/no, finalized', () => {
    expect(csvOf(['appraise', 'history', '--operator', '1020', '--months', '3', '--to', '2026-10', '--lang', 'zh'])).toEqual([
      ['月份', '总分', '等级', '表彰', '处理', '状态'],
      ['2026-08', '68.32', '合格', '否', '', '已定稿'],
      ['2026-09', '46.45', '不合格', '否', '诫勉谈话与培训辅导', '已定稿'],
      ['2026-10', '43.95', '不合格', '否', '调岗评估', '已定稿'],
    ]);
  });

  test('training plan: the kinds of training', () => {
    const plan = csvOf(['training', 'plan', '--month', '2026-11', '--lang', 'zh']);
    expect(plan[0]?.slice(0, 5)).toEqual(['日期', '开始', '结束', '类型', '主题']);
    // 1020 failed October: a targeted course and coaching; two internal courses for 29, each in two groups.
    expect(plan.slice(1).map((r) => r[3])).toEqual(['专项培训', '一对一辅导', '内部培训', '内部培训', '内部培训', '内部培训']);
  });

  test('operators promotions: the candidates of the career policy, their record in Chinese', () => {
    const rows = csvOf(['--policy', 'career.policy.json', 'operators', 'promotions', '--as-of', '2026-10', '--lang', 'zh']);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]?.split(' ').slice(-3).join(' ')])).toEqual([
      ['工号', '优秀月数', '司龄(月)', '考核记录'],
      ['1005', '3', '115', '2026-08:优秀 2026-09:优秀 2026-10:优秀'],
      ['1012', '2', '78', '2026-08:优秀 2026-09:良好 2026-10:优秀'],
    ]);
  });

  test('leave balance: yes/no and the working', () => {
    const rows = csvOf(['leave', 'balance', '--year', '2026', '--as-of', '2026-10-31', '--operator', '1017', '--lang', 'zh']);
    expect(rows[1]?.slice(-3)).toEqual(['否', '', '2026-10-20 离职: 293/365 × 5 = 4.01 → 4']);
  });

  test('calls list: outcome, direction, category, yes/no', () => {
    const rows = csvOf(['calls', 'list', '--date', '2026-10-12', '--limit', '3', '--lang', 'zh']);
    expect(rows.map((r) => [r[0], r[3], r[4], r[9], r[11], r[17]])).toEqual([
      ['通话编号', '呼叫方向', '呼叫结果', '业务类型', '投诉原因', '是否解决'],
      ['C20261012000001', '呼入', '放弃', '', '', ''],
      ['C20261012000002', '呼入', '接听', '查件', '', '是'],
      ['C20261012000003', '呼入', '接听', '投诉', '延误', '否'],
    ]);
  });

  test('tickets list: kind, severity, status, late or not', () => {
    const rows = csvOf(['tickets', 'list', '--as-of', '2026-10-31', '--status', 'overdue', '--lang', 'zh']);
    expect(rows[1]?.filter((_, i) => [1, 7, 13, 14, 15].includes(i))).toEqual(['投诉', '一般', '已超时', '是', '否']);
  });

  test('calendar show: the kind of day, the weekday, working or not', () => {
    expect(csvOf(['calendar', 'show', '--month', '2026-10', '--lang', 'zh']).slice(0, 3)).toEqual([
      ['日期', '星期', '类型', '上班', '名称'],
      ['2026-10-01', '周四', '法定节假日', '否', '国庆节'],
      ['2026-10-02', '周五', '法定节假日', '否', '国庆节'],
    ]);
  });

  test('bonus --format xlsx --lang zh: the grade column in Chinese', async () => {
    const r = ws.run(['--db', 'demo.db', 'bonus', '--month', '2026-10', '--lang', 'zh', '--format', 'xlsx', '--out', 'bonus-zh.xlsx']);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ws.dir(), 'bonus-zh.xlsx'));
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(5).value).toBe('考核等级');
    const grades = new Map<string, unknown>();
    sheet?.eachRow((row, n) => n > 1 && grades.set(String(row.getCell(1).value), row.getCell(5).value));
    expect([grades.get('1005'), grades.get('1007'), grades.get('1020'), grades.get('1001')]).toEqual(['优秀', '良好', '不合格', '合格']);
  });

  test('a terminal table in Chinese', () => {
    const lines = onTerminal(['appraise', 'history', '--operator', '1020', '--months', '3', '--to', '2026-10', '--lang', 'zh']);
    expect(lines).toEqual([
      '┌─────────┬───────┬────────┬──────┬────────────────────┬────────┐',
      '│ 月份    │  总分 │ 等级   │ 表彰 │ 处理               │ 状态   │',
      '├─────────┼───────┼────────┼──────┼────────────────────┼────────┤',
      '│ 2026-08 │ 68.32 │ 合格   │ 否   │                    │ 已定稿 │',
      '│ 2026-09 │ 46.45 │ 不合格 │ 否   │ 诫勉谈话与培训辅导 │ 已定稿 │',
      '│ 2026-10 │ 43.95 │ 不合格 │ 否   │ 调岗评估           │ 已定稿 │',
      '└─────────┴───────┴────────┴──────┴────────────────────┴────────┘',
    ]);
  });
});
