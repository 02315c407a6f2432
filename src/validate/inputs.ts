// Listing the inputs: files named, and every file inside folders named (recursively, in name
// order). Nothing in a folder goes unmentioned: spreadsheets are read, other documents (Word,
// PDF, pictures, archives) are named as not read, and only system clutter (Office lock files,
// .DS_Store, Thumbs.db) is passed over, with a note.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { usageError } from '../core/errors.js';

/** What can be read as a table (by content: a wrongly named file is still opened and checked). */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xlsb|xls|ods|csv|tsv|txt)$/i;

/** Names thidua gives its outputs (written into the submissions folder by --out): documents, workbooks, the map, annotated copies. */
const OWN_OUTPUT = /^((phu-luc-ket-qua|danh-sach-ra-soat-khen-thuong)-\d{8}-\d{8}\.xlsx|(bao-cao-ket-qua|to-trinh-khen-thuong|du-thao-quyet-dinh-khen-thuong)-\d{8}-\d{8}\.docx|ban-do-vung-\d{8}-\d{8}\.png)$|\.kiem-tra\.xlsx$/i;

export const isOwnOutput = (path: string) => OWN_OUTPUT.test(basename(path));

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
  /** files named twice (or by two paths), read once: [the repeat, the first] */
  repeated: [string, string][];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function walk(dir: string, folders: string[], out: InputList): Promise<void> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  } catch {
    // a folder that cannot be listed: its own answer (unreadable), the others still read
    out.files.push({ path: dir, explicit: false, document: false, folders });
    return;
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) await walk(full, [...folders, e.name], out);
      continue;
    }
    // anything else (a link, a pipe) is listed too: its own answer says what it is, never silence
    if (CLUTTER.test(e.name) || e.name.startsWith('.') || isOwnOutput(e.name)) out.ignored.push(full);
    else out.files.push({ path: full, explicit: false, document: !SPREADSHEET.test(e.name), folders });
  }
}

/** Files named, and every file inside the folders named. */
export async function listInputs(paths: string[]): Promise<InputList> {
  const out: InputList = { files: [], ignored: [], repeated: [] };
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
  // the same file named twice, or by two paths (a link, "./a.csv" and "a.csv"), is read once
  const seen = new Map<string, string>();
  const files: InputFile[] = [];
  for (const f of out.files) {
    const key = await realpath(f.path).catch(() => resolve(f.path));
    const first = seen.get(key);
    if (first !== undefined) out.repeated.push([f.path, first]);
    else {
      seen.set(key, f.path);
      files.push(f);
    }
  }
  out.files = files;
  return out;
}

/** Why a file given was not read again. */
export function repeatedNote(path: string, first: string): { vi: string; en: string } {
  const again = first === path ? { vi: 'được chỉ ra hai lần', en: 'was given twice' } : { vi: `là cùng một tệp với ${first}`, en: `is the same file as ${first}` };
  return { vi: `${path} ${again.vi}; chỉ đọc và tính một lần.`, en: `${path} ${again.en}; it is read and counted once.` };
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
  if (isOwnOutput(name)) return { vi: `Bỏ qua ${path}: đây là kết quả do thidua lập, không phải hồ sơ của đơn vị.`, en: `Skipped ${path}: it is an output of thidua, not a submission.` };
  return { vi: `Bỏ qua ${name}: tệp tạm hoặc tệp hệ thống, không phải hồ sơ.`, en: `Ignored ${name}: a lock or system file, not a submission.` };
}
