#!/usr/bin/env node
/**
 * generate-samples.mjs — writes one synthetic month (October 2026, Asia/Shanghai) of hotline data
 * into data/samples/:
 *   operators.csv  GBK, CRLF, Chinese headers    (~30 operators in 3 teams)
 *   calls.csv      UTF-8 with BOM, LF, Chinese headers (~30k calls)
 *   orders.csv     UTF-8 without BOM, LF, English headers (one per 下单 call + some without a call)
 * Everything comes from one seeded PRNG (mulberry32): no clock, no Math.random, so two runs give
 * byte-identical files. All people, phones, addresses and waybills are invented.
 * Usage: node scripts/generate-samples.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'samples');
const SEED = 20261001;
const DAY_MS = 86_400_000;

// ---------- seeded randomness ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p) => rand() < p;
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const expo = (mean) => -Math.log(1 - rand()) * mean;
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
function weightedIndex(weights) {
  let r = rand() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
  return weights.length - 1;
}
const weighted = (table) => { const k = Object.keys(table); return k[weightedIndex(k.map((x) => table[x]))]; };

// ---------- calendar (dates are UTC-midnight ms of the local calendar day) ----------
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const day = (s) => Date.parse(`${s}T00:00:00Z`);
const MONTH_DAYS = Array.from({ length: 31 }, (_, i) => day('2026-10-01') + i * DAY_MS);
const HOLIDAYS = new Set(MONTH_DAYS.slice(0, 7).map(ymd)); // 国庆节 2026-10-01..07
const SWAPPED_WORKDAYS = new Set(['2026-10-10']); // 国庆节调休 (Saturday worked)
function dayKind(ms) {
  if (HOLIDAYS.has(ymd(ms))) return 'holiday';
  const wd = new Date(ms).getUTCDay();
  return SWAPPED_WORKDAYS.has(ymd(ms)) || (wd >= 1 && wd <= 5) ? 'workday' : 'weekend';
}

// ---------- people, phones, addresses ----------
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬斌宇浩凯鹏辉建国文博晨晓雪梅琳倩婷欣怡佳子涵轩然诗雨俊峰志宏海波云飞鑫淑珍慧颖思嘉悦晶亮琴丹';
const personName = () => SURNAMES[Math.floor(SURNAMES.length * rand() ** 2)] + pick(GIVEN) + (chance(0.65) ? pick(GIVEN) : '');
const REGIONS = [
  ['广东省', '深圳市', '南山区 福田区 罗湖区 宝安区 龙岗区 龙华区'], ['广东省', '广州市', '天河区 越秀区 海珠区 白云区 番禺区'],
  ['广东省', '东莞市', '南城街道 东城街道 长安镇 虎门镇'], ['', '北京市', '朝阳区 海淀区 东城区 丰台区 通州区'],
  ['', '上海市', '浦东新区 徐汇区 闵行区 静安区 杨浦区'], ['', '天津市', '和平区 南开区 河西区 滨海新区'],
  ['', '重庆市', '渝中区 江北区 南岸区 九龙坡区 沙坪坝区'], ['浙江省', '杭州市', '西湖区 拱墅区 滨江区 余杭区 萧山区'],
  ['浙江省', '宁波市', '海曙区 鄞州区 江北区'], ['江苏省', '南京市', '鼓楼区 玄武区 江宁区 建邺区'],
  ['江苏省', '苏州市', '姑苏区 吴中区 虎丘区 相城区'], ['四川省', '成都市', '武侯区 锦江区 青羊区 金牛区 成华区'],
  ['湖北省', '武汉市', '洪山区 武昌区 江汉区 汉阳区'], ['陕西省', '西安市', '雁塔区 碑林区 未央区 长安区'],
  ['山东省', '青岛市', '市南区 市北区 黄岛区 崂山区'], ['河南省', '郑州市', '金水区 二七区 中原区 管城回族区'],
  ['湖南省', '长沙市', '岳麓区 芙蓉区 天心区 雨花区'], ['福建省', '厦门市', '思明区 湖里区 集美区'],
].map(([prov, city, d]) => ({ prov, city, districts: d.split(' ') }));
const STREETS = '人民路 解放路 中山路 建设路 和平路 文化路 新华路 长江路 黄河路 科技园路 学府路 滨江大道 朝阳路 青年路 光明街 胜利街 幸福路 花园路 工业大道 环城北路'.split(' ');
const ESTATES = '阳光花园 金色家园 万科城 绿地小区 翠苑 锦绣华庭 幸福里 华润中心 创业大厦 科技大厦 国际商务中心 新村'.split(' ');
const NOTES = ['放门卫室', '工作日送达', '到了打电话', '放快递柜', '周末不在家'];
function address(region) {
  let s = `${region.prov}${region.city}${pick(region.districts)}${pick(STREETS)}${int(1, 999)}号`;
  if (chance(0.7)) s += `${pick(ESTATES)}${int(1, 30)}栋${int(1, 32)}0${int(1, 4)}室`;
  if (chance(0.04)) s += `,${pick(NOTES)}`; // ASCII comma: the field must be quoted
  if (chance(0.0005)) s += '(北门"菜鸟驿站"旁)'; // embedded quotes: must be doubled
  return s;
}
const MOBILE = '130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 170 173 176 177 180 181 182 183 185 186 187 188 189 191 198 199'.split(' ');
const LANDLINE = [['010', '6'], ['021', '5'], ['0755', '8'], ['020', '8'], ['028', '8']];
const phone = () => (chance(0.02) ? ((a) => `${a[0]}-${a[1]}${digits(7)}`)(pick(LANDLINE)) : pick(MOBILE) + digits(8));
const mobile = () => pick(MOBILE) + digits(8);
const usedWaybills = new Set();
function waybill() {
  let w;
  do w = chance(0.6) ? `SF${int(1, 9)}${digits(12)}` : ((n) => `${int(1, 9)}${digits(n - 1)}`)(int(12, 15));
  while (usedWaybills.has(w));
  usedWaybills.add(w);
  return w;
}
function buildCustomers(n) {
  return Array.from({ length: n }, () => {
    const region = REGIONS[Math.floor(REGIONS.length * rand() ** 1.5)];
    return { name: personName(), phone: phone(), region, address: address(region) };
  });
}
/** Repeat callers: 20% of calls come from the first 1,500 customers. */
const pickCustomer = (pool) => pool[chance(0.2) ? int(0, 1499) : int(0, pool.length - 1)];

// ---------- operators ----------
const TEAMS = ['一组', '二组', '三组'];
// 入职日期 of 1001…1030: spread 2015–2026 (working days); one joined in September, three in October.
const HIRE_DATES = `2015-03-09 2015-07-20 2016-01-18 2016-07-11 2017-03-06 2017-05-22 2017-12-18 2018-05-28 2018-09-17 2019-03-11
  2019-08-12 2020-04-13 2020-07-06 2020-12-14 2021-05-17 2021-11-22 2022-05-23 2022-10-24 2023-04-03 2023-08-21 2024-03-04
  2024-07-08 2025-01-06 2025-07-14 2025-12-01 2026-04-20 2026-09-14 2026-10-08 2026-10-12 2026-10-19`.split(/\s+/);
// 参加工作日期 overrides: 20+ years; 10-year anniversary in Oct 2026; experienced and first-job October joiners
const WORK_START = { 1004: '2003-07-01', 1009: '2016-10-15', 1029: '2019-07-01', 1030: '2026-10-19' };
const LEAVER = { id: '1017', date: '2026-10-20' };
const SKILL = { 1005: [0.82, 1], 1012: [0.85, 0.9], 1020: [1.25, -1.2], 1024: [1.3, -1] }; // [speed (handle-time factor), quality]
const PAY = { 组长: [6200, 6500, 2400], 高级: [5600, 6100, 2100], 中级: [4800, 5500, 1800], 初级: [4200, 4700, 1600] }; // base range, perf base ±100
function buildOperators() {
  const names = new Set();
  return HIRE_DATES.map((hireDate, i) => {
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
    const [speed, quality] = SKILL[id] ?? (isNew ? [1.2, -0.5] : [1 + gauss() * 0.06, gauss() * 0.25]);
    return {
      id, name, team: TEAMS[i % 3], hire, workStart, level, speed, quality,
      termination: id === LEAVER.id ? day(LEAVER.date) : null,
      base: lo + int(0, (hi - lo) / 100) * 100, perfBase: perf + int(-1, 1) * 100,
      load: (level === '组长' ? 0.5 : isNew ? 0.7 : 1) / speed,
      firstCallDay: hire >= day('2026-10-01') ? hire + 3 * DAY_MS : hire, // 3 days of 入职培训 first
    };
  });
}
/** Who takes calls that day: employed, past onboarding, before 离职日期 (last calls the day before), on the rota. */
function rota(operators, ms) {
  const p = { workday: 0.92, weekend: 0.6, holiday: 0.4 }[dayKind(ms)];
  return operators.filter((o) => o.firstCallDay <= ms && (!o.termination || ms < o.termination) && chance(p));
}

// ---------- calls ----------
const HOUR_WEIGHTS = [0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.8, 5, 8, 10, 9.5, 6.5, 7, 8.5, 10, 9, 7.5, 5.5, 4.5, 3.5, 1, 0.4, 0.2];
const INBOUND_MIX = { 咨询: 45, 查件: 25, 下单: 15, 投诉: 10, 建议: 2, 其他: 3 };
const OUTBOUND_MIX = { 查件: 45, 投诉: 35, 其他: 20 };
const TOPICS = { 运费咨询: 25, 时效咨询: 22, 网点查询: 14, 禁寄物品: 9, 包装要求: 8, 理赔政策: 7, 取件预约: 10, 服务范围: 5 };
const QUERY_TOPICS = { 物流查询: 70, 派送进度: 15, 签收查询: 10, 退回查询: 5 };
const REASONS = { 延误: 35, 丢失: 12, 破损: 18, 服务态度: 15, 收费: 8, 错投: 7, 其他: 5 };
const TALK_MEDIAN = { 咨询: 170, 查件: 130, 下单: 300, 投诉: 400, 建议: 240, 其他: 150 };
const RESOLVE_P = { 咨询: 0.95, 查件: 0.9, 下单: 0.97, 投诉: 0.68, 建议: 0.92, 其他: 0.9 };
const SPECIAL_DAYS = { '2026-10-07': 1.15, '2026-10-08': 1.35, '2026-10-09': 1.2 }; // post-holiday wave

function dailyVolume(ms) {
  const base = { workday: 1150, weekend: 830, holiday: 520 }[dayKind(ms)];
  const monday = new Date(ms).getUTCDay() === 1 ? 1.08 : 1;
  return Math.round(base * monday * (SPECIAL_DAYS[ymd(ms)] ?? 1) * (1 + gauss() * 0.05));
}
function talkSeconds(category, op) {
  for (let i = 0; i < 10; i++) {
    const t = Math.round(TALK_MEDIAN[category] * op.speed * Math.exp(gauss() * 0.45));
    if (t >= 60 && t <= 900) return t;
  }
  return clamp(Math.round(TALK_MEDIAN[category] * op.speed), 60, 900);
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
function satisfaction(op, category, resolved) {
  const x = 4.45 + 0.45 * op.quality - (category === '投诉' ? 0.8 : 0) - (resolved ? 0 : 1.2) + gauss() * 0.7;
  return clamp(Math.round(x), 1, 5);
}
function answeredCall(call, op, customers, outbound) {
  const category = weighted(outbound ? OUTBOUND_MIX : INBOUND_MIX);
  const cust = pickCustomer(customers);
  const reason = category === '投诉' ? weighted(REASONS) : '';
  const hasWaybill = { 查件: 0.95, 投诉: reason === '服务态度' ? 0.6 : 0.9, 下单: 1 }[category] ?? 0;
  const resolved = chance(clamp(RESOLVE_P[category] + op.quality * 0.06, 0.3, 0.995));
  return Object.assign(call, {
    op, category, reason, cust, resolved,
    wait: outbound ? int(3, 20) : call.wait,
    talk: talkSeconds(category, op),
    hold: chance(category === '查件' || category === '投诉' ? 0.3 : 0.15) ? int(10, 120) : 0,
    acw: clamp(Math.round(int(10, 60) * op.speed + (category === '投诉' ? 20 : 0)), 10, 90),
    topic: category === '咨询' ? weighted(TOPICS) : category === '查件' ? weighted(QUERY_TOPICS) : '',
    custName: chance(0.15) ? cust.name[0] + pick(['先生', '女士']) : cust.name,
    address: chance({ 下单: 1, 投诉: 0.8, 查件: 0.5 }[category] ?? 0.15) ? cust.address : '',
    waybill: chance(hasWaybill) ? waybill() : '',
    satisfaction: !outbound && chance(0.6) ? satisfaction(op, category, resolved) : '',
  });
}
function buildDayCalls(ms, operators, customers) {
  const kind = dayKind(ms), onDuty = rota(operators, ms);
  const n = dailyVolume(ms), nOut = Math.round(n * 0.053);
  const calls = [];
  for (let i = 0; i < n + nOut; i++) {
    const outbound = i >= n;
    const hour = outbound ? int(9, 17) : weightedIndex(HOUR_WEIGHTS);
    calls.push({ start: ms + (hour * 3600 + int(0, 3599)) * 1000, hour, outbound });
  }
  calls.sort((a, b) => a.start - b.start);
  const loads = onDuty.map((o) => o.load);
  return calls.map((c, i) => {
    c.id = `C${ymd(ms).replaceAll('-', '')}${String(i + 1).padStart(6, '0')}`;
    c.abandoned = !c.outbound && chance(abandonP(c.hour, kind));
    c.wait = waitSeconds(c.hour, c.abandoned);
    if (c.abandoned) return Object.assign(c, { phone: pickCustomer(customers).phone });
    return answeredCall(c, onDuty[weightedIndex(loads)], customers, c.outbound);
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
  const late = created >= day('2026-10-30');
  return {
    created, op, call, tracking, service, weight, sender,
    receiver: { name: personName(), phone: mobile(), address: address(region) },
    fee: (first + Math.max(0, Math.ceil(weight) - 1) * extra).toFixed(2),
    status: chance(0.05) ? '已取消' : chance(late ? 0.4 : 0.02) ? '已下单' : '已揽收',
    corrected: chance(clamp(0.025 - 0.03 * op.quality, 0.005, 0.12)) ? '1' : '0',
  };
}
function buildOrders(calls, operators, customers) {
  const orders = calls.filter((c) => !c.abandoned && !c.outbound && c.category === '下单').map((c) => {
    const dayEnd = day(ymd(c.start)) + DAY_MS - 1000;
    const sender = { name: c.custName, phone: c.cust.phone, address: c.address, region: c.cust.region };
    return makeOrder(Math.min(dayEnd, c.start + int(60, 150) * 1000), c.op, sender, c.id, c.waybill);
  });
  for (let i = 0; i < 300; i++) { // entered without a call (online/WeChat requests)
    const ms = pick(MONTH_DAYS.filter((d) => dayKind(d) !== 'holiday' || chance(0.5)));
    const staff = operators.filter((o) => o.firstCallDay <= ms && (!o.termination || ms < o.termination));
    orders.push(makeOrder(ms + int(9 * 3600, 18 * 3600) * 1000, pick(staff), pickCustomer(customers), '', waybill()));
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
const operatorRow = (o) => [o.id, o.name, o.team, ymd(o.hire), ymd(o.workStart), o.termination ? ymd(o.termination) : '', o.level, o.base.toFixed(2), o.perfBase.toFixed(2)];
function callRow(c) {
  const dir = c.outbound ? '呼出' : '呼入';
  if (c.abandoned) return [c.id, stamp(c.start), '', dir, '放弃', c.wait, 0, 0, 0, '', '', '', '', c.phone, '', '', '', ''];
  return [c.id, stamp(c.start), c.op.id, dir, '已接听', c.wait, c.talk, c.hold, c.acw, c.category, c.topic, c.reason,
    c.custName, c.cust.phone, c.address, c.waybill, c.satisfaction, c.resolved ? '是' : '否'];
}
const orderRow = (o) => [o.id, stamp(o.created), o.op.id, o.tracking, o.call, o.sender.name, o.sender.phone, o.sender.address,
  o.receiver.name, o.receiver.phone, o.receiver.address, o.service, o.weight.toFixed(1), o.fee, o.status, o.corrected];

/** Two answered calls get a delivery note on a second line of the address (a quoted embedded newline). */
function addMultilineAddresses(calls) {
  const candidates = calls.filter((c) => !c.abandoned && c.address && c.category !== '下单');
  for (const c of [candidates[1000], candidates[candidates.length - 2000]]) c.address += `\n${pick(NOTES)}`;
}

function main() {
  const operators = buildOperators();
  const customers = buildCustomers(16000);
  const calls = MONTH_DAYS.flatMap((ms) => buildDayCalls(ms, operators, customers));
  const orders = buildOrders(calls, operators, customers);
  addMultilineAddresses(calls);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'operators.csv'), iconv.encode(csv([OPERATOR_HEADERS, ...operators.map(operatorRow)], '\r\n'), 'gbk'));
  writeFileSync(join(OUT_DIR, 'calls.csv'), '\uFEFF' + csv([CALL_HEADERS, ...calls.map(callRow)], '\n'));
  writeFileSync(join(OUT_DIR, 'orders.csv'), csv([ORDER_HEADERS, ...orders.map(orderRow)], '\n'));
  console.log(`data/samples: ${operators.length} operators, ${calls.length} calls, ${orders.length} orders`);
}

main();
