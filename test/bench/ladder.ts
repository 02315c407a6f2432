// The bench's ladder: the national data set's 700 districts and 10,600 communes over k times as
// many days (31 × k days ending 31/08/2021), as one CSV per district, so that compile's time and
// peak memory can be read against the number of rows (1× = 328,600 rows, 10× = 3,286,000: most
// of a year of daily assessments for the whole country). Rows are written district by district
// and never held: the generator's memory does not grow with k.
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { DATA, prng, type Manifest } from './generate.js';

export const LADDER_VERSION = 2;

export interface Rung {
  version: number;
  factor: number;
  rows: number;
  csvDir: string;
  plan: string;
  registry: string;
  from: string;
  to: string;
}

const ZONES = ['Xanh', 'Vàng', 'Cam', 'Đỏ'];
const HEADER = 'STT,Mã xã,Tên xã,Ngày đánh giá,Mức độ nguy cơ,Số ca cộng đồng 14 ngày,Ngày ghi nhận ca cộng đồng gần nhất,Ghi chú';
const NOTES = ['', '', '', 'Duy trì chốt kiểm soát ra vào', 'Có F1 trong cộng đồng', 'Giáp ranh vùng cam'];
const DAY = 86_400_000;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const dmy = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

interface Unit {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
}

/** The communes of the national register (generate.ts wrote it), by district in file order. */
function communesByDistrict(registry: string): Map<string, Unit[]> {
  const out = new Map<string, Unit[]>();
  for (const line of readFileSync(registry, 'utf8').split('\n').slice(1)) {
    if (!line.startsWith('commune,')) continue;
    const [, code, name, , districtCode, districtName] = line.split(',');
    let list = out.get(districtCode);
    if (!list) out.set(districtCode, (list = []));
    list.push({ code, name, districtCode, districtName });
  }
  return out;
}

/** Rung k (1, 3, 10 …) of the ladder, generated once into bench/data/ladder-k. */
export async function rung(national: Manifest, factor: number): Promise<Rung> {
  const dir = join(DATA, `ladder-${factor}x`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Rung;
    if (m.version === LADDER_VERSION && m.factor === factor) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  const csvDir = join(dir, 'csv');
  mkdirSync(csvDir, { recursive: true });
  const end = Date.parse(`${national.to}T00:00:00Z`);
  const days = Array.from({ length: 31 * factor }, (_, i) => iso(end - (31 * factor - 1 - i) * DAY));
  const from = days[0];
  const to = days[days.length - 1];
  const plan = JSON.parse(readFileSync(national.plan, 'utf8'));
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, `${JSON.stringify({ ...plan, id: `bench-ladder-${factor}x`, period: { from, to }, checkpoints: [from, to] }, null, 2)}\n`);
  const rnd = prng(825 + factor);
  let rows = 0;
  for (const [dc, communes] of communesByDistrict(national.registry)) {
    const out = createWriteStream(join(csvDir, `${dc}_phan_vung.csv`));
    const write = async (s: string) => {
      if (!out.write(s)) await once(out, 'drain');
    };
    await write(`UBND ${communes[0].districtName.toUpperCase()},,,,,,,\nBIỂU TỔNG HỢP KẾT QUẢ PHÂN VÙNG NGUY CƠ DỊCH COVID-19 CẤP XÃ,,,,,,,\n,,,,,,,\n${HEADER}\n`);
    let n = 0;
    for (const c of communes) {
      let zone = rnd() < 0.7 ? 0 : rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
      const lines: string[] = [];
      for (const date of days) {
        if (rnd() < 0.05) zone = Math.max(0, Math.min(3, zone + (rnd() < 0.6 ? -1 : 1)));
        const cases = zone === 0 ? 0 : Math.floor(rnd() * 6 * zone);
        const d = dmy(date);
        lines.push(`${++n},${c.code},${cell(c.name)},${d},${ZONES[zone]},${cases},${zone === 0 ? '' : d},${cell(NOTES[Math.floor(rnd() * NOTES.length)])}\n`);
      }
      await write(lines.join(''));
    }
    rows += n;
    out.end();
    await once(out, 'finish');
  }
  const m: Rung = { version: LADDER_VERSION, factor, rows, csvDir, plan: planPath, registry: national.registry, from, to };
  writeFileSync(manifestPath, `${JSON.stringify(m, null, 2)}\n`);
  return m;
}
