// Looking inside a zip before anyone inflates it: the central directory says what the archive
// holds and how big each entry becomes. A workbook whose entries add up past the limit (a zip
// bomb, or a sheet of millions of rows) is refused here, before exceljs loads it; so is an
// archive that is truncated, is not a workbook (a .docx, an .ods, any other zip), or whose
// entries inflate to more than they declare.
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { unreadableError } from '../core/errors.js';
import { LIMIT_FLAGS, megabytes, type ReadLimits } from './limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(name: string, why: string, whyEn: string) {
  return unreadableError(
    `Tệp ${name} bị hỏng hoặc tải về chưa hết (${why}): hãy xin đơn vị gửi lại, hoặc mở bằng Excel và lưu lại thành .xlsx.`,
    `${name} is corrupt or incompletely downloaded (${whyEn}): ask the district to send it again, or open it in Excel and save it as .xlsx again.`,
  );
}

/** The entries listed in the central directory. */
/** Where the end-of-central-directory record starts, or -1. */
function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export function zipEntries(buf: Buffer, name: string): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt(name, 'không thấy mục lục cuối tệp zip', 'no zip end-of-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw corrupt(name, 'định dạng zip64 quá lớn', 'zip64 archive, too large');
  if (cdOffset + cdSize > eocd) throw corrupt(name, 'mục lục zip trỏ ra ngoài tệp', 'the zip directory points outside the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw corrupt(name, 'mục lục zip hỏng', 'broken zip directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      method: buf.readUInt16LE(p + 10),
      encrypted: (buf.readUInt16LE(p + 8) & 1) === 1,
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + skip;
  }
  return entries;
}

/**
 * The same archive with the named entries moved to the front, each entry's bytes as they were,
 * for a streaming reader that needs them before the rest (exceljs's WorkbookReader writes every
 * sheet met before the shared strings to a temporary file). The central directory is kept as
 * it was: a streaming reader does not use its offsets. An archive laid out in any unusual way
 * (data before the first entry, entries sharing bytes) comes back as it is.
 */
export function withEntriesFirst(buf: Buffer, entries: ZipEntry[], first: string[]): Buffer {
  const cd = buf.readUInt32LE(findEocd(buf) + 16);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  if (byOffset.length === 0 || byOffset[0].localOffset !== 0 || byOffset.some((e, i) => i > 0 && e.localOffset <= byOffset[i - 1].localOffset) || byOffset[byOffset.length - 1].localOffset >= cd) return buf;
  const spans = byOffset.map((e, i) => ({ name: e.name, at: i, start: e.localOffset, end: i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cd }));
  const rank = (n: string) => (first.includes(n) ? first.indexOf(n) : first.length);
  spans.sort((a, b) => rank(a.name) - rank(b.name) || a.at - b.at);
  return Buffer.concat([...spans.map((x) => buf.subarray(x.start, x.end)), buf.subarray(cd)]);
}

/** What a zip that is not a workbook is, for the message. */
function notWorkbook(name: string, entries: ZipEntry[], buf: Buffer): Error {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has('word/document.xml')) return unreadableError(`Tệp ${name} là văn bản Word (.docx), không phải bảng tính: hãy xin đơn vị gửi tệp Excel.`, `${name} is a Word document (.docx), not a workbook: ask the district for the Excel file.`);
  if (names.has('ppt/presentation.xml')) return unreadableError(`Tệp ${name} là tệp PowerPoint, không phải bảng tính.`, `${name} is a PowerPoint file, not a workbook.`);
  if (names.has('mimetype') && buf.includes('opendocument.spreadsheet')) {
    return unreadableError(`Tệp ${name} là bảng tính LibreOffice (.ods): hãy mở và lưu lại dạng .xlsx (Lưu thành… → Excel 2007-365), hoặc chạy lại với --convert.`, `${name} is a LibreOffice spreadsheet (.ods): open it and save it as .xlsx, or run again with --convert.`);
  }
  const list = entries.slice(0, 3).map((e) => e.name).join(', ');
  return unreadableError(`Tệp ${name} là tệp nén zip nhưng không phải bảng tính Excel (không có xl/workbook.xml; có: ${list || 'không có gì'}). Hãy giải nén hoặc xin đơn vị gửi đúng tệp .xlsx.`, `${name} is a zip archive but not an Excel workbook (no xl/workbook.xml; it holds: ${list || 'nothing'}). Unzip it or ask the district for the .xlsx file.`);
}

function tooBig(name: string, what: string, whatEn: string, limit: number) {
  return unreadableError(
    `Tệp ${name}: ${what}, vượt giới hạn ${megabytes(limit)}; tệp không được mở để tránh treo máy. Nếu tệp là thật, chạy lại với ${LIMIT_FLAGS.maxInflatedBytes} lớn hơn.`,
    `${name}: ${whatEn}, over the ${megabytes(limit)} limit; it was not opened. If the file is genuine, run again with a larger ${LIMIT_FLAGS.maxInflatedBytes}.`,
  );
}

/** Entries up to this size are inflated in one synchronous call: no round trip to the thread pool. */
const SYNC_INFLATE_BYTES = 4 * 1024 * 1024;

/** Inflates one entry, counting bytes and keeping none; fails past `declared` bytes. */
function inflatedSize(data: Buffer, declared: number): Promise<number | 'over' | 'broken'> | number | 'over' | 'broken' {
  if (declared <= SYNC_INFLATE_BYTES) {
    try {
      const n = inflateRawSync(data, { maxOutputLength: Math.max(1, declared) }).length;
      return n > declared ? 'over' : n;
    } catch (e) {
      return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'broken';
    }
  }
  return new Promise((resolve) => {
    let total = 0;
    const z = createInflateRaw();
    z.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > declared) {
        z.destroy();
        resolve('over');
      }
    });
    z.on('error', () => resolve('broken'));
    z.on('end', () => resolve(total));
    z.end(data);
  });
}

/** Refuses what must not reach exceljs; returns the entries of a workbook that may be loaded. */
export async function checkWorkbookZip(buf: Buffer, name: string, limits: ReadLimits): Promise<ZipEntry[]> {
  const entries = zipEntries(buf, name);
  if (!entries.some((e) => e.name.toLowerCase() === 'xl/workbook.xml')) throw notWorkbook(name, entries, buf);
  if (entries.some((e) => e.encrypted)) throw unreadableError(`Tệp ${name} được nén có mật khẩu: hãy xin đơn vị gửi bản không đặt mật khẩu.`, `${name} is a password-protected zip: ask the district for a copy without a password.`);
  const total = entries.reduce((a, e) => a + e.size, 0);
  if (total > limits.maxInflatedBytes) {
    const biggest = entries.reduce((a, e) => (e.size > a.size ? e : a));
    throw tooBig(name, `khi giải nén sẽ chiếm ${megabytes(total)} (riêng ${biggest.name}: ${megabytes(biggest.size)})`, `it inflates to ${megabytes(total)} (${biggest.name} alone: ${megabytes(biggest.size)})`, limits.maxInflatedBytes);
  }
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw corrupt(name, `phần ${e.name} bị thiếu`, `${e.name} is missing`);
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    if (start + e.compressedSize > buf.length) throw corrupt(name, `phần ${e.name} bị cắt cụt`, `${e.name} is truncated`);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(name, `kích thước ${e.name} không khớp`, `${e.name} has inconsistent sizes`);
      continue;
    }
    if (e.method !== 8) throw corrupt(name, `kiểu nén ${e.method} không hỗ trợ`, `unsupported compression method ${e.method}`);
    const got = await inflatedSize(buf.subarray(start, start + e.compressedSize), e.size);
    if (got === 'over') {
      throw unreadableError(
        `Tệp ${name} bị hỏng hoặc bị làm giả: phần ${e.name} giải nén ra nhiều hơn kích thước ghi trong mục lục tệp (dấu hiệu "bom zip"), nên tệp không được mở. Hãy xin đơn vị gửi lại tệp lưu trực tiếp từ Excel.`,
        `${name} is damaged or crafted: ${e.name} inflates past the size the archive's directory declares (a zip bomb), so it was not opened. Ask the district for a copy saved directly from Excel.`,
      );
    }
    if (got === 'broken' || got !== e.size) throw corrupt(name, `dữ liệu nén của ${e.name} hỏng`, `the compressed data of ${e.name} is broken`);
  }
  return entries;
}
