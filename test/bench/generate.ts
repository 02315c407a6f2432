// The benchmark's data: a deterministic synthetic national register (~10,600 communes in ~700
// districts), a plan for one month, and a month of daily zone assessments for every commune,
// written as one CSV per district, one national CSV and one .xlsx per district.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const GENERATOR_VERSION = 4;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA = join(ROOT, 'bench', 'data');

export interface Manifest {
  version: number;
  districts: number;
  communes: number;
  rows: number;
  registry: string;
  plan: string;
  csvDir: string;
  xlsxDir: string;
  nationalCsv: string;
  from: string;
  to: string;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'An', 'Bình', 'Châu', 'Đông', 'Hòa', 'Hưng', 'Khánh', 'Long', 'Mỹ', 'Nhơn', 'Phú', 'Phước', 'Quới', 'Tân', 'Thạnh',
  'Thuận', 'Trung', 'Vĩnh', 'Xuân', 'Định', 'Hiệp', 'Lộc', 'Lợi', 'Nghĩa', 'Ninh', 'Sơn', 'Tây', 'Thới', 'Tiến', 'Trường',
  'Hải', 'Hậu', 'Kiến', 'Lạc', 'Minh', 'Phong', 'Quang', 'Thành', 'Thịnh', 'Văn',
];

interface Unit {
  code: string;
  name: string;
  type: string;
  districtCode: string;
}

const ZONES = ['Xanh', 'Vàng', 'Cam', 'Đỏ'];
const HEADER = ['STT', 'Mã xã', 'Tên xã', 'Ngày đánh giá', 'Mức độ nguy cơ', 'Số ca cộng đồng 14 ngày', 'Ngày ghi nhận ca cộng đồng gần nhất', 'Ghi chú'];
const NOTES = ['', '', '', 'Duy trì chốt kiểm soát ra vào', 'Có F1 trong cộng đồng', 'Giáp ranh vùng cam'];

function register(districtCount: number, communeCount: number): { districts: Unit[]; communes: Unit[] } {
  const rnd = prng(2021);
  const districts: Unit[] = [];
  const used = new Set<string>();
  for (let i = 0; districts.length < districtCount; i++) {
    const a = SYLLABLES[i % SYLLABLES.length];
    const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length];
    const name = `${a} ${b}`;
    if (a === b || used.has(name)) continue;
    used.add(name);
    const type = i % 23 === 0 ? 'thành phố' : i % 11 === 0 ? 'thị xã' : 'huyện';
    const prefix = type === 'thành phố' ? 'Thành phố' : type === 'thị xã' ? 'Thị xã' : 'Huyện';
    districts.push({ code: String(100 + districts.length), name: `${prefix} ${name}`, type, districtCode: String(100 + districts.length) });
  }
  const communes: Unit[] = [];
  let code = 10000;
  for (const [di, d] of districts.entries()) {
    const n = Math.floor((communeCount * (di + 1)) / districtCount) - Math.floor((communeCount * di) / districtCount);
    const names = new Set<string>();
    for (let k = 0; k < n; k++) {
      let name: string;
      let type: string;
      if (d.type !== 'huyện' && k < 9) [name, type] = [`Phường ${k + 1}`, 'phường'];
      else {
        do name = `${SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]}`;
        while (names.has(name));
        type = k === 0 ? 'thị trấn' : 'xã';
        name = `${type === 'thị trấn' ? 'Thị trấn' : 'Xã'} ${name}`;
      }
      names.add(name.replace(/^(Xã|Thị trấn) /, ''));
      communes.push({ code: String(code), name, type, districtCode: d.code });
      code += 3;
    }
  }
  return { districts, communes };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Every commune's daily assessments: a slowly drifting zone, cases consistent with it. */
function assessments(communes: Unit[], dates: string[]): Map<string, (string | number)[][]> {
  const rnd = prng(825);
  const byDistrict = new Map<string, (string | number)[][]>();
  for (const c of communes) {
    let zone = rnd() < 0.7 ? 0 : rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
    let rows = byDistrict.get(c.districtCode);
    if (!rows) byDistrict.set(c.districtCode, (rows = []));
    for (const date of dates) {
      if (rnd() < 0.05) zone = Math.max(0, Math.min(3, zone + (rnd() < 0.6 ? -1 : 1)));
      const cases = zone === 0 ? 0 : Math.floor(rnd() * 6 * zone);
      const last = zone === 0 ? '' : dmy(date);
      rows.push([0, c.code, c.name, dmy(date), ZONES[zone], cases, last, NOTES[Math.floor(rnd() * NOTES.length)]]);
    }
  }
  // The whole month in district order, numbered per file.
  for (const rows of byDistrict.values()) rows.forEach((r, i) => (r[0] = i + 1));
  return byDistrict;
}

function planFor(from: string, to: string): unknown {
  const { boundaries: _sócTrăng, ...plan } = JSON.parse(readFileSync(join(ROOT, 'templates', 'plans', 'soc-trang-vung-xanh-2021.json'), 'utf8'));
  // No boundaries: Sóc Trăng's are not these made-up communes (and their relative path does not
  // resolve from bench/data/, which made every compile measure stop with exit 2 before writing).
  // A compile without a map streams its appendix; it says so in one note on stderr.
  return { ...plan, id: 'bench-national-2021-08', period: { from, to }, checkpoints: [from, to], province: { ...plan.province, code: '00', name: 'Toàn quốc (thử tải)' } };
}

async function districtWorkbook(path: string, d: Unit, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  wb.created = wb.modified = new Date(Date.UTC(2021, 8, 1));
  const ws = wb.addWorksheet('Phân vùng');
  ws.mergeCells('A1:D1');
  ws.mergeCells('A2:H2');
  ws.addRow([`UBND ${d.name.toUpperCase()}`]).commit();
  ws.addRow(['BIỂU TỔNG HỢP KẾT QUẢ PHÂN VÙNG NGUY CƠ DỊCH COVID-19 CẤP XÃ']).commit();
  ws.addRow([]).commit();
  ws.addRow(HEADER).commit();
  for (const r of rows) {
    const [y, m, dd] = String(r[3]).split('/').reverse().map(Number);
    ws.addRow([r[0], r[1], r[2], new Date(Date.UTC(y, m - 1, dd)), r[4], r[5], r[6] || null, r[7] || null]).commit();
  }
  ws.commit();
  await wb.commit();
}

export async function generate(opts: { districts?: number; communes?: number; force?: boolean } = {}): Promise<Manifest> {
  const nD = opts.districts ?? 700;
  const nC = opts.communes ?? 10600;
  const from = '2021-08-01';
  const to = '2021-08-31';
  const manifestPath = join(DATA, 'manifest.json');
  if (!opts.force && existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (m.version === GENERATOR_VERSION && m.districts === nD && m.communes === nC) return m;
  }
  rmSync(DATA, { recursive: true, force: true });
  const csvDir = join(DATA, 'csv');
  const xlsxDir = join(DATA, 'xlsx');
  mkdirSync(csvDir, { recursive: true });
  mkdirSync(xlsxDir, { recursive: true });
  const { districts, communes } = register(nD, nC);
  const regLines = ['level,code,name,type,district_code,district_name'];
  for (const d of districts) regLines.push(['district', d.code, d.name, d.type, d.code, d.name].map(csvCell).join(','));
  const dName = new Map(districts.map((d) => [d.code, d.name]));
  for (const c of communes) regLines.push(['commune', c.code, c.name, c.type, c.districtCode, dName.get(c.districtCode)!].map(csvCell).join(','));
  const registry = join(DATA, 'registry.csv');
  writeFileSync(registry, `${regLines.join('\n')}\n`);
  const plan = join(DATA, 'plan.json');
  writeFileSync(plan, `${JSON.stringify(planFor(from, to), null, 2)}\n`);
  const byDistrict = assessments(communes, days(from, to));
  const national: string[] = [HEADER.join(',')];
  let rows = 0;
  let n = 0;
  for (const d of districts) {
    const list = byDistrict.get(d.code) ?? [];
    const lines = [`UBND ${d.name.toUpperCase()},,,,,,,`, 'BIỂU TỔNG HỢP KẾT QUẢ PHÂN VÙNG NGUY CƠ DỊCH COVID-19 CẤP XÃ,,,,,,,', ',,,,,,,', HEADER.join(',')];
    for (const r of list) {
      const line = r.map(csvCell).join(',');
      lines.push(line);
      national.push([++n, ...r.slice(1)].map(csvCell).join(','));
    }
    rows += list.length;
    writeFileSync(join(csvDir, `${d.code}_phan_vung.csv`), `${lines.join('\n')}\n`);
    await districtWorkbook(join(xlsxDir, `${d.code}_phan_vung.xlsx`), d, list);
  }
  const nationalCsv = join(DATA, 'national.csv');
  writeFileSync(nationalCsv, `${national.join('\n')}\n`);
  const manifest: Manifest = { version: GENERATOR_VERSION, districts: nD, communes: communes.length, rows, registry, plan, csvDir, xlsxDir, nationalCsv, from, to };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const force = process.argv.includes('--force');
  const t0 = performance.now();
  generate({ force }).then((m) => {
    process.stdout.write(`${m.rows} rows, ${m.communes} communes, ${m.districts} districts in ${DATA} (${Math.round(performance.now() - t0)} ms)\n`);
  });
}
