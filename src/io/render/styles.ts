/**
 * Bold and dim for terminal tables: chalk's, at colour level 1, when colour is allowed (cli/runtime.ts
 * `colorAllowed`); plain text otherwise. chalk is loaded by the first coloured table (a synchronous
 * require of its ES module, Node ≥ 20.19), so pipes, files and cron never load it.
 */
import { createRequire } from 'node:module';

export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
}

const require = createRequire(import.meta.url);

const PLAIN: Styles = { bold: (text) => text, dim: (text) => text };

let ansi: Styles | undefined;

function chalkStyles(): Styles {
  const { Chalk } = require('chalk') as typeof import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: (text) => chalk.bold(text), dim: (text) => chalk.dim(text) };
}

/** Bold and dim, as ANSI codes when `color`, else the text unchanged. */
export function styles(color: boolean): Styles {
  return color ? (ansi ??= chalkStyles()) : PLAIN;
}
