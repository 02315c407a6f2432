// The files a run reads, from the paths given: folders listed (recursively, in name order),
// the same file named twice read once, and thidua's own outputs (an appendix written into the
// submissions folder by --out) left out — each with a note, so nothing is dropped silently.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { usageError, type Bilingual } from '../core/errors.js';

const INPUT = /\.(xlsx|xlsm|xls|csv|tsv|txt)$/i;

/** Names thidua gives its own workbooks: the appendix, the clerk's list, annotated copies. */
const OWN_OUTPUT = /^(phu-luc-ket-qua|danh-sach-ra-soat-khen-thuong)-\d{8}-\d{8}\.xlsx$|\.kiem-tra\.xlsx$/i;

export const isOwnOutput = (path: string) => OWN_OUTPUT.test(basename(path));

export interface InputList {
  files: string[];
  notes: Bilingual[];
}

async function walk(p: string, out: string[], notes: Bilingual[], top: boolean): Promise<void> {
  let st;
  try {
    st = await stat(p);
  } catch {
    if (top) throw usageError(`Không tìm thấy "${p}".`, `"${p}" does not exist.`);
    out.push(p); // a broken link in a folder: the file's own answer says so
    return;
  }
  if (!st.isDirectory()) {
    out.push(p);
    return;
  }
  let entries;
  try {
    entries = await readdir(p, { withFileTypes: true });
  } catch {
    out.push(p); // a folder that cannot be listed: reported as unreadable, the others still read
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = join(p, e.name);
    if (e.isDirectory()) await walk(full, out, notes, false);
    else if (INPUT.test(e.name)) {
      if (isOwnOutput(e.name)) notes.push({ vi: `Bỏ qua ${full}: đây là kết quả do thidua lập, không phải hồ sơ của đơn vị.`, en: `Skipped ${full}: it is an output of thidua, not a submission.` });
      else out.push(full);
    }
  }
}

export async function listInputs(paths: string[]): Promise<InputList> {
  const listed: string[] = [];
  const notes: Bilingual[] = [];
  for (const p of paths) await walk(p, listed, notes, true);
  const seen = new Map<string, string>();
  const files: string[] = [];
  for (const f of listed) {
    const key = await realpath(f).catch(() => f);
    const first = seen.get(key);
    if (first !== undefined) {
      const again = first === f ? { vi: 'được chỉ ra hai lần', en: 'was given twice' } : { vi: `là cùng một tệp với ${first}`, en: `is the same file as ${first}` };
      notes.push({ vi: `${f} ${again.vi}; chỉ đọc và tính một lần.`, en: `${f} ${again.en}; it is read and counted once.` });
      continue;
    }
    seen.set(key, f);
    files.push(f);
  }
  return { files, notes };
}
