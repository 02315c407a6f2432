// Files in formats the tool does not read itself: Excel 97–2003 (.xls), password-protected
// workbooks, Word .doc and LibreOffice .ods. Each gets a sentence saying what it is and how
// to resave it; .xls and .ods are converted through LibreOffice when --convert asks for it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unreadableError } from '../core/errors.js';
import type { ReadLimits } from './limits.js';
import type { Ole2Kind } from './ole2.js';
import type { SourceFile } from './source.js';
import { convertToXlsx, findSoffice } from './convert.js';

type Base = Pick<SourceFile, 'path' | 'sha256' | 'size' | 'notes'>;

const RESAVE = {
  vi: 'mở bằng Excel hoặc LibreOffice và chọn Lưu thành… → "Sổ làm việc Excel (.xlsx)"',
  en: 'open it in Excel or LibreOffice and use Save As… → "Excel Workbook (.xlsx)"',
};

function sofficeHint(): { vi: string; en: string } {
  return findSoffice()
    ? { vi: ', hoặc chạy lại với --convert để LibreOffice chuyển đổi tự động', en: ', or run again with --convert to let LibreOffice convert it' }
    : { vi: '', en: '' };
}

/** Converts an .xls or .ods to a temporary .xlsx and reads that; the copy is removed afterwards. */
export async function convertAndRead(path: string, base: Base, limits: ReadLimits, what: { vi: string; en: string }): Promise<SourceFile> {
  const name = basename(path);
  const soffice = findSoffice();
  if (!soffice) {
    throw unreadableError(`Tệp ${name} là ${what.vi}; không tìm thấy LibreOffice (soffice) để chuyển đổi: hãy ${RESAVE.vi}.`, `${name} is ${what.en}; LibreOffice (soffice) was not found to convert it: ${RESAVE.en}.`);
  }
  const converted = await convertToXlsx(path, soffice);
  if (!converted) {
    throw unreadableError(`Tệp ${name} là ${what.vi}; LibreOffice không chuyển đổi được (tệp hỏng?): hãy ${RESAVE.vi}.`, `${name} is ${what.en}; LibreOffice could not convert it (is it corrupt?): ${RESAVE.en}.`);
  }
  try {
    const bytes = await readFile(converted.path);
    const { readXlsx } = await import('./xlsx.js');
    const file = await readXlsx(bytes, { ...base, format: 'xlsx', encoding: null, delimiter: null }, limits);
    file.notes.push({ vi: `Tệp ${name} (${what.vi}) đã được LibreOffice chuyển sang .xlsx tạm thời để đọc; tệp gốc không bị sửa.`, en: `${name} (${what.en}) was converted to a temporary .xlsx by LibreOffice to be read; the original is untouched.` });
    return file;
  } finally {
    await converted.cleanup();
  }
}

export async function openOle2(path: string, _bytes: Buffer, kind: Ole2Kind, base: Base, limits: ReadLimits): Promise<SourceFile> {
  const name = basename(path);
  const xls = { vi: 'bảng tính Excel 97–2003 (.xls)', en: 'an Excel 97–2003 workbook (.xls)' };
  if (kind === 'xls' && limits.convert) return convertAndRead(path, base, limits, xls);
  if (kind === 'xls') {
    const h = sofficeHint();
    throw unreadableError(`Tệp ${name} là ${xls.vi}, định dạng cũ không đọc được: hãy ${RESAVE.vi}${h.vi}.`, `${name} is ${xls.en}, an old format that cannot be read: ${RESAVE.en}${h.en}.`);
  }
  if (kind === 'encrypted') {
    throw unreadableError(
      `Tệp ${name} là bảng tính Excel có đặt mật khẩu mở tệp: hãy xin đơn vị gửi bản không đặt mật khẩu (trong Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → xóa mật khẩu, rồi lưu lại).`,
      `${name} is a password-protected Excel workbook: ask the district for a copy without the password (in Excel: File → Info → Protect Workbook → Encrypt with Password → clear it, then save).`,
    );
  }
  if (kind === 'doc') throw unreadableError(`Tệp ${name} là văn bản Word (.doc), không phải bảng tính: hãy xin đơn vị gửi tệp Excel.`, `${name} is a Word document (.doc), not a workbook: ask the district for the Excel file.`);
  throw unreadableError(`Tệp ${name} là tệp Office cũ (OLE2) nhưng không phải bảng tính: hãy ${RESAVE.vi}.`, `${name} is an old Office (OLE2) file but not a workbook: ${RESAVE.en}.`);
}
