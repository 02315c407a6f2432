// Tests for compileResults over the real register and plan: a province where some districts
// submitted (one with errors, one with submitted=false, the rest absent), checked against the
// rules: counts, transition matrices, shares, 2686 levels, lists, indicators, difficulties.
import { describe, expect, it } from 'vitest';
import { compileResults } from '../../src/compile/compile.js';
import { districtQualifies, qualifies } from '../../src/compile/award.js';
import { periodFromOptions } from '../../src/compile/period.js';
import type { CommuneResult, Results, ZoneSummary } from '../../src/compile/types.js';
import type { Assessment } from '../../src/core/types.js';
import { assess, communeCodes, difficulty, indicator, plan, registry, submitted } from './helpers.js';

const BASE = '2021-08-15';
const END = plan.period.to;
const zonesInRank = plan.zoneScale.zones.map((z) => z.code);

const c941 = communeCodes('941'); // 10 communes
const c942 = communeCodes('942'); // 8
const c943 = communeCodes('943'); // 13
const c944 = communeCodes('944'); // 9

function scenario(): { rows: Assessment[]; results: Results } {
  const rows: Assessment[] = [];
  const pair = (code: string, start: string, end: string) => rows.push(assess(code, BASE, start), assess(code, END, end));
  // 941: all yellow at the start; 3 of 10 red at the end, the rest green.
  c941.forEach((c, i) => pair(c, 'vang', i < 3 ? 'do' : 'xanh'));
  // 942: every commune holds green.
  c942.forEach((c) => pair(c, 'xanh', 'xanh'));
  // 943: one commune per category; c943[6] has no rows, c943[7] had rows with errors.
  pair(c943[0], 'xanh', 'xanh');
  pair(c943[1], 'cam', 'xanh');
  pair(c943[2], 'do', 'vang');
  pair(c943[3], 'vang', 'cam');
  pair(c943[4], 'xanh', 'xanh');
  rows.push(assess(c943[4], '2021-08-20', 'vang'));
  pair(c943[5], 'cam', 'cam');
  // 944: four communes become green, the others sent nothing.
  c944.slice(0, 4).forEach((c) => pair(c, 'do', 'xanh'));
  const results = compileResults({
    plan, registry, period: plan.period, assessments: rows,
    indicators: [
      indicator('941', 'tuyen-truyen', 12), indicator('941', 'tuyen-truyen', 3), indicator('943', 'tuyen-truyen', 5),
      indicator('943', 'van-dong', 1_500_000), indicator('943', null, 7, 'Số chốt kiểm soát', 'chốt'), indicator('943', null, 2, 'Số chốt kiểm soát', null),
    ],
    difficulties: [difficulty('943', 'Thiếu test nhanh'), difficulty('941', 'Thiếu nhân lực'), difficulty('943', 'Thiếu kinh phí')],
    districts: [
      submitted('943', { errorCount: 3, warningCount: 1, communesWithErrors: [c943[7], c943[5]] }),
      submitted('941'), submitted('942', { files: ['a.xlsx', 'b.csv'] }), submitted('944'),
      { districtCode: '951', submitted: false, errorCount: 0, warningCount: 0, communesWithErrors: [], files: [] },
    ],
  });
  return { rows, results };
}

const { rows, results } = scenario();
const commune = (code: string) => results.communes.find((c) => c.code === code)!;
const district = (code: string) => results.districts.find((d) => d.code === code)!;

describe('communes', () => {
  it('covers every commune of the register, by district code then commune code', () => {
    expect(results.communes).toHaveLength(registry.communes.size);
    const keys = results.communes.map((c) => `${c.districtCode}-${c.code}`);
    expect(keys).toEqual([...keys].sort());
    expect(results.districts.map((d) => d.code)).toEqual([...registry.districts.keys()].sort());
  });

  it('classifies one commune per category in 943', () => {
    expect(c943.slice(0, 8).map((c) => commune(c).category)).toEqual(['held-green', 'improved', 'improved', 'worsened', 'green-not-held', 'unchanged', 'no-data', 'no-data']);
    expect(commune(c943[1]).becameGreen).toBe(true);
    expect(commune(c943[6]).reason).toEqual({ missing: 'both', cause: 'not-reported' });
    expect(commune(c943[7]).reason).toEqual({ missing: 'both', cause: 'rows-with-errors' });
    expect(commune(c943[4]).assessmentsInPeriod).toBe(2);
    expect(commune(c943[0])).toMatchObject({ districtName: 'Huyện Kế Sách', name: registry.communes.get(c943[0])!.name });
  });

  it('leaves the communes of districts that did not submit without data', () => {
    for (const c of results.communes.filter((x) => ['945', '946', '947', '948', '949', '950', '951'].includes(x.districtCode))) {
      expect(c.reason).toEqual({ missing: 'both', cause: 'district-not-submitted' });
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });
});

function expectConsistent(s: ZoneSummary, communes: CommuneResult[]) {
  expect(s.communeCount).toBe(communes.length);
  for (const end of ['start', 'end'] as const) {
    expect(s[end].byZone.map((z) => z.zone)).toEqual(zonesInRank);
    for (const z of s[end].byZone) expect(z.count).toBe(communes.filter((c) => c[end]?.zone === z.zone).length);
    expect(s[end].noData).toBe(communes.filter((c) => c[end] === null).length);
    expect(s[end].byZone.reduce((n, z) => n + z.count, 0) + s[end].noData).toBe(communes.length);
  }
  const m = s.transitions;
  expect(m.zones).toEqual(zonesInRank);
  m.counts.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBe(s.start.byZone[i].count));
  zonesInRank.forEach((_, j) => expect(m.counts.reduce((n, row) => n + row[j], 0)).toBe(s.end.byZone[j].count));
  expect(m.total).toBe(communes.filter((c) => c.start && c.end).length);
  expect(Object.values(s.categories).reduce((a, b) => a + b, 0) - s.categories.becameGreen).toBe(communes.length);
}

describe('figures', () => {
  it('counts, matrices and categories agree with the communes, per district and for the province', () => {
    for (const d of results.districts) expectConsistent(d, results.communes.filter((c) => c.districtCode === d.code));
    expectConsistent(results.province, results.communes);
    const sum = results.districts.reduce((acc, d) => acc.map((row, i) => row.map((v, j) => v + d.transitions.counts[i][j])), zonesInRank.map(() => zonesInRank.map(() => 0)));
    expect(results.province.transitions.counts).toEqual(sum);
  });

  it('fills the matrix cells the scenario implies', () => {
    const m = district('941').transitions.counts;
    const i = (z: string) => zonesInRank.indexOf(z);
    expect(m[i('vang')][i('do')]).toBe(3);
    expect(m[i('vang')][i('xanh')]).toBe(c941.length - 3);
    expect(district('944').transitions.counts[i('do')][i('xanh')]).toBe(4);
    expect(district('945').transitions.total).toBe(0);
  });

  it('computes the share of green over communes with a status and over all', () => {
    const g = district('943').greenShare;
    expect(g.start).toEqual({ green: 2, withStatus: 6, total: 13, ofWithStatus: 2 / 6, ofAll: 2 / 13 });
    expect(g.end).toEqual({ green: 3, withStatus: 6, total: 13, ofWithStatus: 3 / 6, ofAll: 3 / 13 });
    expect(district('945').greenShare.end).toMatchObject({ withStatus: 0, ofWithStatus: null, ofAll: 0 });
  });

  it('gives the 2686 district level at start and end', () => {
    expect(district('941').level2686.start).toMatchObject({ rank: 3, zone: 'cam' }); // 100% at Nguy cơ
    expect(district('941').level2686.end).toMatchObject({ rank: 4, zone: 'do', level: 'Nguy cơ rất cao' }); // exactly 30% red
    expect(district('942').level2686.end).toMatchObject({ rank: 1 });
    expect(district('944').level2686.start).toMatchObject({ rank: 4 }); // 4 of 4 with a status are red
    expect(district('945').level2686).toEqual({ start: null, end: null });
  });
});

describe('awards', () => {
  it('a commune qualifies when it held green or improved', () => {
    expect(results.communes.filter(qualifies).map((c) => c.code)).toEqual(results.communes.filter((c) => c.qualifies).map((c) => c.code));
    expect(qualifies({ category: 'green-not-held' })).toBe(false);
  });

  it('a district qualifies when every commune with data does, and one has data', () => {
    expect(district('942').awardQualifies).toBe(true);
    expect(district('944').awardQualifies).toBe(true); // 4 became green, 5 without data
    expect(district('941').awardQualifies).toBe(false);
    expect(district('943').awardQualifies).toBe(false);
    expect(district('945').awardQualifies).toBe(false);
    expect(districtQualifies(district('942'), { districtAwardRule: 'none' })).toBe(false);
  });
});

describe('lists', () => {
  it('lists communes by category in district-then-commune order', () => {
    const codes = (xs: { code: string }[]) => xs.map((x) => x.code);
    expect(codes(results.lists.heldGreen)).toEqual([...c942, c943[0]]);
    expect(codes(results.lists.improved)).toEqual([...c941.slice(3), c943[1], c943[2], ...c944.slice(0, 4)]);
    expect(codes(results.lists.becameGreen)).toEqual([...c941.slice(3), c943[1], ...c944.slice(0, 4)]);
    expect(codes(results.lists.worsened)).toEqual([...c941.slice(0, 3), c943[3]]);
    expect(codes(results.lists.greenNotHeld)).toEqual([c943[4]]);
    expect(results.lists.improved[c941.length - 3 + 1]).toMatchObject({ fromZone: 'do', toZone: 'vang', districtName: 'Huyện Kế Sách' });
    const withData = new Set(rows.map((r) => r.communeCode));
    expect(codes(results.lists.noData)).toEqual(results.communes.filter((c) => !withData.has(c.code)).map((c) => c.code));
  });
});

describe('submissions, indicators, difficulties', () => {
  it('says who submitted, who did not, and who had errors', () => {
    expect(results.submissions.submitted).toEqual(['941', '942', '943', '944']);
    expect(results.submissions.notSubmitted).toEqual(['945', '946', '947', '948', '949', '950', '951']);
    expect(results.submissions.withErrors).toEqual([{ districtCode: '943', errorCount: 3, communesWithoutStatus: [c943[7]] }]);
    expect(district('943').submission).toMatchObject({ errorCount: 3, warningCount: 1, communesWithErrors: [c943[5], c943[7]].sort() });
    expect(results.generatedFrom).toEqual({ files: 5, districts: 4, assessments: rows.length, indicators: 6, difficulties: 3 });
  });

  it('sums indicators per district and for the province, keeping units', () => {
    expect(district('941').indicators).toEqual([{ code: 'tuyen-truyen', label: 'Số tin, bài tuyên truyền', unit: 'tin, bài', value: 15, rows: 2 }]);
    expect(district('943').indicators.map((i) => [i.code, i.value, i.unit])).toEqual([
      ['tuyen-truyen', 5, 'tin, bài'], ['van-dong', 1_500_000, 'đồng'], [null, 9, 'chốt'],
    ]);
    expect(results.province.indicators.map((i) => i.code)).toEqual(plan.indicators.map((i) => i.code));
    expect(results.province.indicators.find((i) => i.code === 'tuyen-truyen')).toMatchObject({ value: 20, districts: 2 });
    expect(results.province.indicators.find((i) => i.code === 'suat-qua')).toMatchObject({ value: 0, districts: 0 });
  });

  it('groups difficulties by district code, keeping their order within', () => {
    expect(results.difficulties.map((d) => [d.districtCode, d.items.map((i) => i.content)])).toEqual([
      ['941', ['Thiếu nhân lực']], ['943', ['Thiếu test nhanh', 'Thiếu kinh phí']],
    ]);
  });
});

describe('a --month period', () => {
  it('looks back from the month start, so a mid-month baseline is not a start status', () => {
    const period = periodFromOptions(plan, { month: '2021-08' });
    const [a, b, c] = c942;
    const r = compileResults({
      plan, registry, period, indicators: [], difficulties: [], districts: [submitted('942')],
      assessments: [
        assess(a, BASE, 'xanh'), assess(a, END, 'xanh'),
        assess(b, '2021-07-18', 'cam'), assess(b, '2021-08-31', 'vang'), // 14 days before 1/8: counts
        assess(c, '2021-07-17', 'cam'), assess(c, '2021-08-31', 'vang'), // 15 days: too old
      ],
    });
    expect(r.period).toEqual({ from: '2021-08-01', to: '2021-08-31' });
    const get = (code: string) => r.communes.find((x) => x.code === code)!;
    expect(get(a)).toMatchObject({ category: 'no-data', start: null, end: { zone: 'xanh', date: END }, reason: { missing: 'start' } });
    expect(get(b)).toMatchObject({ category: 'improved', fromZone: 'cam', toZone: 'vang', assessmentsInPeriod: 1 });
    expect(get(c)).toMatchObject({ category: 'no-data', reason: { missing: 'start', cause: 'not-reported' } });
  });
});
