// Matching typed commune and district names against the bundled 2021 register (SPEC §2.1).
import { describe, expect, it } from 'vitest';
import { buildRegistry, loadRegistry, type NameKeys } from '../../src/data/registry.js';
import { unitLooseKey, unitToneKey } from '../../src/core/normalize.js';
import { DEFAULT_REGISTRY } from '../../src/cli/context.js';

const reg = loadRegistry(DEFAULT_REGISTRY);
const found = (name: string, district?: string) => {
  const m = reg.findCommune(name, district);
  return m.kind === 'found' ? m.commune.code : m.kind;
};

describe('register', () => {
  it('holds the 11 districts and 109 communes of 2021', () => {
    expect(reg.districts.size).toBe(11);
    expect(reg.communes.size).toBe(109);
    const perDistrict = [...reg.districts.keys()].map((d) => reg.communesOf(d).length);
    expect(perDistrict).toEqual([10, 8, 13, 9, 8, 11, 11, 8, 10, 10, 11]);
  });

  it('hands a reading thread name keys that match what it would work out, and matches by the keys it is given', () => {
    for (const c of reg.communes.values()) expect(reg.nameKeys.get(c.code), c.name).toEqual([unitToneKey(c.name), unitLooseKey(c.name)]);
    const again = buildRegistry(reg.districts, reg.communes, reg.nameKeys);
    for (const c of reg.communes.values()) expect(again.findCommune(c.name, c.districtCode)).toEqual(reg.findCommune(c.name, c.districtCode));
    // the keys given are the ones used: a commune given another name's keys is found by that name
    const swapped = new Map<string, NameKeys>(reg.nameKeys);
    swapped.set('31729', reg.nameKeys.get('31717')!);
    swapped.set('31717', reg.nameKeys.get('31729')!);
    const other = buildRegistry(reg.districts, reg.communes, swapped);
    const hit = other.findCommune('Xã Hoà Tú II', '947');
    expect(hit.kind === 'found' && hit.commune.code).toBe('31717');
  });

  it('ignores case, spacing, Unicode form, tone placement, prefixes and roman numerals', () => {
    expect(found('Xã Hoà Tú II', '947')).toBe('31729');
    expect(found('hòa tú 2')).toBe('31729');
    expect(found('HOÀ TÚ 1')).toBe('31717');
    expect(found('Xã Phú Tâm'.normalize('NFD'), '942')).toBe('31573');
    expect(found('X. Hồ Đắc Kiện', '942')).toBe('31570');
    expect(found('TT Kế Sách', '943')).toBe('31528');
    expect(found('Đại Ân  2')).toBe('31672');
  });

  it('needs the district for names that repeat, and the type where a district repeats a name', () => {
    expect(found('Phường 1')).toBe('ambiguous');
    expect(found('Phường 1', '948')).toBe('31732');
    expect(found('P.1', '950')).toBe('31783');
    expect(found('Long Phú', '946')).toBe('ambiguous');
    expect(found('Thị trấn Long Phú', '946')).toBe('31639');
    expect(found('Xã Long Phú', '946')).toBe('31669');
  });

  it('keeps tones apart and suggests the nearest name', () => {
    const m = reg.findCommune('Hồ Đắc Kiệm', '942');
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && m.suggestion?.code).toBe('31570');
    expect(reg.nameMatches('Xã Phú Tân', reg.communes.get('31573')!)).toBe(false);
  });

  it('finds the district named in a title block', () => {
    expect(reg.findDistrictIn('UBND HUYỆN KẾ SÁCH')?.code).toBe('943');
    expect(reg.findDistrictIn('ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM')?.code).toBe('948');
    expect(reg.findDistrictIn('UBND THÀNH PHỐ SÓC TRĂNG BIỂU TỔNG HỢP')?.code).toBe('941');
    expect(reg.findDistrictIn('BIỂU TỔNG HỢP PHÂN VÙNG')).toBeNull();
  });
});
