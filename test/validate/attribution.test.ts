// Which district a file's name or folder names, when its content does not say.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { attributeByPath, attributeBySiblings, districtNamedIn } from '../../src/validate/attribution.js';

const registry = loadRegistry(DEFAULT_REGISTRY);
const named = (text: string) => districtNamedIn(registry, text, 'Sóc Trăng')?.code ?? null;

describe('a district named in a file or folder name', () => {
  it('is found with or without diacritics, spaced or run together', () => {
    expect(named('Ke Sach - ket qua')).toBe('943');
    expect(named('KẾ SÁCH phân vùng')).toBe('943');
    expect(named('CuLaoDung_KhoKhan')).toBe('945');
    expect(named('long_phu_ket_qua')).toBe('946');
    expect(named('NGA NAM - PV 25.8')).toBe('948');
  });

  it('lets the city named like the province yield, and finds nothing in common words', () => {
    expect(named('Bao cao gui So Noi vu Soc Trang - Ke Sach')).toBe('943');
    expect(named('TP Soc Trang bao cao')).toBe('941');
    expect(named('bao cao ket qua thi dua')).toBeNull();
    expect(named('Ke Sach va Long Phu')).toBeNull();
  });

  it('takes a code prefix, then the name, then the nearest folder, and says which', () => {
    expect(attributeByPath(registry, 'ho-so/944-ket-qua.csv', [], 'Sóc Trăng')).toMatchObject({ district: { code: '944' }, by: 'file-name' });
    expect(attributeByPath(registry, 'ho-so/Ke Sach/kho-khan.csv', ['ho-so', 'Ke Sach'], 'Sóc Trăng')).toMatchObject({ district: { code: '943' }, by: 'folder' });
    expect(attributeByPath(registry, 'ho-so/x/kho-khan.csv', ['ho-so', 'x'], 'Sóc Trăng')).toBeNull();
    expect(attributeByPath(registry, '12345-x.csv', [], 'Sóc Trăng')).toBeNull();
  });

  it('goes with the files beside it that share its first word, only when they agree', () => {
    const placed = [{ path: 'd/HS07_phan_vung.csv', district: '945' }, { path: 'd/HS08_phan_vung.csv', district: '946' }];
    expect(attributeBySiblings('d/HS07_chi_tieu.csv', placed, registry)).toMatchObject({ district: { code: '945' }, by: 'siblings' });
    expect(attributeBySiblings('d/HS09_chi_tieu.csv', placed, registry)).toBeNull();
    expect(attributeBySiblings('d/Bao cao.csv', [{ path: 'd/Bao cao vung xanh.xlsx', district: '945' }], registry)).toBeNull();
  });
});
