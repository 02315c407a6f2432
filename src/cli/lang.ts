// The language of messages: --lang when given, else English when the locale (LC_ALL,
// LC_MESSAGES, LANG) is an English one, else Vietnamese. Kept apart from context.ts so that
// start-up (`thidua --help`) loads commander and nothing else of weight.
import type { Lang } from '../core/types.js';
import { usageError } from '../core/errors.js';

/** The locale's language as POSIX picks it: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'vi';
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === undefined) return envLang(env);
  if (value === 'vi' || value === 'en') return value;
  throw usageError(`--lang phải là "vi" hoặc "en", không phải "${value}".`, `--lang must be "vi" or "en", not "${value}".`);
}

/** The --lang value in raw arguments (before commander has parsed them), for messages about parsing itself. */
export function langOfArgv(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  return v === 'en' || v === 'vi' ? v : envLang(env);
}
