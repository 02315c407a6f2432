// The commands and their options, described in the user's language (Vietnamese by default,
// English with --lang en or an English locale). Commander parses; each command's module is loaded
// only when it runs, so `thidua --help` stays fast. Commander's own English is replaced: help
// titles here, parse errors in usage.ts.
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
// commander through require(): its ES module wrapper costs ~13 ms more of every start (`--help` included)
const { Command, Option } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;
import type { Lang } from '../core/types.js';
import { checkFormat } from './optionValues.js';
import { usageThrower } from './usage.js';

type Text = (vi: string, en: string) => string;

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Arguments:': 'Tham số:', 'Commands:': 'Lệnh:', 'Global Options:': 'Tùy chọn chung:',
};
/** Value placeholders and argument names, as the Vietnamese help shows them. */
const WORDS: Record<string, string> = {
  file: 'tệp', n: 'số', date: 'ngày', month: 'tháng', name: 'họ-tên', title: 'chức-vụ', text: 'văn-bản', dir: 'thư-mục',
  format: 'dạng', district: 'huyện', lang: 'ngôn-ngữ', paths: 'đường-dẫn', command: 'lệnh',
};
const viWords = (s: string) => s.replace(/\b(file|n|date|month|name|title|text|dir|format|district|lang|paths|command)\b/g, (w) => WORDS[w]);

/** Commander's help with Vietnamese titles, placeholders and argument names (English left as is). */
function helpConfig(lang: Lang) {
  if (lang === 'en') return { subcommandTerm: (c: Command) => `${c.name()} ${c.usage()}` };
  return {
    styleTitle: (s: string) => TITLES[s] ?? s,
    optionTerm: (o: { flags: string }) => o.flags.replace(/<[^>]+>/g, viWords),
    argumentTerm: (a: { name(): string }) => viWords(a.name()),
    subcommandTerm: (c: Command) => `${c.name()} ${c.usage()}`,
  };
}

function commonOptions(cmd: Command, t: Text): Command {
  return cmd
    .option('--plan <file>', t('kế hoạch thi đua (JSON); mặc định: kế hoạch Sóc Trăng kèm theo', 'campaign plan (JSON); default: the bundled Sóc Trăng plan'))
    .option('--registry <file>', t('danh mục đơn vị hành chính (CSV); mặc định: danh mục kèm theo', 'register of administrative units (CSV); default: bundled'))
    .option('--lang <lang>', t('ngôn ngữ thông báo: vi | en (mặc định vi; en khi LANG là tiếng Anh)', 'language of messages: vi | en (default vi; en when LANG is English)'))
    .option('--debug', t('in vết ngăn xếp của lỗi không mong đợi', 'show stack traces of unexpected errors'));
}

function periodOptions(cmd: Command, t: Text): Command {
  return cmd
    .option('--month <month>', t('báo cáo một tháng, ví dụ 2021-08, 2021-8 hoặc 8/2021', 'report on one calendar month, e.g. 2021-08, 2021-8 or 8/2021'))
    .option('--from <date>', t('ngày bắt đầu kỳ (dd/mm/yyyy hoặc yyyy-mm-dd)', 'period start (dd/mm/yyyy or yyyy-mm-dd)'))
    .option('--to <date>', t('ngày kết thúc kỳ (dd/mm/yyyy hoặc yyyy-mm-dd)', 'period end (dd/mm/yyyy or yyyy-mm-dd)'));
}

/** Limits on what is read, so an attachment cannot exhaust memory or time (src/read/limits.ts). */
function readOptions(cmd: Command, t: Text): Command {
  return cmd
    .option('--max-file-mb <n>', t('từ chối tệp lớn hơn N MB (mặc định 100)', 'refuse input files larger than N MB (default 100)'))
    .option('--max-inflated-mb <n>', t('từ chối bảng tính giải nén ra hơn N MB (mặc định 250)', 'refuse workbooks that inflate to more than N MB (default 250)'))
    .option('--max-rows <n>', t('từ chối trang hoặc CSV có hơn N dòng (mặc định 1048576)', 'refuse a sheet or CSV with more than N rows (default 1048576)'))
    .option('--max-columns <n>', t('từ chối trang / bỏ dòng CSV rộng hơn N cột (mặc định 1000)', 'refuse sheets / skip CSV lines wider than N columns (default 1000)'))
    .option('--max-cell-chars <n>', t('số ký tự tối đa đọc trong một ô (mặc định 32767)', 'longest cell read, in characters (default 32767)'))
    // Gone: .xls and .ods are read directly. Still accepted, with a note (cli/main.ts), so old scripts run.
    .addOption(new Option('--convert').hideHelp());
}

function documentOptions(cmd: Command, t: Text): Command {
  return cmd
    .option('--number <n>', t('số văn bản, ví dụ 125 hoặc 125/BC-SNV (để trống cho văn thư ghi tay nếu không có)', 'document number, e.g. 125 or 125/BC-SNV (blank for the clerk to fill when omitted)'))
    .option('--date <date>', t('ngày văn bản dd/mm/yyyy (để trống nếu không có)', 'document date dd/mm/yyyy (blank when omitted)'))
    .option('--signer <name>', t('họ tên người ký', "signer's name"))
    .option('--signer-title <title>', t('chức vụ người ký, ví dụ "PHÓ GIÁM ĐỐC"', 'signer\'s title, e.g. "PHÓ GIÁM ĐỐC"'))
    .option('--authority <text>', t('thẩm quyền ký, ví dụ "KT. GIÁM ĐỐC", "TM.", "Q.", "TL."', 'signing authority, e.g. "KT. GIÁM ĐỐC", "TM.", "Q.", "TL."'))
    .option('-y, --yes', t('dùng giá trị mặc định, không hỏi gì', 'take defaults, never ask'));
}

function outputOptions(cmd: Command, t: Text, strict: string): Command {
  return cmd
    .option('--out <dir>', t('thư mục ghi kết quả (mặc định: thư mục kết quả của thư mục làm việc, nếu không thì ./out)', "output folder (default: the working folder's outputs, else ./out)"))
    .option('--format <format>', t('dạng kết quả: text | json (mặc định text)', 'output format: text | json (default text)'), checkFormat)
    .option('--strict', strict)
    .option('--force', t('ghi đè kết quả đã có', 'replace existing outputs'));
}

const examples = (t: Text, lines: string[]) => `\n${t('Ví dụ:', 'Examples:')}\n${lines.map((l) => `  ${l}`).join('\n')}`;

export function buildProgram(lang: Lang, setCode: (code: number) => void): Command {
  const t: Text = (vi, en) => (lang === 'vi' ? vi : en);
  const program = new Command('thidua')
    .description(t(
      'Tổng hợp kết quả đợt thi đua "giữ vững và mở rộng vùng xanh" từ bảng tính của các huyện.',
      'Compiles district campaign spreadsheets into zone results and Word documents.',
    ))
    .version('0.1.0', '-V, --version', t('in số phiên bản', 'print the version number'))
    .helpOption('-h, --help', t('xem trợ giúp của lệnh', 'show help for the command'))
    .helpCommand(t('help [lệnh]', 'help [command]'), t('xem trợ giúp của một lệnh', 'show help for a command'))
    .usage(t('[tùy chọn] [lệnh]', '[options] [command]'))
    .configureHelp(helpConfig(lang))
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  usageThrower(program);
  const paths = t('tệp hoặc thư mục hồ sơ của các huyện (.xlsx, .csv, .tsv, .txt); mặc định: ho-so/ của thư mục làm việc', "files or folders of the districts' submissions (.xlsx, .csv, .tsv, .txt); default: the working folder's submissions");
  const usage = t('[tùy chọn] [đường-dẫn...]', '[options] [paths...]');

  const validate = readOptions(commonOptions(periodOptions(program.command('validate'), t), t), t)
    .description(t('kiểm tra bảng tính của các huyện', 'check district spreadsheets'))
    .usage(usage)
    .argument('[paths...]', paths)
    .option('--format <format>', t('dạng kết quả: text | json (mặc định text)', 'output format: text | json (default text)'), checkFormat)
    .option('--strict', t('cảnh báo cũng làm kết quả không hợp lệ (mã thoát 1)', 'warnings also make the result invalid (exit 1)'))
    .option('--district <district>', t('huyện gửi tệp, theo mã hoặc tên (ví dụ 944, "Kế Sách"), khi nội dung tệp không cho biết', 'the district that sent the files, by code or name (e.g. 944, "Ke Sach"), when their content does not say'))
    .option('--annotate <dir>', t('ghi vào DIR một bản sao có đánh dấu của mỗi tệp', 'write a marked-up copy of each input into DIR'))
    .option('--force', t('ghi đè tệp đã có trong thư mục --annotate', 'replace existing files in --annotate DIR'))
    .addHelpText('after', examples(t, ['thidua validate fixtures/province', 'thidua validate "Ke Sach.xlsx" --format json --lang en']))
    .action(async (p: string[], opts) => {
      const { runValidate } = await import('./validate.js');
      setCode(await runValidate(p, opts));
    });

  const compile = outputOptions(readOptions(documentOptions(commonOptions(periodOptions(program.command('compile'), t), t), t), t), t,
    t('không tổng hợp khi còn hồ sơ có lỗi (mã thoát 1)', 'refuse to compile while any submission has errors (exit 1)'))
    .description(t('tổng hợp kết quả, lập báo cáo (.docx) và phụ lục (.xlsx)', 'compile the results report (.docx) and its appendix (.xlsx)'))
    .usage(usage)
    .argument('[paths...]', paths)
    .addHelpText('after', examples(t, ['thidua compile fixtures/province --out out --number 125 --date 25/08/2021', 'thidua compile ho-so/ --month 2021-08 --format json']))
    .action(async (p: string[], opts) => {
      const { runCompile } = await import('./compile.js');
      setCode(await runCompile(p, opts));
    });

  const shortlist = outputOptions(readOptions(documentOptions(commonOptions(periodOptions(program.command('shortlist'), t), t), t), t), t,
    t('không lập tờ trình khi còn hồ sơ có lỗi (mã thoát 1)', 'refuse while any submission has errors (exit 1)'))
    .description(t('lập Tờ trình và danh sách đề nghị khen thưởng', 'draft the award proposal and its list'))
    .usage(usage)
    .argument('[paths...]', paths)
    .addHelpText('after', examples(t, ['thidua shortlist fixtures/province --number 45 --date 27/08/2021', 'thidua shortlist ho-so/ --format json']))
    .action(async (p: string[], opts) => {
      const { runShortlist } = await import('./shortlist.js');
      setCode(await runShortlist(p, opts));
    });

  const template = commonOptions(program.command('template'), t)
    .description(t('tạo biểu mẫu trống cho các huyện', 'write blank workbooks for the districts'))
    .usage(t('[tùy chọn]', '[options]'))
    .option('--district <district...>', t('chỉ các huyện này (mã hoặc tên, ví dụ 942 943 hoặc "Kế Sách"); mặc định: tất cả', 'only these districts (codes or names, e.g. 942 943 or "Ke Sach"); default: all'))
    .option('--out <dir>', t('thư mục ghi biểu mẫu; mặc định: thư mục biểu mẫu của thư mục làm việc', "output folder; default: the working folder's templates folder"))
    .option('--force', t('ghi đè biểu mẫu đã có', 'replace existing workbooks'))
    .addHelpText('after', examples(t, ['thidua template --out bieu-mau', 'thidua template --district 942 943 --out bieu-mau --force']))
    .action(async (opts) => {
      const { runTemplate } = await import('./template.js');
      setCode(await runTemplate(opts));
    });

  const init = commonOptions(program.command('init'), t)
    .description(t('tạo thư mục làm việc cho một đợt thi đua', 'set up a working folder for a campaign'))
    .usage(t('[tùy chọn] [thư-mục]', '[options] [dir]'))
    .argument('[dir]', t('thư mục cần tạo (mặc định: thư mục hiện tại)', 'the folder to set up (default: the current folder)'))
    .option('-y, --yes', t('dùng mọi giá trị mặc định, không hỏi gì', 'take every default, ask nothing'))
    .option('--force', t('tạo lại tệp cấu hình và biểu mẫu trống của thư mục làm việc đã có', 'recreate the config and blank workbooks of an existing working folder'))
    .addHelpText('after', examples(t, ['thidua init dot-thi-dua-2021', 'thidua init dot-thi-dua-2021 --yes']))
    .action(async (dir: string | undefined, opts) => {
      const { runInit } = await import('./init.js');
      setCode(await runInit(dir ?? '.', opts));
    });

  for (const cmd of [validate, compile, shortlist, template, init]) usageThrower(cmd);
  return program;
}
