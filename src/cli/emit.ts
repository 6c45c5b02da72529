/** Renders a report with the output flags and writes it to stdout or --out. */
import { pickColumns } from '../app/lists.js';
import { writeOutput } from '../io/output.js';
import { renderReport } from '../io/render/index.js';
import type { ReportTable } from '../io/render/report.js';
import { renderSettings } from './context.js';
import type { OutputFlags } from './options.js';
import type { Runtime } from './runtime.js';

/** Writes `report`; terminal tables show only `tableKeys` when given. */
export function emitReport(report: ReportTable, flags: OutputFlags, rt: Runtime, tableKeys?: readonly string[]): void {
  const settings = renderSettings(flags, rt);
  const shown = settings.format === 'table' && tableKeys ? pickColumns(report, tableKeys) : report;
  writeOutput(renderReport(shown, settings), settings);
}
