/**
 * The cause of an appraisal's consequences in words (issue 17 item 10), as `appraise explain`
 * shows it and a finalized run keeps it: "serious complaint T00047", "fail in 2026-09 and
 * 2026-10", "excellent in 2026-08, 2026-09 and 2026-10". Pure.
 */
import type { ActionCause } from './appraisal.js';
import type { IsoMonth } from './dates.js';

/** 'a', 'a and b', 'a, b and c'. */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The causes of an action, joined with '; ' (null without one); `tickets` are the serious complaints' ids. */
export function describeActionCauses(causes: readonly ActionCause[], tickets: readonly string[]): string | null {
  if (causes.length === 0) return null;
  return causes.map((c) => {
    if (c.rule === 'serious_complaint') return tickets.length === 0 ? 'serious complaint' : `serious complaint${tickets.length > 1 ? 's' : ''} ${tickets.join(', ')}`;
    return `fail in ${list(c.months)}`;
  }).join('; ');
}

/** 'excellent in 2026-08, 2026-09 and 2026-10' (null without a commendation). */
export function describeCommendation(months: readonly IsoMonth[]): string | null {
  return months.length === 0 ? null : `excellent in ${list(months)}`;
}
