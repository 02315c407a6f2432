// Opening an input file: decide what it is from its bytes (not its name) and hand back its
// sheets as rows of raw cell values. CSV/TSV/TXT and .xlsx; .xls/.ods through LibreOffice
// with --convert; anything else is "unreadable", with a sentence saying what it is instead.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CellValue } from '../core/types.js';
import { EXIT, ThiduaError, unreadableError } from '../core/errors.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, megabytes, type ReadLimits } from './limits.js';
import { ole2Kind } from './ole2.js';
import { zipEntries } from './zip.js';

export { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/** One row as the spreadsheet shows it: 1-based row number, cells from column A. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

/** Something a reader noticed in a sheet and repaired or skipped; it becomes an issue. */
export interface ReadProblem {
  code: 'bad-line' | 'line-repaired' | 'legacy-encoding-converted' | 'cell-too-long';
  row: number | null;
  /** 0-based column */
  column: number | null;
  value: string | null;
  params: Record<string, string | number>;
}

export interface RawSheet {
  name: string;
  rows: AsyncIterable<RawRow> | Iterable<RawRow>;
  /** filled while `rows` is read */
  problems?: ReadProblem[];
  /** problems counted but not kept, over the reader's cap (a file of a million bad lines) */
  omittedProblems?: Partial<Record<ReadProblem['code'], number>>;
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

/** Compressed size under which a workbook of several sheets is loaded whole rather than streamed. */
const SMALL_WORKBOOK_BYTES = 256 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function sizeOf(path: string, name: string, limits: ReadLimits): number {
  let size: number;
  let st;
  try {
    st = statSync(path);
    size = st.size;
  } catch (e) {
    throw cannotRead(path, e);
  }
  if (st.isDirectory()) throw unreadableError(`Không đọc được thư mục ${path}: không liệt kê được các tệp trong đó.`, `Cannot read the folder ${path}: its files cannot be listed.`);
  // A pipe or a device would block the read for ever (or never end): only regular files are read.
  if (!st.isFile()) throw unreadableError(`${path} không phải một tệp thường (ống dẫn, thiết bị hay socket): hãy lưu bảng tính thành tệp rồi chỉ ra tệp đó.`, `${path} is not a regular file (a pipe, device or socket): save the spreadsheet as a file and give that.`);
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw cannotRead(path, e);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { path, sha256, size, notes: [] as SourceFile['notes'] };
  const lower = name.toLowerCase();
  if (startsWith(bytes, OLE2)) {
    const { openOle2 } = await import('./legacyFormats.js');
    return openOle2(path, bytes, ole2Kind(bytes), base, limits);
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (limits.convert && bytes.includes('application/vnd.oasis.opendocument.spreadsheet')) {
      const { convertAndRead } = await import('./legacyFormats.js');
      return convertAndRead(path, base, limits, { vi: 'bảng tính LibreOffice (.ods)', en: 'a LibreOffice spreadsheet (.ods)' });
    }
    // Large workbooks stream row by row (falling back to the full reader for legacy-font text and
    // formula errors). The stream reopens the archive once per sheet, so a small workbook of
    // several sheets — a district's usual submission — loads faster whole.
    const fileBase = { ...base, format: 'xlsx' as const, encoding: null, delimiter: null };
    const file = bytes.length <= SMALL_WORKBOOK_BYTES && sheetEntries(bytes, name) > 1
      ? await (await import('./xlsx.js')).readXlsx(bytes, fileBase, limits)
      : await (await import('./xlsxStream.js')).readXlsxStream(bytes, fileBase, limits);
    if (!/\.xlsx$|\.xlsm$/.test(lower)) file.notes.push({ vi: `Tệp ${name} thực chất là bảng tính .xlsx; đã đọc theo nội dung.`, en: `${name} is really an .xlsx workbook; read by its content.` });
    return file;
  }
  if (startsWith(bytes, PDF)) {
    throw unreadableError(`Tệp ${name} là tệp PDF, không phải bảng tính: hãy xin đơn vị gửi tệp Excel (.xlsx).`, `${name} is a PDF, not a spreadsheet: ask the district for the Excel (.xlsx) file.`);
  }
  const { readDelimited } = await import('./csv.js');
  const file = readDelimited(bytes, { ...base, format: 'csv' }, limits);
  if (/\.(xlsx|xlsm|xls|ods)$/.test(lower)) file.notes.push({ vi: `Tệp ${name} mang đuôi bảng tính nhưng là văn bản (CSV); đã đọc theo nội dung.`, en: `${name} has a spreadsheet extension but is text (CSV); read by its content.` });
  return file;
}

/** A system error opening or reading a file, as a sentence: this file's answer, not the run's end. */
function cannotRead(path: string, e: unknown): ThiduaError {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return unreadableError(`Không có quyền đọc tệp ${path} (${code}): hãy cấp quyền đọc hoặc chép tệp sang thư mục khác.`, `No permission to read ${path} (${code}): grant read access or copy the file elsewhere.`);
  if (code === 'ENOENT') return unreadableError(`Không tìm thấy tệp ${path} (có thể đã bị xóa hoặc đổi tên trong lúc đọc).`, `${path} was not found (it may have been deleted or renamed meanwhile).`);
  return unreadableError(`Không đọc được tệp ${path}${code ? ` (${code})` : ''}.`, `Cannot read ${path}${code ? ` (${code})` : ''}.`);
}

/** How many worksheets a workbook's zip directory lists (0 when the directory cannot be read). */
function sheetEntries(bytes: Buffer, name: string): number {
  try {
    return zipEntries(bytes, name).filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).length;
  } catch {
    return 0; // the streaming reader's own checks will say what is wrong
  }
}
