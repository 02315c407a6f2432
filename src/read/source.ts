// Opening an input file: decide what it is from its bytes (not its name) and hand back its
// sheets as rows of raw cell values. CSV/TSV/TXT and .xlsx; anything else is "unreadable".
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CellValue } from '../core/types.js';
import { EXIT, ThiduaError, unreadableError } from '../core/errors.js';

/** One row as the spreadsheet shows it: 1-based row number, cells from column A. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

export interface RawSheet {
  name: string;
  rows: AsyncIterable<RawRow> | Iterable<RawRow>;
}

export interface SourceFile {
  path: string;
  format: 'xlsx' | 'csv';
  encoding: string | null; // for text files
  delimiter: string | null;
  sha256: string;
  size: number;
  sheets: RawSheet[];
  hiddenSheets: string[];
  /** What the reader noticed and the user should hear about (content not matching the name…). */
  notes: { vi: string; en: string }[];
}

export interface ReadLimits {
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 200 * 1024 * 1024 };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

export async function openSource(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<SourceFile> {
  const name = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw unreadableError(`Không mở được tệp ${path}: tệp không tồn tại hoặc không có quyền đọc.`, `Cannot open ${path}: it does not exist or cannot be read.`);
  }
  if (size > limits.maxFileBytes) {
    const mb = Math.round(limits.maxFileBytes / 1048576);
    throw unreadableError(`Tệp ${name} lớn hơn giới hạn ${mb} MB (--max-file-mb).`, `${name} is larger than the ${mb} MB limit (--max-file-mb).`);
  }
  if (size === 0) {
    throw new ThiduaError(EXIT.unreadable, { vi: `Tệp ${name} rỗng (0 byte): hãy xin đơn vị gửi lại.`, en: `${name} is empty (0 bytes): ask the district to send it again.` }, 'empty-file');
  }
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { path, sha256, size, notes: [] as SourceFile['notes'] };
  const lower = name.toLowerCase();
  if (startsWith(bytes, OLE2)) {
    throw unreadableError(
      `Tệp ${name} là bảng tính Excel 97–2003 (.xls) hoặc tệp Excel có mật khẩu: hãy mở bằng Excel/LibreOffice, bỏ mật khẩu nếu có, và lưu lại dạng .xlsx.`,
      `${name} is an Excel 97–2003 (.xls) or password-protected workbook: open it in Excel/LibreOffice, remove any password, and save it as .xlsx.`,
    );
  }
  if (startsWith(bytes, ZIP)) {
    const { readXlsx } = await import('./xlsx.js');
    const file = await readXlsx(bytes, { ...base, format: 'xlsx', encoding: null, delimiter: null });
    if (!/\.xlsx$|\.xlsm$/.test(lower)) file.notes.push({ vi: `Tệp ${name} thực chất là bảng tính .xlsx; đã đọc theo nội dung.`, en: `${name} is really an .xlsx workbook; read by its content.` });
    return file;
  }
  const { readDelimited } = await import('./csv.js');
  const file = readDelimited(bytes, { ...base, format: 'csv' });
  if (/\.(xlsx|xlsm|xls|ods)$/.test(lower)) file.notes.push({ vi: `Tệp ${name} mang đuôi bảng tính nhưng là văn bản (CSV); đã đọc theo nội dung.`, en: `${name} has a spreadsheet extension but is text (CSV); read by its content.` });
  return file;
}
