/**
 * The Chinese labels of the values reports show (grades, actions, yes/no, kinds, statuses, leave
 * types, leave workings): a column names its vocabulary (`values: 'grade'`) and the table, CSV
 * and xlsx renderers show the label when --lang zh. JSON keeps the canonical English codes.
 * Labels of imported codes are words the import accepts, so a zh CSV can be imported again.
 */
import type { Action, Grade, Group, Indicator } from '../../../domain/appraisal-policy.js';
import type { DayKind } from '../../../domain/calendar.js';
import { CATEGORIES, COMPLAINT_REASONS, DIRECTIONS, LEAVE_TYPES, PAUSE_REASONS, SEVERITIES, TICKET_KINDS, TRAINING_KIND_VALUES, type ImportKind } from '../../../domain/kinds.js';
import type { TicketStatus } from '../../../domain/tickets.js';

/** The first Chinese spelling an import accepts for each code. */
function chineseAliases<K extends string>(values: Readonly<Record<K, readonly string[]>>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<readonly string[]>(values).map(([code, words]) => [code, words.find((w) => /[\u4e00-\u9fff]/.test(w)) ?? code])) as Record<K, string>;
}

const GRADE: Readonly<Record<Grade, string>> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
const ACTION: Readonly<Record<Action, string>> = { reassignment_review: '调岗评估', warning_and_coaching: '诫勉谈话与培训辅导' };
const GROUP: Readonly<Record<Group | 'total', string>> = { service_quality: '服务质量', efficiency: '工作效率', knowledge: '业务知识', teamwork: '团队协作', total: '合计' };
const INDICATOR: Readonly<Record<Indicator, string>> = {
  satisfaction: '客户满意度', complaint_rate: '投诉率', suggestion_adoption: '建议采纳率', fcr: '一次解决率',
  calls_per_day: '日均接听量', orders_per_day: '日均下单量', resolution_hours: '投诉处理时长', adherence: '在岗遵守率',
  knowledge_test: '业务考试', teamwork: '团队协作',
};
const DAY_KIND: Readonly<Record<DayKind, string>> = { workday: '工作日', weekend: '周末', holiday: '法定节假日', swapped_workday: '调休上班' };
const TICKET_STATUS: Readonly<Record<TicketStatus, string>> = { open: '处理中', due_soon: '即将超时', overdue: '已超时', resolved_on_time: '按时办结', resolved_late: '超时办结' };
const IMPORT_KIND: Readonly<Record<ImportKind, string>> = {
  operators: '花名册', calls: '话单', orders: '订单', leave: '请假记录', tickets: '工单', evaluations: '考核评分', trainings: '培训场次', attendance: '培训签到', presence: '坐席状态',
};

/** Phrases of the annual-leave workings (src/domain/leave.ts), rewritten in this order. */
const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const LEAVE_WORKING: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`not employed in (\\d{4})`, 'g'), '$1 年未在职'],
  [new RegExp(`leaving ${DATE} is before the hire date ${DATE}`, 'g'), '离职日 $1 早于入职日 $2'],
  [new RegExp(`hired ${DATE}`, 'g'), '$1 入职'],
  [new RegExp(`left ${DATE}`, 'g'), '$1 离职'],
  [new RegExp(`company extra ${NUM} \\((\\d+) years? at the company on ${DATE}, leave\\.extra_days\\)`, 'g'), '公司额外 $1 天（$3 司龄满 $2 年，leave.extra_days）'],
  [new RegExp(`carried over ${NUM} from (\\d{4}) \\(used first\\)`, 'g'), '$2 年结转 $1 天（先休）'],
  [new RegExp(`(\\d+) years? on ${DATE}`, 'g'), '$2 工龄满 $1 年'],
  [/under 1 year of work/g, '累计工作不满 1 年'],
  [/full year at band (\d+)/g, '全年 $1 天档'],
  [/disqualified → 0/g, '不享受 → 0'],
  [new RegExp(`paid personal leave ${NUM} working days in (\\d{4}) \\(20 or more with pay not deducted; reached ${DATE}\\)`, 'g'), '$2 年未扣工资的事假 $1 个工作日（累计 20 天以上；$3 达到）'],
  [new RegExp(`sick leave ${NUM} days in (\\d{4}) \\((\\d+) months × (\\d+) = (\\d+) days or more at ([^;]+); reached ${DATE}\\)`, 'g'), '$2 年病假 $1 天（工龄 $6 累计 $3 个月 × $4 = $5 天以上；$7 达到）'],
  [/after ([\d.]+) days of (\d{4}) leave were taken, so (\d{4}) leave is forfeited/g, '，已休 $2 年年假 $1 天，故不享受 $3 年年假'],
  [/ \+ ([\d.]+) carried over/g, ' + 结转 $1'],
  [/owed max\(0, ([^)]*?) − ([\d.]+) taken\)/g, '应付 max(0, $1 − 已休 $2)'],
  [/daily wage /g, '日工资 '],
  [/extra 200 %: /g, '200 % 工资报酬：'],
  [/REG art\.(\d+)\((\d+)\)/g, '《条例》第$1条第($2)项'],
  [/REG art\.(\d+)/g, '《条例》第$1条'],
  [/MEA art\.(\d+)/g, '《实施办法》第$1条'],
  [/(\d+)–<(\d+) years/g, '$1–$2 年'],
  [/(\d+)\+ years/g, '$1 年以上'],
];

interface Vocabulary {
  /** Canonical code → Chinese label (a whole value, or each code in a list such as "teamwork knowledge_test"). */
  labels: Readonly<Record<string, string>>;
  /** Explanatory text: phrases rewritten in order. */
  phrases?: readonly (readonly [RegExp, string])[];
}

const VOCABULARIES = {
  grade: { labels: GRADE },
  action: { labels: ACTION },
  /** Flags, however a report holds them: 1/0, true/false, yes/no. */
  yesno: { labels: { 1: '是', 0: '否', true: '是', false: '否', yes: '是', no: '否' } },
  appraisal_group: { labels: GROUP },
  indicator: { labels: INDICATOR },
  run_status: { labels: { finalized: '已定稿', computed: '未定稿' } },
  training_kind: { labels: chineseAliases(TRAINING_KIND_VALUES) },
  leave_type: { labels: chineseAliases(LEAVE_TYPES) },
  leave_working: { labels: {}, phrases: LEAVE_WORKING },
  settlement_item: {
    labels: {
      operator_id: '工号', termination_date: '离职日期', entitlement_days: '应享年休假天数', taken_days: '已休天数', payable_unused_days: '应付未休天数',
      daily_wage: '日工资', extra_pay: '未休年假工资报酬', basis: '计算依据',
    },
  },
  day_kind: { labels: DAY_KIND },
  weekday: { labels: { Sun: '周日', Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六' } },
  ticket_kind: { labels: chineseAliases(TICKET_KINDS) },
  ticket_status: { labels: TICKET_STATUS },
  severity: { labels: chineseAliases(SEVERITIES) },
  call_outcome: { labels: { answered: '接听', abandoned: '放弃' } },
  call_direction: { labels: chineseAliases(DIRECTIONS) },
  call_category: { labels: chineseAliases(CATEGORIES) },
  complaint_reason: { labels: chineseAliases(COMPLAINT_REASONS) },
  summary_by: { labels: { department: '部门', operator: '话务员', total: '合计' } },
  import_kind: { labels: IMPORT_KIND },
  check_level: { labels: { ok: '正常', warning: '警告', error: '错误' } },
  audit_action: { labels: { show_pii: '查看客户信息', purge_pii: '清除客户信息' } },
  staffing_status: { labels: { understaffed: '人手不足', missed_target: '未达标', met_target: '达标' } },
  pause_reason: { labels: { ...chineseAliases(PAUSE_REASONS), '(none)': '无原因' } },
  absence_why: { labels: { no_reason: '无原因', not_allowed: '非许可原因', over_allowance: '超出额度' } },
} as const satisfies Record<string, Vocabulary>;

export type ValueVocabulary = keyof typeof VOCABULARIES;

/** Chinese labels of a vocabulary's codes (e.g. the training kinds of a calendar entry). */
export function labelsOf(vocabulary: ValueVocabulary): Readonly<Record<string, string>> {
  return VOCABULARIES[vocabulary].labels;
}

const CODE = /[A-Za-z][A-Za-z_]*/g;

/**
 * A value as a report shows it in `lang`: in Chinese, the label of the code (each code of a list,
 * the phrases of a working); in English, the canonical code unchanged. Unknown codes and free
 * text stay as they are.
 */
export function valueLabel(value: unknown, vocabulary: ValueVocabulary, lang: 'en' | 'zh'): unknown {
  if (lang !== 'zh' || value === null || value === undefined || value === '') return value;
  const v: Vocabulary = VOCABULARIES[vocabulary];
  const text = String(value);
  const whole = Object.hasOwn(v.labels, text) ? v.labels[text] : undefined;
  if (whole !== undefined) return whole;
  if (typeof value !== 'string') return value;
  if (v.phrases) return v.phrases.reduce((s, [pattern, label]) => s.replace(pattern, label), text);
  return text.replace(CODE, (code) => (Object.hasOwn(v.labels, code) ? (v.labels[code] as string) : code));
}
