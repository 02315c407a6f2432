// Listing the inputs: files named, and every file inside folders named (recursively, in name
// order). Nothing in a folder goes unmentioned: spreadsheets are read, other documents (Word,
// PDF, pictures, archives) are named as not read, and only system clutter (Office lock files,
// .DS_Store, Thumbs.db) is passed over, with a note.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { usageError } from '../core/errors.js';

/** What can be read as a table (by content: a wrongly named file is still opened and checked). */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xlsb|xls|ods|csv|tsv|txt)$/i;

/** Files a computer leaves beside documents: not sent by anyone. */
const CLUTTER = /^(~\$.*|\.~lock\..*#|\.ds_store|thumbs\.db|desktop\.ini|\._.*)$/i;

export interface InputFile {
  path: string;
  /** named on the command line (not found in a folder) */
  explicit: boolean;
  /** not a spreadsheet (by its name): listed, never read */
  document: boolean;
  /** the folder named and those below it down to the file, nearest last ("Ke Sach" in ho-so/Ke Sach/x.pdf) */
  folders: string[];
}

export interface InputList {
  files: InputFile[];
  /** clutter passed over, with the note the output gives */
  ignored: string[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function walk(dir: string, folders: string[], out: InputList): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) await walk(full, [...folders, e.name], out);
      continue;
    }
    if (!e.isFile()) continue;
    if (CLUTTER.test(e.name) || e.name.startsWith('.')) out.ignored.push(full);
    else out.files.push({ path: full, explicit: false, document: !SPREADSHEET.test(e.name), folders });
  }
}

/** Files named, and every file inside the folders named. */
export async function listInputs(paths: string[]): Promise<InputList> {
  const out: InputList = { files: [], ignored: [] };
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      throw usageError(`Không tìm thấy "${p}".`, `"${p}" does not exist.`);
    }
    // The folder named counts too: "thidua validate 'ho-so/Ke Sach'" names the district.
    if (st.isDirectory()) await walk(p, [basename(resolve(p))], out);
    else out.files.push({ path: p, explicit: true, document: false, folders: [] });
  }
  return out;
}

const KINDS: [RegExp, string, string][] = [
  [/^\.(docx?|odt|rtf)$/i, 'văn bản Word', 'a Word document'],
  [/^\.pdf$/i, 'tệp PDF', 'a PDF'],
  [/^\.(jpe?g|png|gif|bmp|tiff?|heic|webp)$/i, 'hình ảnh', 'a picture'],
  [/^\.(zip|rar|7z|gz|tar)$/i, 'tệp nén', 'an archive'],
  [/^\.(pptx?|odp)$/i, 'bản trình chiếu', 'a presentation'],
];

/** "văn bản Word" / "a Word document", from the file's name. */
export function documentKind(path: string): { vi: string; en: string } {
  const ext = extname(path);
  for (const [re, vi, en] of KINDS) if (re.test(ext)) return { vi, en };
  return { vi: `tệp ${ext || 'không có đuôi'}`, en: `a ${ext || 'extension-less'} file` };
}

export function ignoredNote(path: string): { vi: string; en: string } {
  const name = basename(path);
  return { vi: `Bỏ qua ${name}: tệp tạm hoặc tệp hệ thống, không phải hồ sơ.`, en: `Ignored ${name}: a lock or system file, not a submission.` };
}
