// Who the plan's award rule proposes (SPEC §2.3, §6.2): the UBND of every commune that held
// green or improved, district UBNDs where every commune with data did, and the districts'
// nominations whose locality qualifies; everything else is left out with a reason.
import type { Nomination, Plan, Zone } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import type { CommuneResult, Results } from '../compile/types.js';
import { looseKey } from '../core/normalize.js';
import { collectiveLevel } from '../data/plan.js';
import { formatNd30ShortDate } from '../docx/nd30Date.js';
import type { LeftOut, LeftOutReason, ProposedCollective, ProposedIndividual, Shortlist } from './types.js';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành": the type as the register writes it. */
export function communeUbndName(reg: Registry, code: string): string {
  const c = reg.communes.get(code)!;
  const d = reg.districts.get(c.districtCode)!;
  return `Ủy ban nhân dân ${lower(c.name)}, ${lower(d.name)}`;
}

export function districtUbndName(reg: Registry, code: string): string {
  return `Ủy ban nhân dân ${lower(reg.districts.get(code)!.name)}`;
}

/** The locality's result in words: "Giữ vững vùng xanh trong suốt đợt thi đua (16/8–25/8/2021)". */
export function localityAchievement(c: CommuneResult, zones: Map<string, Zone>, period: { from: string; to: string }): string {
  if (c.category === 'held-green') {
    const from = formatNd30ShortDate(period.from).replace(/\/\d{4}$/, '');
    return `Giữ vững vùng xanh trong suốt đợt thi đua (${from}–${formatNd30ShortDate(period.to)})`;
  }
  return `Chuyển từ ${lower(zones.get(c.fromZone!)!.label)} sang ${lower(zones.get(c.toZone!)!.label)}`;
}

const REASON_OF_CATEGORY: Partial<Record<CommuneResult['category'], LeftOutReason>> = {
  worsened: 'locality-worsened',
  unchanged: 'locality-unchanged',
  'green-not-held': 'green-not-held',
  'no-data': 'locality-no-data',
};

const REASON_OF_PROBLEM: [string, LeftOutReason][] = [
  ['individual-without-unit', 'missing-unit'],
  ['collective-not-rewarded', 'type-not-rewarded'],
  ['award-not-provincial', 'award-not-provincial'],
];

export const REASON_TEXT: Record<LeftOutReason, string> = {
  'locality-worsened': 'Địa bàn chuyển sang vùng nguy cơ cao hơn',
  'locality-unchanged': 'Địa bàn không chuyển sang vùng nguy cơ thấp hơn',
  'green-not-held': 'Địa bàn không giữ vững được vùng xanh trong đợt thi đua',
  'locality-no-data': 'Địa bàn chưa có số liệu phân vùng đầu kỳ hoặc cuối kỳ',
  'type-not-rewarded': 'Tập thể không thuộc đối tượng khen thưởng của kế hoạch',
  'missing-unit': 'Cá nhân chưa ghi đơn vị công tác',
  duplicate: 'Trùng với đề nghị đã có trong danh sách',
  'award-not-provincial': 'Hình thức khen thưởng không thuộc thẩm quyền Chủ tịch UBND tỉnh',
  'invalid-row': 'Dòng đề nghị có lỗi (xem báo cáo kiểm tra)',
};

function problemReason(n: Nomination): LeftOutReason | null {
  for (const [code, reason] of REASON_OF_PROBLEM) if (n.problems.includes(code)) return reason;
  const severe = n.problems.filter((p) => !['zone-contradicts-cases', 'indicator-unknown', 'commune-name-without-tones', 'duplicate-row'].includes(p));
  return severe.length > 0 || n.kind === null || !n.communeCode || !n.achievement ? 'invalid-row' : null;
}

/** Is this nominated collective the UBND of its commune (already proposed automatically)? */
function isCommuneUbnd(plan: Plan, reg: Registry, n: Nomination): boolean {
  const c = collectiveLevel(plan, n.name);
  if (!c || c.type !== 'ubnd' || c.level !== 'xa' || !n.communeCode) return false;
  const rest = n.name.replace(/^\s*(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s*/iu, '').split(',')[0];
  return reg.nameMatches(rest, reg.communes.get(n.communeCode)!);
}

/**
 * The submitted summary, with the locality's result added unless the summary already speaks of
 * zones (a district that wrote "… đưa xã từ vùng vàng xuống vùng xanh" needs no second telling).
 */
function withLocalityResult(summary: string, reg: Registry, c: CommuneResult, x: Ctx): string {
  const text = summary.trim().replace(/[.;\s]+$/, '');
  if (` ${looseKey(text)} `.includes(' vung ')) return text;
  const result = lower(localityAchievement(c, x.zones, x.results.period));
  return `${text}; góp phần giúp ${lower(reg.communes.get(c.code)!.name)} ${result}`;
}

interface Ctx {
  plan: Plan;
  reg: Registry;
  results: Results;
  zones: Map<string, Zone>;
  communes: Map<string, CommuneResult>;
  defaultForm: string;
}

function autoCollectives(x: Ctx): ProposedCollective[] {
  const out: ProposedCollective[] = [];
  const form = x.defaultForm;
  for (const d of x.results.districts) {
    if (d.awardQualifies) {
      const achievement = 'Lãnh đạo, chỉ đạo các xã, phường, thị trấn trên địa bàn giữ vững vùng xanh hoặc chuyển sang vùng nguy cơ thấp hơn trong đợt thi đua';
      out.push({ name: districtUbndName(x.reg, d.code), districtCode: d.code, communeCode: null, source: 'auto', achievement, awardForm: form, note: null, at: null });
    }
    for (const c of x.results.communes) {
      if (c.districtCode !== d.code || !c.qualifies) continue;
      out.push({ name: communeUbndName(x.reg, c.code), districtCode: d.code, communeCode: c.code, source: 'auto', achievement: localityAchievement(c, x.zones, x.results.period), awardForm: form, note: null, at: null });
    }
  }
  return out;
}

function leftOut(n: Nomination, reason: LeftOutReason, detail?: string): LeftOut {
  return { name: n.name, kind: n.kind, districtCode: n.districtCode, communeCode: n.communeCode, reason, detail: detail ?? REASON_TEXT[reason], at: n.at };
}

function sortNominations(list: Nomination[]): Nomination[] {
  const key = (n: Nomination) => `${n.districtCode}|${n.communeCode ?? ''}`;
  return list.map((n, i) => ({ n, i })).sort((a, b) => (key(a.n) < key(b.n) ? -1 : key(a.n) > key(b.n) ? 1 : a.i - b.i)).map((x) => x.n);
}

/**
 * Who a nominee is: district, commune, kind, name (and unit, for a person). "Phường 1" exists in
 * three towns, so the same name nominated by two districts is two nominees.
 */
export function nomineeKey(n: Nomination): string {
  const who = n.kind === 'individual' ? `${looseKey(n.name)}|${looseKey(n.unit ?? '')}` : looseKey(n.name);
  return `${n.kind}|${n.districtCode}|${n.communeCode ?? ''}|${who}`;
}

/**
 * Nominated collectives whose names would read the same in the Danh sách are told apart by their
 * locality: "Ban Chỉ đạo … Phường 1, thị xã Vĩnh Châu".
 */
export function qualifySameNames(reg: Registry, collectives: ProposedCollective[]): void {
  const byName = new Map<string, ProposedCollective[]>();
  for (const c of collectives) {
    const k = looseKey(c.name);
    byName.set(k, [...(byName.get(k) ?? []), c]);
  }
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      const said = ` ${looseKey(c.name)} `;
      const parts: string[] = [];
      const commune = c.communeCode ? reg.communes.get(c.communeCode) : undefined;
      const district = reg.districts.get(c.districtCode);
      if (commune && !said.includes(` ${looseKey(commune.name)} `)) parts.push(lower(commune.name));
      if (district && !said.includes(` ${looseKey(district.name)} `)) parts.push(lower(district.name));
      if (parts.length > 0) c.name = `${c.name.replace(/[\s,.;]+$/, '')}, ${parts.join(', ')}`;
    }
  }
}

/** People of the same name and the same-reading unit in two places: their units say where ("UBND Phường 1, thị xã Vĩnh Châu"). */
export function qualifySameUnits(reg: Registry, individuals: ProposedIndividual[]): void {
  const byWho = new Map<string, ProposedIndividual[]>();
  for (const p of individuals) {
    const k = `${looseKey(p.name)}|${looseKey(p.unit)}`;
    byWho.set(k, [...(byWho.get(k) ?? []), p]);
  }
  for (const group of byWho.values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const district = reg.districts.get(p.districtCode);
      if (district && !` ${looseKey(p.unit)} `.includes(` ${looseKey(district.name)} `)) p.unit = `${p.unit.replace(/[\s,.;]+$/, '')}, ${lower(district.name)}`;
    }
  }
}

export function buildShortlist(plan: Plan, reg: Registry, results: Results, nominations: Nomination[]): Shortlist {
  const forms = new Map(plan.awardForms.map((f) => [f.code, f]));
  const defaultForm = plan.awardForms.find((f) => f.isDefault)!.fullLabel;
  const x: Ctx = { plan, reg, results, zones: new Map(plan.zoneScale.zones.map((z) => [z.code, z])), communes: new Map(results.communes.map((c) => [c.code, c])), defaultForm };
  const collectives = autoCollectives(x);
  const individuals: ProposedIndividual[] = [];
  const out: LeftOut[] = [];
  const seen = new Set(collectives.map((c) => looseKey(c.name)));
  for (const n of sortNominations(nominations)) {
    const problem = problemReason(n);
    if (problem) {
      out.push(leftOut(n, problem));
      continue;
    }
    const c = x.communes.get(n.communeCode!)!;
    if (!c.qualifies) {
      out.push(leftOut(n, REASON_OF_CATEGORY[c.category] ?? 'locality-unchanged'));
      continue;
    }
    const achievement = withLocalityResult(n.achievement, reg, c, x);
    const awardForm = forms.get(n.awardForm ?? '')?.fullLabel ?? defaultForm;
    const key = nomineeKey(n);
    if (seen.has(key) || (n.kind === 'collective' && isCommuneUbnd(plan, reg, n) && seen.has(looseKey(communeUbndName(reg, c.code))))) {
      out.push(leftOut(n, 'duplicate'));
      continue;
    }
    seen.add(key);
    if (n.kind === 'collective') {
      collectives.push({ name: n.name, districtCode: n.districtCode, communeCode: n.communeCode, source: 'nomination', achievement, awardForm, note: null, at: n.at });
    } else {
      individuals.push({ name: n.name, position: n.position, unit: n.unit!, districtCode: n.districtCode, communeCode: n.communeCode, achievement, awardForm, birthYear: n.birthYear, gender: n.gender, at: n.at });
    }
  }
  qualifySameNames(reg, collectives);
  qualifySameUnits(reg, individuals);
  const byPlace = <T extends { districtCode: string; communeCode: string | null }>(a: T, b: T) =>
    a.districtCode.localeCompare(b.districtCode) || (a.communeCode ?? '').localeCompare(b.communeCode ?? '');
  return { collectives: collectives.sort(byPlace), individuals: individuals.sort(byPlace), leftOut: out };
}
