#!/usr/bin/env node
/**
 * generate-samples.mjs — writes three synthetic months (2026-08-01 … 2026-10-31, Asia/Shanghai) of
 * hotline data into data/samples/:
 *   operators.csv    GBK, CRLF, Chinese headers    (30 operators in 3 teams)
 *   calls.csv        UTF-8 with BOM, LF, Chinese headers (~32k calls a month)
 *   orders.csv       UTF-8 without BOM, LF, English headers (one per 下单 call + some without a call)
 *   tickets.csv      UTF-8 with BOM, LF, Chinese headers (complaint and suggestion tickets from the calls)
 *   evaluations.csv  UTF-8 without BOM, LF, Chinese headers (teamwork, knowledge test, a few surveys)
 *   rest-days.csv    UTF-8 without BOM, LF, Chinese headers (the days off in lieu of weekend and holiday duty, 调休)
 *   presence.csv     UTF-8 with BOM, LF, Chinese headers (logins, pauses and logouts around the calls; last, from a PRNG seeded again)
 * leave.csv is written by hand and only read here: nobody takes calls on a day of leave or a day off.
 * Everything comes from one seeded PRNG (scripts/samples/random.mjs): no clock, no Math.random,
 * so two runs give byte-identical files. All people, phones, addresses and waybills are invented.
 * Usage: node scripts/generate-samples.mjs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { DAY_MS, DAYS, LAST_DAY, MONTHS, FIRST_DAY, day, dayKind, daysOf, loadCalendar, monthOf, stamp, ymd } from './samples/calendar.mjs';
import { buildEvaluations, buildTickets } from './samples/followups.mjs';
import { buildPresence } from './samples/presence.mjs';
import { NOTES, REGIONS, address, buildCustomers, mobile, personName, pickCustomer, waybill } from './samples/people.mjs';
import { chance, clamp, expo, gauss, int, pick, seed, weighted, weightedIndex } from './samples/random.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'data', 'samples');
seed(20261001);
const CALENDAR = loadCalendar(ROOT);
const kindOf = (ms) => dayKind(CALENDAR, ms);

// ---------- operators ----------
const TEAMS = ['一组', '二组', '三组'];
// 入职日期 of 1001…1030: spread 2015–2026 (working days); one joined in September, three in October.
const HIRE_DATES = `2015-03-09 2015-07-20 2016-01-18 2016-07-11 2017-03-06 2017-05-22 2017-12-18 2018-05-28 2018-09-17 2019-03-11
  2019-08-12 2020-04-13 2020-07-06 2020-12-14 2021-05-17 2021-11-22 2022-05-23 2022-10-24 2023-04-03 2023-08-21 2024-03-04
  2024-07-08 2025-01-06 2025-07-14 2025-12-01 2026-04-20 2026-09-14 2026-10-08 2026-10-12 2026-10-19`.split(/\s+/);
// 参加工作日期 overrides: 20+ years; 10-year anniversary in Oct 2026; experienced and first-job October joiners
const WORK_START = { 1004: '2003-07-01', 1009: '2016-10-15', 1029: '2019-07-01', 1030: '2026-10-19' };
const LEAVER = { id: '1017', date: '2026-10-20' };
// Hidden skill [speed (handle-time factor), quality] by month, '*' for every other month. It drives
// handle times, satisfaction, complaints against the operator, tickets, corrected orders and the
// evaluations, and so the appraisal: 1005 is excellent in all three months (a commendation in
// October); 1012 is nearly as strong but slower and less careful in September (no commendation);
// 1020 slips after August and fails September and October; 1024 is weak and gets a serious
// complaint in October. New hires start slower and learn; everyone else varies a little.
const SKILL = {
  1005: { '*': [0.7, 1.3] },
  1012: { '2026-09': [0.85, 0.95], '*': [0.75, 1.2] },
  1020: { '2026-08': [1.05, -0.35], '*': [1.25, -1.2] },
  1024: { '*': [1.15, -0.55] },
};
const NEW_HIRE = (monthsIn) => [1.15 - 0.05 * monthsIn, -0.3 + 0.15 * monthsIn]; // slower at first, then learning
const PAY = { 组长: [6200, 6500, 2400], 高级: [5600, 6100, 2100], 中级: [4800, 5500, 1800], 初级: [4200, 4700, 1600] }; // base range, perf base ±100
const monthsBetween = (from, to) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

function buildOperators() {
  const names = new Set();
  const operators = HIRE_DATES.map((hireDate, i) => {
    const id = String(1001 + i);
    let name;
    do name = personName(); while (names.has(name));
    names.add(name);
    const hire = day(hireDate);
    const gapDays = chance(0.4) ? 0 : int(1, 10) * 365 + int(0, 300);
    const workStart = WORK_START[id] ? day(WORK_START[id]) : hire - gapDays * DAY_MS;
    const years = (day('2026-10-01') - hire) / DAY_MS / 365;
    const level = i < 3 ? '组长' : years >= 6 ? '高级' : years >= 2 ? '中级' : '初级';
    const [lo, hi, perf] = PAY[level];
    const isNew = hire >= day('2026-09-01');
    const usual = SKILL[id] || isNew ? null : [1 + gauss() * 0.06, 0.2 + gauss() * 0.3];
    return {
      id, name, team: TEAMS[i % 3], hire, hireDate, workStart, level, isNew, usual,
      termination: id === LEAVER.id ? day(LEAVER.date) : null,
      base: lo + int(0, (hi - lo) / 100) * 100, perfBase: perf + int(-1, 1) * 100,
      firstCallDay: hire >= FIRST_DAY ? hire + 3 * DAY_MS : hire, // 3 days of 入职培训 first
    };
  });
  for (const o of operators) { // the skill of each month (drawn after the roster, which stays as it was)
    o.skills = {};
    for (const month of MONTHS) {
      const monthsIn = monthsBetween(o.hireDate, month);
      const [speed, quality] = SKILL[o.id]?.[month] ?? SKILL[o.id]?.['*'] ?? (o.isNew ? NEW_HIRE(monthsIn) : [o.usual[0], o.usual[1] + gauss() * 0.08]);
      o.skills[month] = { speed, quality, load: (o.level === '组长' ? 0.5 : o.isNew ? Math.min(1, 0.8 + 0.1 * monthsIn) : 1) / speed };
    }
  }
  return operators;
}
const employedIn = (o, month) => ymd(o.hire).slice(0, 7) <= month && (!o.termination || ymd(o.termination).slice(0, 7) >= month);

/** The hand-written leave.csv (工号,类型,开始日期,结束日期,…): [operator, first day, last day]. */
const LEAVE = readFileSync(join(OUT_DIR, 'leave.csv'), 'utf8').trim().split(/\r?\n/).slice(1)
  .map((line) => line.split(',')).map(([id, , from, to]) => [id, day(from), day(to)]);
const onLeave = (o, ms) => LEAVE.some(([id, from, to]) => id === o.id && from <= ms && ms <= to);
/** Can take calls that day: past onboarding, before 离职日期 (last calls the day before), not on leave. */
const available = (o, ms) => o.firstCallDay <= ms && (!o.termination || ms < o.termination) && !onLeave(o, ms);

// ---------- rota ----------
/**
 * The hotline runs every day, and everyone works as many days a week as the calendar has working
 * days (5, fewer in a week with holidays). Off days (weekends, holidays): half of the operators on a
 * weekend, alternating by week; a third on a holiday, taking turns (new hires only from two weeks
 * after joining). Whoever works an off day gets a working day off in lieu (调休) in the same week
 * (or, in a week with holidays, the same or the next one), on the day where it leaves the others the
 * lightest load; those days are written to rest-days.csv as leave, so that the appraisal does not
 * count them as worked. Working days: everyone available who is not resting in lieu.
 * `duty`: day → operators on duty; `rest`: [operator, day] of each day off in lieu.
 */
const FIRST_MONDAY = day('2026-07-27');
const weekOf = (ms) => Math.floor((ms - FIRST_MONDAY) / (7 * DAY_MS));

function buildRota(operators) {
  const resting = new Map(DAYS.map((ms) => [ms, new Set()])), offDuty = new Map();
  const workdays = DAYS.filter((ms) => kindOf(ms) === 'workday');
  const holidayWeeks = new Set(DAYS.filter((ms) => kindOf(ms) === 'holiday').map(weekOf));
  const staffed = (ms) => operators.filter((o) => available(o, ms) && !resting.get(ms).has(o)).reduce((s, o) => s + o.skills[monthOf(ms)].load, 0);
  for (const ms of DAYS) {
    const kind = kindOf(ms);
    if (kind === 'workday') continue;
    const n = (ms - FIRST_DAY) / DAY_MS, week = weekOf(ms);
    const turn = operators.filter((o, i) => available(o, ms) && ms >= o.hire + 14 * DAY_MS && (kind === 'weekend' ? (i + week) % 2 === 0 : (i + n) % 3 === 0));
    offDuty.set(ms, turn.filter((o) => {
      const free = (w) => workdays.filter((d) => weekOf(d) === w && available(o, d) && !resting.get(d).has(o));
      // A weekend's day off is in the same week (a 5-day week), the next one only when there is none
      // left (the first weekend); in a week with holidays, in the same or the next week.
      const same = free(week), options = holidayWeeks.has(week) || !same.length ? [...same, ...free(week + 1)] : same;
      if (!options.length) return false; // no working day left to give in lieu: not on duty
      // The day where one more rest leaves the lightest load per operator on duty.
      const load = (d) => expectedVolume(d) / staffed(d);
      const best = options.reduce((a, d) => (load(d) < load(a) ? d : a));
      resting.get(best).add(o);
      return true;
    }));
  }
  const duty = new Map(DAYS.map((ms) => [ms, offDuty.get(ms) ?? operators.filter((o) => available(o, ms) && !resting.get(ms).has(o))]));
  const rest = DAYS.flatMap((ms) => operators.filter((o) => resting.get(ms).has(o)).map((o) => [o, ms]));
  return { duty, rest };
}

// ---------- calls ----------
const HOUR_WEIGHTS = [0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.8, 5, 8, 10, 9.5, 6.5, 7, 8.5, 10, 9, 7.5, 5.5, 4.5, 3.5, 1, 0.4, 0.2];
const INBOUND_MIX = { 咨询: 46, 查件: 25, 下单: 14, 投诉: 10, 建议: 2, 其他: 3 };
const OUTBOUND_MIX = { 查件: 45, 投诉: 35, 其他: 20 };
const TOPICS = { 运费咨询: 25, 时效咨询: 22, 网点查询: 14, 禁寄物品: 9, 包装要求: 8, 理赔政策: 7, 取件预约: 10, 服务范围: 5 };
const QUERY_TOPICS = { 物流查询: 70, 派送进度: 15, 签收查询: 10, 退回查询: 5 };
const REASONS = { 延误: 35, 丢失: 12, 破损: 18, 服务态度: 15, 收费: 8, 错投: 7, 其他: 5 };
const TALK_MEDIAN = { 咨询: 170, 查件: 130, 下单: 300, 投诉: 400, 建议: 240, 其他: 150 };
const RESOLVE_P = { 咨询: 0.95, 查件: 0.9, 下单: 0.97, 投诉: 0.68, 建议: 0.92, 其他: 0.9 };
const MONTH_VOLUME = { '2026-08': 0.95, '2026-09': 0.97, '2026-10': 1 };
const SPECIAL_DAYS = { '2026-09-28': 1.15, '2026-10-07': 1.15, '2026-10-08': 1.35, '2026-10-09': 1.2 }; // post-holiday waves
/** Badly served customers call back 1–3 days later to complain about the operator: mostly the weak ones. */
const complaintAboutP = (quality) => 0.00012 * Math.exp(-3 * quality);
/** The serious complaint: the first answered call of 1024 from 2026-10-20 on goes badly wrong. */
const SERIOUS = { operator: '1024', from: day('2026-10-20') };

/** Calls expected on a day (before the day's noise): Mondays and the days after a holiday are busier. */
const expectedVolume = (ms) => ({ workday: 1150, weekend: 830, holiday: 520 }[kindOf(ms)]) * MONTH_VOLUME[monthOf(ms)]
  * (new Date(ms).getUTCDay() === 1 ? 1.08 : 1) * (SPECIAL_DAYS[ymd(ms)] ?? 1);
const dailyVolume = (ms) => Math.round(expectedVolume(ms) * (1 + gauss() * 0.05));
function talkSeconds(category, speed) {
  for (let i = 0; i < 10; i++) {
    const t = Math.round(TALK_MEDIAN[category] * speed * Math.exp(gauss() * 0.45));
    if (t >= 60 && t <= 900) return t;
  }
  return clamp(Math.round(TALK_MEDIAN[category] * speed), 60, 900);
}
function waitSeconds(hour, abandoned) {
  if (abandoned) return chance(0.3) ? int(1, 5) : Math.min(180, 6 + Math.round(expo(40)));
  const peak = [10, 11, 15, 16].includes(hour);
  return chance(peak ? 0.76 : 0.87) ? int(1, 8) + int(0, 7) : Math.min(180, 16 + Math.round(expo(30)));
}
function abandonP(hour, kind) {
  const p = hour < 8 || hour >= 21 ? 0.2 : [10, 11, 15, 16].includes(hour) ? 0.105 : 0.05;
  return p + (kind === 'holiday' ? 0.02 : 0);
}
function satisfaction(quality, category, resolved) {
  const x = 4.45 + 0.45 * quality - (category === '投诉' ? 0.8 : 0) - (resolved ? 0 : 1.2) + gauss() * 0.7;
  return clamp(Math.round(x), 1, 5);
}
/** Fills an answered call; `call.about` (a complaint about an earlier call's operator) fixes category, reason and customer. */
function answeredCall(call, op, customers) {
  const skill = op.skills[monthOf(call.start)], about = call.about, outbound = call.outbound;
  let category = about ? '投诉' : weighted(outbound ? OUTBOUND_MIX : INBOUND_MIX);
  if (category === '咨询' && !outbound && chance(0.12 * skill.quality)) category = '下单'; // a good operator turns a price inquiry into an order
  const cust = about ? about.cust : pickCustomer(customers);
  const reason = about ? '服务态度' : category === '投诉' ? weighted(REASONS) : '';
  const hasWaybill = { 查件: 0.95, 投诉: reason === '服务态度' ? 0.6 : 0.9, 下单: 1 }[category] ?? 0;
  const resolved = chance(clamp(RESOLVE_P[category] + skill.quality * 0.06, 0.3, 0.995));
  return Object.assign(call, {
    op, skill, category, reason, cust, resolved,
    wait: outbound ? int(3, 20) : call.wait,
    talk: talkSeconds(category, skill.speed),
    hold: chance(category === '查件' || category === '投诉' ? 0.3 : 0.15) ? int(10, 120) : 0,
    acw: clamp(Math.round(int(10, 60) * skill.speed + (category === '投诉' ? 20 : 0)), 10, 90),
    topic: category === '咨询' ? weighted(TOPICS) : category === '查件' ? weighted(QUERY_TOPICS) : '',
    custName: chance(0.15) ? cust.name[0] + pick(['先生', '女士']) : cust.name,
    address: chance({ 下单: 1, 投诉: 0.8, 查件: 0.5 }[category] ?? 0.15) ? cust.address : '',
    waybill: chance(hasWaybill) ? waybill() : '',
    satisfaction: !outbound && chance(0.6) ? satisfaction(skill.quality, category, resolved) : '',
  });
}
/** `followUps`: day → complaints about operators that customers will call in that day. */
function buildDayCalls(ms, onDuty, customers, followUps, state) {
  const kind = kindOf(ms), month = monthOf(ms);
  const n = dailyVolume(ms), nOut = Math.round(n * 0.053);
  const calls = [];
  for (let i = 0; i < n + nOut; i++) {
    const outbound = i >= n;
    const hour = outbound ? int(9, 17) : weightedIndex(HOUR_WEIGHTS);
    calls.push({ start: ms + (hour * 3600 + int(0, 3599)) * 1000, hour, outbound });
  }
  for (const about of followUps.get(ms) ?? []) {
    const hour = int(9, 19);
    calls.push({ start: ms + (hour * 3600 + int(0, 3599)) * 1000, hour, outbound: false, about });
  }
  calls.sort((a, b) => a.start - b.start);
  const loads = onDuty.map((o) => o.skills[month].load);
  return calls.map((c, i) => {
    c.id = `C${ymd(ms).replaceAll('-', '')}${String(i + 1).padStart(6, '0')}`;
    c.abandoned = !c.outbound && !c.about && chance(abandonP(c.hour, kind));
    c.wait = waitSeconds(c.hour, c.abandoned);
    if (c.abandoned) return Object.assign(c, { phone: pickCustomer(customers).phone });
    let op = onDuty[weightedIndex(loads)];
    while (c.about && op === c.about.op && onDuty.length > 1) op = onDuty[weightedIndex(loads)]; // someone else takes the complaint
    answeredCall(c, op, customers);
    if (c.outbound || c.about) return c;
    const serious = !state.seriousDone && op.id === SERIOUS.operator && ms >= SERIOUS.from;
    if (serious || chance(complaintAboutP(c.skill.quality))) {
      state.seriousDone ||= serious;
      const when = ms + int(1, 3) * DAY_MS;
      if (when <= LAST_DAY) followUps.set(when, [...(followUps.get(when) ?? []), { op, cust: c.cust, serious }]);
    }
    return c;
  });
}

// ---------- orders ----------
const SERVICES = { 标准快递: 55, 经济快递: 20, 特快专递: 15, 同城急送: 10 };
const RATES = { 标准快递: [12, 4.5], 经济快递: [8, 3], 特快专递: [23, 13], 同城急送: [15, 2] }; // first kg, each further kg
function makeOrder(created, op, sender, call, tracking) {
  const service = weighted(SERVICES);
  const region = service === '同城急送' ? sender.region : pick(REGIONS);
  const weight = clamp(Math.round(1.2 * Math.exp(gauss() * 0.9) * 10) / 10, 0.1, service === '同城急送' ? 10 : 30);
  const [first, extra] = RATES[service];
  const late = created >= LAST_DAY - DAY_MS; // the last two days: many not picked up yet
  return {
    created, op, call, tracking, service, weight, sender,
    receiver: { name: personName(), phone: mobile(), address: address(region) },
    fee: (first + Math.max(0, Math.ceil(weight) - 1) * extra).toFixed(2),
    status: chance(0.05) ? '已取消' : chance(late ? 0.4 : 0.02) ? '已下单' : '已揽收',
    corrected: chance(clamp(0.025 - 0.03 * op.skills[monthOf(created)].quality, 0.005, 0.12)) ? '1' : '0',
  };
}
function buildOrders(calls, duty, customers) {
  const orders = calls.filter((c) => !c.abandoned && !c.outbound && c.category === '下单').map((c) => {
    const dayEnd = day(ymd(c.start)) + DAY_MS - 1000;
    const sender = { name: c.custName, phone: c.cust.phone, address: c.address, region: c.cust.region };
    return makeOrder(Math.min(dayEnd, c.start + int(60, 150) * 1000), c.op, sender, c.id, c.waybill);
  });
  for (const month of MONTHS) {
    for (let i = 0; i < 300; i++) { // entered without a call (online/WeChat requests)
      const ms = pick(daysOf(month).filter((d) => kindOf(d) !== 'holiday' || chance(0.5)));
      const staff = duty.get(ms); // entered by someone at work that day
      orders.push(makeOrder(ms + int(9 * 3600, 18 * 3600) * 1000, pick(staff), pickCustomer(customers), '', waybill()));
    }
  }
  orders.sort((a, b) => a.created - b.created);
  const seq = {};
  for (const o of orders) {
    const d = ymd(o.created).replaceAll('-', '');
    seq[d] = (seq[d] ?? 0) + 1;
    o.id = d + String(seq[d]).padStart(10, '0');
  }
  return orders;
}

// ---------- CSV output ----------
const field = (v) => { const s = v == null ? '' : String(v); return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s; };
const csv = (rows, eol) => rows.map((r) => r.map(field).join(',')).join(eol) + eol;
const OPERATOR_HEADERS = '工号,姓名,班组,入职日期,参加工作日期,离职日期,岗位级别,基本工资,绩效工资基数'.split(',');
const CALL_HEADERS = '通话编号,来电时间,坐席工号,呼叫方向,呼叫结果,等待时长,通话时长,保持时长,话后处理时长,业务类型,咨询类型,投诉原因,客户姓名,客户电话,客户地址,运单号,满意度,是否解决'.split(',');
const ORDER_HEADERS = 'order_id,created_at,operator_id,tracking_no,call_id,sender_name,sender_phone,sender_address,receiver_name,receiver_phone,receiver_address,service,weight_kg,fee,status,corrected'.split(',');
const TICKET_HEADERS = '工单号,类型,受理时间,受理工号,关联通话,原因,被投诉工号,严重程度,转交部门,承诺时间,办结时间,客户是否满意,建议是否采纳'.split(',');
const EVALUATION_HEADERS = '工号,月份,指标,分数,评分人'.split(',');
const REST_HEADERS = '工号,类型,开始日期,结束日期'.split(',');
const PRESENCE_HEADERS = '工号,状态,时间,原因'.split(',');
const operatorRow = (o) => [o.id, o.name, o.team, ymd(o.hire), ymd(o.workStart), o.termination ? ymd(o.termination) : '', o.level, o.base.toFixed(2), o.perfBase.toFixed(2)];
function callRow(c) {
  const dir = c.outbound ? '呼出' : '呼入';
  if (c.abandoned) return [c.id, stamp(c.start), '', dir, '放弃', c.wait, 0, 0, 0, '', '', '', '', c.phone, '', '', '', ''];
  return [c.id, stamp(c.start), c.op.id, dir, '已接听', c.wait, c.talk, c.hold, c.acw, c.category, c.topic, c.reason,
    c.custName, c.cust.phone, c.address, c.waybill, c.satisfaction, c.resolved ? '是' : '否'];
}
const orderRow = (o) => [o.id, stamp(o.created), o.op.id, o.tracking, o.call, o.sender.name, o.sender.phone, o.sender.address,
  o.receiver.name, o.receiver.phone, o.receiver.address, o.service, o.weight.toFixed(1), o.fee, o.status, o.corrected];
const ticketRow = (t) => [t.id, t.kind, stamp(t.opened), t.op.id, t.call, t.reason, t.about, t.severity, t.department,
  stamp(t.promised), t.resolved === null ? '' : stamp(t.resolved), t.satisfied, t.adopted];

/** Two answered calls get a delivery note on a second line of the address (a quoted embedded newline). */
function addMultilineAddresses(calls) {
  const candidates = calls.filter((c) => !c.abandoned && c.address && c.category !== '下单');
  for (const c of [candidates[1000], candidates[candidates.length - 2000]]) c.address += `\n${pick(NOTES)}`;
}

function main() {
  const operators = buildOperators();
  const customers = buildCustomers(30000);
  const followUps = new Map(), state = { seriousDone: false };
  const { duty, rest } = buildRota(operators);
  const calls = DAYS.flatMap((ms) => buildDayCalls(ms, duty.get(ms), customers, followUps, state));
  const orders = buildOrders(calls, duty, customers);
  const tickets = buildTickets(calls);
  const evaluations = buildEvaluations(operators, employedIn, { supervisor: personName(), training: '培训组', surveyors: [personName(), personName()] });
  addMultilineAddresses(calls);
  // Presence last, from the PRNG seeded again: the files above are what they were before it.
  seed(20261020);
  const presence = buildPresence(calls);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'operators.csv'), iconv.encode(csv([OPERATOR_HEADERS, ...operators.map(operatorRow)], '\r\n'), 'gbk'));
  writeFileSync(join(OUT_DIR, 'calls.csv'), '\uFEFF' + csv([CALL_HEADERS, ...calls.map(callRow)], '\n'));
  writeFileSync(join(OUT_DIR, 'orders.csv'), csv([ORDER_HEADERS, ...orders.map(orderRow)], '\n'));
  writeFileSync(join(OUT_DIR, 'tickets.csv'), '\uFEFF' + csv([TICKET_HEADERS, ...tickets.map(ticketRow)], '\n'));
  writeFileSync(join(OUT_DIR, 'evaluations.csv'), csv([EVALUATION_HEADERS, ...evaluations], '\n'));
  writeFileSync(join(OUT_DIR, 'rest-days.csv'), csv([REST_HEADERS, ...rest.map(([o, ms]) => [o.id, '调休', ymd(ms), ymd(ms)])], '\n'));
  writeFileSync(join(OUT_DIR, 'presence.csv'), '\uFEFF' + csv([PRESENCE_HEADERS, ...presence], '\n'));
  console.log(`data/samples: ${operators.length} operators, ${calls.length} calls, ${orders.length} orders, ${tickets.length} tickets, ${evaluations.length} evaluations, ${rest.length} days off in lieu, ${presence.length} presence events`);
}

main();
