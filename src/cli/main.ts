// The command line: parse flags (program.ts), hand each command to its module, and turn known
// failures into one sentence and an exit code.
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
const { CommanderError } = createRequire(import.meta.url)('commander') as typeof Commander;
import { EXIT, ThiduaError } from '../core/errors.js';
import { langOfArgv } from './lang.js';
import { buildProgram } from './program.js';
import { neutralize } from '../core/safeText.js';

const COMMANDS = ['validate', 'compile', 'shortlist', 'template', 'init'];

/** A usage error met while parsing (a bad option value) also says where the command's help is. */
function withHelpPointer(e: ThiduaError, argv: string[]): ThiduaError {
  if (e.text.en.includes('--help')) return e;
  const cmd = argv.slice(2).find((a) => COMMANDS.includes(a));
  const line = `thidua${cmd ? ` ${cmd}` : ''} --help`;
  return new ThiduaError(e.exitCode, { vi: `${e.text.vi} Xem "${line}".`, en: `${e.text.en} See "${line}".` });
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const lang = langOfArgv(argv);
  const program = buildProgram(lang, (c) => (code = c));
  let parsing = true;
  program.hook('preAction', () => {
    parsing = false;
  });
  const debug = argv.includes('--debug');
  if (argv.includes('--convert')) {
    process.stderr.write(lang === 'en'
      ? 'thidua: --convert is no longer needed and is ignored: .xls, .ods and the other spreadsheet formats are read directly, without LibreOffice.\n'
      : 'thidua: không cần --convert nữa (đã bỏ qua): tệp .xls, .ods và các dạng bảng tính khác được đọc trực tiếp, không cần LibreOffice.\n');
  }
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    const { clearProgress } = await import('./progress.js');
    clearProgress();
    if (e instanceof CommanderError) {
      // help and version were printed by commander; `thidua` alone prints the help and exits 2
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ThiduaError) {
      const shown = parsing && e.exitCode === EXIT.usage ? withHelpPointer(e, argv) : e;
      process.stderr.write(`thidua: ${neutralize(shown.text[lang])}\n`);
      // A reader's own words (parser text) travel as the cause: for --debug only.
      if (debug) process.stderr.write(`${e.stack}\n${e.cause ? `cause: ${(e.cause as Error).stack ?? String(e.cause)}\n` : ''}`);
      return e.exitCode;
    }
    process.stderr.write(
      lang === 'en'
        ? `thidua: unexpected error: ${neutralize((e as Error).message)}. Run again with --debug and send the output to the developers.\n`
        : `thidua: lỗi không mong đợi: ${neutralize((e as Error).message)}. Hãy chạy lại với --debug và gửi kết quả cho nhóm phát triển.\n`,
    );
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
