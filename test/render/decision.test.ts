// The draft Quyết định and the bonus (issue 17): the rates and rounding of Nghị định 91/2017, the
// amount in words, the decision's ND30 layout parsed from its .docx, and the agreement of counts,
// names and sums across the Tờ trình, both Danh sách, the Quyết định and the clerk's workbook.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../src/cli/context.js';
import { loadPlan } from '../../src/data/plan.js';
import { EXIT, ThiduaError } from '../../src/core/errors.js';
import { packDocument } from '../../src/docx/pack.js';
import { decisionDocument, leftOutBytes, leftOutWorkbook, moneyWords, proposalDocument, type ProposalInput } from '../../src/render/proposal/index.js';
import { roundedUp, shortlistBonus } from '../../src/shortlist/bonus.js';
import { BLANK_META, plan, sampleInput } from './proposalFixture.js';
import { expectAgreement, sectionsOfBytes } from './awardFile.js';

describe('bonus amounts (Nghị định 91/2017/NĐ-CP)', () => {
  it('rounds up to tens of thousands of đồng, as Ban Thi đua - Khen thưởng Trung ương worked it (khoản 2 Điều 68)', () => {
    // Their example at the 1.390.000 base salary of 2018: 0,8 × → 1.112.000 → 1.120.000; 0,6 × → 834.000 → 840.000.
    expect(roundedUp(0.8, 1_390_000, 10_000)).toBe(1_120_000);
    expect(roundedUp(0.6, 1_390_000, 10_000)).toBe(840_000);
    expect(roundedUp(1.0, 1_490_000, 10_000)).toBe(1_490_000);
    expect(roundedUp(0.3, 1_490_000, 10_000)).toBe(450_000); // 447.000 rounds up, never down
  });

  it('gives 1,0 × the base salary per individual and twice that per collective in August 2021', () => {
    const input = sampleInput();
    const b = shortlistBonus(plan, input.shortlist, '2021-08-25');
    expect(b.baseSalary.amount).toBe(1_490_000);
    expect(new Set(b.individuals)).toEqual(new Set([1_490_000]));
    expect(new Set(b.collectives)).toEqual(new Set([2_980_000]));
    expect(b.total).toBe(input.shortlist.collectives.length * 2_980_000 + input.shortlist.individuals.length * 1_490_000);
  });

  it('refuses a date with no base salary in the plan, or a plan without rates, as bad usage naming the key', () => {
    const { shortlist } = sampleInput();
    const usage = (f: () => unknown, key: string) => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ThiduaError);
        expect((e as ThiduaError).exitCode).toBe(EXIT.usage);
        expect((e as ThiduaError).text.vi).toContain(key);
      }
    };
    usage(() => shortlistBonus(plan, shortlist, '2019-06-30'), 'bonus.baseSalaries');
    usage(() => shortlistBonus({ ...plan, bonus: { ...plan.bonus!, rates: [] } }, shortlist, '2021-08-25'), 'bonus.rates');
    usage(() => shortlistBonus({ ...plan, bonus: undefined }, shortlist, '2021-08-25'), 'bonus');
  });
});

describe('amounts in words', () => {
  it.each([
    [292_040_000, 'Hai trăm chín mươi hai triệu không trăm bốn mươi nghìn đồng'],
    [1_490_000, 'Một triệu bốn trăm chín mươi nghìn đồng'],
    [2_980_000, 'Hai triệu chín trăm tám mươi nghìn đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [1_000_050, 'Một triệu không trăm năm mươi đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
  ])('%i → %s', (n, words) => expect(moneyWords(n)).toBe(words));
});

async function decisionSections(input: ProposalInput) {
  return sectionsOfBytes(await packDocument(decisionDocument(input)));
}

describe('the draft Quyết định', async () => {
  const input = sampleInput();
  const [body, appendix] = await decisionSections(input);
  const p = body.paragraphs;

  it('is a portrait decision with a landscape appendix', () => {
    expect([body.landscape, appendix.landscape]).toEqual([false, true]);
  });

  it('has the issuing body alone, the number and the date left blank for the signer', () => {
    const [left, right] = body.tables[0].rows.map((r) => r.cells.map((c) => c.text.split('\n')));
    expect(left[0].filter((l) => l !== '')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH SÓC TRĂNG']);
    expect(right[0][0]).toBe('Số:      /QĐ-UBND');
    expect(right[1][0]).toBe('Sóc Trăng, ngày      tháng      năm 2021');
  });

  it('has QUYẾT ĐỊNH, its trích yếu and the deciding authority', () => {
    expect(p.slice(0, 3)).toEqual(['QUYẾT ĐỊNH', 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', '']);
    expect(p).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG');
    expect(p).toContain('QUYẾT ĐỊNH:');
  });

  it('cites every basis of the plan in italic, then the campaign plan and the Tờ trình, the last ending with "."', () => {
    const bases = [...plan.decision!.legalBases.map((b) => b.text), `Căn cứ ${plan.planDocument};`];
    const start = p.indexOf(bases[0]);
    expect(p.slice(start, start + bases.length)).toEqual(bases);
    expect(p[start + bases.length]).toBe('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số      /TTr-SNV ngày      tháng      năm 2021.');
    for (const text of [...bases, p[start + bases.length]]) {
      const at = body.xml.indexOf(text.slice(0, 30));
      expect(body.xml.slice(body.xml.lastIndexOf('<w:r>', at), at)).toContain('<w:i/>');
    }
    expect(bases.some((b) => b.startsWith('Căn cứ Luật Tổ chức chính quyền địa phương'))).toBe(true);
    expect(bases.join(' ')).not.toMatch(/98\/2023|24\/2023|Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022/); // later texts
  });

  it('names the Tờ trình by number and date when they are given', async () => {
    const [b] = await decisionSections(sampleInput({ meta: { ...BLANK_META, number: '45', date: '2021-08-26' } }));
    expect(b.paragraphs).toContain('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 26 tháng 8 năm 2021.');
  });

  it('has Điều 1–3 in bold, Điều 3 closing with "./." and naming who executes it', () => {
    for (const n of [1, 2, 3]) expect(body.xml).toMatch(new RegExp(`<w:b/>(?:(?!</w:r>).)*<w:t[^>]*>Điều ${n}. </w:t>`, 's'));
    const a3 = p.find((x) => x.startsWith('Điều 3.'))!;
    expect(a3).toMatch(/^Điều 3\. Quyết định này có hiệu lực kể từ ngày ký\. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, .* chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    expect(p.find((x) => x.startsWith('Điều 2.'))).toContain('chi từ Quỹ thi đua, khen thưởng của tỉnh');
  });

  it('closes with Nơi nhận "Như Điều 3; …; Lưu: VT." and KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', () => {
    const [left, right] = body.tables.at(-1)!.rows[0].cells.map((c) => c.text.split('\n'));
    expect(left[0]).toBe('Nơi nhận:');
    expect(left[1]).toBe('- Như Điều 3;');
    expect(left.at(-1)).toBe('- Lưu: VT.');
    expect(right.slice(0, 2)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('gives the same bytes for the same input', async () => {
    const [a, b] = await Promise.all([packDocument(decisionDocument(sampleInput())), packDocument(decisionDocument(sampleInput()))]);
    expect(a.equals(b)).toBe(true);
  });

  it('attaches the Danh sách "Kèm theo Quyết định số …"', () => {
    expect(appendix.paragraphs).toContain('DANH SÁCH');
    expect(appendix.paragraphs).toContain('(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2021 của Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng)');
  });
});

describe('one shortlist, one award file', () => {
  it('states the same counts, names and sums in the Tờ trình, both Danh sách, the Quyết định and the workbook', async () => {
    const input = sampleInput({ meta: { ...BLANK_META, number: '45', date: '2021-08-26' } });
    const got = await expectAgreement(
      await packDocument(proposalDocument(input)),
      await packDocument(decisionDocument(input)),
      await leftOutBytes(leftOutWorkbook(input)),
    );
    expect(got).toMatchObject({ collectives: input.shortlist.collectives.length, individuals: input.shortlist.individuals.length });
  });

  it('agrees too when only collectives are proposed', async () => {
    const base = sampleInput();
    const input = { ...base, shortlist: { ...base.shortlist, individuals: [] } };
    const got = await expectAgreement(
      await packDocument(proposalDocument(input)),
      await packDocument(decisionDocument(input)),
      await leftOutBytes(leftOutWorkbook(input)),
    );
    expect(got).toMatchObject({ individuals: 0, total: input.shortlist.collectives.length * 2_980_000 });
  });

  it('asks for no money when nobody is proposed', async () => {
    const base = sampleInput();
    const input = { ...base, shortlist: { ...base.shortlist, collectives: [], individuals: [] } };
    const [letter, list] = await sectionsOfBytes(await packDocument(proposalDocument(input)));
    expect(letter.paragraphs.some((x) => x.startsWith('Tiền thưởng'))).toBe(false);
    expect(list.tables[0].rows.at(-1)!.cells.map((c) => c.text)).toEqual(['Tổng cộng', '0', '']);
  });
});

describe('the plan file’s decision and bonus keys', () => {
  const planJson = JSON.parse(readFileSync(DEFAULT_PLAN, 'utf8'));
  const load = (edit: (p: typeof planJson) => void) => {
    const copy = structuredClone(planJson);
    edit(copy);
    const path = join(mkdtempSync(join(tmpdir(), 'thidua-plan-')), 'plan.json');
    writeFileSync(path, JSON.stringify(copy));
    return () => loadPlan(path);
  };
  const rejects = (edit: (p: typeof planJson) => void, key: string) => {
    const f = load(edit);
    expect(f).toThrow(ThiduaError);
    try {
      f();
    } catch (e) {
      expect((e as ThiduaError).exitCode).toBe(EXIT.usage);
      expect((e as ThiduaError).text.vi).toContain(key);
    }
  };

  it('loads the bundled plan with both, and a plan without them', () => {
    expect(plan.decision?.legalBases.length).toBeGreaterThan(0);
    expect(load((p) => { delete p.decision; delete p.bonus; })().decision).toBeUndefined();
  });

  it('names the key that is wrong', () => {
    rejects((p) => { p.bonus.rates[0].form = 'huan-chuong'; }, 'bonus.rates[0]');
    rejects((p) => { p.bonus.baseSalaries[0].amount = -1; }, 'bonus.baseSalaries[0].amount');
    rejects((p) => { delete p.decision.legalBases[1].verified; }, 'decision.legalBases[1].verified');
    rejects((p) => { p.decision.signer = 'KT. CHỦ TỊCH'; }, 'decision.signer');
  });
});
