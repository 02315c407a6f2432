// Every file of the hostile-input corpus (fixtures/bad/) gets the outcome its manifest names:
// exit code, issue codes, encoding; the big ones are made at test time. A sample also goes
// through the built CLI, which must answer with the same exit code and one clear sentence.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_CASES, makeBig } from '../../fixtures/build/bad/big.js';
import { outcomeOf } from './corpusRun.js';
import { thidua } from '../cli/helpers.js';
import type { ReadLimits } from '../../src/read/limits.js';

interface Case {
  file: string;
  problem: string;
  exitCode: number;
  codes: string[];
  allowed?: string[];
  encoding?: string;
  limits?: Partial<ReadLimits>;
}

const BAD = new URL('../../fixtures/bad/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(BAD, 'manifest.json'), 'utf8')) as { cases: Case[]; big: Case[] };

async function expectOutcome(path: string, c: Case, maxMs: number) {
  const o = await outcomeOf(path, c.limits);
  expect(o.exitCode, `${c.file}: ${o.messages.join(' | ')}`).toBe(c.exitCode);
  for (const code of c.codes) expect(o.codes, c.file).toContain(code);
  const permitted = new Set([...c.codes, ...(c.allowed ?? [])]);
  expect(o.codes.filter((x) => !permitted.has(x)), c.file).toEqual([]);
  if (c.encoding) expect(o.encoding).toBe(c.encoding);
  expect(o.ms).toBeLessThan(maxMs);
}

describe('fixtures/bad', () => {
  it('holds at least 40 files, each with its outcome', () => {
    expect(manifest.cases.length + manifest.big.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of manifest.cases) {
    it(`${c.file}: ${c.problem.slice(0, 60)} → ${c.exitCode}`, async () => {
      await expectOutcome(join(BAD, c.file), c, 5_000);
    });
  }
});

describe('fixtures/bad, big files made at test time', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-bad-'));
    await makeBig(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of BIG_CASES) {
    it(`${c.file} → ${c.exitCode}`, async () => {
      await expectOutcome(join(dir, c.file), c, 5_000);
    });
  }

  it('refuses the 1 GB sheet through the CLI with one sentence naming the limit flag', () => {
    const r = thidua(['validate', join(dir, 'zip-bomb-1gb.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('--max-inflated-mb');
  });
});

describe('the CLI on a sample of the corpus', () => {
  const sample = ['excel-97.xls', 'password.xlsx', 'truncated.xlsx', 'word.xlsx', 'random-bytes.csv', 'empty.csv', 'tcvn3.csv', 'vni-cells-no-font.xlsx', 'unclosed-quote.csv', 'ragged-row.csv'];
  for (const file of sample) {
    const c = manifest.cases.find((x) => x.file === file)!;
    it(`${file} → exit ${c.exitCode}`, () => {
      const r = thidua(['validate', join(BAD, file), '--format', 'json']);
      expect(r.code, r.stderr).toBe(c.exitCode);
      const json = JSON.parse(r.stdout);
      const codes = JSON.stringify(json);
      for (const code of c.codes) expect(codes).toContain(code);
      if (c.encoding) expect(codes).toContain(`"encoding":"${c.encoding}"`);
    });
  }

  it('says what an .xls is and how to resave it, in Vietnamese', () => {
    const r = thidua(['validate', join(BAD, 'excel-97.xls')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Excel 97–2003 \(\.xls\)/);
    expect(r.stdout).toMatch(/Lưu thành/);
  });

  it('tells an encrypted workbook from an .xls', () => {
    const r = thidua(['validate', join(BAD, 'password.xlsx'), '--lang', 'en']);
    expect(r.stdout).toMatch(/password-protected/);
    expect(r.stdout).not.toMatch(/97–2003/);
  });
});
