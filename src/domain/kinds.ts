/**
 * The canonical import kinds and their columns (docs/formats.md): names, header aliases in
 * English and Chinese, value types, required flags, and which columns hold customer data.
 */
import type { IsoDate } from './dates.js';
import { calendarDaysInclusive } from './leave.js';

export type ImportKind = 'operators' | 'calls' | 'orders' | 'leave' | 'tickets' | 'evaluations' | 'trainings' | 'attendance' | 'presence';
export const IMPORT_KINDS: readonly ImportKind[] = ['operators', 'calls', 'orders', 'leave', 'tickets', 'evaluations', 'trainings', 'attendance', 'presence'];

export type PiiKind = 'name' | 'phone' | 'address';

export type ValueType =
  | { type: 'id' }
  | { type: 'text' }
  | { type: 'phone' }
  | { type: 'datetime' }
  | { type: 'date' }
  /** A calendar month, stored as 'YYYY-MM'. */
  | { type: 'month' }
  | { type: 'duration' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'decimal'; min?: number; max?: number }
  | { type: 'yesno' }
  /** A closed list: canonical value → accepted spellings (case-insensitive). */
  | { type: 'enum'; values: Readonly<Record<string, readonly string[]>> }
  /** Known codes mapped like an enum; any other text is kept as it is. */
  | { type: 'code-or-text'; values: Readonly<Record<string, readonly string[]>> };

export interface FieldSpec {
  name: string;
  /** Other header names accepted for this column (English and Chinese). */
  aliases: readonly string[];
  value: ValueType;
  required?: boolean;
  /** Stored when the column is absent or the cell is empty. */
  defaultValue?: string | number;
  /** When absent or empty, the value of this other field of the row. */
  defaultFrom?: string;
  /** Customer personal data, masked in reports unless --show-pii. */
  pii?: PiiKind;
  /** A date-time whose local day (and hour) are stored beside it. */
  localDay?: 'day' | 'day-hour';
  /** Name of the stored local-day column (default local_day). */
  dayColumn?: string;
  /**
   * The unit the stored value is in, when a header may name one in parentheses (`时长（分钟）`):
   * a duration is always in seconds; this says it for decimals (hours, kg, yuan).
   */
  unit?: 'hours' | 'kg' | 'yuan';
}

export interface KindSpec {
  kind: ImportKind;
  table: string;
  /** The natural key column; a derived key is stored first and built from `derivedKey` fields joined by '|'. */
  key: string;
  derivedKey?: readonly string[];
  fields: readonly FieldSpec[];
  /** Checks across the fields of one parsed row; returns [column, reason, hint?] when wrong. */
  checkRow?: (row: RowValues, ctx: RowContext) => RowProblem | undefined;
}

/** The parsed values of one row by field name (null when empty or absent). */
export interface RowValues {
  get(field: string): unknown;
}

/** What a row check may ask beyond the row itself. */
export interface RowContext {
  /** Working days from `from` to `to` inclusive, by the working calendar (asked only for a half day of leave). */
  workingDays?: (from: IsoDate, to: IsoDate) => number;
}

/** A bad row: the column to name, the reason, and a hint. */
export type RowProblem = readonly [column: string, reason: string, hint?: string];

export const OUTCOMES = {
  answered: ['answered', 'answer', '已接听', '接听', '接通', '已接通', '已应答', '应答'],
  abandoned: ['abandoned', 'abandon', 'missed', 'no answer', 'noanswer', 'no-answer', 'busy', 'failed',
    '未接听', '未接', '未接通', '放弃', '呼损', '未应答'],
} as const;

export const DIRECTIONS = {
  inbound: ['inbound', 'in', 'incoming', '呼入', '来电', '入'],
  outbound: ['outbound', 'out', 'outgoing', '呼出', '去电', '外呼', '出'],
} as const;

export const CATEGORIES = {
  consultation: ['consultation', 'consult', 'inquiry', 'enquiry', '咨询'],
  complaint: ['complaint', '投诉'],
  order: ['order', '下单', '寄件'],
  query: ['query', 'tracking', '查件', '查询'],
  suggestion: ['suggestion', '建议'],
  other: ['other', '其他', '其它'],
} as const;

export const COMPLAINT_REASONS = {
  delay: ['delay', '延误', '延迟', '超时'],
  loss: ['loss', 'lost', '丢失', '丢件', '遗失'],
  damage: ['damage', 'damaged', '破损', '损坏'],
  attitude: ['attitude', '服务态度', '态度'],
  fee: ['fee', '收费', '运费', '乱收费'],
  misdelivery: ['misdelivery', '错投', '错发', '误投', '错送'],
  other: ['other', '其他', '其它'],
} as const;

const id = { type: 'id' } as const;
const text = { type: 'text' } as const;
const phone = { type: 'phone' } as const;
const duration = { type: 'duration' } as const;
const money = { type: 'decimal', min: 0 } as const;
const yuan = 'yuan' as const;

export const OPERATORS: KindSpec = {
  kind: 'operators',
  table: 'operators',
  key: 'operator_id',
  fields: [
    { name: 'operator_id', aliases: ['工号', '员工工号', '坐席工号', 'agent_id', 'employee_id'], value: id, required: true },
    { name: 'name', aliases: ['姓名', '员工姓名', 'operator_name', 'agent_name'], value: text, required: true },
    { name: 'team', aliases: ['班组', '组别', '小组'], value: text },
    { name: 'hire_date', aliases: ['入职日期', '入职时间'], value: { type: 'date' }, required: true },
    { name: 'work_start_date', aliases: ['参加工作日期', '参加工作时间', '首次参加工作日期'], value: { type: 'date' }, defaultFrom: 'hire_date' },
    { name: 'termination_date', aliases: ['离职日期', '离职时间'], value: { type: 'date' } },
    { name: 'level', aliases: ['岗位级别', '级别', '职级'], value: text },
    { name: 'base_salary', aliases: ['基本工资'], value: money, unit: yuan },
    { name: 'performance_base', aliases: ['绩效工资基数', '绩效基数'], value: money, unit: yuan },
    { name: 'monthly_wage', aliases: ['月平均工资', '月工资'], value: money, defaultFrom: 'base_salary', unit: yuan },
  ],
  checkRow(row) {
    const hire = row.get('hire_date') as string;
    const start = row.get('work_start_date') as string | null;
    const end = row.get('termination_date') as string | null;
    if (start && start > hire) return ['work_start_date', `first job ${start} is after the hire date ${hire}`];
    if (end && end < hire) return ['termination_date', `leaving date ${end} is before the hire date ${hire}`];
    return undefined;
  },
};

export const CALLS: KindSpec = {
  kind: 'calls',
  table: 'calls',
  key: 'call_id',
  fields: [
    { name: 'call_id', aliases: ['通话编号', '流水号', '呼叫编号', '通话id', 'uniqueid'], value: id, required: true },
    { name: 'started_at', aliases: ['来电时间', '开始时间', '呼叫时间', 'start_time', 'start'], value: { type: 'datetime' }, required: true, localDay: 'day-hour' },
    { name: 'operator_id', aliases: ['工号', '坐席工号', '坐席', 'agent_id', 'agent'], value: id },
    { name: 'direction', aliases: ['呼叫方向', '方向', '呼叫类型'], value: { type: 'enum', values: DIRECTIONS }, defaultValue: 'inbound' },
    { name: 'outcome', aliases: ['呼叫结果', '接听状态', '通话结果', 'status', 'result'], value: { type: 'enum', values: OUTCOMES }, required: true },
    { name: 'wait_seconds', aliases: ['等待时长', '振铃时长', '排队时长', 'wait', 'ring_seconds'], value: duration },
    { name: 'talk_seconds', aliases: ['通话时长', 'talk', 'billsec'], value: duration },
    { name: 'hold_seconds', aliases: ['保持时长', 'hold'], value: duration },
    { name: 'acw_seconds', aliases: ['话后处理时长', '话后时长', 'acw', 'wrap_seconds'], value: duration },
    { name: 'category', aliases: ['业务类型', '来电类型', '服务类型'], value: { type: 'enum', values: CATEGORIES } },
    { name: 'topic', aliases: ['咨询类型', '咨询内容', '主题'], value: text },
    { name: 'complaint_reason', aliases: ['投诉原因', '投诉类型'], value: { type: 'code-or-text', values: COMPLAINT_REASONS } },
    { name: 'customer_name', aliases: ['客户姓名', '客户名称', '来电人'], value: text, pii: 'name' },
    { name: 'customer_phone', aliases: ['客户电话', '来电号码', '主叫号码', '客户号码', 'caller', 'caller_id', 'ani'], value: phone, pii: 'phone' },
    { name: 'customer_address', aliases: ['客户地址', '地址'], value: text, pii: 'address' },
    { name: 'tracking_no', aliases: ['运单号', '快递单号', '单号'], value: id },
    { name: 'satisfaction', aliases: ['满意度', '满意度评分', '评分'], value: { type: 'integer', min: 1, max: 5 } },
    { name: 'resolved', aliases: ['是否解决', '已解决'], value: { type: 'yesno' } },
    { name: 'ivr_seconds', aliases: ['ivr时长', '语音导航时长', 'ivr', 'ivr_time'], value: duration },
  ],
  /** Issue 18.7: nobody talked on an abandoned call, nor rated it; such a row would enter AHT, talk time and the appraisal. */
  checkRow(row) {
    if (row.get('outcome') !== 'abandoned') return undefined;
    const talk = row.get('talk_seconds') as number | null;
    if (talk !== null && talk > 0) return ['talk_seconds', 'an abandoned call cannot have talk time', 'if the call was answered its outcome is wrong, else its talk time is'];
    if (row.get('satisfaction') !== null) return ['satisfaction', 'an abandoned call cannot have a satisfaction score', 'a rating belongs to an answered call: the outcome or the score is wrong'];
    return undefined;
  },
};

export const ORDERS: KindSpec = {
  kind: 'orders',
  table: 'orders',
  key: 'order_id',
  fields: [
    { name: 'order_id', aliases: ['订单号', '订单编号'], value: id, required: true },
    { name: 'created_at', aliases: ['下单时间', '创建时间', '录入时间'], value: { type: 'datetime' }, required: true, localDay: 'day' },
    { name: 'operator_id', aliases: ['录入工号', '工号', '坐席工号'], value: id, required: true },
    { name: 'tracking_no', aliases: ['运单号', '快递单号'], value: id },
    { name: 'call_id', aliases: ['关联通话', '通话编号'], value: id },
    { name: 'sender_name', aliases: ['寄件人', '寄件人姓名'], value: text, pii: 'name' },
    { name: 'sender_phone', aliases: ['寄件人电话', '寄件电话'], value: phone, pii: 'phone' },
    { name: 'sender_address', aliases: ['寄件地址', '寄件人地址'], value: text, pii: 'address' },
    { name: 'receiver_name', aliases: ['收件人', '收件人姓名'], value: text, pii: 'name' },
    { name: 'receiver_phone', aliases: ['收件人电话', '收件电话'], value: phone, pii: 'phone' },
    { name: 'receiver_address', aliases: ['收件地址', '收件人地址'], value: text, pii: 'address' },
    { name: 'service', aliases: ['产品类型', '服务类型', '产品'], value: text },
    { name: 'weight_kg', aliases: ['重量', '重量kg', '重量(kg)', 'weight'], value: { type: 'decimal', min: 0, max: 100000 }, unit: 'kg' },
    { name: 'fee', aliases: ['运费', '费用', '金额'], value: money, unit: yuan },
    { name: 'status', aliases: ['状态', '订单状态'], value: text },
    { name: 'corrected', aliases: ['是否更正', '已更正'], value: { type: 'yesno' } },
  ],
};

export const LEAVE_TYPES = {
  annual: ['annual', '年假', '年休假', '带薪年假'],
  sick: ['sick', '病假'],
  personal: ['personal', '事假'],
  marriage: ['marriage', '婚假'],
  maternity: ['maternity', '产假', '陪产假', '育儿假'],
  bereavement: ['bereavement', '丧假'],
  injury: ['injury', '工伤', '工伤假'],
  absent: ['absent', '旷工'],
  /** Other leave, among it a day off in lieu of weekend or holiday duty (调休, 补休). */
  other: ['other', '其他', '其它', '调休', '补休'],
} as const;

export const LEAVE: KindSpec = {
  kind: 'leave',
  table: 'leave',
  key: 'leave_id',
  derivedKey: ['operator_id', 'start_date'],
  fields: [
    { name: 'operator_id', aliases: ['工号', '员工工号'], value: id, required: true },
    { name: 'type', aliases: ['类型', '假期类型', '请假类型', 'leave_type'], value: { type: 'enum', values: LEAVE_TYPES }, required: true },
    { name: 'start_date', aliases: ['开始日期', '开始时间', '起始日期'], value: { type: 'date' }, required: true },
    { name: 'end_date', aliases: ['结束日期', '结束时间', '截止日期'], value: { type: 'date' }, required: true },
    { name: 'days', aliases: ['天数', '请假天数'], value: { type: 'decimal', min: 0.5, max: 366 } },
    { name: 'wage_deducted', aliases: ['是否扣薪', '扣薪', '扣工资'], value: { type: 'yesno' } },
  ],
  checkRow(row, ctx) {
    const start = row.get('start_date') as IsoDate;
    const end = row.get('end_date') as IsoDate;
    const days = row.get('days') as number | null;
    if (end < start) return ['end_date', `the leave ends (${end}) before it starts (${start})`];
    const span = calendarDaysInclusive(start, end);
    if (span > MAX_LEAVE_SPAN_DAYS) {
      return ['end_date', `the leave runs ${span} days (${start} – ${end}); one record covers at most ${MAX_LEAVE_SPAN_DAYS} days (two years)`, 'split a longer absence into records of at most two years'];
    }
    if (days === null) return undefined;
    if (days * 2 !== Math.round(days * 2)) return ['days', `${days} is not a whole or half day`];
    if (days > span) return ['days', `${days} days do not fit in ${start} – ${end} (${span} calendar day${span === 1 ? '' : 's'})`];
    if (!Number.isInteger(days) && ctx.workingDays && ctx.workingDays(start, end) === 0) {
      return ['days', `a half day needs a working day, and ${start} – ${end} has none`];
    }
    return undefined;
  },
};

/**
 * The longest period one leave record may cover: two years (731 days), the longest statutory
 * medical period being 24 months (原劳动部《企业职工患病或非因工负伤医疗期规定》art.3).
 */
export const MAX_LEAVE_SPAN_DAYS = 731;

export const TICKET_KINDS = {
  complaint: ['complaint', '投诉'],
  suggestion: ['suggestion', '建议'],
} as const;

export const SEVERITIES = {
  normal: ['normal', '一般', '普通'],
  serious: ['serious', '严重', '重大'],
} as const;

/** Complaints and suggestions followed up after the call (docs/formats.md, "tickets"). */
export const TICKETS: KindSpec = {
  kind: 'tickets',
  table: 'tickets',
  key: 'ticket_id',
  fields: [
    { name: 'ticket_id', aliases: ['工单号', '工单编号'], value: id, required: true },
    { name: 'kind', aliases: ['类型', '工单类型'], value: { type: 'enum', values: TICKET_KINDS }, required: true },
    { name: 'opened_at', aliases: ['受理时间', '创建时间', '登记时间'], value: { type: 'datetime' }, required: true, localDay: 'day' },
    { name: 'operator_id', aliases: ['受理工号', '工号'], value: id, required: true },
    { name: 'call_id', aliases: ['关联通话', '通话编号'], value: id },
    { name: 'reason', aliases: ['原因', '投诉原因', '建议内容'], value: { type: 'code-or-text', values: COMPLAINT_REASONS } },
    { name: 'about_operator_id', aliases: ['被投诉工号'], value: id },
    { name: 'severity', aliases: ['严重程度', '等级'], value: { type: 'enum', values: SEVERITIES }, defaultValue: 'normal' },
    { name: 'department', aliases: ['转交部门', '处理部门'], value: text },
    { name: 'promised_at', aliases: ['承诺时间', '承诺办结时间'], value: { type: 'datetime' } },
    { name: 'resolved_at', aliases: ['办结时间', '解决时间'], value: { type: 'datetime' }, localDay: 'day', dayColumn: 'resolved_day' },
    { name: 'customer_satisfied', aliases: ['客户是否满意', '是否满意'], value: { type: 'yesno' } },
    { name: 'adopted', aliases: ['建议是否采纳', '是否采纳'], value: { type: 'yesno' } },
  ],
  checkRow(row) {
    const opened = row.get('opened_at') as number;
    const resolved = row.get('resolved_at') as number | null;
    const promised = row.get('promised_at') as number | null;
    if (resolved !== null && resolved < opened) return ['resolved_at', 'resolved before it was opened'];
    if (promised !== null && promised < opened) return ['promised_at', 'promised before it was opened'];
    return undefined;
  },
};

export const EVALUATION_METRICS = {
  teamwork: ['teamwork', '团队协作'],
  knowledge_test: ['knowledge_test', 'knowledge', '业务考试', '业务知识', '考试成绩'],
  satisfaction_survey: ['satisfaction_survey', 'survey', '回访满意度', '满意度回访'],
} as const;

/** Supervisor and test scores, and satisfaction surveys, per operator and month. */
export const EVALUATIONS: KindSpec = {
  kind: 'evaluations',
  table: 'evaluations',
  key: 'evaluation_id',
  derivedKey: ['operator_id', 'month', 'metric', 'evaluator'],
  fields: [
    { name: 'operator_id', aliases: ['工号'], value: id, required: true },
    { name: 'month', aliases: ['月份', '考核月份'], value: { type: 'month' }, required: true },
    { name: 'metric', aliases: ['指标', '考核项目', '项目'], value: { type: 'enum', values: EVALUATION_METRICS }, required: true },
    { name: 'score', aliases: ['分数', '得分', '评分'], value: { type: 'decimal', min: 0, max: 100 }, required: true },
    { name: 'evaluator', aliases: ['评分人', '考核人'], value: text },
    { name: 'note', aliases: ['备注', '说明'], value: text },
  ],
  checkRow(row) {
    const score = row.get('score') as number;
    if (row.get('metric') === 'satisfaction_survey' && (score < 1 || score > 5)) return ['score', `a satisfaction survey is rated 1–5, not ${score}`];
    return undefined;
  },
};

export const TRAINING_KIND_VALUES = {
  onboarding: ['onboarding', '入职培训', '岗前培训'],
  internal: ['internal', '内部培训', '内部课程'],
  targeted: ['targeted', '专项培训', '针对性培训'],
  coaching: ['coaching', '一对一辅导', '辅导'],
  external: ['external', '外部培训'],
} as const;

/** Training sessions held (docs/formats.md, "trainings and attendance"). */
export const TRAININGS: KindSpec = {
  kind: 'trainings',
  table: 'trainings',
  key: 'session_id',
  fields: [
    { name: 'session_id', aliases: ['场次', '场次编号', '培训编号'], value: id, required: true },
    { name: 'date', aliases: ['日期', '培训日期'], value: { type: 'date' }, required: true },
    { name: 'topic', aliases: ['主题', '课程', '培训主题'], value: text, required: true },
    { name: 'kind', aliases: ['类型', '培训类型'], value: { type: 'enum', values: TRAINING_KIND_VALUES }, required: true },
    { name: 'hours', aliases: ['学时', '时长'], value: { type: 'decimal', min: 0, max: 24 }, unit: 'hours' },
    { name: 'trainer', aliases: ['讲师', '培训师'], value: text },
  ],
};

/** Who attended which session. */
export const ATTENDANCE: KindSpec = {
  kind: 'attendance',
  table: 'attendance',
  key: 'attendance_id',
  derivedKey: ['session_id', 'operator_id'],
  fields: [
    { name: 'session_id', aliases: ['场次', '场次编号', '培训编号'], value: id, required: true },
    { name: 'operator_id', aliases: ['工号'], value: id, required: true },
    { name: 'status', aliases: ['出勤', '出勤情况', '状态'], value: { type: 'enum', values: { present: ['present', '出席', '出勤', '到'], absent: ['absent', '缺席', '缺勤', '未到'] } }, required: true },
    { name: 'score', aliases: ['成绩', '考核成绩'], value: { type: 'decimal', min: 0, max: 100 } },
  ],
};

/** Presence states (docs/formats.md, "presence"): the four hotline builds sessions and pauses from. */
export const PRESENCE_STATES = {
  login: ['login', 'log in', 'logon', 'signin', 'sign in', '签入', '登录', '登入', '上线'],
  logout: ['logout', 'log out', 'logoff', 'signout', 'sign out', '签出', '登出', '注销', '下线'],
  pause: ['pause', 'paused', 'busy', 'not ready', '示忙', '置忙', '小休', '暂停'],
  unpause: ['unpause', 'unpaused', 'ready', 'available', 'idle', '示闲', '置闲', '就绪', '恢复'],
} as const;

/** Pause reasons hotline knows (policy presence.allowed_reasons names them by these codes); any other reason is kept as written. */
export const PAUSE_REASONS = {
  lunch: ['lunch', '午休', '午餐', '用餐', '吃饭'],
  training: ['training', '培训'],
  meeting: ['meeting', '会议', '开会'],
  break: ['break', '小休', '休息'],
} as const;

/**
 * Operator presence events (docs/formats.md, "presence"): logins, logouts, pauses and unpauses,
 * keyed by time, operator, state and queue so that overlapping exports never count an event
 * twice. A state hotline does not know is kept as written and not used (as queue_log keeps
 * unknown events).
 */
export const PRESENCE: KindSpec = {
  kind: 'presence',
  table: 'presence',
  key: 'event_id',
  // Time first: events come in time order and go in at the end of the key's index (schema 15).
  derivedKey: ['at', 'operator_id', 'state', 'queue'],
  fields: [
    { name: 'operator_id', aliases: ['工号', '坐席工号', '坐席', 'agent_id', 'agent'], value: id, required: true },
    { name: 'state', aliases: ['状态', '坐席状态', '事件', 'event', 'status'], value: { type: 'code-or-text', values: PRESENCE_STATES }, required: true },
    { name: 'at', aliases: ['时间', '发生时间', '状态时间', '开始时间', 'time', 'timestamp'], value: { type: 'datetime' }, required: true, localDay: 'day' },
    { name: 'reason', aliases: ['原因', '示忙原因', '小休原因', 'pause_reason'], value: { type: 'code-or-text', values: PAUSE_REASONS } },
    { name: 'queue', aliases: ['队列', '技能组', 'queuename', 'queue_name'], value: text },
  ],
};

export const KIND_SPECS: Readonly<Record<ImportKind, KindSpec>> = {
  operators: OPERATORS, calls: CALLS, orders: ORDERS, leave: LEAVE, tickets: TICKETS, evaluations: EVALUATIONS, trainings: TRAININGS, attendance: ATTENDANCE, presence: PRESENCE,
};

/** The stored row of a kind: its columns in order, and where each field's value stands among them. */
export interface StoredLayout {
  /** The stored columns, in the order of a converted row's values: a derived key first, then each field with its local day (and hour). */
  columns: string[];
  /** Index in `columns` of each field's value, in the kind's field order. */
  slots: number[];
  /** The stored columns of the fields a file has (a derived key always): what an update of an existing row may change. */
  present(has: (field: string) => boolean): string[];
}

/** The one place the stored layout of a kind is worked out: each field, plus local_day (and local_hour) after a date-time. */
export function storedLayout(spec: KindSpec): StoredLayout {
  const columns: string[] = spec.derivedKey ? [spec.key] : [];
  const slots: number[] = [];
  for (const f of spec.fields) {
    slots.push(columns.length);
    columns.push(f.name);
    if (f.localDay) columns.push(f.dayColumn ?? 'local_day');
    if (f.localDay === 'day-hour') columns.push('local_hour');
  }
  const present = (has: (field: string) => boolean): string[] => {
    const out: string[] = spec.derivedKey ? [spec.key] : [];
    spec.fields.forEach((f, i) => {
      if (has(f.name)) out.push(...columns.slice(slots[i], slots[i + 1] ?? columns.length));
    });
    return out;
  };
  return { columns, slots, present };
}

/** The stored columns of a kind (storedLayout). */
export function storedColumns(spec: KindSpec): string[] {
  return storedLayout(spec).columns;
}

/** A row's natural key as an import stores it: the `derivedKey` fields' values joined by '|' (empty for a missing one), else the key field's value. */
export function naturalKeyOf(spec: KindSpec, values: Readonly<Record<string, unknown>>): string {
  return spec.derivedKey ? spec.derivedKey.map((f) => String(values[f] ?? '')).join('|') : String(values[spec.key] ?? '');
}

/** Header text normalised for matching: width, case, spaces, zero-width marks, _ - . ignored. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200f\u2060\ufeff_\-.]/g, '');
}

