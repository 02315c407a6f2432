// Matching typed commune and district names against the bundled 2021 register (SPEC §2.1).
import { describe, expect, it } from 'vitest';
import { buildRegistry, loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

  it('reads a plain register (its own scanner) and a quoted one (csv-parse) to the same units, lines counted the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-register-'));
    try {
      const plain = readFileSync(DEFAULT_REGISTRY, 'utf8');
      // every name quoted, a blank line and a line of spaces: csv-parse's path
      const lines = plain.split('\n');
      const quoted = [lines[0], '', ...lines.slice(1).map((l) => l.split(',').map((f, i) => (i === 2 && f ? `"${f}"` : f)).join(',')), '   '].join('\n');
      writeFileSync(join(dir, 'quoted.csv'), quoted);
      writeFileSync(join(dir, 'plain.csv'), `\ufeff${lines[0]}\n\n${lines.slice(1).join('\n')}\n   \n`);
      const [a, b] = [loadRegistry(join(dir, 'quoted.csv')), loadRegistry(join(dir, 'plain.csv'))];
      expect(b.communes).toEqual(reg.communes);
      expect(a.communes).toEqual(reg.communes);
      expect(b.districts).toEqual(a.districts);
      // a code repeated: both paths name the same lines
      const twice = [lines[0], lines[1], lines[12], lines[12]].join('\n');
      writeFileSync(join(dir, 'twice.csv'), twice);
      writeFileSync(join(dir, 'twice-quoted.csv'), twice.replace(/,([^,]*),/, ',"$1",'));
      const refusal = (f: string) => {
        try {
          loadRegistry(join(dir, f));
        } catch (e) {
          return (e as { text: { en: string } }).text.en;
        }
        return 'accepted';
      };
      expect(refusal('twice.csv')).toMatch(/repeats codes .*\(3, 4\)/);
      expect(refusal('twice-quoted.csv').replace('twice-quoted', 'twice')).toBe(refusal('twice.csv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('matches the same whichever lookup comes first (name keys are worked out on demand)', () => {
    const typed = (c: { name: string }) => [c.name, c.name.normalize('NFD'), c.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')];
    const answers = (order: 'names first' | 'matches first') => {
      const r = buildRegistry(reg.districts, reg.communes);
      const out: unknown[] = [];
      const find = () => [...reg.communes.values()].flatMap((c) => typed(c).map((t) => r.findCommune(t, c.districtCode)));
      const match = () => [...reg.communes.values()].flatMap((c) => typed(c).flatMap((t) => [r.nameMatches(t, c), r.tonesMatch(t, c)]));
      if (order === 'names first') out.push(find(), match());
      else out.push(...[match(), find()].reverse());
      out.push(r.findCommune('Xã Phú Tâmm', '942'), r.findDistrictIn('UBND HUYỆN KẾ SÁCH'));
      return out;
    };
    expect(answers('matches first')).toEqual(answers('names first'));
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
