// Whole-file encoding detection, as a property: any text built from the register's names and
// the plan's words, written in UTF-8, Windows-1258, TCVN3 or VNI, is recognised and decoded
// back to the same Unicode text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText } from '../../src/read/encoding.js';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { tcvn3, vni, windows1258 } from '../../fixtures/build/bad/kit.js';

const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);
const NAMES = [...registry.communes.values()].map((c) => c.name);
const WORDS = [
  ...plan.zoneScale.zones.flatMap((z) => [z.label, ...z.aliases]),
  ...plan.indicators.map((i) => i.label),
  'Ngày đánh giá', 'Tên xã', 'Mã xã', 'Ghi chú', 'Tổng cộng', 'UBND HUYỆN CHÂU THÀNH', 'Số ca cộng đồng',
];
/** Capitals outside ASCII that TCVN3 cannot write (it writes them with the lower-case byte). */
const TONED_CAPITAL = /[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/;

const ENCODERS = {
  'utf-8': (s: string) => Buffer.from(s, 'utf8'),
  'windows-1258': windows1258,
  tcvn3,
  vni,
} as const;

/** A small table: lines of names, words, numbers and dates separated by semicolons. */
const table = fc
  .array(
    fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 99999 }).map(String), fc.constant('15/08/2021')), { minLength: 2, maxLength: 6 }),
    { minLength: 2, maxLength: 12 },
  )
  .map((lines) => `${lines.map((l) => l.join(';')).join('\r\n')}\r\n`)
  .filter((t) => /[^\x00-\x7f]/.test(t));

describe('encoding detection', () => {
  for (const [encoding, encode] of Object.entries(ENCODERS)) {
    it(`finds ${encoding} and decodes it back exactly`, () => {
      fc.assert(
        fc.property(table, (text) => {
          const d = decodeText(encode(text), 'x.csv');
          expect(d.encoding).toBe(encoding);
          if (encoding === 'tcvn3' && TONED_CAPITAL.test(text)) expect(d.text.toLowerCase()).toBe(text.toLowerCase());
          else expect(d.text).toBe(text);
        }),
        { numRuns: 150, seed: 20210816 },
      );
    });
  }

  it('decides on the whole file, not its first kilobytes', () => {
    const ascii = 'Ma xa;Ten xa;Ngay;Vung\r\n'.repeat(2000);
    const d = decodeText(Buffer.concat([Buffer.from(ascii), tcvn3('31570;Xã Hồ Đắc Kiện;15/08/2021;Vàng\r\n')]), 'x.csv');
    expect(d.encoding).toBe('tcvn3');
    expect(d.text.endsWith('31570;Xã Hồ Đắc Kiện;15/08/2021;Vàng\r\n')).toBe(true);
  });
});
