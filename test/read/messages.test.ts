// Every refusal is one sentence in the user's language that says what the file is: no parser or
// JavaScript text (issue 11, case 6). An .xlsb is named as one, a bad CRC is a damaged file and
// not a zip bomb, and every unreadable file of fixtures/bad/ gets a sentence free of parser words.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { validateInputs } from '../../src/validate/run.js';
import { message } from '../../src/validate/issue.js';
import { craftedZip, workbookParts, zoneSheet } from '../../fixtures/build/bad/crafted.js';
import { thidua } from '../cli/helpers.js';

const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);
const BAD = new URL('../../fixtures/bad/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'thidua-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<{ vi: string; en: string } | null> {
  const run = await validateInputs([path], { plan, registry, period: plan.period, forcedDistrict: null });
  const i = run.files[0].issues.find((x) => x.code === 'unreadable-file' || x.code === 'empty-file');
  return i ? { vi: message(i, 'vi'), en: message(i, 'en') } : null;
}

const PARSER_WORDS = /TypeError|Cannot read propert|undefined|Unexpected|unexpected close tag|parseOpen|Invalid HTML|Unsupported ZIP|\bat [\w.]+ \(|Error:/;

function oneSentence(text: string) {
  expect(text).not.toMatch(/\n/);
  expect(text).toMatch(/[.!]$/);
  // One sentence: no full stop followed by a capital inside it (file names such as "a.xlsx" aside).
  expect(text.replace(/\b[\w.-]+\.(xlsx|xlsb|xlsm|xls|ods|csv|docx|doc|pdf|zip|xml|png|jpg)\b/gi, 'F').replace(/\(\.\w+\)/g, '')).not.toMatch(/\.\s+\p{Lu}/u);
  expect(text).not.toMatch(PARSER_WORDS);
}

describe('messages name the file for what it is', () => {
  it('a damaged .xlsb is "a binary Excel workbook (.xlsb)", not "a zip but not an Excel workbook"', async () => {
    const path = join(dir, 'so-lieu.xlsb');
    writeFileSync(path, craftedZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.bin', data: Buffer.from('not BIFF12 at all') }]));
    const m = (await refusal(path))!;
    expect(m.en).toMatch(/binary Excel workbook \(\.xlsb\)/);
    expect(m.vi).toMatch(/\.xlsb/);
    expect(m.en).not.toMatch(/zip/i);
    oneSentence(m.vi);
    oneSentence(m.en);
  });

  it('a bad CRC is a damaged file, not a zip bomb', async () => {
    const good = craftedZip(workbookParts(zoneSheet()));
    const at = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // the last directory entry: the sheet
    good[at + 16] ^= 0xff;
    const path = join(dir, 'bad-crc.xlsx');
    writeFileSync(path, good);
    const m = (await refusal(path))!;
    expect(m.en).toMatch(/CRC/);
    expect(m.en).not.toMatch(/bomb/i);
    expect(m.vi).not.toMatch(/bom/i);
    oneSentence(m.en);
  });

  it('every unreadable file of fixtures/bad/ gets one sentence in each language, free of parser text', async () => {
    const manifest = JSON.parse(readFileSync(join(BAD, 'manifest.json'), 'utf8')) as { cases: { file: string; exitCode: number; limits?: object }[] };
    const files = manifest.cases.filter((c) => c.exitCode === 3 && !c.limits).map((c) => c.file);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const m = await refusal(join(BAD, f));
      expect(m, f).not.toBeNull();
      oneSentence(m!.vi);
      oneSentence(m!.en);
    }
    expect(readdirSync(BAD).length).toBeGreaterThan(files.length);
  });

  it('prints no stack trace for a damaged .xls', () => {
    const path = join(dir, 'hong.xls');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]));
    const plain = thidua(['validate', path, '--lang', 'en']);
    expect(plain.code).toBe(3);
    expect(plain.stdout + plain.stderr).not.toMatch(/\n\s+at /);
  });
});
