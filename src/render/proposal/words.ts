// What the award-proposal renderers (Tờ trình .docx, clerk's .xlsx) are given, and the small
// wording helpers they share: counts in words, unit names, "Chức vụ, đơn vị", the note column.
import type { Plan } from '../../core/types.js';
import type { Registry } from '../../data/registry.js';
import type { Results } from '../../compile/types.js';
import type { ProposedCollective, ProposedIndividual, Shortlist } from '../../shortlist/types.js';
import type { DocumentMeta } from '../documentInput.js';
import { formatNumber, joinVi } from '../report/format.js';
import { pointerText } from '../../validate/issue.js';
import type { CellPointer } from '../../core/types.js';

/** Everything the clerk's workbook reads. */
export interface LeftOutInput {
  plan: Plan;
  registry: Registry;
  results: Results;
  shortlist: Shortlist;
}

/** Everything the Tờ trình reads: the workbook's input and the document's own details. */
export interface ProposalInput extends LeftOutInput {
  meta: DocumentMeta;
}

/** "Ủy ban nhân dân tỉnh Sóc Trăng" → "Ủy ban nhân dân tỉnh", as the body of a Tờ trình says it. */
export function provinceBody(plan: Plan): string {
  return plan.province.authority.replace(/\s+tỉnh\s+.*$/i, ' tỉnh');
}

/** "34 tập thể và 21 cá nhân", "34 tập thể", "21 cá nhân"; "" when nobody is proposed. */
export function whoCount(collectives: number, individuals: number): string {
  const parts: string[] = [];
  if (collectives > 0) parts.push(`${formatNumber(collectives)} tập thể`);
  if (individuals > 0) parts.push(`${formatNumber(individuals)} cá nhân`);
  return joinVi(parts);
}

/** The register's name of a district ("Huyện Châu Thành"), or its code when unknown. */
export function districtName(registry: Registry, code: string): string {
  return registry.districts.get(code)?.name ?? code;
}

/** The register's name of a commune ("Xã Phú Tâm"), "" for none. */
export function communeName(registry: Registry, code: string | null): string {
  if (code === null) return '';
  return registry.communes.get(code)?.name ?? code;
}

/** "Chủ tịch UBND xã, xã Phú Tâm": position and unit joined, either may be missing. */
export function positionAndUnit(p: Pick<ProposedIndividual, 'position' | 'unit'>): string {
  return [p.position, p.unit]
    .map((s) => (s ?? '').trim())
    .filter((s) => s !== '')
    .join(', ');
}

/**
 * "Chức vụ, đơn vị" of a collective in the Danh sách: its district, except for a district's
 * own UBND proposed automatically, whose name already is the district.
 */
export function collectiveUnit(registry: Registry, c: ProposedCollective): string {
  if (c.source === 'auto') return ''; // the name already says the district
  return districtName(registry, c.districtCode);
}

/** "Huyện đề nghị", "Thị xã đề nghị", "Thành phố đề nghị": who put the name forward. */
export function nominatedBy(registry: Registry, districtCode: string): string {
  const type = registry.districts.get(districtCode)?.type?.trim() || 'huyện';
  return `${type.charAt(0).toLocaleUpperCase('vi')}${type.slice(1)} đề nghị`;
}

/** The Ghi chú of a collective: empty when proposed automatically, who nominated it otherwise. */
export function collectiveNote(registry: Registry, c: ProposedCollective): string {
  const parts = c.source === 'nomination' ? [nominatedBy(registry, c.districtCode)] : [];
  if (c.note) parts.push(c.note);
  return parts.join('; ');
}

/** "Bằng khen của Chủ tịch UBND tỉnh": the plan's short label of an award form, for narrow table columns. */
export function shortAwardForm(plan: Plan, fullLabel: string): string {
  return plan.awardForms.find((f) => f.fullLabel === fullLabel || f.label === fullLabel)?.label ?? fullLabel;
}

/** The cell of a source row as the clerk looks it up: "Đề nghị khen thưởng!C12" (the issues' own form). */
export function cellRef(at: CellPointer | null): string {
  return at ? pointerText(at) : '';
}

/**
 * "Ông Nguyễn Văn A" / "Bà Trần Thị B", as award lists write individuals, when the nomination
 * gives a gender ("Nam"/"Nữ"); the name alone when it does not, or already starts with Ông/Bà.
 */
export function withHonorific(name: string, gender: string | null): string {
  const g = (gender ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
  if (/^(ong|ba)\s/iu.test(name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) return name;
  if (g === 'nam' || g === 'male' || g === 'm') return `Ông ${name}`;
  if (g === 'nu' || g === 'female' || g === 'f') return `Bà ${name}`;
  return name;
}
