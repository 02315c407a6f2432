// One sentence for each kind of file that is not a spreadsheet thidua can read, in both
// languages, saying what the file is and what to do. No parser text: that is for --debug.
import { unreadableError, type Bilingual } from '../core/errors.js';
import type { Ole2Kind } from './ole2.js';
import type { SourceFormat } from './types.js';

export const RESAVE: Bilingual = {
  vi: 'mở bằng Excel hoặc LibreOffice và chọn Lưu thành… → "Sổ làm việc Excel (.xlsx)"',
  en: 'open it in Excel or LibreOffice and use Save As… → "Excel Workbook (.xlsx)"',
};

/** What each format is, as a message names it. */
export const FORMAT_LABEL: Record<SourceFormat, Bilingual> = {
  xlsx: { vi: 'bảng tính Excel (.xlsx)', en: 'an Excel workbook (.xlsx)' },
  xlsb: { vi: 'bảng tính Excel nhị phân (.xlsb)', en: 'a binary Excel workbook (.xlsb)' },
  xls: { vi: 'bảng tính Excel 97–2003 (.xls)', en: 'an Excel 97–2003 workbook (.xls)' },
  ods: { vi: 'bảng tính LibreOffice (.ods)', en: 'a LibreOffice spreadsheet (.ods)' },
  html: { vi: 'bảng HTML (trang web xuất ra dạng Excel)', en: 'an HTML table (a web page exported as Excel)' },
  xml: { vi: 'bảng tính XML của Excel 2003 (SpreadsheetML)', en: 'an Excel 2003 XML spreadsheet (SpreadsheetML)' },
  csv: { vi: 'tệp văn bản CSV', en: 'a CSV text file' },
};

/** A file of a known format that its reader could not make sense of. */
export function damaged(name: string, format: SourceFormat): Error {
  const what = FORMAT_LABEL[format];
  return unreadableError(
    `Tệp ${name} là ${what.vi} nhưng bị hỏng, không đọc được: hãy xin đơn vị gửi lại, hoặc ${RESAVE.vi}.`,
    `${name} is ${what.en} but is damaged and cannot be read: ask the district to send it again, or ${RESAVE.en}.`,
  );
}

export function htmlWithoutTable(name: string): Error {
  return unreadableError(`Tệp ${name} là một trang web (HTML) không có bảng số liệu nào: hãy xin đơn vị gửi tệp Excel.`, `${name} is a web page (HTML) with no table in it: ask the district for the Excel file.`);
}

export function pdf(name: string): Error {
  return unreadableError(`Tệp ${name} là tệp PDF, không phải bảng tính: hãy xin đơn vị gửi tệp Excel (.xlsx).`, `${name} is a PDF, not a spreadsheet: ask the district for the Excel (.xlsx) file.`);
}

/** A spreadsheet that needs a password to open (an encrypted .ods). */
export function passwordProtected(name: string): Error {
  return unreadableError(`Tệp ${name} là bảng tính có đặt mật khẩu mở tệp: hãy xin đơn vị gửi bản không đặt mật khẩu.`, `${name} is a password-protected spreadsheet: ask the district for a copy without the password.`);
}

/** An OLE2 container that is not an Excel 97–2003 workbook. */
export function ole2Refusal(name: string, kind: Exclude<Ole2Kind, 'xls'>): Error {
  if (kind === 'encrypted') {
    return unreadableError(
      `Tệp ${name} là bảng tính Excel có đặt mật khẩu mở tệp: hãy xin đơn vị gửi bản không đặt mật khẩu (trong Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → xóa mật khẩu, rồi lưu lại).`,
      `${name} is a password-protected Excel workbook: ask the district for a copy without the password (in Excel: File → Info → Protect Workbook → Encrypt with Password → clear it, then save).`,
    );
  }
  if (kind === 'doc') return unreadableError(`Tệp ${name} là văn bản Word (.doc), không phải bảng tính: hãy xin đơn vị gửi tệp Excel.`, `${name} is a Word document (.doc), not a workbook: ask the district for the Excel file.`);
  return unreadableError(`Tệp ${name} là tệp Office cũ (OLE2) nhưng không phải bảng tính: hãy ${RESAVE.vi}.`, `${name} is an old Office (OLE2) file but not a workbook: ${RESAVE.en}.`);
}

/** A zip that holds no workbook: say what it holds instead. */
export function zipNotWorkbook(name: string, names: string[], mimetype: string | null): Error {
  const has = new Set(names.map((n) => n.toLowerCase()));
  if (has.has('word/document.xml')) return unreadableError(`Tệp ${name} là văn bản Word (.docx), không phải bảng tính: hãy xin đơn vị gửi tệp Excel.`, `${name} is a Word document (.docx), not a workbook: ask the district for the Excel file.`);
  if (has.has('ppt/presentation.xml')) return unreadableError(`Tệp ${name} là tệp PowerPoint, không phải bảng tính: hãy xin đơn vị gửi tệp Excel.`, `${name} is a PowerPoint file, not a workbook: ask the district for the Excel file.`);
  if (mimetype?.includes('opendocument.text')) return unreadableError(`Tệp ${name} là văn bản LibreOffice (.odt), không phải bảng tính: hãy xin đơn vị gửi tệp Excel.`, `${name} is a LibreOffice text document (.odt), not a workbook: ask the district for the Excel file.`);
  if (mimetype?.includes('opendocument.spreadsheet')) return damaged(name, 'ods');
  const list = names.slice(0, 3).join(', ');
  return unreadableError(`Tệp ${name} là tệp nén zip nhưng không chứa bảng tính (có: ${list || 'không có gì'}): hãy giải nén, hoặc xin đơn vị gửi đúng tệp Excel.`, `${name} is a zip archive that holds no workbook (it holds: ${list || 'nothing'}): unzip it, or ask the district for the Excel file.`);
}
