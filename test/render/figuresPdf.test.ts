// The report with its map and course opened by LibreOffice: converted to PDF, the captions are on the
// pages and the pictures are images in it. Needs soffice and poppler-utils; without them it is skipped
// with a note (CI passes without them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileResults } from '../../src/compile/index.js';
import { loadBoundaries } from '../../src/data/boundaries.js';
import { packDocument } from '../../src/docx/pack.js';
import { reportFigures } from '../../src/render/report/figures.js';
import { reportDocument } from '../../src/render/report/index.js';
import { assess, plan, registry, submitted } from '../compile/helpers.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = ['soffice', 'pdftotext', 'pdfimages'].filter((t) => !has(t));
if (tools.length) console.warn(`figuresPdf.test: skipped, not installed: ${tools.join(', ')}`);

const dir = mkdtempSync(join(tmpdir(), 'thidua-figures-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(tools.length > 0)('the report with map and course, opened by LibreOffice', () => {
  it('has both captions on its pages and the map among its images', async () => {
    const codes = [...registry.communes.keys()].sort();
    const results = compileResults({
      plan, registry, period: plan.period, indicators: [], difficulties: [],
      assessments: codes.flatMap((c, i) => [assess(c, '2021-08-15', i % 3 ? 'xanh' : 'cam'), assess(c, '2021-08-25', 'xanh')]),
      districts: [...registry.districts.keys()].map((d) => submitted(d)),
    });
    const boundaries = loadBoundaries(plan.boundaries!, registry);
    const figures = reportFigures(plan, results, boundaries);
    const docx = join(dir, 'bao-cao.docx');
    writeFileSync(docx, await packDocument(reportDocument({
      plan, registry, results, sources: [], issues: [], boundaries, figures,
      meta: { number: null, date: null, fallbackYear: 2021, signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'A' } },
    })));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 240_000 });
    expect(r.status).toBe(0);
    const pdf = join(dir, 'bao-cao.pdf');
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Bản đồ 1. Phân vùng các xã, phường, thị trấn đầu kỳ (16/8/2021) và cuối kỳ (25/8/2021)');
    expect(text).toContain('Biểu đồ 2. Diễn biến số xã, phường, thị trấn theo vùng');
    expect(text).toContain('Ngay từ đầu kỳ (ngày 16/8/2021), vùng xanh đã chiếm hơn một nửa');
    // pdfimages -list: one line per image; the map is the only one 1800 px wide and taller than 1,000.
    const list = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((l) => l.trim());
    const sizes = list.map((l) => l.trim().split(/\s+/).slice(3, 5).map(Number));
    expect(sizes.some(([w, h]) => w === figures.map!.width * figures.map!.scale && h === Math.round(figures.map!.height * figures.map!.scale))).toBe(true);
  }, 300_000);
});
