// Reading a JSON file that people edit by hand: a UTF-8 BOM (Notepad adds one) is accepted, and
// a syntax error is located by line and column without echoing the file's bytes (the file may
// not be the tool's own, and its text does not belong in a terminal or a log).
import type { Bilingual } from './errors.js';

/** The parsed value, or the error's location in both languages. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; where: Bilingual } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return { ok: false, where: jsonErrorWhere(body, (e as Error).message) };
  }
}

function jsonErrorWhere(text: string, message: string): Bilingual {
  const at = /at position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { vi: `lỗi cú pháp ở dòng ${line}, cột ${column}`, en: `syntax error at line ${line}, column ${column}` };
  }
  if (/end of JSON/i.test(message)) return { vi: 'tệp kết thúc giữa chừng', en: 'the file ends too early' };
  if (text.trim() === '') return { vi: 'tệp trống', en: 'the file is empty' };
  // V8 names the token and quotes the start of the text; only a printable ASCII token is shown
  const token = /^Unexpected token '([!-~])'/.exec(message)?.[1];
  if (token) return { vi: `ký tự '${token}' không đúng chỗ`, en: `unexpected character '${token}'` };
  return { vi: 'không bắt đầu bằng một đối tượng JSON', en: 'it does not start as JSON' };
}
