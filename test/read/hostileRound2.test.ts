// Hostile input, round two (issue 12): each crafted case through the built CLI in a child
// process, asserting the exit code, one sentence (never a stack trace), and the time and peak
// memory the README's hostile-input table states (measured by the child itself). Big files are
// made at test time by fixtures/build/bad/round2.ts.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ROUND2_BIG, bigRegister, compactRegister } from '../../fixtures/build/bad/round2.js';
import { ROOT } from '../cli/helpers.js';

const BAD = join(ROOT, 'fixtures/bad');
const RUSAGE = join(ROOT, 'test/bench/rusage.mjs');
let dir = '';

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  rssMb: number;
}

/** The CLI in a child with its own peak RSS (rusage.mjs); `uid` runs it as another user. */
function measured(args: string[], opts: { cwd?: string; uid?: number; timeout?: number } = {}): Measured {
  const usage = join(opts.cwd ?? dir, `rusage-${Math.random().toString(36).slice(2)}.json`);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', RUSAGE, join(ROOT, 'bin/thidua.js'), ...args], {
    cwd: opts.cwd ?? dir, encoding: 'utf8', input: '', timeout: opts.timeout ?? 170_000, uid: opts.uid, maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', BENCH_RUSAGE: usage },
  });
  const ms = performance.now() - t;
  const rssMb = existsSync(usage) ? JSON.parse(readFileSync(usage, 'utf8')).maxRssKb / 1024 : NaN;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms, rssMb };
}

/** No stack trace, no "unexpected error": the run ended with a sentence. */
function noCrash(r: Measured): void {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr + r.stdout).not.toMatch(/unexpected error|lỗi không mong đợi/);
}

/** A refusal: exit code, and one line on stderr saying `says`. */
function oneSentence(r: Measured, code: number, says: RegExp): void {
  noCrash(r);
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^thidua: /);
  expect(lines[0]).toMatch(says);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-hostile-'));
  for (const c of ROUND2_BIG) await c.make(join(dir, c.file));
  writeFileSync(join(dir, 'registry-1m.csv'), bigRegister(1_000_000));
  writeFileSync(join(dir, 'registry-1m-compact.csv'), compactRegister(1_000_000));
  writeFileSync(join(dir, 'registry-10k.csv'), bigRegister(10_600));
}, 170_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('memory and time', () => {
  it('4. 130,000 rows with an invalid zone: exit 1, every issue counted, the first 10,000 listed', () => {
    const r = measured(['validate', join(dir, 'many-issues-130k.csv'), '--format', 'json']);
    noCrash(r);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.stats.errors).toBe(130_000);
    const f = json.files[0];
    expect(f.issues).toHaveLength(10_000);
    expect(f.issuesOmitted).toMatchObject({ count: 120_000, errors: 120_000, byCode: { 'zone-invalid': 120_000 } });
    expect(json.stats.issuesOmitted).toBe(120_000);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.rssMb).toBeLessThan(600);
  }, 180_000);

  it('4. the same file compiles (exit 0) and the appendix counts all 130,000', async () => {
    const out = join(dir, 'out-many');
    const r = measured(['compile', join(dir, 'many-issues-130k.csv'), '--out', out, '--lang', 'en']);
    noCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Huyện Châu Thành \(130000\)/);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'phu-luc-ket-qua-20210816-20210825.xlsx')));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toMatch(/\(130000\) — liệt kê 10\.000 dòng đầu/);
    expect(r.ms).toBeLessThan(120_000);
    expect(r.rssMb).toBeLessThan(1_000);
  }, 180_000);

  it('5. 500 unknown names of 32,000 characters, against a national-size register: bounded time', () => {
    const r = measured(['validate', join(dir, 'long-names-500.csv'), '--registry', join(dir, 'registry-10k.csv'), '--district', '942', '--format', 'json']);
    noCrash(r);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout).files[0].issues as { code: string; suggestion: string | null }[];
    expect(issues.filter((i) => i.code === 'unknown-commune')).toHaveLength(500);
    expect(issues.every((i) => i.suggestion === null)).toBe(true);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.rssMb).toBeLessThan(600);
  }, 180_000);

  it('6. 4 MB of quote chains: linear, and the message is about the quote on that line', () => {
    const r = measured(['validate', join(dir, 'quote-chains-4mb.csv'), '--format', 'json', '--lang', 'en']);
    noCrash(r);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout).files[0].issues as { code: string; message: string }[];
    const repaired = issues.filter((i) => i.code === 'line-repaired' && /a double quote \(\"\) opens and does not close on the same line/.test(i.message));
    expect(repaired.length).toBeGreaterThan(1_000);
    expect(issues.map((i) => i.message).join('\n')).not.toMatch(/1,000|column limit/);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.rssMb).toBeLessThan(800);
  }, 180_000);

  it('8. a 1,000,000-row register is refused before it is parsed whole (by size, then by rows)', () => {
    const big = measured(['validate', join(BAD, 'tcvn3.csv'), '--registry', join(dir, 'registry-1m.csv'), '--lang', 'en']);
    oneSentence(big, 2, /over the 32 MB limit/);
    expect(big.rssMb).toBeLessThan(300);
    const compact = measured(['compile', join(BAD, 'tcvn3.csv'), '--registry', join(dir, 'registry-1m-compact.csv'), '--out', join(dir, 'out-reg'), '--lang', 'en']);
    oneSentence(compact, 2, /more than 200,000 rows/);
    expect(compact.ms).toBeLessThan(20_000);
    expect(compact.rssMb).toBeLessThan(300);
  }, 120_000);

  it('8. a register that repeats a code is refused, naming the code and its lines', () => {
    const r = measured(['validate', join(BAD, 'tcvn3.csv'), '--registry', join(BAD, 'registry-duplicate-codes.csv'), '--lang', 'en']);
    oneSentence(r, 2, /repeats codes.*31573 \(25, 122\)/);
  });
});

describe('exit codes and messages', () => {
  it('9. an input that cannot be read (EACCES) is that file\'s answer (exit 3); the other file is still reported', () => {
    const sub = join(dir, 'eacces');
    mkdirSync(sub);
    copyFileSync(join(BAD, 'tcvn3.csv'), join(sub, 'a-readable.csv'));
    copyFileSync(join(BAD, 'vni.csv'), join(sub, 'b-locked.csv'));
    chmodSync(join(sub, 'b-locked.csv'), 0o000);
    // root reads anything: run as "nobody" then, in a folder it may write into
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(dir, 0o755);
      chownSync(sub, 65534, 65534);
    }
    const r = measured(['validate', sub, '--format', 'json', '--lang', 'en'], { cwd: sub, uid: asRoot ? 65534 : undefined });
    noCrash(r);
    expect(r.code, r.stderr).toBe(3);
    const files = JSON.parse(r.stdout).files as { path: string; issues: { code: string; message: string }[]; encoding: string | null }[];
    expect(files).toHaveLength(2);
    expect(files[0].encoding).toBe('tcvn3');
    expect(files[1].issues[0].code).toBe('unreadable-file');
    expect(files[1].issues[0].message).toMatch(/No permission to read .*b-locked\.csv \(EACCES\)/);
  });

  const planCases: [string, RegExp][] = [
    ['plan-bad-colour.json', /"zoneScale\.zones\[0\]\.color" must be a colour as 6 hexadecimal digits/],
    ['plan-lookback-absurd.json', /"baselineLookbackDays" must be a whole number of days from 0 to 366/],
    ['plan-impossible-date.json', /"period\.to" is missing or not a date/],
  ];
  for (const [file, says] of planCases) {
    it(`9. ${file} is refused with a sentence naming the field (exit 2)`, () => {
      oneSentence(measured(['compile', join(ROOT, 'fixtures/province'), '--plan', join(BAD, file), '--out', join(dir, 'out-plan'), '--lang', 'en']), 2, says);
    });
  }

  it('10. UTF-8 with one stray byte is UTF-8, with a warning at that line', () => {
    const r = measured(['validate', join(BAD, 'utf8-stray-byte.csv'), '--format', 'json', '--lang', 'en']);
    noCrash(r);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.encoding).toBe('utf-8');
    expect(f.sheets[0].rows).toBe(16);
    expect(f.issues).toEqual([expect.objectContaining({ code: 'line-repaired', row: 2, message: expect.stringMatching(/not UTF-8 \(0x96/) })]);
  });

  it('11. escape sequences and bidi overrides in cells and file names reach neither the terminal nor the documents', async () => {
    const sub = join(dir, 'controls');
    mkdirSync(sub);
    const name = `x\u001b[2J\u202Eabc.csv`;
    copyFileSync(join(BAD, 'control-chars.csv'), join(sub, name));
    const text = measured(['validate', sub, '--lang', 'en']);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(text.stdout).toContain('3157␛[2J␛[H␛[32mHỢP LỆ␛[0m');
    const json = measured(['validate', sub, '--format', 'json']);
    expect(json.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(json.stdout).files[0].path).toContain('\u202e'); // the value itself is exact, only escaped
    const out = join(dir, 'out-controls');
    const compiled = measured(['compile', sub, '--out', out]);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiled.stdout + compiled.stderr).not.toMatch(/[\u001b\u202e]/);
    const documents = readdirSync(out).filter((f) => /\.(docx|xlsx)$/.test(f));
    expect(documents).toHaveLength(2);
    for (const f of documents) {
      const zip = await JSZip.loadAsync(readFileSync(join(out, f)));
      for (const entry of Object.values(zip.files).filter((e) => e.name.endsWith('.xml'))) {
        expect(await entry.async('string'), `${f} ${entry.name}`).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
      }
    }
  });
});

describe('outputs and options', () => {
  it('12. two writers into one folder at once: one writes, the other gets exit 2 and nothing is mixed', async () => {
    const { writeOutputs } = await import('../../src/write/atomic.js');
    const out = join(dir, 'race');
    for (let round = 0; round < 5; round++) {
      rmSync(out, { recursive: true, force: true });
      const write = (tag: string) => writeOutputs([{ path: join(out, 'a.docx'), data: `${tag}-a` }, { path: join(out, 'b.xlsx'), data: `${tag}-b` }], false);
      const results = await Promise.allSettled([write('one'), write('two')]);
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason.exitCode).toBe(2);
      const tag = readFileSync(join(out, 'a.docx'), 'utf8').split('-')[0];
      expect(readFileSync(join(out, 'b.xlsx'), 'utf8')).toBe(`${tag}-b`);
      expect(readdirSync(out).sort()).toEqual(['a.docx', 'b.xlsx']);
    }
  });

  it('13. planted symlinks (at the old temp name, at the target) never redirect a write', async () => {
    const { writeOutputs } = await import('../../src/write/atomic.js');
    const out = join(dir, 'planted');
    mkdirSync(out);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'do not touch');
    symlinkSync(victim, join(out, `.report.docx.${process.pid}.tmp`));
    symlinkSync(victim, join(out, 'target.docx'));
    await expect(writeOutputs([{ path: join(out, 'target.docx'), data: 'x' }], false)).rejects.toMatchObject({ exitCode: 2 });
    await writeOutputs([{ path: join(out, 'report.docx'), data: 'report' }, { path: join(out, 'target.docx'), data: 'forced' }], true);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(lstatSync(join(out, 'target.docx')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'report.docx'), 'utf8')).toBe('report');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') && !f.includes(String(process.pid)))).toEqual([]);
  });

  it('13. Ctrl-C (SIGINT) while writing leaves no temporary file behind', () => {
    const out = join(dir, 'interrupted');
    mkdirSync(out);
    const script = `
      import { readdirSync } from 'node:fs';
      import { writeOutputs } from ${JSON.stringify(join(ROOT, 'dist/write/atomic.js'))};
      const big = Buffer.alloc(256 * 1024 * 1024, 0x41);
      writeOutputs([{ path: ${JSON.stringify(join(out, 'a.docx'))}, data: big }, { path: ${JSON.stringify(join(out, 'b.xlsx'))}, data: big }], false);
      const t = setInterval(() => { if (readdirSync(${JSON.stringify(out)}).some((f) => f.endsWith('.tmp'))) { clearInterval(t); process.kill(process.pid, 'SIGINT'); } }, 1);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(out)).toEqual([]);
  });

  it('15. --out inside the inputs folder: the next run skips its own outputs, with a note', () => {
    const inputs = join(dir, 'ho-so');
    cpSync(join(ROOT, 'fixtures/province'), inputs, { recursive: true });
    const first = measured(['compile', inputs, '--out', join(inputs, 'ket-qua'), '--format', 'json']);
    expect(first.code, first.stderr).toBe(0);
    const again = measured(['validate', inputs, '--format', 'json', '--lang', 'en']);
    noCrash(again);
    const json = JSON.parse(again.stdout);
    expect(json.files.map((f: { path: string }) => f.path).join('\n')).not.toMatch(/ket-qua\//);
    const notes = json.ignored.map((i: { note: string }) => i.note).join('\n');
    expect(notes).toMatch(/Skipped .*phu-luc-ket-qua-20210816-20210825\.xlsx: it is an output of thidua/);
    expect(notes).toMatch(/Skipped .*bao-cao-ket-qua-20210816-20210825\.docx: it is an output of thidua/);
    const submissions = readdirSync(join(ROOT, 'fixtures/province')).filter((f) => /\.(xlsx|csv|txt)$/.test(f));
    expect(json.stats.files).toBe(submissions.length);
  });

  it('15. the same input given twice is read and counted once', () => {
    const f = join(BAD, 'tcvn3.csv');
    const r = measured(['validate', f, f, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.stats.files).toBe(1);
    expect(json.files[0].sheets[0].rows).toBe(16);
    expect(json.ignored).toEqual([{ path: f, note: expect.stringMatching(/was given twice; it is read and counted once/) }]);
  });

  it('15. absurd dates and limits are refused with a sentence (exit 2)', () => {
    const province = join(ROOT, 'fixtures/province');
    oneSentence(measured(['compile', province, '--from', '0000-01-01', '--out', join(dir, 'o15'), '--lang', 'en']), 2, /--from "0000-01-01" is not a valid date .*1900–2100/);
    oneSentence(measured(['compile', province, '--from', '01/01/1990', '--out', join(dir, 'o15'), '--lang', 'en']), 2, /spans \d+ days, over 731/);
    oneSentence(measured(['validate', province, '--max-rows', '0.5', '--lang', 'en']), 2, /--max-rows must be a positive whole number/);
  });

  it('15. a FIFO is refused at once as not a regular file (exit 3), never waited on', () => {
    const fifo = join(dir, 'pipe.csv');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system
    const r = measured(['validate', fifo, '--lang', 'en'], { timeout: 30_000 });
    noCrash(r);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/not a regular file \(a pipe, device or socket\)/);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('15. a plan saved with a byte-order mark is accepted; a plan that is not JSON is refused without echoing it', () => {
    const ok = measured(['validate', join(BAD, 'tcvn3.csv'), '--plan', join(BAD, 'plan-bom.json')]);
    noCrash(ok);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = measured(['validate', join(BAD, 'tcvn3.csv'), '--plan', join(BAD, 'plan-not-json.json'), '--lang', 'en']);
    oneSentence(bad, 2, /plan-not-json\.json is not valid JSON/);
    expect(bad.stderr).not.toMatch(/hunter2|mật khẩu|Unexpected token/);
  });
});
