// Reading files on worker threads (THIDUA_WORKERS) must change nothing but the time: the same
// report, issues in the same order, the same documents byte for byte, as one thread gives.
// Spawns the built CLI: the pool runs from the compiled JavaScript only.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, thidua } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'thidua-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ONE = { THIDUA_WORKERS: '0' };
const TWO = { THIDUA_WORKERS: '2' };

describe('THIDUA_WORKERS', () => {
  for (const input of ['fixtures/province', 'fixtures/broken', 'fixtures/bad']) {
    it(`validate ${input}: the same JSON, issues in the same order, on one thread and on two`, () => {
      const one = thidua(['validate', input, '--format', 'json', '--debug'], ROOT, ONE);
      const two = thidua(['validate', input, '--format', 'json', '--debug'], ROOT, TWO);
      expect(one.stderr).toContain('on the main thread');
      expect(two.stderr).toMatch(/on 2 worker threads/);
      expect(two.code).toBe(one.code);
      const report = JSON.parse(one.stdout);
      expect(report.files.length).toBeGreaterThan(5);
      expect(report.files.flatMap((f: { issues: unknown[] }) => f.issues).length).toBeGreaterThan(0);
      expect(two.stdout).toBe(one.stdout);
    });
  }

  it('compile fixtures/province: the same report and workbook, byte for byte', () => {
    const outs = [ONE, TWO].map((env, i) => {
      const out = join(tmp, `c${i}`);
      const r = thidua(['compile', 'fixtures/province', '--out', out, '--yes', '--format', 'json'], ROOT, env);
      expect(r.code).toBe(0);
      return out;
    });
    const names = readdirSync(outs[0]).sort();
    // the report, the workbook (and the map's PNG when the plan has boundaries)
    expect(names.filter((n) => /\.(docx|xlsx)$/.test(n))).toHaveLength(2);
    expect(readdirSync(outs[1]).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(outs[1], n)).equals(readFileSync(join(outs[0], n))), n).toBe(true);
  });

  it('a thread that runs out of memory: its files are read on the main thread, with the same results and documents', () => {
    const one = thidua(['validate', 'fixtures/province', '--format', 'json'], ROOT, ONE);
    const starved = thidua(['validate', 'fixtures/province', '--format', 'json', '--debug'], ROOT, { ...TWO, THIDUA_WORKER_HEAP_MB: '2' });
    expect(starved.stderr).toMatch(/on 2 worker threads; (\d+) of them on the main thread \(2 threads ran out of memory/);
    expect(starved.stdout).toBe(one.stdout);
    const outs = [ONE, { ...TWO, THIDUA_WORKER_HEAP_MB: '2' }].map((env, i) => {
      const out = join(tmp, `oom${i}`);
      expect(thidua(['compile', 'fixtures/province', '--out', out, '--yes', '--format', 'json'], ROOT, env).code).toBe(0);
      return out;
    });
    for (const n of readdirSync(outs[0])) expect(readFileSync(join(outs[1], n)).equals(readFileSync(join(outs[0], n))), n).toBe(true);
  });

  it('a file over 8 MB is read on the main thread while the threads read the others: the same report', () => {
    const dir = join(tmp, 'big');
    mkdirSync(dir);
    cpSync(join(ROOT, 'fixtures/province'), join(dir, 'province'), { recursive: true });
    // Kế Sách's communes, every day of the period, over and over: ~9 MB of zone rows
    const codes = ['31567', '31579', '31582', '31585', '31588'];
    const lines = ['STT,Mã xã,Ngày đánh giá,Vùng,Ghi chú'];
    for (let i = 0; lines.length < 150_000; i++) lines.push(`${i + 1},${codes[i % codes.length]},${16 + (i % 10)}/08/2021,Xanh,ghi chú số ${i} của huyện Kế Sách`);
    writeFileSync(join(dir, '944-phan-vung-lon.csv'), `${lines.join('\n')}\n`);
    expect(statSync(join(dir, '944-phan-vung-lon.csv')).size).toBeGreaterThan(8 * 1024 * 1024);
    const one = thidua(['validate', dir, '--format', 'json'], ROOT, ONE);
    const two = thidua(['validate', dir, '--format', 'json', '--debug'], ROOT, TWO);
    expect(two.stderr).toMatch(/on 2 worker threads; 1 of them on the main thread \(0 threads ran out of memory/);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).stats.rows.used).toBeGreaterThan(100_000);
  }, 120_000);

  it('THIDUA_WORKERS=0 and =1 read on the main thread', () => {
    for (const v of ['0', '1']) expect(thidua(['validate', 'fixtures/province', '--format', 'json', '--debug'], ROOT, { THIDUA_WORKERS: v }).stderr).toContain('on the main thread');
  });
});
