// TCVN3 and VNI tables against every letter of Vietnamese, both cases, and the text shapes
// offices produce with them ("Th¸i", "Phó Léc", capitals typed in .VnTimeH).
import { describe, expect, it } from 'vitest';
import { LETTERS, decodeLegacy, decodeTcvn3, decodeVni, encodeLegacy, repairCapitals } from '../../src/read/legacy.js';

const UPPER = LETTERS.map((l) => l.toUpperCase());
/** Upper-case letters TCVN3 has codes for; the other capitals are written with the lower-case byte. */
const TCVN3_CAPITALS = new Set(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);

describe('the letters', () => {
  it('are the 134 letters outside ASCII', () => {
    expect(LETTERS).toHaveLength(67);
    expect(new Set([...LETTERS, ...UPPER]).size).toBe(134);
    for (const l of LETTERS) expect(l).toBe(l.normalize('NFC'));
  });
});

describe('TCVN3 (ABC)', () => {
  it.each(LETTERS)('round-trips %s through one byte', (l) => {
    const bytes = encodeLegacy(l, 'tcvn3');
    expect(bytes).toHaveLength(1);
    expect(bytes.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
    expect(decodeTcvn3(bytes)).toBe(l);
  });

  it('gives every lower-case letter its own byte', () => {
    expect(new Set(LETTERS.map((l) => encodeLegacy(l, 'tcvn3'))).size).toBe(67);
  });

  it.each(UPPER)('writes %s as TCVN3 can, and reads it back in a capitalised word', (l) => {
    const bytes = encodeLegacy(l, 'tcvn3');
    if (TCVN3_CAPITALS.has(l)) expect(decodeTcvn3(bytes)).toBe(l);
    else expect(bytes).toBe(encodeLegacy(l.toLowerCase(), 'tcvn3')); // no toned capitals in TCVN3
    expect(decodeTcvn3(`XX${bytes}NG`)).toBe(`XX${l}NG`);
  });

  it('reads the office shapes', () => {
    expect(decodeTcvn3('Th¸i')).toBe('Thái');
    expect(decodeTcvn3('Phó Léc')).toBe('Phú Lộc');
    expect(decodeTcvn3('X· Hå §¾c KiÖn')).toBe('Xã Hồ Đắc Kiện');
    expect(decodeTcvn3('VµNG')).toBe('VÀNG');
    expect(decodeTcvn3('VµNG').toLowerCase()).toBe('vàng');
    expect(decodeTcvn3('UBND HUYÖN KÕ S¸CH')).toBe('UBND HUYỆN KẾ SÁCH');
  });
});

describe('VNI-Windows', () => {
  it.each([...LETTERS, ...UPPER])('round-trips %s', (l) => {
    expect(decodeVni(encodeLegacy(l, 'vni'))).toBe(l);
  });

  it('gives every letter its own spelling', () => {
    expect(new Set([...LETTERS, ...UPPER].map((l) => encodeLegacy(l, 'vni'))).size).toBe(134);
  });

  it('reads the office shapes, and mixed-case marks', () => {
    expect(decodeVni('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
    expect(decodeVni('Phöôøng 1')).toBe('Phường 1');
    expect(decodeVni('PHÖÔØNG')).toBe('PHƯỜNG');
    expect(decodeVni('Aù')).toBe('Á');
  });

  it('round-trips whole register names', () => {
    for (const s of ['Xã Hồ Đắc Kiện', 'Thị trấn Lịch Hội Thượng', 'Phường Khánh Hòa', 'Xã Vĩnh Hải', 'Ủy ban nhân dân']) {
      expect(decodeLegacy(encodeLegacy(s, 'vni'), 'vni')).toBe(s);
      expect(decodeLegacy(encodeLegacy(s, 'tcvn3'), 'tcvn3').toLowerCase()).toBe(s.toLowerCase());
    }
  });
});

describe('repairCapitals', () => {
  it('capitalises words typed in capitals, leaves the others', () => {
    expect(repairCapitals('VàNG và Xanh')).toBe('VÀNG và Xanh');
    expect(repairCapitals('HUYệN Kế SáCH')).toBe('HUYỆN KẾ SÁCH');
    expect(repairCapitals('Hà Nội')).toBe('Hà Nội');
  });
});
