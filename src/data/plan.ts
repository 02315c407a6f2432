// The campaign plan: a JSON file in templates/plans/ holding everything specific to one
// campaign (period, zone scale, award rules, indicators, agency, recipients). Checked on load.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plan, Zone } from '../core/types.js';
import { usageError } from '../core/errors.js';
import { looseKey } from '../core/normalize.js';

type Check = 'string' | 'number' | 'boolean' | 'date' | 'string[]' | 'array' | 'object';

/** Keys every plan must have, with their shapes; nested keys are dotted. */
const SHAPE: Record<string, Check> = {
  id: 'string', title: 'string', shortTitle: 'string', theme: 'string', issuedBy: 'string', planDocument: 'string',
  province: 'object', 'province.code': 'string', 'province.name': 'string', 'province.authority': 'string',
  period: 'object', 'period.from': 'date', 'period.to': 'date', baselineLookbackDays: 'number', checkpoints: 'array',
  zoneScale: 'object', 'zoneScale.name': 'string', 'zoneScale.zones': 'array',
  consistency: 'object', 'consistency.greenRequiresNoCommunityCases': 'boolean', 'consistency.caseWindowDays': 'number',
  collectiveTypes: 'array', levelWords: 'object', individualsRewarded: 'boolean', districtAwardRule: 'string',
  awardForms: 'array', indicators: 'array',
  agency: 'object', 'agency.parent': 'string', 'agency.name': 'string', 'agency.nameFull': 'string', 'agency.place': 'string',
  'agency.reportSuffix': 'string', 'agency.proposalSuffix': 'string',
  signer: 'object', 'signer.authority': 'string', 'signer.title': 'string', 'signer.name': 'string',
  recipients: 'object', 'recipients.report': 'string[]', 'recipients.proposal': 'string[]', legalBases: 'string[]',
};

const ZONE_SHAPE: Record<string, Check> = {
  code: 'string', rank: 'number', label: 'string', short: 'string', level: 'string', labelEn: 'string', color: 'string', aliases: 'string[]',
};
const FORM_SHAPE: Record<string, Check> = { code: 'string', label: 'string', fullLabel: 'string', provincial: 'boolean', isDefault: 'boolean', aliases: 'string[]' };
const INDICATOR_SHAPE: Record<string, Check> = { code: 'string', label: 'string', unit: 'string', money: 'boolean', aliases: 'string[]' };
const COLLECTIVE_SHAPE: Record<string, Check> = { code: 'string', label: 'string', prefixes: 'string[]', rewardedLevels: 'string[]' };

/** The draft Quyết định and the bonus money (issue 17): optional keys, checked when present. */
const DECISION_SHAPE: Record<string, Check> = {
  issuer: 'object', 'issuer.parent': 'string', 'issuer.name': 'string', 'issuer.place': 'string', 'issuer.suffix': 'string',
  authorityTitle: 'string', authorityName: 'string', summary: 'string', listSummary: 'string', legalBases: 'array',
  proposer: 'string', executors: 'string[]', recipients: 'string[]', fund: 'string',
  signer: 'object', 'signer.authority': 'string', 'signer.title': 'string', 'signer.name': 'string',
};
const BASIS_SHAPE: Record<string, Check> = { text: 'string', source: 'string', verified: 'boolean' };
const BONUS_SHAPE: Record<string, Check> = { baseSalaries: 'array', rounding: 'object', 'rounding.step': 'number', 'rounding.source': 'string', rates: 'array' };
const SALARY_SHAPE: Record<string, Check> = { amount: 'number', from: 'date', source: 'string' };
const RATE_SHAPE: Record<string, Check> = { form: 'string', individual: 'number', collectiveTimesIndividual: 'number', source: 'string' };

function get(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function fits(value: unknown, check: Check): boolean {
  switch (check) {
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'array':
      return Array.isArray(value) && value.length > 0;
    case 'object':
      return !!value && typeof value === 'object' && !Array.isArray(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    default:
      return typeof value === check;
  }
}

function checkShape(obj: unknown, shape: Record<string, Check>, prefix: string, path: string): void {
  for (const [key, check] of Object.entries(shape)) {
    if (!fits(get(obj, key), check)) {
      const where = `${prefix}${key}`;
      throw usageError(
        `Tệp kế hoạch ${path}: khóa "${where}" thiếu hoặc sai kiểu (cần ${check}).`,
        `Plan file ${path}: key "${where}" is missing or not a ${check}.`,
      );
    }
  }
}

export function loadPlan(path: string): Plan {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw usageError(`Không đọc được tệp kế hoạch ${path}: ${(e as Error).message}`, `Cannot read the plan file ${path}: ${(e as Error).message}`);
  }
  checkShape(raw, SHAPE, '', path);
  const plan = raw as Plan;
  plan.zoneScale.zones.forEach((z, i) => checkShape(z, ZONE_SHAPE, `zoneScale.zones[${i}].`, path));
  plan.awardForms.forEach((f, i) => checkShape(f, FORM_SHAPE, `awardForms[${i}].`, path));
  plan.indicators.forEach((f, i) => checkShape(f, INDICATOR_SHAPE, `indicators[${i}].`, path));
  plan.collectiveTypes.forEach((f, i) => checkShape(f, COLLECTIVE_SHAPE, `collectiveTypes[${i}].`, path));
  checkDecisionAndBonus(plan, path);
  if (plan.period.from > plan.period.to) {
    throw usageError(`Tệp kế hoạch ${path}: "period.from" sau "period.to".`, `Plan file ${path}: "period.from" is after "period.to".`);
  }
  const ranks = plan.zoneScale.zones.map((z) => z.rank).sort((a, b) => a - b);
  if (ranks.some((r, i) => r !== i + 1)) {
    throw usageError(`Tệp kế hoạch ${path}: "zoneScale.zones[].rank" phải là 1, 2, 3… không trùng.`, `Plan file ${path}: "zoneScale.zones[].rank" must be 1, 2, 3… without repeats.`);
  }
  plan.zoneScale.zones.sort((a, b) => a.rank - b.rank);
  if (plan.boundaries !== undefined) {
    if (typeof plan.boundaries !== 'string' || plan.boundaries.trim() === '') {
      throw usageError(`Tệp kế hoạch ${path}: khóa "boundaries" phải là đường dẫn tệp ranh giới xã (GeoJSON).`, `Plan file ${path}: "boundaries" must be the path of a commune boundary file (GeoJSON).`);
    }
    plan.boundaries = resolve(dirname(path), plan.boundaries);
  }
  return plan;
}

function checkDecisionAndBonus(plan: Plan, path: string): void {
  if (plan.decision !== undefined) {
    checkShape(plan.decision, DECISION_SHAPE, 'decision.', path);
    plan.decision.legalBases.forEach((b, i) => checkShape(b, BASIS_SHAPE, `decision.legalBases[${i}].`, path));
  }
  if (plan.bonus === undefined) return;
  checkShape(plan.bonus, BONUS_SHAPE, 'bonus.', path);
  plan.bonus.baseSalaries.forEach((b, i) => {
    checkShape(b, SALARY_SHAPE, `bonus.baseSalaries[${i}].`, path);
    if (b.to !== null && !fits(b.to, 'date')) checkShape(b, { to: 'date' }, `bonus.baseSalaries[${i}].`, path);
  });
  plan.bonus.rates.forEach((r, i) => checkShape(r, RATE_SHAPE, `bonus.rates[${i}].`, path));
  const forms = new Set(plan.awardForms.map((f) => f.code));
  const bad = plan.bonus.rates.findIndex((r) => !forms.has(r.form) || !(r.individual > 0) || !(r.collectiveTimesIndividual > 0));
  const badSalary = plan.bonus.baseSalaries.findIndex((b) => !(b.amount > 0) || !Number.isInteger(b.amount));
  if (bad >= 0 || badSalary >= 0 || !(plan.bonus.rounding.step >= 1)) {
    const where = bad >= 0 ? `bonus.rates[${bad}]` : badSalary >= 0 ? `bonus.baseSalaries[${badSalary}].amount` : 'bonus.rounding.step';
    throw usageError(
      `Tệp kế hoạch ${path}: "${where}" không hợp lệ (hình thức phải có trong "awardForms", hệ số và số tiền phải dương).`,
      `Plan file ${path}: "${where}" is not valid (the form must be one of "awardForms"; multiples and amounts must be positive).`,
    );
  }
}

/** The zones by code, and the lowest-risk zone ("green"). */
export function zoneByCode(plan: Plan): Map<string, Zone> {
  return new Map(plan.zoneScale.zones.map((z) => [z.code, z]));
}

export function greenZone(plan: Plan): Zone {
  return plan.zoneScale.zones[0];
}

/** Alias lookup built once per plan: loose key → code, longest aliases first for substring search. */
export interface AliasIndex {
  exact: Map<string, string>;
  bySize: { key: string; code: string }[];
}

export function aliasIndex(items: { code: string; label: string; aliases: string[] }[]): AliasIndex {
  const exact = new Map<string, string>();
  for (const it of items) for (const a of [it.code, it.label, ...it.aliases]) exact.set(looseKey(a), it.code);
  const bySize = [...exact].map(([key, code]) => ({ key, code })).sort((a, b) => b.key.length - a.key.length);
  return { exact, bySize };
}

/**
 * The code an alias names: an exact match, else aliases found as whole words inside. Loose mode
 * takes the longest alias found ("Bằng khen của Chủ tịch UBND tỉnh Sóc Trăng"); strict mode
 * needs the aliases found to cover the whole text and agree ("Vùng xanh (Bình thường mới)"),
 * so that "xanh lơ" is not read as xanh.
 */
export function lookupAlias(index: AliasIndex, text: string, strict = false): string | null {
  const key = looseKey(text);
  const hit = index.exact.get(key);
  if (hit !== undefined) return hit;
  let rest = ` ${key} `;
  let found: string | null = null;
  for (const { key: k, code } of index.bySize) {
    if (k.length < 2 || !rest.includes(` ${k} `)) continue;
    if (!strict) return code;
    if (found !== null && found !== code) return null;
    found = code;
    rest = rest.split(` ${k} `).join('  ');
  }
  return found !== null && rest.trim() === '' ? found : null;
}

/** Which collective type and level a name denotes ("UBND xã Phú Tâm" → ubnd, xa), if any. */
export function collectiveLevel(plan: Plan, name: string): { type: string; level: string | null; rewarded: boolean } | null {
  const key = looseKey(name);
  for (const t of plan.collectiveTypes) {
    const prefix = t.prefixes.find((p) => key === p || key.startsWith(`${p} `));
    if (!prefix) continue;
    const words = ` ${key.slice(prefix.length)} `;
    let level: string | null = null;
    let first = Infinity;
    for (const [word, lvl] of Object.entries(plan.levelWords)) {
      const pos = words.indexOf(` ${word} `);
      if (pos >= 0 && (pos < first || (pos === first && word.length > 2))) [first, level] = [pos, lvl];
    }
    return { type: t.code, level, rewarded: level !== null && t.rewardedLevels.includes(level) };
  }
  return null;
}
