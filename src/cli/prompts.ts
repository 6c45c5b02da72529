/**
 * The only place that asks questions (inquirer), and only in a terminal: the missing teamwork and
 * knowledge-test scores of a month, each saved as soon as it is entered.
 */
import { number } from '@inquirer/prompts';
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
