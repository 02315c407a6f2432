// Per file: decide which district sent it, then look every typed commune up in the register
// (codes, names within the district) and check dates against the plan's period.
import type { Commune, District, IsoDate } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { issue, type Issue } from './issue.js';
import type { SheetResult, TypedCommune } from './sheet.js';
import { pointAt } from './rows.js';

export interface Window {
  lookback: IsoDate; // earliest date a baseline may have
  from: IsoDate;
  to: IsoDate;
}

/** Every commune typed in the sheets, in order (zone rows, then nominations, sheet by sheet). */
function eachTyped(sheets: SheetResult[], f: (t: TypedCommune) => void): void {
  for (const s of sheets) {
    for (const z of s.zones) f(z);
    for (const n of s.nominations) f(n.commune);
  }
}

/** Who sent a file: one district, several (a consolidated file), or nobody can tell. */
export type DistrictDecision = { kind: 'one'; district: District } | { kind: 'many' } | { kind: 'none' };

/** Share of a file's commune codes that must belong to one district for the file to be that district's. */
const ONE_DISTRICT_SHARE = 0.8;

function countBy(codes: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return sortedCounts(counts);
}

function sortedCounts(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * The district: forced, else named in a title block, else most of its commune codes (a stray
 * commune of another district is that district's mistake), else names. A file whose codes
 * spread over several districts with none holding most is a consolidated file of many.
 */
export function decideDistrict(reg: Registry, sheets: SheetResult[], forced: string | null): DistrictDecision {
  const one = (code: string | undefined): DistrictDecision => {
    const district = code ? reg.districts.get(code) : undefined;
    return district ? { kind: 'one', district } : { kind: 'none' };
  };
  if (forced) return one(forced);
  for (const s of sheets) {
    const d = s.titleText ? reg.findDistrictIn(s.titleText) : null;
    if (d) return { kind: 'one', district: d };
  }
  // counted as they come: a national file types ~330,000 communes
  const counts = new Map<string, number>();
  eachTyped(sheets, (t) => {
    const dc = t.code ? reg.communes.get(t.code)?.districtCode : undefined;
    if (dc) counts.set(dc, (counts.get(dc) ?? 0) + 1);
  });
  const byCode = sortedCounts(counts);
  if (byCode.length > 0) {
    const total = byCode.reduce((a, [, n]) => a + n, 0);
    return byCode[0][1] >= total * ONE_DISTRICT_SHARE ? one(byCode[0][0]) : { kind: 'many' };
  }
  const byName: (string | undefined)[] = [];
  eachTyped(sheets, (t) => {
    const m = t.name ? reg.findCommune(t.name) : null;
    byName.push(m?.kind === 'found' ? m.commune.districtCode : undefined);
  });
  return one(countBy(byName.filter((x): x is string => !!x))[0]?.[0]);
}

/** A name typed with Vietnamese letters: one typed in plain ASCII was written without diacritics on purpose. */
function typedWithTones(name: string): boolean {
  return /[^\u0000-\u007f]/.test(name);
}

const label = (c: Commune) => `${c.name} (${c.code})`;
const didYouMean = (c: Commune) => ({ vi: `Có phải ${label(c)}?`, en: `Did you mean ${label(c)}?` });

/** The commune a row names, or null with the issues that say why. */
export function resolveCommune(reg: Registry, t: TypedCommune, district: District | null, issues: Issue[]): Commune | null {
  const dc = district?.code ?? null;
  let found: Commune | null = null;
  if (t.code) {
    found = reg.communes.get(t.code) ?? null;
    if (!found) {
      const byName = t.name ? reg.findCommune(t.name, dc) : null;
      const s = byName?.kind === 'found' ? byName.commune : reg.nearestCode(t.code, dc);
      issues.push(issue('unknown-commune', pointAt(t.place, t.row, 'communeCode'), t.code, {}, s ? didYouMean(s) : null));
      return null;
    }
    if (t.name && !reg.nameMatches(t.name, found)) {
      issues.push(issue('commune-name-mismatch', pointAt(t.place, t.row, 'communeName'), t.name, { code: found.code, registered: found.name }, { vi: `Sửa tên thành "${found.name}" hoặc kiểm tra lại mã.`, en: `Write "${found.name}" or check the code.` }));
      return null;
    }
  } else if (t.name) {
    const m = reg.findCommune(t.name, dc);
    if (m.kind === 'ambiguous') {
      issues.push(issue('ambiguous-commune', pointAt(t.place, t.row, 'communeName'), t.name, { candidates: m.communes.map(label).join(', ') }));
      return null;
    }
    if (m.kind === 'none') {
      const other = dc ? reg.findCommune(t.name) : m;
      if (other.kind === 'found') found = other.commune;
      else {
        issues.push(issue('unknown-commune', pointAt(t.place, t.row, 'communeName'), t.name, {}, m.suggestion ? didYouMean(m.suggestion) : null));
        return null;
      }
    } else found = m.commune;
  } else return null;
  if (t.name && typedWithTones(t.name) && !reg.tonesMatch(t.name, found)) {
    // "Phong Năm" for Phong Nẫm: read as the register's commune, but the spelling is wrong.
    const at = pointAt(t.place, t.row, 'communeName');
    issues.push(issue('commune-name-without-tones', at, t.name, { code: found.code, registered: found.name }, { vi: `Sửa thành "${found.name}".`, en: `Write "${found.name}".` }));
  }
  if (district && found.districtCode !== district.code) {
    const d = reg.districts.get(found.districtCode)!;
    const at = pointAt(t.place, t.row, t.code ? 'communeCode' : 'communeName');
    issues.push(issue('commune-other-district', at, t.code ?? t.name, { commune: label(found), district: d.name, submitting: district.name }));
    return null;
  }
  return found;
}

