/**
 * The only place that asks questions (inquirer), and only in a terminal: the missing teamwork and
 * knowledge-test scores of a month, each saved as soon as it is entered; and what `import inspect
 * --save-mapping` cannot find in a file.
 */
import { input, number, select } from '@inquirer/prompts';
import type { FieldSpec } from '../domain/kinds.js';
import type { Asker, ColumnChoice } from '../app/mapping-builder.js';
import type Database from 'better-sqlite3';
import type { OperatorInputs } from '../db/queries/appraisal-inputs.js';
import { insertImport } from '../db/queries/imports.js';
import { VERSION } from '../version.js';

const METRICS = [
  { metric: 'teamwork', label: '团队协作 teamwork (0–100)', count: 'teamwork_count', sum: 'teamwork_sum' },
  { metric: 'knowledge_test', label: '业务考试 knowledge test (0–100)', count: 'knowledge_count', sum: 'knowledge_sum' },
] as const;

export async function askEvaluations(db: Database.Database, month: string, people: OperatorInputs[], ctx: { evaluator: string; now: number; say: (line: string) => void }): Promise<void> {
  const ledger = insertImport(db, {
    kind: 'evaluations', file_name: `appraise evaluate ${month}`, file_path: '(interactive)', sha256: `interactive:${ctx.now}:${process.pid}`,
    size_bytes: 0, encoding: 'utf-8', delimiter: '', profile: 'interactive', started_at: ctx.now, os_user: ctx.evaluator, hotline_version: VERSION,
  });
  const save = db.prepare(`INSERT INTO evaluations (evaluation_id, operator_id, month, metric, score, evaluator, note, import_id, created_import_id, seen_import_id, seen_line)
    VALUES (@id, @operator_id, @month, @metric, @score, @evaluator, NULL, @imp, @imp, @imp, 0)
    ON CONFLICT (evaluation_id) DO UPDATE SET score = excluded.score, import_id = excluded.import_id, seen_import_id = excluded.seen_import_id`);
  let saved = 0;
  for (const p of people) {
    for (const m of METRICS) {
      const have = p[m.count];
      if (have > 0) {
        ctx.say(`${p.operator_id} ${p.name}: ${m.metric} already ${(p[m.sum] / have).toFixed(1)} (${have} score${have > 1 ? 's' : ''})`);
        continue;
      }
      const score = await number({ message: `${p.operator_id} ${p.name} ${p.team ?? ''} ${m.label} (empty to skip)`, min: 0, max: 100, required: false });
      if (score === undefined) continue;
      db.transaction(() => save.run({ id: `${p.operator_id}|${month}|${m.metric}|${ctx.evaluator}`, operator_id: p.operator_id, month, metric: m.metric, score, evaluator: ctx.evaluator, imp: ledger })).immediate();
      saved++;
    }
  }
  ctx.say(`saved ${saved} score${saved === 1 ? '' : 's'} for ${month}`);
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
