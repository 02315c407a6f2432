// `thidua compile` and the province map: a plan without a boundary file gets no map and a note
// (never an error); a boundary file that does not match the register stops the run with exit 2.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, thidua } from './helpers.js';

const PLAN = join(ROOT, 'templates/plans/soc-trang-vung-xanh-2021.json');
const GEOJSON = join(ROOT, 'templates/registry/soc-trang-2021-communes.geojson');
const tmp = () => mkdtempSync(join(tmpdir(), 'thidua-map-cli-'));

function planWith(dir: string, boundaries: string | undefined): string {
  const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
  if (boundaries === undefined) delete plan.boundaries;
  else plan.boundaries = boundaries;
  const path = join(dir, 'plan.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

describe('thidua compile and the map', () => {
  it('compiles without a map, saying so on stderr, when the plan names no boundary file', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = thidua(['compile', 'fixtures/province', '--plan', planWith(dir, undefined), '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('không vẽ bản đồ tỉnh');
    expect(JSON.parse(r.stdout).outputs.map).toBeUndefined();
    expect(readdirSync(out).sort()).toEqual(['bao-cao-ket-qua-20210816-20210825.docx', 'phu-luc-ket-qua-20210816-20210825.xlsx']);
  });

  it('refuses a boundary file that does not match the register, listing the codes, and writes nothing', () => {
    const dir = tmp();
    const raw = JSON.parse(readFileSync(GEOJSON, 'utf8'));
    const dropped = raw.features.splice(3, 1)[0].properties.code;
    writeFileSync(join(dir, 'bad.geojson'), JSON.stringify(raw));
    const out = join(dir, 'out');
    const r = thidua(['compile', 'fixtures/province', '--plan', planWith(dir, 'bad.geojson'), '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`does not match the register: communes of the register missing from the file (1): ${dropped}`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(() => readdirSync(out)).toThrow();
  });
});
