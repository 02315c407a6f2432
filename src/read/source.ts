// Opening an input file: decide what it is from its bytes (not its name) and hand it to the
// reader of that format — workbooks of every kind to workbook.ts (SheetJS), text to csv.ts —
// or refuse it with one sentence saying what it is instead. The format readers are leaves:
// they import types.ts, never this module.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { EXIT, ThiduaError, unreadableError } from '../core/errors.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, megabytes, type ReadLimits } from './limits.js';
import { sniff } from './sniff.js';
import { ole2Refusal, pdf } from './refusals.js';
import type { SourceFile } from './types.js';

export { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
export type { RawRow, RawSheet, ReadProblem, SourceFile, SourceFormat } from './types.js';

function sizeOf(path: string, name: string, limits: ReadLimits): number {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new Error('directory');
    size = st.size;
  } catch {
    throw unreadableError(`Không mở được tệp ${path}: tệp không tồn tại hoặc không có quyền đọc.`, `Cannot open ${path}: it does not exist or cannot be read.`);
  }
  if (size > limits.maxFileBytes) {
    throw unreadableError(`Tệp ${name} nặng ${megabytes(size)}, lớn hơn giới hạn ${megabytes(limits.maxFileBytes)} (${LIMIT_FLAGS.maxFileBytes}).`, `${name} is ${megabytes(size)}, larger than the ${megabytes(limits.maxFileBytes)} limit (${LIMIT_FLAGS.maxFileBytes}).`);
  }
  if (size === 0) {
    throw new ThiduaError(EXIT.unreadable, { vi: `Tệp ${name} rỗng (0 byte): hãy xin đơn vị gửi lại.`, en: `${name} is empty (0 bytes): ask the district to send it again.` }, 'empty-file');
  }
  return size;
}

export async function openSource(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<SourceFile> {
  const name = basename(path);
  const size = sizeOf(path, name, limits);
  // Read in one go: a promise-based read of hundreds of small files mostly waits on the thread pool.
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { path, sha256, size, notes: [] as SourceFile['notes'] };
  const what = sniff(bytes);
  switch (what.kind) {
    case 'pdf':
      throw pdf(name);
    case 'ole2':
      if (what.ole2 !== 'xls') throw ole2Refusal(name, what.ole2);
      return (await import('./workbook.js')).readWorkbook(bytes, { kind: 'xls' }, base, limits);
    case 'biff':
      return (await import('./workbook.js')).readWorkbook(bytes, { kind: 'xls' }, base, limits);
    case 'zip':
    case 'html':
    case 'spreadsheetml':
      return (await import('./workbook.js')).readWorkbook(bytes, { kind: what.kind }, base, limits);
    case 'text': {
      const { readDelimited } = await import('./csv.js');
      const file = readDelimited(bytes, { ...base, format: 'csv' }, limits);
      if (/\.(xlsx|xlsm|xltx|xlsb|xls|ods)$/i.test(name)) file.notes.push({ vi: `Tệp ${name} mang đuôi bảng tính nhưng là văn bản (CSV); đã đọc theo nội dung.`, en: `${name} has a spreadsheet extension but is text (CSV); read by its content.` });
      return file;
    }
  }
}
