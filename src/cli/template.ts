// `thidua template`: one blank workbook per district (all by default) into --out, or into the
// working folder's templates folder; written whole or not at all, never over a file without --force.
import { join, relative } from 'node:path';
import { EXIT, usageError } from '../core/errors.js';
import type { Lang, Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { writeOutputs, type Output } from '../write/atomic.js';
import { buildContext, type GlobalFlags } from './context.js';
import { checkOutFolder, resolveDistricts } from './optionValues.js';

export interface TemplateFlags extends GlobalFlags {
  district?: string[];
  out?: string;
  force?: boolean;
}

/** The district codes asked for (all, in code order, when none), checked against the register. */
export function districtCodes(registry: Registry, asked: string[] | undefined): string[] {
  if (!asked || asked.length === 0) return [...registry.districts.keys()].sort();
  return resolveDistricts(registry, asked);
}

/** The workbooks as files to write, in district code order. */
export async function templateOutputs(plan: Plan, registry: Registry, codes: string[], dir: string): Promise<Output[]> {
  const { districtTemplate, templateFileName } = await import('../render/template.js');
  const outputs: Output[] = [];
  for (const code of codes) {
    const wb = districtTemplate({ plan, registry, districtCode: code });
    // exceljs types its buffer as its own Buffer; it is a Node Buffer at run time.
    const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    outputs.push({ path: join(dir, templateFileName(registry.districts.get(code)!)), data });
  }
  return outputs;
}

const T = {
  vi: {
    noOut: 'Chưa chỉ ra thư mục ghi biểu mẫu: thêm --out THƯ_MỤC (hoặc chạy trong thư mục làm việc tạo bởi "thidua init").',
    wrote: (n: number, dir: string) => `Đã tạo ${n} biểu mẫu trong ${dir}:`,
    next: 'Gửi mỗi huyện tệp của mình. Khi nhận lại, kiểm tra bằng: thidua validate <tệp hoặc thư mục>',
  },
  en: {
    noOut: 'No folder for the workbooks: add --out DIR (or run inside a working folder made by "thidua init").',
    wrote: (n: number, dir: string) => `Wrote ${n} blank workbooks to ${dir}:`,
    next: 'Send each district its own file. When they come back, check them with: thidua validate <file or folder>',
  },
} as const;

export function templateDoneText(lang: Lang, dir: string, outputs: Output[]): string[] {
  const t = T[lang];
  return [t.wrote(outputs.length, dir), ...outputs.map((o) => `  ${relative(dir, o.path)}`), '', t.next];
}

export async function runTemplate(flags: TemplateFlags): Promise<number> {
  const ctx = buildContext(flags);
  const out = flags.out !== undefined ? checkOutFolder(flags.out) : ctx.config?.folder('templates');
  if (!out) throw usageError(T.vi.noOut, T.en.noOut);
  const codes = districtCodes(ctx.registry, flags.district);
  const outputs = await templateOutputs(ctx.plan, ctx.registry, codes, out);
  await writeOutputs(outputs, !!flags.force);
  process.stdout.write(`${templateDoneText(ctx.lang, out, outputs).join('\n')}\n`);
  return EXIT.ok;
}
