// The prompt flows, driven by scripted answers (no terminal): init's questions, the document
// details compile and shortlist ask for, when asking is allowed, and Ctrl-C.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askInit, runInit } from '../../src/cli/init.js';
import { bundledPlans } from '../../src/cli/config.js';
import { canPrompt, guarded, promptDocumentMeta } from '../../src/cli/prompts.js';
import { loadPlan } from '../../src/data/plan.js';
import { ThiduaError } from '../../src/core/errors.js';
import { ctrlC, scriptedAsk } from './scripted.js';

const tty = { stdin: { isTTY: true }, stdout: { isTTY: true } };
const plans = bundledPlans();
const load = (p: { path: string }) => loadPlan(p.path);

afterEach(() => vi.restoreAllMocks());

describe('canPrompt', () => {
  it('asks only with a terminal on both ends, without --yes, outside CI', () => {
    expect(canPrompt({}, {}, tty)).toBe(true);
    expect(canPrompt({ yes: true }, {}, tty)).toBe(false);
    expect(canPrompt({}, { CI: 'true' }, tty)).toBe(false);
    expect(canPrompt({}, { CI: '1' }, tty)).toBe(false);
    expect(canPrompt({}, { CI: 'false' }, tty)).toBe(true);
    expect(canPrompt({}, {}, { stdin: { isTTY: false }, stdout: { isTTY: true } })).toBe(false);
    expect(canPrompt({}, {}, { stdin: { isTTY: true }, stdout: {} })).toBe(false);
  });
});

describe('Ctrl-C', () => {
  it('becomes exit code 130 with a sentence', async () => {
    const err = await guarded(() => Promise.reject(ctrlC())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThiduaError);
    expect((err as ThiduaError).exitCode).toBe(130);
    expect((err as ThiduaError).text.vi).toContain('Ctrl-C');
  });

  it('other errors pass through', async () => {
    await expect(guarded(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('init questions', () => {
  it('takes the plan defaults when the clerk presses Enter, asking only the signer name', async () => {
    const ask = scriptedAsk(['Trần Văn Bình', undefined, undefined]);
    const a = await askInit(ask, 'vi', plans, load, null);
    expect(ask.asked).toHaveLength(3);
    expect(a.signer).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn Bình' });
    expect(a.agency.reportSuffix).toBe('BC-SNV');
    expect(a.folders).toEqual({ submissions: 'ho-so', outputs: 'ket-qua', templates: 'bieu-mau' });
  });

  it('asks for the agency block, signer, number suffixes and folders when the clerk wants to change them', async () => {
    const ask = scriptedAsk([
      'Lê Thị Hoa', false,
      'UBND TỈNH SÓC TRĂNG', 'BAN THI ĐUA - KHEN THƯỞNG', 'Ban Thi đua - Khen thưởng', 'Sóc Trăng', 'BC-BTĐKT', 'TTr-BTĐKT', '-', 'TRƯỞNG BAN',
      false, 'nhan', 'bao-cao', 'mau',
    ]);
    const a = await askInit(ask, 'vi', plans, load, null);
    expect(a.agency).toMatchObject({ name: 'BAN THI ĐUA - KHEN THƯỞNG', reportSuffix: 'BC-BTĐKT', proposalSuffix: 'TTr-BTĐKT' });
    expect(a.signer).toEqual({ authority: '', title: 'TRƯỞNG BAN', name: 'Lê Thị Hoa' });
    expect(a.folders).toEqual({ submissions: 'nhan', outputs: 'bao-cao', templates: 'mau' });
  });

  it('refuses folder names outside the working folder', async () => {
    const ask = scriptedAsk(['', true, false, '../ra-ngoai']);
    await expect(askInit(ask, 'vi', plans, load, null)).rejects.toThrow(/bên trong thư mục làm việc/);
  });

  it('writes the working folder from scripted answers', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = join(mkdtempSync(join(tmpdir(), 'thidua-init-')), 'dot-1');
    const code = await runInit(dir, {}, scriptedAsk(['Trần Văn Bình', true, true, true]));
    expect(code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'thidua.config.json'), 'utf8'));
    expect(config.signer.name).toBe('Trần Văn Bình');
    expect(readdirSync(join(dir, 'bieu-mau'))).toHaveLength(11);
    expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain('thidua compile');
  });

  it('Ctrl-C in the middle writes nothing and ends with 130', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = join(mkdtempSync(join(tmpdir(), 'thidua-init-')), 'dot-2');
    const ask = scriptedAsk(['Trần Văn Bình', false, 'UBND TỈNH SÓC TRĂNG', ctrlC()]);
    // the scripted asker throws inquirer's error as is; runInit sees what guarded() would make of it
    const run = runInit(dir, {}, { ...ask, input: (m, o) => guarded(() => ask.input(m, o)) });
    await expect(run).rejects.toMatchObject({ exitCode: 130 });
    expect(existsSync(dir)).toBe(false);
  });

  it('declining the last question writes nothing', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = join(mkdtempSync(join(tmpdir(), 'thidua-init-')), 'dot-3');
    await expect(runInit(dir, {}, scriptedAsk(['', true, true, false]))).rejects.toMatchObject({ exitCode: 130 });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('promptDocumentMeta', () => {
  const defaults = { number: null, date: null, signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: '' }, suffix: 'BC-SNV', lang: 'vi' as const };

  it('never asks with --yes (no asker given): blanks stay blank', async () => {
    expect(await promptDocumentMeta(defaults, { yes: true })).toEqual({ number: null, date: null, signer: defaults.signer });
  });

  it('asks only for what is missing', async () => {
    const ask = scriptedAsk(['125', '25/8/2021', 'Trần Văn Bình']);
    expect(await promptDocumentMeta(defaults, {}, ask)).toEqual({ number: '125', date: '2021-08-25', signer: { ...defaults.signer, name: 'Trần Văn Bình' } });
    const none = scriptedAsk([]);
    const given = { ...defaults, number: '7', date: '2021-08-26', signer: { ...defaults.signer, name: 'A' } };
    expect(await promptDocumentMeta(given, {}, none)).toEqual({ number: '7', date: '2021-08-26', signer: given.signer });
    expect(none.asked).toEqual([]);
  });

  it('blank answers leave blanks for the clerk; a bad date is refused', async () => {
    expect(await promptDocumentMeta(defaults, {}, scriptedAsk(['', '', '']))).toMatchObject({ number: null, date: null });
    await expect(promptDocumentMeta(defaults, {}, scriptedAsk(['', '31/02/2021']))).rejects.toThrow(/ngày\/tháng\/năm/);
  });
});
