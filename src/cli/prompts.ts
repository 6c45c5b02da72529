/**
 * The only place that asks questions (inquirer), and only in a terminal: the missing teamwork and
 * knowledge-test scores of a month, each saved as soon as it is entered; and what `import inspect
 * --save-mapping` cannot find in a file.
 */
import { input, select } from '@inquirer/prompts';
import type { FieldSpec } from '../domain/kinds.js';
import type { Asker, ColumnChoice } from '../app/mapping-builder.js';
import type Database from 'better-sqlite3';
import type { OperatorInputs } from '../db/queries/appraisal-inputs.js';
import { NEW_SESSION_COUNTS, saveSessionScore, type ScoreSession } from '../db/queries/evaluations.js';
import { labelsOf } from '../io/render/vocabulary/values.js';
import { FieldError, parseDecimal } from '../io/values.js';
import { VERSION } from '../version.js';

const INDICATOR_ZH = labelsOf('indicator');

/** The scores asked, each named as the appraisal's indicator is in Chinese (values.ts) and in English. */
const METRICS = [
  { metric: 'teamwork', label: `${INDICATOR_ZH.teamwork} teamwork (0–100)`, count: 'teamwork_count', sum: 'teamwork_sum' },
  { metric: 'knowledge_test', label: `${INDICATOR_ZH.knowledge_test} knowledge test (0–100)`, count: 'knowledge_count', sum: 'knowledge_sum' },
] as const;

/** A score as `import evaluations` reads it (decimals, full-width digits, 0–100); empty skips. */
function checkScore(text: string): string | true {
  if (text.trim() === '') return true;
  try {
    parseDecimal(text.trim(), { min: 0, max: 100 });
    return true;
  } catch (e) {
    if (e instanceof FieldError) return e.hint ? `${e.message}: ${e.hint}` : e.message;
    throw e;
  }
}

/**
 * Asks each operator's missing teamwork and knowledge-test scores and saves each one at once,
 * under one import-ledger entry for the session (src/db/queries/evaluations.ts).
 */
export async function askEvaluations(db: Database.Database, month: string, people: OperatorInputs[], ctx: { evaluator: string; now: () => number; say: (line: string) => void }): Promise<void> {
  const startedAt = ctx.now();
  let session: ScoreSession = {
    ledger: null, counts: NEW_SESSION_COUNTS,
    entry: {
      kind: 'evaluations', file_name: `appraise evaluate ${month}`, file_path: '(interactive)', sha256: `interactive:${startedAt}:${process.pid}`,
      size_bytes: 0, encoding: 'utf-8', delimiter: '', profile: 'interactive', started_at: startedAt, os_user: ctx.evaluator, hotline_version: VERSION,
    },
  };
  for (const p of people) {
    for (const m of METRICS) {
      const have = p[m.count];
      if (have > 0) {
        ctx.say(`${p.operator_id} ${p.name}: ${m.metric} already ${(p[m.sum] / have).toFixed(1)} (${have} score${have > 1 ? 's' : ''})`);
        continue;
      }
      const text = (await input({ message: `${p.operator_id} ${p.name} ${p.team ?? ''} ${m.label} (empty to skip)`, validate: checkScore })).trim();
      if (text === '') continue;
      const score = parseDecimal(text, { min: 0, max: 100 });
      session = saveSessionScore(db, session, { operator_id: p.operator_id, month, metric: m.metric, score, evaluator: ctx.evaluator }, ctx.now);
    }
  }
  const { counts, ledger } = session;
  ctx.say(`saved ${counts.rows} score${counts.rows === 1 ? '' : 's'} for ${month}${ledger === null ? '' : ` (import #${ledger})`}`);
}

const FIXED = -1;
const NONE = -2;

function columnChoices(headers: string[], sample: string[][]): { name: string; value: number }[] {
  return headers.map((h, i) => ({ name: `${i + 1}. ${h}  (e.g. ${sample.slice(0, 3).map((r) => JSON.stringify(r[i] ?? '')).join(', ')})`, value: i }));
}

/** Questions for `import inspect --save-mapping`, asked with inquirer. */
export function mappingAsker(): Asker {
  return {
    async column(field: FieldSpec, headers: string[], sample: string[][]): Promise<ColumnChoice> {
      const picked = await select({
        message: `Which column holds ${field.name} (required)?`,
        choices: [...columnChoices(headers, sample), { name: '(the same fixed value on every row)', value: FIXED }, { name: '(none: stop, the mapping is not written)', value: NONE }],
        pageSize: 15,
      });
      if (picked === NONE) return 'none';
      if (picked === FIXED) return { value: await input({ message: `The value of ${field.name} on every row:`, required: true }) };
      return { column: picked };
    },
    async dateFormat(field: FieldSpec, examples: string[], check: (format: string) => string | null): Promise<string> {
      return input({
        message: `${field.name}: hotline cannot read ${examples.map((e) => JSON.stringify(e)).join(', ')}. Their layout (tokens YYYY YY MM M DD D HH H mm ss, e.g. YYMMDD or DD/MM/YYYY HH:mm):`,
        required: true,
        validate: (f: string) => check(f.trim()) ?? true,
      }).then((f) => f.trim());
    },
    async timeColumn(field: FieldSpec, headers: string[], sample: string[][], check: (column: number, format: string) => string | null): Promise<{ column: number; format: string }> {
      const column = await select({ message: `${field.name}: the date has no time of day. Which column holds the time?`, choices: columnChoices(headers, sample), pageSize: 15 });
      const format = await input({ message: 'Its layout (e.g. H:mm:ss, HH:mm):', default: 'H:mm:ss', validate: (f: string) => check(column, f.trim()) ?? true });
      return { column, format: format.trim() };
    },
    async code(field: FieldSpec, value: string, choices: string[]): Promise<string | null> {
      return select<string | null>({
        message: `${field.name}: what does "${value}" mean?`,
        choices: [...choices.map((c) => ({ name: c, value: c })), { name: '(leave such rows out: @skip)', value: '@skip' }, { name: '(empty)', value: null }],
      });
    },
  };
}
