// The built CLI behaving like the tools people know: bad usage as one line in the user's language
// with a pointer to --help (exit 2), help in Vietnamese or English, quiet when piped into head,
// lenient option values, English wording, and a progress line only on a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, thidua } from './helpers.js';

const BROKEN = join(ROOT, 'fixtures/broken');
const VALID = join(BROKEN, '21-valid-total-and-blank-rows');
const BIN = join(ROOT, 'bin/thidua.js');
const STACK = /\bat .*\.js:\d+|node:internal|EPIPE/;

/** Lines a run printed on stderr, blank ones aside. */
const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

/** A shell pipeline, with the exit code of thidua (the first command) printed last on stdout. */
function piped(command: string) {
  const r = spawnSync('bash', ['-c', `${command}; echo "rc=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' }, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: Number(/rc=(\d+)\s*$/.exec(r.stdout)?.[1]) };
}

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** The command run with a terminal (util-linux `script`) on stdin, stdout and stderr. */
function inTerminal(args: string[], input = '') {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', CI: '' }, timeout: 90_000 });
  return { code: r.status, out: r.stdout };
}

describe('bad usage', () => {
  it('an unknown option is one Vietnamese line with a pointer to --help, exit 2, no commander text, no help dump', () => {
    const r = thidua(['validate', VALID, '--frobnicate']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['thidua: Không có tùy chọn --frobnicate. Xem "thidua validate --help".']);
    expect(r.stdout).toBe('');
  });

  it('a near miss is suggested; an unknown command too', () => {
    expect(lines(thidua(['validate', VALID, '--forse']).stderr)).toEqual(['thidua: Không có tùy chọn --forse (có phải --force?). Xem "thidua validate --help".']);
    const r = thidua(['compil']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['thidua: Không có lệnh "compil" (có phải compile?). Xem "thidua --help".']);
  });

  it('a bad --format value is one line, in English with --lang en or an English LANG', () => {
    const vi = thidua(['validate', VALID, '--format', 'xml']);
    expect(vi.code).toBe(2);
    expect(lines(vi.stderr)).toEqual(['thidua: --format phải là "text" hoặc "json", không phải "xml". Xem "thidua validate --help".']);
    const en = thidua(['validate', VALID, '--format', 'xml', '--lang', 'en']);
    expect(lines(en.stderr)).toEqual(['thidua: --format must be "text" or "json", not "xml". See "thidua validate --help".']);
    const env = thidua(['validate', VALID, '--frobnicate'], ROOT, { LANG: 'en_US.UTF-8' });
    expect(env.code).toBe(2);
    expect(lines(env.stderr)).toEqual(['thidua: Unknown option --frobnicate. See "thidua validate --help".']);
    // --lang wins over the locale
    expect(lines(thidua(['validate', VALID, '--frobnicate', '--lang', 'vi'], ROOT, { LANG: 'en_US.UTF-8' }).stderr)[0]).toContain('Không có tùy chọn');
  });

  it('a missing option value and extra arguments are one line each', () => {
    const m = thidua(['validate', '--month']);
    expect(m.code).toBe(2);
    expect(lines(m.stderr)).toEqual(['thidua: Tùy chọn --month cần một giá trị. Xem "thidua validate --help".']);
    const x = thidua(['template', 'extra', '--lang', 'en']);
    expect(x.code).toBe(2);
    expect(lines(x.stderr)).toEqual(['thidua: Too many arguments: the command takes 0, got 1. See "thidua template --help".']);
  });
});

describe('--help', () => {
  it('is in Vietnamese by default, options included', () => {
    const r = thidua(['compile', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng: thidua compile [tùy chọn] [đường-dẫn...]');
    expect(r.stdout).toContain('Tùy chọn:');
    expect(r.stdout).toMatch(/--date <ngày> +ngày văn bản dd\/mm\/yyyy/);
    expect(r.stdout).toMatch(/-h, --help +xem trợ giúp của lệnh/);
    expect(r.stdout).toContain('Ví dụ:');
    expect(r.stdout).not.toMatch(/Usage:|Options:|display help|\(default:|document date/);
    const top = thidua(['--help']).stdout;
    expect(top).toContain('Lệnh:');
    expect(top).toMatch(/validate \[tùy chọn\] \[đường-dẫn\.\.\.\] +kiểm tra bảng tính của các huyện/);
  });

  it('is in English with --lang en', () => {
    const r = thidua(['compile', '--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: thidua compile [options] [paths...]');
    expect(r.stdout).toMatch(/--date <date> +document date dd\/mm\/yyyy/);
    expect(r.stdout).toMatch(/-h, --help +show help for the command/);
    expect(r.stdout).not.toMatch(/Cách dùng|Tùy chọn|ngày văn bản/);
  });
});

describe('piped into a reader that stops early', () => {
  it('exits quietly: no EPIPE, no stack trace', () => {
    // five times the province: ~80 KB of JSON, more than a pipe holds, so head closes it mid-write
    const big = piped(`node bin/thidua.js validate ${Array(5).fill('fixtures/province').join(' ')} --format json | head -c 100 >/dev/null`);
    expect(big.stderr).not.toMatch(STACK);
    expect(big.stderr).toBe('');
    expect(big.code).toBe(1); // the province has one error; the exit code is the run's, not a crash's
    const text = piped('node bin/thidua.js validate fixtures/province | head -1');
    expect(text.stdout).toMatch(/^Tệp: .*\nrc=1\n$/);
    expect(text.stderr).toBe('');
    const closed = piped('node bin/thidua.js validate fixtures/province --format json | true');
    expect(closed.stderr).toBe('');
    const help = piped('node bin/thidua.js --help | true');
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
  });
});

describe('lenient option values', () => {
  const period = (month: string) => {
    const r = thidua(['validate', VALID, '--format', 'json', '--month', month]);
    return { code: r.code, period: r.code === 2 ? null : JSON.parse(r.stdout).period, stderr: r.stderr };
  };

  it('--month takes 2021-08, 2021-8 and 8/2021; refuses 13/2021 in one line', () => {
    const want = { from: '2021-08-01', to: '2021-08-31' };
    expect(period('2021-8').period).toMatchObject(want);
    expect(period('8/2021').period).toMatchObject(want);
    const bad = period('13/2021');
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toHaveLength(1);
    expect(bad.stderr).toContain('--month "13/2021"');
  });

  it('--district takes a code, a name with accents, or without', () => {
    const district = (d: string) => JSON.parse(thidua(['validate', join(BROKEN, '16-unknown-sheet'), '--format', 'json', '--district', d]).stdout).files[0].district;
    expect(district('Kế Sách')).toBe('943');
    expect(district('Ke Sach')).toBe('943');
    expect(district('huyện kế sách')).toBe('943');
    const bad = thidua(['validate', VALID, '--district', 'Ke Sac', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toHaveLength(1);
    expect(bad.stderr).toContain('943 (Huyện Kế Sách)');
  });

  it('template --district takes names with spaces and codes alike', () => {
    const out = mkdtempSync(join(tmpdir(), 'thidua-tpl-'));
    const r = thidua(['template', '--district', 'Ke Sach', '942', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['942-Huyen-Chau-Thanh.xlsx', '943-Huyen-Ke-Sach.xlsx']);
  });

  it('--number: the symbol is checked against the document kind, before anything is read', () => {
    const out = mkdtempSync(join(tmpdir(), 'thidua-number-'));
    const r = thidua(['compile', VALID, '--out', out, '--number', '12/TTr-SNV']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['thidua: --number "12/TTr-SNV": ký hiệu "TTr-SNV" không phải của báo cáo (…/BC-SNV). Ghi 12 hoặc 12/BC-SNV.']);
    const s = thidua(['shortlist', VALID, '--out', out, '--number', '12/BC-SNV', '--lang', 'en']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("is not the proposal's (…/TTr-SNV)");
  });

  it('an existing file given as --out is one line, not EEXIST', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-outfile-'));
    const file = join(dir, 'ket-qua.txt');
    writeFileSync(file, 'x');
    const r = thidua(['compile', VALID, '--out', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`thidua: --out ${file}: đây là một tệp đã có, không phải thư mục. Hãy chọn một thư mục.`]);
    expect(r.stderr).not.toContain('EEXIST');
  });
});

describe('output wording', () => {
  it('an English locale gives English output without --lang', () => {
    const r = thidua(['validate', VALID], ROOT, { LANG: 'en_GB.UTF-8' });
    expect(r.stdout).toContain('Total: 1 file,');
    expect(thidua(['validate', VALID], ROOT, { LANG: 'vi_VN.UTF-8' }).stdout).toContain('Tổng: 1 tệp,');
  });

  it('English counts agree with their number; the total says Total', () => {
    const r = thidua(['validate', VALID, '--lang', 'en']);
    expect(r.stdout).toMatch(/\n\nTotal: 1 file, rows: 16 used, 0 excluded by errors, 2 skipped, 0 errors, 0 warnings — VALID\n$/);
    expect(r.stdout).toMatch(/; 1 sheet, rows: 16 used/);
    expect(r.stdout).not.toContain('Tổng');
  });

  it('skipped sheets are one line for the run, naming them by file', () => {
    const r = thidua(['validate', 'fixtures/province']);
    const skipped = r.stdout.split('\n').filter((l) => /bỏ qua trang/i.test(l));
    expect(skipped).toEqual(['Đã bỏ qua trang ẩn và trang hướng dẫn: Chau Thanh - bao cao vung xanh (25.8.2021).xlsx ("Danh mục").']);
  });

  it('an empty folder is said to be empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-empty-'));
    const r = thidua(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`thidua: The folder ${dir} is empty: no files yet. Copy the files the districts sent into it and run again.`]);
  });
});

describe('progress while reading', () => {
  it.skipIf(!hasScript)('shows file n of N, rows and time on a terminal, and nothing with --format json', () => {
    const r = inTerminal(['validate', 'fixtures/province']);
    expect(r.out).toMatch(/Đang đọc tệp 1\/21 — 0 dòng, \d+,\d giây/);
    expect(r.out).toMatch(/Đang đọc tệp 21\/21 — \d+ dòng/);
    expect(r.out).toContain('\r\x1b[K'); // the line is cleared before the report
    expect(r.out).not.toContain('\x1b[1m'); // NO_COLOR holds on a terminal too
    expect(inTerminal(['validate', 'fixtures/province', '--format', 'json']).out).not.toContain('Đang đọc');
  });

  it('draws nothing when stderr is not a terminal', () => {
    const r = thidua(['validate', 'fixtures/province']);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('Đang đọc');
  });
  if (!hasScript) it.skip('progress on a terminal: util-linux `script` is not installed, so no pseudo-terminal could be made', () => {});
});
