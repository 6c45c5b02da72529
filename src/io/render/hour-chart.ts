/** A small hourly bar chart of offered vs answered calls, at most 80 columns wide. */
export interface HourBar {
  hour: number;
  offered: number;
  answered: number;
}

const WIDTH = 56;

/** Lines like `10 ██████████████░░ 152/140`: █ answered, ░ abandoned; hours with no calls are left out. */
export function renderHourChart(hours: readonly HourBar[], labels: { title: string; legend: string }): string {
  const busy = hours.filter((h) => h.offered > 0);
  if (busy.length === 0) return '';
  const max = Math.max(...busy.map((h) => h.offered));
  const lines = busy.map((h) => {
    const answered = Math.round((h.answered / max) * WIDTH);
    const rest = Math.max(0, Math.round((h.offered / max) * WIDTH) - answered);
    return `${String(h.hour).padStart(2, '0')} ${'█'.repeat(answered)}${'░'.repeat(rest)} ${h.offered}/${h.answered}`;
  });
  return `${labels.title}\n${lines.join('\n')}\n${labels.legend}\n`;
}
