/**
 * What follows the calls: tickets (工单) opened from complaint and suggestion calls, and the monthly
 * evaluations (supervisor's teamwork score, knowledge test, a few satisfaction surveys). Both depend
 * on the hidden skill of the operator in the month (`call.skill`, `operator.skills[month]`).
 */
import { day, MONTHS } from './calendar.mjs';
import { chance, clamp, gauss, int, pick, weighted } from './random.mjs';

const HOUR_MS = 3_600_000;
/** The ticket system was exported on the morning of 11-02: tickets not resolved by then are still open. */
const EXPORT_AT = day('2026-11-02') + 9 * HOUR_MS;
/** Complaint reason → department it goes to, hours promised to the customer, median hours to resolve. */
const COMPLAINT = {
  延误: ['运营部', 24, 10], 丢失: ['理赔部', 72, 30], 破损: ['理赔部', 48, 20], 服务态度: ['派送网点', 24, 8],
  收费: ['财务部', 48, 12], 错投: ['派送网点', 24, 14], 其他: ['客服部', 48, 12],
};
/** Suggestion → department that decides on it. */
const SUGGESTIONS = {
  希望增加晚间取件时段: '运营部', 建议派送前短信通知送达时间: '运营部', 快递柜免费存放时间太短: '运营部',
  希望小程序可以修改收件地址: '产品部', 语音菜单层级太多: '客服部', 建议支持电子发票: '财务部',
  希望节假日也能上门取件: '运营部', 理赔材料希望能线上提交: '理赔部', 建议增加英文服务: '客服部', 包装材料希望可以回收: '运营部',
};

/** Tickets are closed in office hours (08:00–21:00): a time outside them moves on to the next opening. */
function inOfficeHours(ms) {
  const start = ms - (ms % 86_400_000), hour = Math.floor((ms - start) / HOUR_MS), rest = (ms - start) % HOUR_MS;
  return hour < 8 ? start + 8 * HOUR_MS + rest : hour >= 21 ? start + 86_400_000 + 8 * HOUR_MS + rest : ms;
}

/** Registered during the wrap-up after the call. */
const openedAt = (c) => c.start + (c.wait + c.talk + c.hold + int(5, c.acw)) * 1000;

function complaintTicket(c) {
  const q = c.skill.quality;
  const [department, promiseHours, median] = COMPLAINT[c.reason];
  const opened = openedAt(c);
  const promised = opened + promiseHours * HOUR_MS;
  // Hours to a few days; a strong operator chases the network harder.
  const resolved = inOfficeHours(opened + Math.round(clamp(median * Math.exp(-0.9 * q + gauss() * 0.6), 0.5, 168) * 3600) * 1000);
  const done = resolved < EXPORT_AT;
  const satisfied = done && chance(clamp(0.82 + 0.08 * q - (resolved > promised ? 0.35 : 0), 0.1, 0.97));
  return {
    opened, kind: '投诉', op: c.op, call: c.id, reason: c.reason,
    about: c.about ? c.about.op.id : '', severity: c.about?.serious ? '严重' : '一般',
    department: c.about ? '质检组' : department, promised, resolved: done ? resolved : null,
    satisfied: done ? (satisfied ? '是' : '否') : '', adopted: '',
  };
}

function suggestionTicket(c) {
  const reason = weighted(Object.fromEntries(Object.keys(SUGGESTIONS).map((s) => [s, 1])));
  const opened = openedAt(c);
  const resolved = inOfficeHours(opened + Math.round(clamp(48 * Math.exp(gauss() * 0.5), 8, 240) * 3600) * 1000);
  const done = resolved < EXPORT_AT;
  // A well-argued suggestion (a strong operator writes it up well) is adopted more often.
  const adopted = done && chance(clamp(0.3 + 0.25 * c.skill.quality, 0.05, 0.7));
  return {
    opened, kind: '建议', op: c.op, call: c.id, reason, about: '', severity: '', department: SUGGESTIONS[reason],
    promised: opened + 7 * 24 * HOUR_MS, resolved: done ? resolved : null, satisfied: '', adopted: done ? (adopted ? '是' : '否') : '',
  };
}

/**
 * A complaint ticket for every answered inbound complaint that was not settled on the call, was a
 * claim (丢失, 破损) or was about an operator; a suggestion ticket for every answered 建议 call.
 * Numbered GD + date + sequence in order of opening.
 */
export function buildTickets(calls) {
  const tickets = [];
  for (const c of calls) {
    if (c.abandoned || c.outbound) continue;
    if (c.category === '投诉' && (c.about || !c.resolved || c.reason === '丢失' || c.reason === '破损')) tickets.push(complaintTicket(c));
    else if (c.category === '建议') tickets.push(suggestionTicket(c));
  }
  tickets.sort((a, b) => a.opened - b.opened);
  const seq = {};
  for (const t of tickets) {
    const d = new Date(t.opened).toISOString().slice(0, 10).replaceAll('-', '');
    seq[d] = (seq[d] ?? 0) + 1;
    t.id = `GD${d}${String(seq[d]).padStart(4, '0')}`;
  }
  return tickets;
}

/**
 * For every operator employed in each month: 团队协作 scored by the team leader (team leaders by the
 * supervisor) and 业务考试 by the training group, both 0–100 and following the month's quality;
 * about a quarter of them also get one 回访满意度 (1–5) from a surveyor.
 */
export function buildEvaluations(operators, employedIn, names) {
  const rows = [];
  const leader = Object.fromEntries(operators.filter((o) => o.level === '组长').map((o) => [o.team, o.name]));
  for (const month of MONTHS) {
    for (const o of operators.filter((x) => employedIn(x, month))) {
      const q = o.skills[month].quality;
      rows.push([o.id, month, '团队协作', clamp(Math.round(84 + 12 * q + gauss() * 3), 40, 100), o.level === '组长' ? names.supervisor : leader[o.team]]);
      rows.push([o.id, month, '业务考试', clamp(Math.round(85 + 12 * q + gauss() * 4), 30, 100), names.training]);
      if (chance(0.25)) rows.push([o.id, month, '回访满意度', clamp(Math.round(4.3 + 0.5 * q + gauss() * 0.6), 1, 5), pick(names.surveyors)]);
    }
  }
  return rows;
}
