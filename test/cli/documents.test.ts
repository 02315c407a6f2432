// compile in a working folder as a clerk uses it: existing outputs found before anything is asked
// or read (a terminal is offered to replace them, default no), the number, date and signer given
// once remembered in the folder's config, and the config that was used named on stderr.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT, thidua } from './helpers.js';

const VALID = join(ROOT, 'fixtures/broken/21-valid-total-and-blank-rows');
const BIN = join(ROOT, 'bin/thidua.js');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function workingFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-docs-'));
  writeFileSync(join(dir, 'thidua.config.json'), `${JSON.stringify({ version: 1, plan: 'soc-trang-vung-xanh-2021', registry: null, extra: 'kept' }, null, 2)}\n`);
  mkdirSync(join(dir, 'ho-so'));
  for (const f of readdirSync(VALID)) copyFileSync(join(VALID, f), join(dir, 'ho-so', f));
  return dir;
}

async function reportText(dir: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(dir, 'ket-qua', 'bao-cao-ket-qua-20210816-20210825.docx')));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('compile in a working folder', () => {
  const dir = workingFolder();
  const config = join(dir, 'thidua.config.json');

  it('remembers the number, date and signer given once, and says which config it used', async () => {
    const first = thidua(['compile', '--number', '12/BC-SNV', '--date', '25/8/2021', '--signer', 'Lê Văn Tám'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`thidua: dùng cấu hình ${config}`);
    expect(first.stderr).toContain(`thidua: đã ghi nhớ số, ngày, người ký trong ${config} cho lần chạy sau.`);
    const saved = JSON.parse(readFileSync(config, 'utf8'));
    expect(saved.documents).toEqual({ 'report 2021-08-16 2021-08-25': { number: '12', date: '2021-08-25' } });
    expect(saved.signer).toEqual({ name: 'Lê Văn Tám' });
    expect(saved.extra).toBe('kept');
    expect(await reportText(dir)).toContain('Số: 12/BC-SNV');
  });

  it('refuses at once without a terminal when the outputs exist (exit 2), before reading', () => {
    const r = thidua(['compile'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^thidua: Tệp đã có, không ghi đè \(thêm --force để thay\): .*bao-cao-ket-qua-20210816-20210825\.docx/);
  });

  it.skipIf(!hasScript)('in a terminal, offers to replace them, default no, before any other question', () => {
    const cmd = `'${process.execPath}' '${BIN}' compile`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, input: '\r', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', CI: '' }, timeout: 60_000 });
    expect(r.stdout).toMatch(/Đã có các tệp:[\s\S]*Ghi đè\?\s*\(y\/N\)/); // wrapped at the terminal's width
    expect(r.stdout).toMatch(/Ghi đè\?\s*No/);
    expect(r.stdout).not.toContain('Số văn bản');
    expect(r.stdout).toContain('Tệp đã có, không ghi đè');
    expect(r.status).toBe(2);
  });

  it('a later --force run keeps the remembered number, date and signer', async () => {
    const r = thidua(['compile', '--force'], dir);
    expect(r.code).toBe(0);
    const text = await reportText(dir);
    expect(text).toContain('Số: 12/BC-SNV');
    expect(text).toContain('ngày 25 tháng 8 năm 2021');
    expect(text).toContain('Lê Văn Tám');
  });
});
