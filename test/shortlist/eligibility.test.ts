// The plan's award rule on the fixture province: automatic proposals, every nomination kept or
// left out as the fixtures' ground truth says, duplicates once, and the CLI's JSON.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { compileInputs } from '../../src/pipeline.js';
import { buildShortlist } from '../../src/shortlist/eligibility.js';
import { ROOT, thidua } from '../cli/helpers.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/manifest.json'), 'utf8')).province;
const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);
const compiled = await compileInputs({ plan, registry, period: plan.period, lang: 'vi', paths: [join(ROOT, 'fixtures/province')] });
const nominations = compiled.run.files.flatMap((f) => f.nominations);
const shortlist = buildShortlist(plan, registry, compiled.results, nominations);

const REASON: Record<string, string> = {
  'commune-not-qualified': 'locality-',
  'collective-not-rewarded': 'type-not-rewarded',
  'not-provincial-award': 'award-not-provincial',
  'invalid-no-unit': 'missing-unit',
  'kept-also-auto': 'duplicate',
};

describe('shortlist on the fixture province', () => {
  it('proposes the UBND of every commune that held green or improved, named in full', () => {
    const auto = shortlist.collectives.filter((c) => c.source === 'auto' && c.communeCode);
    expect(auto).toHaveLength(manifest.autoProposedCommunes);
    const qualifying = manifest.communes.filter((c: { category: string }) => ['held-green', 'improved', 'became-green'].includes(c.category));
    expect(auto.map((c) => c.communeCode).sort()).toEqual(qualifying.map((c: { code: string }) => c.code).sort());
    const phuTam = auto.find((c) => c.communeCode === '31573')!;
    expect(phuTam.name).toBe('Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành');
    const truth = manifest.communes.find((c: { code: string }) => c.code === '31573');
    if (truth.category === 'held-green') expect(phuTam.achievement).toBe('Giữ vững vùng xanh trong suốt đợt thi đua (16/8–25/8/2021)');
    else expect(phuTam.achievement).toMatch(/^Chuyển từ vùng \S+ sang vùng \S+$/);
  });

  it('keeps or leaves out every nomination as the ground truth says', () => {
    for (const n of manifest.nominations as { name: string; commune: string; expected: string }[]) {
      const kept = [...shortlist.collectives, ...shortlist.individuals].filter((p) => p.name === n.name);
      const left = shortlist.leftOut.filter((l) => l.name === n.name);
      if (n.expected === 'kept') {
        expect(kept, n.name).toHaveLength(1);
        expect(left, n.name).toHaveLength(0);
      } else {
        expect(left, n.name).toHaveLength(1);
        expect(left[0].reason.startsWith(REASON[n.expected]), `${n.name}: ${left[0].reason}`).toBe(true);
      }
    }
    expect(shortlist.leftOut).toHaveLength(manifest.nominations.filter((n: { expected: string }) => n.expected !== 'kept').length);
  });

  it('proposes a UBND xã nominated by its district only once, as the automatic proposal', () => {
    const names = shortlist.collectives.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const mentioned = shortlist.collectives.filter((c) => c.name.startsWith('Ủy ban nhân dân xã Phú Tâm'));
    expect(mentioned).toHaveLength(1);
    expect(mentioned[0].source).toBe('auto');
  });

  it('orders by district code, then commune code', () => {
    const keys = shortlist.collectives.map((c) => `${c.districtCode}|${c.communeCode ?? ''}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('prints the same people in the CLI JSON and writes both documents', () => {
    const out = mkdtempSync(join(tmpdir(), 'thidua-shortlist-'));
    const r = thidua(['shortlist', 'fixtures/province', '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.collectives).toHaveLength(shortlist.collectives.length);
    expect(json.individuals.map((i: { name: string }) => i.name)).toEqual(shortlist.individuals.map((i) => i.name));
    expect(json.leftOut.map((l: { reason: string }) => l.reason)).toEqual(shortlist.leftOut.map((l) => l.reason));
    expect(json.outputs.proposal).toMatch(/to-trinh-khen-thuong-20210816-20210825\.docx$/);
  });
});
