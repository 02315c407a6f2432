// The command line: parse flags, hand each command to its module (loaded only when needed, so
// `thidua --help` stays fast), and turn known failures into a sentence and an exit code.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, ThiduaError } from '../core/errors.js';
import { parseLang } from './lang.js';
import { neutralize } from '../core/safeText.js';

function langOf(argv: string[]): 'vi' | 'en' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

function commonOptions(cmd: Command): Command {
  return cmd
    .option('--plan <file>', 'campaign plan (JSON); default: the bundled Sóc Trăng plan')
    .option('--registry <file>', 'register of administrative units (CSV); default: bundled')
    .option('--lang <lang>', 'language of messages: vi | en', 'vi')
    .option('--debug', 'show stack traces of unexpected errors');
}

function periodOptions(cmd: Command): Command {
  return cmd
    .option('--month <yyyy-mm>', 'report on one calendar month, e.g. 2021-08')
    .option('--from <date>', 'period start (dd/mm/yyyy or yyyy-mm-dd)')
    .option('--to <date>', 'period end (dd/mm/yyyy or yyyy-mm-dd)');
}

/** Limits on what is read, so an attachment cannot exhaust memory or time (src/read/limits.ts). */
function readOptions(cmd: Command): Command {
  return cmd
    .option('--max-file-mb <n>', 'refuse input files larger than N MB (default 100)')
    .option('--max-inflated-mb <n>', 'refuse workbooks that inflate to more than N MB (default 250)')
    .option('--max-rows <n>', 'refuse a sheet or CSV with more than N rows (default 1048576)')
    .option('--max-columns <n>', 'refuse sheets / skip CSV lines wider than N columns (default 1000)')
    .option('--max-cell-chars <n>', 'longest cell read, in characters (default 32767)')
    .option('--convert', 'read .xls/.ods through LibreOffice (soffice) via a temporary .xlsx');
}

function documentOptions(cmd: Command): Command {
  return cmd
    .option('--number <n>', 'document number, e.g. 125 (blank for the clerk to fill when omitted)')
    .option('--date <date>', 'document date dd/mm/yyyy (blank when omitted)')
    .option('--signer <name>', 'signer\'s name')
    .option('--signer-title <title>', 'signer\'s title, e.g. "PHÓ GIÁM ĐỐC"')
    .option('--authority <text>', 'signing authority, e.g. "KT. GIÁM ĐỐC", "TM.", "Q.", "TL."')
    .option('-y, --yes', 'take defaults, never ask');
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command('thidua')
    .description('Tổng hợp kết quả đợt thi đua "giữ vững và mở rộng vùng xanh" từ bảng tính của các huyện.\nCompiles district campaign spreadsheets into zone results and Word documents.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  const validate = readOptions(commonOptions(periodOptions(program.command('validate'))))
    .description('kiểm tra bảng tính của các huyện / check district spreadsheets')
    .argument('[paths...]', 'files or folders (.xlsx, .csv, .tsv, .txt); default: the working folder\'s submissions')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'warnings also make the result invalid (exit 1)')
    .option('--district <code>', 'the district that sent the files (when their content does not say)')
    .option('--annotate <dir>', 'write a marked-up copy of each input into DIR')
    .option('--force', 'replace existing files in --annotate DIR')
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import('./validate.js');
      setCode(await runValidate(paths, opts));
    });
  const compile = readOptions(documentOptions(commonOptions(periodOptions(program.command('compile')))))
    .description('tổng hợp kết quả, lập báo cáo (.docx) và phụ lục (.xlsx) / compile the results report')
    .argument('[paths...]', 'files or folders of the districts\' submissions')
    .option('--out <dir>', 'output folder (default: the working folder\'s outputs, else ./out)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'refuse to compile while any submission has errors (exit 1)')
    .option('--force', 'replace existing outputs')
    .action(async (paths: string[], opts) => {
      const { runCompile } = await import('./compile.js');
      setCode(await runCompile(paths, opts));
    });
  compile.addHelpText('after', '\nVí dụ / example:\n  thidua compile fixtures/province --out out --number 125 --date 25/08/2021\n  thidua compile ho-so/ --month 2021-08 --format json');
  const shortlist = readOptions(documentOptions(commonOptions(periodOptions(program.command('shortlist')))))
    .description('lập Tờ trình và danh sách đề nghị khen thưởng / draft the award proposal')
    .argument('[paths...]', 'files or folders of the districts\' submissions')
    .option('--out <dir>', 'output folder (default: the working folder\'s outputs, else ./out)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'refuse while any submission has errors (exit 1)')
    .option('--force', 'replace existing outputs')
    .action(async (paths: string[], opts) => {
      const { runShortlist } = await import('./shortlist.js');
      setCode(await runShortlist(paths, opts));
    });
  shortlist.addHelpText('after', '\nVí dụ / example:\n  thidua shortlist fixtures/province --number 45 --date 27/08/2021\n  thidua shortlist ho-so/ --format json');
  validate.addHelpText('after', '\nVí dụ / example:\n  thidua validate fixtures/province\n  thidua validate "Ke Sach.xlsx" --format json --lang en');
  const template = commonOptions(program.command('template'))
    .description('tạo biểu mẫu trống cho các huyện / write blank workbooks for the districts')
    .option('--district <code...>', 'only these districts (codes, e.g. 942 943); default: all')
    .option('--out <dir>', 'output folder; default: the working folder\'s templates folder')
    .option('--force', 'replace existing workbooks')
    .action(async (opts) => {
      const { runTemplate } = await import('./template.js');
      setCode(await runTemplate(opts));
    });
  template.addHelpText('after', '\nVí dụ / example:\n  thidua template --out bieu-mau\n  thidua template --district 942 943 --out bieu-mau --force');
  const init = commonOptions(program.command('init'))
    .description('tạo thư mục làm việc cho một đợt thi đua / set up a working folder')
    .argument('[dir]', 'the folder to set up (created if needed)', '.')
    .option('-y, --yes', 'take every default, ask nothing')
    .option('--force', 'recreate the config and blank workbooks of an existing working folder')
    .action(async (dir: string, opts) => {
      const { runInit } = await import('./init.js');
      setCode(await runInit(dir, opts));
    });
  init.addHelpText('after', '\nVí dụ / example:\n  thidua init dot-thi-dua-2021\n  thidua init dot-thi-dua-2021 --yes');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  const debug = argv.includes('--debug');
  try {
    parseLang(langOf(argv));
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ThiduaError) {
      process.stderr.write(`thidua: ${neutralize(e.text[langOf(argv)])}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    const lang = langOf(argv);
    process.stderr.write(
      lang === 'en'
        ? `thidua: unexpected error: ${neutralize((e as Error).message)}. Run again with --debug and send the output to the developers.\n`
        : `thidua: lỗi không mong đợi: ${neutralize((e as Error).message)}. Hãy chạy lại với --debug và gửi kết quả cho nhóm phát triển.\n`,
    );
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
