// Telling apart the files that come in an OLE2 (Compound File) container: an Excel 97–2003
// workbook, a password-protected .xlsx (Office keeps the encrypted package in OLE2, with
// "EncryptionInfo" and "EncryptedPackage" streams), a Word .doc, or something else. Reads
// the directory through the FAT; falls back to looking for the stream names in the bytes.

export type Ole2Kind = 'xls' | 'encrypted' | 'doc' | 'other';

const END = 0xfffffffe;
const MAX_SECTORS = 1 << 20;

function sectorAt(buf: Buffer, id: number, size: number): Buffer | null {
  const start = (id + 1) * size;
  return start + size <= buf.length ? buf.subarray(start, start + size) : null;
}

/** Names of the directory entries, or null when the container's tables do not hold together. */
export function ole2Names(buf: Buffer): string[] | null {
  if (buf.length < 512) return null;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const fat: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = buf.readUInt32LE(0x4c + i * 4);
    if (id >= END) continue;
    const sector = sectorAt(buf, id, size);
    if (!sector) return null;
    for (let o = 0; o < size; o += 4) fat.push(sector.readUInt32LE(o));
  }
  const names: string[] = [];
  let id = buf.readUInt32LE(0x30);
  for (let steps = 0; id < END && steps < MAX_SECTORS; steps++) {
    const sector = sectorAt(buf, id, size);
    if (!sector) return names.length ? names : null;
    for (let o = 0; o + 128 <= size; o += 128) {
      const len = sector.readUInt16LE(o + 0x40);
      if (len >= 2 && len <= 64) names.push(sector.subarray(o, o + len - 2).toString('utf16le'));
    }
    id = id < fat.length ? fat[id] : END;
  }
  return names;
}

const has = (buf: Buffer, name: string) => buf.includes(Buffer.from(name, 'utf16le'));

export function ole2Kind(buf: Buffer): Ole2Kind {
  const names = ole2Names(buf);
  const found = (n: string) => (names ? names.some((x) => x.toLowerCase() === n.toLowerCase()) : has(buf, n));
  if (found('EncryptedPackage') || found('EncryptionInfo')) return 'encrypted';
  if (found('Workbook') || found('Book')) return 'xls';
  if (found('WordDocument')) return 'doc';
  return 'other';
}
