/**
 * The column vocabulary: every column a report shows, by its key (the JSON key and the English
 * CSV header unless `en` says otherwise), with its Chinese header (--lang zh), its type, and the
 * vocabulary of its values (values.ts: what --lang zh shows for codes). Customer data is marked
 * where the import marks it (a field's `pii` in src/domain/kinds.ts), so a report cannot forget
 * to mask it. A report picks its columns by key and says only what is its own: `wide` (left out
 * of an 80-column terminal table) and, where it means something else by the key, a label.
 */
import { KIND_SPECS, LEAVE_TYPES, type PiiKind } from '../../../domain/kinds.js';
import type { Column } from '../report.js';
import { labelsOf } from './values.js';

/** What the vocabulary says of a column: everything but its key and `wide`; `en` defaults to the key. */
type Label = Omit<Column, 'key' | 'en' | 'wide' | 'pii'> & { en?: string };

// Columns headed by a value's label (values.ts) take it from there. (The policy modules that list
// the groups and training kinds load zod, which a report that needs neither must not load.)
const GROUP = labelsOf('appraisal_group');
const TRAINING = labelsOf('training_kind');

const LABELS = {
  // People
  operator_id: { zh: '工号' },
  name: { zh: '姓名' },
  team: { zh: '班组' },
  hire_date: { zh: '入职日期', type: 'date' },
  work_start_date: { zh: '参加工作日期', type: 'date' },
  termination_date: { zh: '离职日期', type: 'date' },
  level: { zh: '岗位级别' },
  base_salary: { zh: '基本工资', type: 'money' },
  performance_base: { zh: '绩效工资基数', type: 'money' },
  monthly_wage: { zh: '月平均工资', type: 'money' },
  about_operator_id: { zh: '被投诉工号' },
  attendee_ids: { zh: '参训工号' },
  who: { zh: '工号' },
  operators: { zh: '人数', type: 'integer' },
  // Calls and orders as imported
  call_id: { zh: '通话编号' },
  started_at: { zh: '来电时间', type: 'datetime' },
  direction: { zh: '呼叫方向', values: 'call_direction' },
  outcome: { zh: '呼叫结果', values: 'call_outcome' },
  wait_seconds: { zh: '等待时长', type: 'seconds' },
  talk_seconds: { zh: '通话时长', type: 'seconds' },
  hold_seconds: { zh: '保持时长', type: 'seconds' },
  acw_seconds: { zh: '话后处理时长', type: 'seconds' },
  category: { zh: '业务类型', values: 'call_category' },
  topic: { zh: '咨询类型' },
  complaint_reason: { zh: '投诉原因', values: 'complaint_reason' },
  customer_name: { zh: '客户姓名' },
  customer_phone: { zh: '客户电话' },
  customer_address: { zh: '客户地址' },
  tracking_no: { zh: '运单号' },
  satisfaction: { zh: '满意度', type: 'integer' },
  resolved: { zh: '是否解决', type: 'yesno' },
  order_id: { zh: '订单号' },
  created_at: { zh: '下单时间', type: 'datetime' },
  sender_name: { zh: '寄件人' },
  sender_phone: { zh: '寄件人电话' },
  sender_address: { zh: '寄件地址' },
  receiver_name: { zh: '收件人' },
  receiver_phone: { zh: '收件人电话' },
  receiver_address: { zh: '收件地址' },
  service: { zh: '产品类型' },
  weight_kg: { zh: '重量', type: 'number' },
  fee: { zh: '运费', type: 'money' },
  corrected: { zh: '是否更正', type: 'yesno' },
  // Call statistics (docs/metrics.md)
  offered: { zh: '来电量', type: 'integer' },
  answered: { zh: '接听量', type: 'integer' },
  abandoned: { zh: '放弃量', type: 'integer' },
  short_abandoned: { zh: '短时放弃', type: 'integer' },
  answered_within_threshold: { zh: '三声内接听', type: 'integer' },
  abandoned_within_threshold: { zh: '阈值内放弃', type: 'integer' },
  within_threshold_rate: { zh: '三声内接听率', type: 'rate' },
  service_level: { zh: '服务水平', type: 'rate' },
  asa_seconds: { zh: '平均应答时长', type: 'seconds' },
  aht_seconds: { zh: '平均处理时长', type: 'seconds' },
  handle_seconds: { zh: '处理时长', type: 'seconds' },
  abandonment_rate: { zh: '放弃率', type: 'rate' },
  avg_abandon_wait_seconds: { zh: '平均放弃等待', type: 'seconds' },
  max_wait_seconds: { zh: '最长等待', type: 'seconds' },
  satisfaction_avg: { zh: '平均满意度', type: 'number' },
  complaints: { zh: '投诉量', type: 'integer' },
  orders: { zh: '下单量', type: 'integer' },
  missed_rings: { zh: '未接振铃', type: 'integer' },
  outbound_calls: { zh: '呼出量', type: 'integer' },
  calls: { zh: '来电量', type: 'integer' },
  measure: { zh: '指标' },
  measure_zh: { en: 'label', zh: '名称' },
  value: { zh: '数值' },
  // Periods and days
  hour: { zh: '时段', type: 'integer' },
  day: { zh: '日期' },
  week_from: { zh: '周起始' },
  month: { zh: '月份' },
  year: { zh: '年度', type: 'integer' },
  date: { zh: '日期', type: 'date' },
  weekday: { zh: '星期', values: 'weekday' },
  working: { zh: '上班', values: 'yesno' },
  working_days: { zh: '工作日', type: 'integer' },
  workday: { en: 'weekdays_worked', zh: '平日', type: 'integer' },
  swapped_workday: { en: 'swapped_workdays', zh: '调休上班', type: 'integer' },
  weekend: { en: 'weekend_days_off', zh: '周末', type: 'integer' },
  holiday: { en: 'holidays', zh: '法定假日', type: 'integer' },
  // The appraisal (docs/metrics.md) and the bonus sheet
  score: { zh: '总分', type: 'number' },
  grade: { zh: '等级', values: 'grade' },
  commendation: { zh: '表彰', values: 'yesno' },
  action: { zh: '处理', values: 'action' },
  missing: { zh: '缺少数据', values: 'indicator' },
  group: { zh: '维度', values: 'appraisal_group' },
  indicator: { zh: '指标', values: 'indicator' },
  inputs: { zh: '数据' },
  raw: { zh: '原始值', type: 'number' },
  scale: { en: 'scale (0 → 100)', zh: '评分区间' },
  weight_in_group: { en: 'weight %', zh: '权重%', type: 'number' },
  base_weight_in_group: { en: 'policy weight %', zh: '原权重%', type: 'number' },
  group_weight: { en: 'group weight %', zh: '维度权重%', type: 'number' },
  contribution: { zh: '贡献', type: 'number' },
  record: { zh: '考核记录', values: 'grade' },
  service_quality: { zh: GROUP.service_quality as string, type: 'number' },
  efficiency: { zh: GROUP.efficiency as string, type: 'number' },
  knowledge: { zh: GROUP.knowledge as string, type: 'number' },
  teamwork: { zh: GROUP.teamwork as string, type: 'number' },
  excellent_months: { zh: '优秀月数', type: 'integer' },
  tenure_months: { zh: '司龄(月)', type: 'integer' },
  performance_pay: { zh: '绩效工资', type: 'money' },
  full_attendance_bonus: { zh: '全勤奖', type: 'money' },
  excellent_employee_bonus: { zh: '优秀员工奖', type: 'money' },
  business_outstanding_bonus: { zh: '业务突出奖', type: 'money' },
  total: { zh: '合计', type: 'money' },
  employed_from: { zh: '在职起', type: 'date' },
  employed_to: { zh: '在职止', type: 'date' },
  days_employed: { zh: '在职天数', type: 'integer' },
  proration: { zh: '折算' },
  item: { zh: '项目' },
  amount: { en: 'yuan', zh: '金额(元)', type: 'money' },
  // Annual leave (docs/leave.md)
  cumulative_years: { zh: '累计工龄', type: 'integer' },
  band_days: { zh: '档位' },
  entitlement_days: { zh: '法定年假', type: 'number' },
  extra_days: { zh: '公司额外', type: 'number' },
  carried_over_days: { zh: '上年结转', type: 'number' },
  taken_days: { zh: '已休', type: 'number' },
  remaining_days: { zh: '剩余', type: 'number' },
  disqualified: { zh: '不享受', values: 'yesno' },
  disqualification_reason: { zh: '不享受原因', values: 'leave_working' },
  basis: { zh: '计算依据', values: 'leave_working' },
  dates: { zh: '日期', values: 'leave_type' },
  // Tickets
  ticket_id: { zh: '工单号' },
  kind: { zh: '类型' },
  opened_at: { zh: '受理时间', type: 'datetime' },
  reason: { zh: '事由' },
  reason_label: { zh: '原因' },
  severity: { zh: '严重程度', values: 'severity' },
  department: { zh: '转交部门' },
  promised_at: { zh: '承诺时间', type: 'datetime' },
  legal_deadline: { zh: '法定时限', type: 'datetime' },
  resolved_at: { zh: '办结时间', type: 'datetime' },
  age_hours: { zh: '时长(小时)', type: 'number' },
  status: { zh: '状态' },
  late_against_promise: { zh: '超承诺', values: 'yesno' },
  late_against_legal_limit: { zh: '超法定时限', values: 'yesno' },
  by: { zh: '维度', values: 'summary_by' },
  key: { zh: '部门/工号' },
  complaints_received: { zh: '受理投诉', type: 'integer' },
  complaints_resolved: { zh: '办结投诉', type: 'integer' },
  median_resolution_hours: { zh: '办结时长中位数', type: 'number' },
  p90_resolution_hours: { zh: '办结时长P90', type: 'number' },
  resolved_within_promise: { zh: '承诺内办结率', type: 'rate' },
  resolved_within_legal_limit: { zh: '法定时限内办结率', type: 'rate' },
  customer_satisfied: { zh: '客户满意率', type: 'rate' },
  suggestions: { zh: '建议', type: 'integer' },
  suggestions_adopted: { zh: '采纳', type: 'integer' },
  count: { zh: '投诉量', type: 'integer' },
  // Training
  session_id: { zh: '场次' },
  start_time: { en: 'start', zh: '开始' },
  end_time: { en: 'end', zh: '结束' },
  topic_name: { en: 'topic', zh: '主题' },
  onboarding_required: { zh: `${TRAINING.onboarding}应参加`, type: 'integer' },
  onboarding_attended: { zh: `${TRAINING.onboarding}已参加`, type: 'integer' },
  internal_required: { zh: `${TRAINING.internal}应参加`, type: 'integer' },
  internal_attended: { zh: `${TRAINING.internal}已参加`, type: 'integer' },
  targeted_required: { zh: `${TRAINING.targeted}应参加`, type: 'integer' },
  targeted_attended: { zh: `${TRAINING.targeted}已参加`, type: 'integer' },
  coaching_required: { zh: `${TRAINING.coaching}应参加`, type: 'integer' },
  coaching_attended: { zh: `${TRAINING.coaching}已参加`, type: 'integer' },
  required_hours: { zh: '应参加学时', type: 'number' },
  attended_hours: { zh: '已参加学时', type: 'number' },
  behind: { zh: '欠缺', values: 'training_kind' },
  // The import ledger, the audit trail, db check
  import_id: { zh: '批次' },
  file: { zh: '文件' },
  sha256: { zh: 'SHA-256' },
  encoding: { zh: '编码' },
  rows: { zh: '行数', type: 'integer' },
  inserted: { zh: '新增', type: 'integer' },
  updated: { zh: '更新', type: 'integer' },
  unchanged: { zh: '未变', type: 'integer' },
  rejected: { zh: '拒绝', type: 'integer' },
  skipped: { zh: '跳过', type: 'integer' },
  imported_at: { zh: '导入时间', type: 'datetime' },
  user: { zh: '用户' },
  // Incremental imports of growing logs (issue 23): the bytes an import read, and the import it continues
  range_start: { zh: '起始字节', type: 'integer' },
  range_end: { zh: '结束字节', type: 'integer' },
  continues: { zh: '接续批次' },
  id: { zh: '序号', type: 'integer' },
  at: { zh: '时间', type: 'datetime' },
  os_user: { en: 'user', zh: '用户' },
  report: { zh: '报表' },
  records: { zh: '记录数', type: 'integer' },
  filters_json: { en: 'filters', zh: '条件' },
  command: { zh: '命令' },
  check: { zh: '检查项' },
  detail: { zh: '说明' },
  // Staffing (docs/metrics.md, "Staffing: the Erlang C model")
  interval: { zh: '时间段' },
  forecast_calls: { zh: '预测来电', type: 'number' },
  traffic_erlangs: { zh: '话务量(Erl)', type: 'number' },
  agents: { zh: '所需坐席', type: 'integer' },
  scheduled: { zh: '排班人数', type: 'integer' },
  p_wait: { zh: '排队概率', type: 'rate' },
  occupancy: { zh: '占用率', type: 'rate' },
  operators_available: { zh: '可用人数', type: 'number' },
  shortfall: { zh: '缺口', type: 'number' },
  interval_minutes: { zh: '时段(分钟)', type: 'integer' },
  threshold_seconds: { zh: '阈值(秒)', type: 'seconds' },
  target: { zh: '目标服务水平', type: 'rate' },
  max_occupancy: { zh: '最高占用率', type: 'rate' },
  shrinkage: { zh: '损耗率', type: 'rate' },
  // Repeat calls and first-contact resolution (docs/metrics.md)
  repeat_calls: { zh: '重复来电', type: 'integer' },
  repeat_rate: { zh: '重复来电率', type: 'rate' },
  first_calls: { zh: '首次来电', type: 'integer' },
  window_open: { zh: '观察期未满', type: 'integer' },
  resolved_first_calls: { zh: '首次解决', type: 'integer' },
  fcr_rate: { zh: '一次解决率', type: 'rate' },
  median_hours_to_repeat: { zh: '重复间隔中位数(小时)', type: 'number' },
  repeat_of: { zh: '重复于' },
  hours_to_repeat: { zh: '间隔(小时)', type: 'number' },
  // The month's and the day's report (report month|day, issue 22)
  days_worked: { zh: '出勤天数', type: 'number' },
  calls_per_day: { zh: '日均接听量', type: 'number' },
  orders_per_day: { zh: '日均下单量', type: 'number' },
  previous_offered: { zh: '上期来电量', type: 'integer' },
  previous_count: { zh: '上期投诉量', type: 'integer' },
  // Presence (docs/metrics.md, "Presence")
  first_login: { zh: '首次签入', type: 'datetime' },
  last_logout: { zh: '最后签出', type: 'datetime' },
  open: { zh: '未签出', values: 'yesno' },
  logged_in_seconds: { zh: '签入时长', type: 'seconds' },
  paused_seconds: { zh: '示忙时长', type: 'seconds' },
  paused_lunch_seconds: { zh: '午休', type: 'seconds' },
  paused_training_seconds: { zh: '培训', type: 'seconds' },
  paused_meeting_seconds: { zh: '会议', type: 'seconds' },
  paused_break_seconds: { zh: '小休', type: 'seconds' },
  paused_other_seconds: { zh: '其他原因', type: 'seconds' },
  paused_no_reason_seconds: { zh: '无原因', type: 'seconds' },
  available_seconds: { zh: '可用时长', type: 'seconds' },
  utilisation: { zh: '利用率', type: 'rate' },
  answered_per_available_hour: { zh: '每可用小时接听', type: 'number' },
  pauses: { zh: '示忙次数', type: 'integer' },
  relogins: { zh: '重复签入', type: 'integer' },
  unauthorized_seconds: { zh: '擅离时长', type: 'seconds' },
  operators_logged_in: { zh: '签入人数', type: 'number' },
  paused_from: { zh: '示忙开始', type: 'datetime' },
  paused_to: { zh: '示忙结束', type: 'datetime' },
  pause_reason: { zh: '示忙原因', values: 'pause_reason' },
  absence: { zh: '认定', values: 'absence_why' },
  seconds: { zh: '时长', type: 'seconds' },
} as const satisfies Record<string, Label>;

type LeaveType = keyof typeof LEAVE_TYPES;
/** A column per leave type (working days taken), headed by the type's label (leave_type). */
const LEAVE_TYPE_LABELS = Object.fromEntries(Object.keys(LEAVE_TYPES).map((t) => [t, { zh: labelsOf('leave_type')[t] as string, type: 'number' }])) as Record<LeaveType, Label>;

const VOCABULARY: Readonly<Record<string, Label>> = { ...LABELS, ...LEAVE_TYPE_LABELS };

export type ColumnKey = keyof typeof LABELS | LeaveType;

/** Customer data by column: the fields an import marks as personal data. */
const PII: ReadonlyMap<string, PiiKind> = new Map(Object.values(KIND_SPECS).flatMap((spec) => spec.fields.flatMap((f) => (f.pii ? [[f.name, f.pii] as const] : []))));

/** What a report says of a column of its own: `wide`, or a label where it means something else by the key. */
type ColumnOwn = Partial<Omit<Column, 'key'>>;

/** Left out of a terminal table unless --wide. */
export const WIDE: ColumnOwn = { wide: true };

/** The column `key` as the vocabulary labels it, with what the report says of its own. */
export function column(key: ColumnKey, own: ColumnOwn = {}): Column {
  const { en, ...label } = VOCABULARY[key] as Label;
  const pii = PII.get(key);
  return { key, en: en ?? key, ...label, ...(pii ? { pii } : {}), ...own };
}

/** A report's columns in order: each a key, or a key and what the report says of its own. */
export function columns(...specs: readonly (ColumnKey | readonly [ColumnKey, ColumnOwn])[]): Column[] {
  return specs.map((s) => (typeof s === 'string' ? column(s) : column(s[0], s[1])));
}
