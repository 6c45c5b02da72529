/** The actions of `policy init|show|check`. */
import { existsSync } from 'node:fs';
import { DEFAULT_POLICY, validatePolicy, type Policy } from '../../domain/policy.js';
import { UsageError } from '../../errors.js';
import { writeOutput } from '../../io/output.js';
import { loadPolicy } from '../../io/policy-file.js';
import { renderJsonValue } from '../../io/render/json.js';
import { policyFor } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { say, type Runtime } from '../runtime.js';

async function askMainNumbers(base: Policy): Promise<unknown> {
  const { number } = await import('@inquirer/prompts');
  const ask = async (message: string, value: number, min = 0, max = 100): Promise<number> => (await number({ message, default: value, min, max, required: true })) as number;
  const g = base.appraisal.groups;
  const out = structuredClone(base) as Policy;
  out.appraisal.groups.service_quality.weight = await ask('weight of service quality (服务质量) %', g.service_quality.weight);
  out.appraisal.groups.efficiency.weight = await ask('weight of efficiency (工作效率) %', g.efficiency.weight);
  out.appraisal.groups.knowledge.weight = await ask('weight of business knowledge (业务知识) %', g.knowledge.weight);
  out.appraisal.groups.teamwork.weight = await ask('weight of teamwork (团队协作) %', g.teamwork.weight);
  out.appraisal.grades.excellent = await ask('minimum score for excellent (优秀)', base.appraisal.grades.excellent);
  out.appraisal.grades.good = await ask('minimum score for good (良好)', base.appraisal.grades.good);
  out.appraisal.grades.pass = await ask('minimum score for pass (合格)', base.appraisal.grades.pass);
  out.bonus.full_attendance.amount = await ask('full-attendance bonus (全勤奖), yuan', base.bonus.full_attendance.amount, 0, 100000);
  out.bonus.excellent_employee.amount = await ask('excellent-employee bonus (优秀员工奖), yuan', base.bonus.excellent_employee.amount, 0, 100000);
  out.bonus.business_outstanding.amount = await ask('business-outstanding bonus (业务突出奖), yuan', base.bonus.business_outstanding.amount, 0, 100000);
  out.training.onboarding_days = await ask('onboarding training (入职培训), working days', base.training.onboarding_days, 1, 60);
  out.training.monthly_sessions = await ask('internal courses per month (每月内部培训), at least', base.training.monthly_sessions, 0, 31);
  return out;
}

export async function runInit(file: string, flags: { force?: boolean; defaults?: boolean }, _globals: GlobalOptions, rt: Runtime): Promise<void> {
  if (existsSync(file) && !flags.force) throw new UsageError(`${file} already exists`, { hint: 'add --force to replace it' });
  const interactive = !flags.defaults && rt.stdin.isTTY && rt.stdout.isTTY;
  let policy: unknown = DEFAULT_POLICY;
  if (interactive) {
    policy = await askMainNumbers(DEFAULT_POLICY);
    const checked = validatePolicy(policy);
    if (!checked.ok) throw new UsageError('those numbers do not make a valid policy', { details: checked.errors.map((e) => `  ${e}`) });
  }
  writeOutput([renderJsonValue(policy, { pretty: true })], { out: file, force: flags.force ?? false, stdout: rt.stdout });
  say(rt, `wrote ${file}${interactive ? '' : ' (the defaults; edit it, then: hotline policy check ' + file + ')'}`);
}

export function runShow(globals: GlobalOptions, rt: Runtime): void {
  const { policy, source } = policyFor(globals, rt);
  say(rt, source ? `policy: ${source} over the defaults` : 'policy: the built-in defaults (no policy file found)');
  rt.stdout.write(renderJsonValue(policy, { pretty: true }));
}

export function runCheck(file: string, rt: Runtime): void {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  loadPolicy(file, rt.env);
  say(rt, `${file}: valid`);
}
