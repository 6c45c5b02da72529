/**
 * Headers with a unit (issue 17.6): a column's name or alias followed by a unit in parentheses,
 * `等待时长(秒)`, `talk (min)`, `时长（分钟）`, `基本工资(元)`, and what the unit means for the value.
 */
import { normalizeHeader, type FieldSpec, type KindSpec } from './kinds.js';

/** A unit of time a header may name: durations are stored in seconds, training hours in hours. */
export type TimeUnit = 'seconds' | 'minutes' | 'hours';

/** Unit words in parentheses after a header (normalised as headers are), by what they measure. */
const UNIT_WORDS: Readonly<Record<string, { measures: 'time'; unit: TimeUnit } | { measures: 'kg' | 'yuan' }>> = Object.assign(Object.create(null), {
  ...Object.fromEntries(['s', 'sec', 'secs', 'second', 'seconds', '秒', '秒钟'].map((w) => [w, { measures: 'time', unit: 'seconds' }])),
  ...Object.fromEntries(['min', 'mins', 'minute', 'minutes', '分', '分钟'].map((w) => [w, { measures: 'time', unit: 'minutes' }])),
  ...Object.fromEntries(['h', 'hr', 'hrs', 'hour', 'hours', '小时', '时'].map((w) => [w, { measures: 'time', unit: 'hours' }])),
  ...Object.fromEntries(['kg', 'kgs', '公斤', '千克'].map((w) => [w, { measures: 'kg' }])),
  ...Object.fromEntries(['元', 'yuan', 'rmb', 'cny', '¥'].map((w) => [w, { measures: 'yuan' }])),
});

const ACCEPTED_UNITS = {
  time: 'seconds (s, sec, 秒), minutes (min, 分钟, 分) or hours (h, 小时)',
  kg: 'kg (公斤, 千克)',
  yuan: 'yuan (元, rmb, cny)',
} as const;

/** What a header cell means for a kind: a field (with the unit of time its values are in), a unit hotline cannot read, or nothing. */
export type HeaderMatch =
  | { field: FieldSpec; timeUnit?: TimeUnit }
  | { field: FieldSpec; badUnit: string; accepted: string }
  | undefined;

/**
 * Issue 17.6: a header is a field's name or alias, optionally followed by a unit in ASCII or
 * full-width parentheses (`等待时长(秒)`, `talk (min)`, `时长（分钟）`, `基本工资(元)`). A unit of time
 * is converted (durations to seconds, training hours to hours); kg and yuan are what those
 * fields hold. Another unit after a field that has one is named as unreadable; parentheses after
 * a field without a unit (`备注(内部)`) are not a unit, and the header matches nothing.
 */
export function headerMatcher(spec: KindSpec): (header: string) => HeaderMatch {
  const byAlias = new Map<string, FieldSpec>();
  for (const f of spec.fields) for (const n of [f.name, ...f.aliases]) byAlias.set(normalizeHeader(n), f);
  return (header) => {
    const norm = normalizeHeader(header);
    const exact = byAlias.get(norm);
    if (exact) return { field: exact };
    const m = /^(.+)\(([^()]+)\)$/.exec(norm);
    const field = m ? byAlias.get(m[1] as string) : undefined;
    if (!m || !field) return undefined;
    const measures = field.value.type === 'duration' || field.unit === 'hours' ? 'time' : field.unit;
    if (measures === undefined) return undefined;
    const word = UNIT_WORDS[m[2] as string];
    const written = /[(（]([^()（）]*)[)）]\s*$/.exec(header)?.[1]?.trim() ?? (m[2] as string);
    if (!word || word.measures !== measures) return { field, badUnit: written, accepted: ACCEPTED_UNITS[measures] };
    return word.measures === 'time' ? { field, timeUnit: word.unit } : { field };
  };
}
