/** A small hourly bar chart of offered vs answered calls, at most 80 columns wide. */
export interface HourBar {
  hour: number;
  offered: number;
  answered: number;
  /** Operators logged in and available on average over the hour (issue 20); null or absent: not known. */
  operators_logged_in?: number | null;
  operators_available?: number | null;
}

const WIDTH = 56;
/** The bars' width when each line also shows the operators (`  9.5/8.25`), so that it still fits 80 columns. */
const WIDTH_WITH_OPERATORS = 46;

/**
 * Lines like `10 ██████████████░░ 152/140`: █ answered, ░ abandoned; hours with no calls are left
 * out. When the day's presence is known, each line ends with the operators logged in/available
 * (`152/140  9.5/8.25`), so that a bad hour shows its cause.
 */
export function renderHourChart(hours: readonly HourBar[], labels: { title: string; legend: string; operators?: string }): string {
  const busy = hours.filter((h) => h.offered > 0);
  if (busy.length === 0) return '';
  const staffed = busy.some((h) => h.operators_logged_in !== undefined && h.operators_logged_in !== null);
  const width = staffed ? WIDTH_WITH_OPERATORS : WIDTH;
  const max = Math.max(...busy.map((h) => h.offered));
  const calls = busy.map((h) => `${h.offered}/${h.answered}`);
  const pad = Math.max(...calls.map((c) => c.length));
  const lines = busy.map((h, i) => {
    const answered = Math.round((h.answered / max) * width);
    const rest = Math.max(0, Math.round((h.offered / max) * width) - answered);
    const bar = `${String(h.hour).padStart(2, '0')} ${'█'.repeat(answered)}${'░'.repeat(rest)} `;
    if (!staffed) return bar + calls[i];
    const operators = h.operators_logged_in === null || h.operators_logged_in === undefined ? 'n/a' : `${h.operators_logged_in}/${h.operators_available}`;
    return `${bar.padEnd(width + 4)}${(calls[i] as string).padEnd(pad)}  ${operators}`;
  });
  return `${labels.title}\n${lines.join('\n')}\n${labels.legend}${staffed && labels.operators ? labels.operators : ''}\n`;
}
