// `thidua init [DIR]`: set up a working folder for a campaign. Asks (when a person is there) for
// the plan, the office's agency block, the signer, the document number suffixes and the folder
// names; writes thidua.config.json, the folders and every district's blank workbook; then says
// what to run next. With --yes, in CI or without a terminal it asks nothing and takes defaults.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Agency, Lang, Plan, Signer } from '../core/types.js';
import { EXIT, ThiduaError, usageError } from '../core/errors.js';
import { loadPlan } from '../data/plan.js';
import { loadRegistry } from '../data/registry.js';
import { writeOutputs } from '../write/atomic.js';
import { DEFAULT_REGISTRY, parseLang, type GlobalFlags } from './context.js';
import { bundledPlans, CONFIG_FILE, DEFAULT_FOLDERS, type BundledPlan, type Folders, type WorkingConfig } from './config.js';
import { canPrompt, inquirerAsk, type Ask } from './prompts.js';
import { districtCodes, templateOutputs } from './template.js';
import { INIT_TEXT, type InitText } from './initText.js';

export interface InitFlags extends GlobalFlags {
  yes?: boolean;
  force?: boolean;
}

export interface InitAnswers {
  plan: BundledPlan; // id is what the config stores; path is what is loaded
  agency: Agency;
  signer: Signer;
  folders: Folders;
}

/** What --yes takes: the plan's own agency block and signer, the default folder names. */
export function initDefaults(plan: BundledPlan, loaded: Plan): InitAnswers {
  return { plan, agency: { ...loaded.agency }, signer: { ...loaded.signer }, folders: { ...DEFAULT_FOLDERS } };
}

/** A path as typed in a shell: quoted when it has spaces. */
const shellArg = (p: string) => (/[\s'"]/.test(p) ? `"${p}"` : p);
const required = (t: InitText) => (v: string) => v.trim() !== '' || t.required;
const folderName = (t: InitText) => (v: string) => {
  const s = v.trim();
  if (s === '') return t.required;
  return isAbsolute(s) || s.split(/[\\/]/).includes('..') ? t.folderInside : true;
};

async function askAgency(ask: Ask, t: InitText, a: Agency, s: Signer): Promise<[Agency, Signer]> {
  const need = required(t);
  const agency: Agency = {
    parent: await ask.input(t.agencyParent, { default: a.parent, validate: need }),
    name: await ask.input(t.agencyName, { default: a.name, validate: need }),
    nameFull: await ask.input(t.agencyNameFull, { default: a.nameFull, validate: need }),
    place: await ask.input(t.agencyPlace, { default: a.place, validate: need }),
    reportSuffix: await ask.input(t.reportSuffix, { default: a.reportSuffix, validate: need }),
    proposalSuffix: await ask.input(t.proposalSuffix, { default: a.proposalSuffix, validate: need }),
  };
  const signer: Signer = {
    ...s,
    // inquirer cannot clear a default, so "-" stands for "none" (the head signs in person)
    authority: (await ask.input(t.signerAuthority, { default: s.authority || '-' })).replace(/^-$/, ''),
    title: await ask.input(t.signerTitle, { default: s.title, validate: need }),
  };
  return [agency, signer];
}

async function askFolders(ask: Ask, t: InitText, f: Folders): Promise<Folders> {
  const check = folderName(t);
  return {
    submissions: await ask.input(t.folderSubmissions, { default: f.submissions, validate: check }),
    outputs: await ask.input(t.folderOutputs, { default: f.outputs, validate: check }),
    templates: await ask.input(t.folderTemplates, { default: f.templates, validate: check }),
  };
}

/**
 * The questions, in the order a clerk thinks of them: which campaign, who signs, then (only if
 * they want to) the office details and folder names that usually stay as they are.
 */
export async function askInit(
  ask: Ask, lang: Lang, plans: BundledPlan[], load: (p: BundledPlan) => Plan, fixedPlan: BundledPlan | null, note: (line: string) => void = () => {},
): Promise<InitAnswers> {
  const t = INIT_TEXT[lang];
  let plan = fixedPlan ?? plans[0];
  if (!fixedPlan && plans.length > 1) {
    const id = await ask.select(t.plan, plans.map((p) => ({ name: p.title, value: p.id, description: p.id })), plan.id);
    plan = plans.find((p) => p.id === id)!;
  } else note(`${t.plan} ${plan.title}`);
  const answers = initDefaults(plan, load(plan));
  answers.signer.name = await ask.input(t.signerName, { default: answers.signer.name || undefined });
  if (!(await ask.confirm(t.keepAgency(answers.agency, answers.signer), true))) {
    [answers.agency, answers.signer] = await askAgency(ask, t, answers.agency, answers.signer);
  }
  if (!(await ask.confirm(t.keepFolders(answers.folders), true))) answers.folders = await askFolders(ask, t, answers.folders);
  return answers;
}

export function configOf(a: InitAnswers, dir: string, bundled: boolean): WorkingConfig {
  const plan = bundled ? a.plan.id : relative(dir, a.plan.path) || a.plan.path;
  return { version: 1, plan, registry: null, agency: a.agency, signer: a.signer, folders: a.folders };
}

function planChoice(flags: InitFlags, plans: BundledPlan[]): { fixed: BundledPlan | null; bundled: boolean } {
  if (!flags.plan) return { fixed: null, bundled: true };
  const path = resolve(flags.plan);
  const known = plans.find((p) => resolve(p.path) === path || p.id === flags.plan);
  if (known) return { fixed: known, bundled: true };
  const plan = loadPlan(path);
  return { fixed: { id: plan.id, title: plan.title, path }, bundled: false };
}

/** The lines printed at the end: what was made, and the next three commands. */
export function nextSteps(lang: Lang, dir: string, cwd: string, a: InitAnswers, workbooks: number): string[] {
  const t = INIT_TEXT[lang];
  const rel = relative(cwd, dir);
  const f = a.folders;
  const steps = [
    [`thidua validate ${shellArg(f.submissions)}`, t.stepValidate],
    ['thidua compile', t.stepCompile(f.outputs)],
    ['thidua shortlist', t.stepShortlist],
  ];
  const width = Math.max(...steps.map(([c]) => c.length)) + 3;
  return [
    t.made(dir),
    `  ${CONFIG_FILE.padEnd(22)}${t.whatConfig}`,
    `  ${`${f.templates}/`.padEnd(22)}${t.whatTemplates(workbooks)}`,
    `  ${`${f.submissions}/`.padEnd(22)}${t.whatSubmissions}`,
    `  ${`${f.outputs}/`.padEnd(22)}${t.whatOutputs}`,
    '',
    t.next,
    ...(rel === '' ? [] : [`  cd ${shellArg(rel)}`]),
    ...steps.map(([c, what]) => `  ${c.padEnd(width)}${what}`),
  ];
}

export async function runInit(dirArg: string | undefined, flags: InitFlags, ask: Ask | null = null, cwd = process.cwd()): Promise<number> {
  const lang = parseLang(flags.lang);
  const t = INIT_TEXT[lang];
  const dir = resolve(cwd, dirArg ?? '.');
  if (existsSync(join(dir, CONFIG_FILE)) && !flags.force) throw usageError(INIT_TEXT.vi.exists(dir), INIT_TEXT.en.exists(dir));
  const plans = bundledPlans();
  const { fixed, bundled } = planChoice(flags, plans);
  const interactive = ask !== null || canPrompt(flags);
  if (!interactive && !flags.yes) process.stderr.write(`${t.noTerminal}\n`);
  let answers: InitAnswers;
  if (interactive) {
    process.stdout.write(`${t.intro(dir)}\n\n`);
    answers = await askInit(ask ?? inquirerAsk(), lang, plans, (p) => loadPlan(p.path), fixed, (l) => process.stdout.write(`${l}\n`));
    if (!(await (ask ?? inquirerAsk()).confirm(t.confirm(dir), true))) throw new ThiduaError(EXIT.interrupted, { vi: INIT_TEXT.vi.cancelled, en: INIT_TEXT.en.cancelled });
  } else {
    const plan = fixed ?? plans[0];
    answers = initDefaults(plan, loadPlan(plan.path));
  }
  const plan = loadPlan(answers.plan.path);
  const registry = loadRegistry(flags.registry ?? DEFAULT_REGISTRY);
  const withOffice: Plan = { ...plan, agency: answers.agency, signer: answers.signer };
  const config = configOf(answers, dir, bundled);
  if (flags.registry) config.registry = relative(dir, resolve(flags.registry));
  const templatesDir = join(dir, answers.folders.templates);
  if (process.stdout.isTTY) process.stdout.write(`${t.working(registry.districts.size)}\n`);
  const workbooks = await templateOutputs(withOffice, registry, districtCodes(registry, undefined), templatesDir);
  await writeOutputs([{ path: join(dir, CONFIG_FILE), data: `${JSON.stringify(config, null, 2)}\n` }, ...workbooks], !!flags.force);
  for (const f of [answers.folders.submissions, answers.folders.outputs]) await mkdir(join(dir, f), { recursive: true });
  process.stdout.write(`${nextSteps(lang, dir, cwd, answers, workbooks.length).join('\n')}\n`);
  return EXIT.ok;
}
