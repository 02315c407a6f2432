// `validate --annotate DIR`: one marked-up .xlsx per readable input, written atomically.
import { basename, join } from 'node:path';
import type { Lang } from '../core/types.js';
import type { ValidationRun } from '../validate/run.js';
import { annotatedWorkbook } from '../render/annotate.js';
import { writeOutputs, type Output } from '../write/atomic.js';

export function annotatedName(path: string): string {
  return `${basename(path).replace(/\.[^.]+$/, '')}.kiem-tra.xlsx`;
}

export async function writeAnnotated(run: ValidationRun, dir: string, force: boolean, lang: Lang): Promise<string[]> {
  const outputs: Output[] = [];
  for (const f of run.files) {
    if (f.unreadable || f.document) continue;
    outputs.push({ path: join(dir, annotatedName(f.path)), data: await annotatedWorkbook(f, lang) });
  }
  await writeOutputs(outputs, force);
  return outputs.map((o) => o.path);
}
