// Asking the user (inquirer), only when a person is there to answer: never with --yes, in CI, or
// without a terminal on both ends. Ctrl-C ends the run with exit code 130 and a sentence. The
// `Ask` interface lets commands be driven by scripted answers in tests.
import type { IsoDate, Signer } from '../core/types.js';
import { EXIT, ThiduaError } from '../core/errors.js';
import { parseUserDate } from '../compile/period.js';
import { parseNumber } from './optionValues.js';

export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

export type Validate = (value: string) => true | string;

/** The questions a command can ask; inquirer behind it, or a script in tests. */
export interface Ask {
  input(message: string, opts?: { default?: string; validate?: Validate }): Promise<string>;
  select<T extends string>(message: string, choices: Choice<T>[], def?: T): Promise<T>;
  confirm(message: string, def?: boolean): Promise<boolean>;
}

export interface PromptFlags {
  yes?: boolean;
}

interface Io {
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
}

/** A person can answer: both ends are a terminal, no --yes, not in CI. */
export function canPrompt(flags: PromptFlags, env: NodeJS.ProcessEnv = process.env, io: Io = process): boolean {
  if (flags.yes) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false') return false;
  return !!io.stdin.isTTY && !!io.stdout.isTTY;
}

export const interrupted = () =>
  new ThiduaError(EXIT.interrupted, { vi: 'Đã dừng (Ctrl-C); không ghi tệp nào.', en: 'Stopped (Ctrl-C); no file was written.' });

/** Runs one prompt; inquirer's ExitPromptError (Ctrl-C, closed terminal) becomes exit code 130. */
export async function guarded<T>(prompt: () => Promise<T>): Promise<T> {
  try {
    return await prompt();
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw interrupted();
    throw e;
  }
}

/** The real thing: inquirer, loaded only when a question is asked. */
export function inquirerAsk(): Ask {
  const one = async <T>(question: Record<string, unknown>): Promise<T> => {
    const { default: inquirer } = await import('inquirer');
    // inquirer's question types are a deep union keyed by `type`; the three shapes used here are
    // plain and checked by the methods below, so the object is passed through untyped.
    const answers: Record<string, unknown> = await guarded(() => inquirer.prompt([{ ...question, name: 'value' }] as never));
    return answers.value as T;
  };
  return {
    input: (message, opts = {}) => one<string>({ type: 'input', message, default: opts.default, validate: opts.validate }).then((v) => v.trim()),
    select: (message, choices, def) => one({ type: 'select', message, choices, default: def, pageSize: 12 }),
    confirm: (message, def = true) => one<boolean>({ type: 'confirm', message, default: def }),
  };
}

/** What a document needs that flags may not have given. */
export interface DocumentMetaDefaults {
  number: string | null; // "125"; null leaves "Số:      /BC-SNV" blank
  date: IsoDate | null;
  signer: Signer;
  suffix: string; // "BC-SNV", shown in the question
  lang: 'vi' | 'en';
}

export interface DocumentMetaAnswers {
  number: string | null;
  date: IsoDate | null;
  signer: Signer;
}

const Q = {
  vi: {
    number: (s: string) => `Số văn bản (Số: …/${s}); để trống để ghi tay sau:`,
    date: 'Ngày ký (ngày/tháng/năm); để trống để ghi tay sau:',
    badDate: 'Ghi ngày dạng ngày/tháng/năm, ví dụ 25/8/2021, hoặc để trống.',
    signer: 'Họ tên người ký:',
  },
  en: {
    number: (s: string) => `Document number (No. …/${s}); leave blank to write it by hand:`,
    date: 'Date of signing (dd/mm/yyyy); leave blank to write it by hand:',
    badDate: 'Write a date as dd/mm/yyyy, e.g. 25/8/2021, or leave it blank.',
    signer: "Signer's full name:",
  },
} as const;

/**
 * For compile and shortlist: asks for the number, date and signer's name that nobody gave, only
 * when a person can answer; otherwise returns the defaults as they are (blanks stay blank).
 */
export async function promptDocumentMeta(defaults: DocumentMetaDefaults, flags: PromptFlags, ask: Ask | null = null): Promise<DocumentMetaAnswers> {
  const out: DocumentMetaAnswers = { number: defaults.number, date: defaults.date, signer: { ...defaults.signer } };
  if (!ask && !canPrompt(flags)) return out;
  const a = ask ?? inquirerAsk();
  const q = Q[defaults.lang];
  if (out.number === null) {
    const kind = { vi: 'văn bản này', en: 'this document' };
    const checked = (v: string): true | string => {
      try {
        parseNumber(v, defaults.suffix, kind);
        return true;
      } catch (e) {
        // the same sentence as for the flag, without naming the flag nobody typed
        return e instanceof ThiduaError ? e.text[defaults.lang].replace(/^--number "[^"]*": /, '') : String(e);
      }
    };
    out.number = parseNumber(await a.input(q.number(defaults.suffix), { validate: checked }), defaults.suffix, kind);
  }
  if (out.date === null) {
    const text = await a.input(q.date, { validate: (v) => v.trim() === '' || parseUserDate(v) !== null || q.badDate });
    out.date = text === '' ? null : parseUserDate(text);
  }
  if (out.signer.name.trim() === '') out.signer.name = await a.input(q.signer);
  return out;
}
