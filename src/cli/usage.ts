// Bad usage as one line in the user's language and a pointer to --help, instead of commander's
// English message followed by the whole help. Commander reports every parse error through a
// command's error(); it is replaced on each command by one that throws a usage error (exit 2).
import type { Command } from 'commander';
import { usageError, type ThiduaError } from '../core/errors.js';

/** "thidua compile --help": where to read more, for the command the error is about. */
export function helpPointer(cmd: Command | null): { vi: string; en: string } {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  const line = `${names.length > 0 ? names.join(' ') : 'thidua'} --help`;
  return { vi: `Xem "${line}".`, en: `See "${line}".` };
}

/** A parse error of commander (its code and English message) as a bilingual usage error. */
export function parseError(code: string, message: string, cmd: Command | null): ThiduaError {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const similar = /Did you mean (.+)\?/.exec(message)?.[1];
  const help = helpPointer(cmd);
  const hint = similar ? { vi: ` (có phải ${similar}?)`, en: ` (did you mean ${similar}?)` } : { vi: '', en: '' };
  const counts = /Expected (\d+) argument.* got (\d+)/.exec(message);
  const text: Record<string, { vi: string; en: string }> = {
    'commander.unknownOption': { vi: `Không có tùy chọn ${quoted}${hint.vi}.`, en: `Unknown option ${quoted}${hint.en}.` },
    'commander.unknownCommand': { vi: `Không có lệnh "${quoted}"${hint.vi}.`, en: `Unknown command "${quoted}"${hint.en}.` },
    'commander.missingArgument': { vi: `Thiếu tham số ${quoted}.`, en: `Missing argument ${quoted}.` },
    'commander.optionMissingArgument': { vi: `Tùy chọn ${quoted.split(/[ ,]/)[0]} cần một giá trị.`, en: `Option ${quoted.split(/[ ,]/)[0]} needs a value.` },
    'commander.excessArguments': counts
      ? { vi: `Thừa tham số: lệnh nhận ${counts[1]}, đã cho ${counts[2]}.`, en: `Too many arguments: the command takes ${counts[1]}, got ${counts[2]}.` }
      : { vi: 'Thừa tham số.', en: 'Too many arguments.' },
  };
  const t = text[code] ?? { vi: 'Câu lệnh không đúng cách dùng.', en: 'The command line is not valid.' };
  return usageError(`${t.vi} ${help.vi}`, `${t.en} ${help.en}`);
}

/** Makes `cmd` throw parse errors as usage errors instead of printing commander's text. */
export function usageThrower(cmd: Command): void {
  cmd.error = (message: string, options?: { code?: string; exitCode?: number }): never => {
    throw parseError(options?.code ?? 'commander.error', message, cmd);
  };
}
