// Writing outputs whole or not at all: refuse to replace existing files without --force, write
// each to a temporary file beside its target, and rename only when all are written.
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { usageError, ThiduaError, EXIT } from '../core/errors.js';

export interface Output {
  path: string;
  data: Buffer | string;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

export async function writeOutputs(outputs: Output[], force: boolean): Promise<void> {
  if (!force) {
    const taken: string[] = [];
    for (const o of outputs) if (await exists(o.path)) taken.push(o.path);
    if (taken.length > 0) {
      throw usageError(
        `Tệp đã có, không ghi đè (thêm --force để thay): ${taken.join(', ')}`,
        `Files already exist and were not replaced (add --force to replace them): ${taken.join(', ')}`,
      );
    }
  }
  const temps: string[] = [];
  try {
    for (const o of outputs) {
      await mkdir(dirname(o.path), { recursive: true });
      const tmp = join(dirname(o.path), `.${basename(o.path)}.${process.pid}.tmp`);
      temps.push(tmp);
      await writeFile(tmp, o.data);
    }
    for (const [i, o] of outputs.entries()) await rename(temps[i], o.path);
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    if (e instanceof ThiduaError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new ThiduaError(EXIT.usage, {
      vi: `Không ghi được kết quả vào ${err.path ?? dirname(outputs[0]?.path ?? '.')}: ${err.code ?? err.message}. Hãy chọn thư mục khác (--out).`,
      en: `Cannot write output to ${err.path ?? dirname(outputs[0]?.path ?? '.')}: ${err.code ?? err.message}. Choose another folder (--out).`,
    });
  }
}
