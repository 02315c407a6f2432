// Looking inside a zip before any reader sees it. The central directory says what the archive
// holds and how big each entry becomes: a workbook whose entries add up past the limit (a zip
// bomb, or a sheet of millions of rows) is refused before anything is inflated; every listed
// entry is then checked against its local header (same name, method and sizes), inflated no
// further than it declares, and compared with its CRC. The reader is fed only those checked
// entries, repacked uncompressed: bytes hidden between the entries, which some readers would
// find by walking local headers, are never read — thidua sees what Excel shows.
import zlib from 'node:zlib';
import { unreadableError } from '../core/errors.js';
import { LIMIT_FLAGS, megabytes, type ReadLimits } from './limits.js';

export interface ZipEntry {
  name: string;
  /** the name's bytes as stored, to compare with the local header */
  rawName: Buffer;
  method: number;
  flags: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(name: string, why: string, whyEn: string) {
  return unreadableError(
    `Tệp ${name} bị hỏng hoặc tải về chưa hết (${why}): hãy xin đơn vị gửi lại, hoặc mở bằng Excel và lưu lại.`,
    `${name} is corrupt or incompletely downloaded (${whyEn}): ask the district to send it again, or open it in Excel and save it again.`,
  );
}

function abnormal(name: string, why: string, whyEn: string) {
  return unreadableError(
    `Tệp ${name} có cấu trúc zip bất thường (${why}) nên không được mở: hãy xin đơn vị gửi lại tệp lưu trực tiếp từ Excel.`,
    `${name} has an abnormal zip structure (${whyEn}) so it was not opened: ask the district for a copy saved directly from Excel.`,
  );
}

/** Where the end-of-central-directory record starts, or -1. */
function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The entries listed in the central directory. */
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
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const flags = buf.readUInt16LE(p + 8);
    entries.push({
      // Some Windows tools write "xl\\workbook.xml": the same part as "xl/workbook.xml".
      name: rawName.toString('utf8').replaceAll('\\', '/'),
      rawName,
      method: buf.readUInt16LE(p + 10),
      flags,
      encrypted: (flags & 1) === 1,
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + skip;
  }
  return entries;
}

function tooBig(name: string, what: string, whatEn: string, limit: number) {
  return unreadableError(
    `Tệp ${name}: ${what}, vượt giới hạn ${megabytes(limit)}; tệp không được mở để tránh treo máy, nếu tệp là thật hãy chạy lại với ${LIMIT_FLAGS.maxInflatedBytes} lớn hơn.`,
    `${name}: ${whatEn}, over the ${megabytes(limit)} limit; it was not opened, and if the file is genuine, run again with a larger ${LIMIT_FLAGS.maxInflatedBytes}.`,
  );
}

/** Checks that concern the directory alone: passwords, total size, duplicate names. */
export function checkDirectory(entries: ZipEntry[], name: string, limits: ReadLimits): void {
  if (entries.some((e) => e.encrypted)) throw unreadableError(`Tệp ${name} được nén có mật khẩu: hãy xin đơn vị gửi bản không đặt mật khẩu.`, `${name} is a password-protected zip: ask the district for a copy without a password.`);
  const total = entries.reduce((a, e) => a + e.size, 0);
  if (total > limits.maxInflatedBytes) {
    const biggest = entries.reduce((a, e) => (e.size > a.size ? e : a));
    throw tooBig(name, `khi giải nén sẽ chiếm ${megabytes(total)} (riêng ${biggest.name}: ${megabytes(biggest.size)})`, `it inflates to ${megabytes(total)} (${biggest.name} alone: ${megabytes(biggest.size)})`, limits.maxInflatedBytes);
  }
  const seen = new Set<string>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw abnormal(name, `phần ${e.name} có hai lần trong mục lục`, `${e.name} is listed twice`);
    seen.add(key);
  }
}

const crc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;

/** One listed entry, checked against its local header and inflated to exactly its declared size. */
function inflateEntry(buf: Buffer, e: ZipEntry, name: string): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw corrupt(name, `phần ${e.name} bị thiếu`, `${e.name} is missing`);
  const nameLen = buf.readUInt16LE(p + 26);
  const start = p + 30 + nameLen + buf.readUInt16LE(p + 28);
  if (!buf.subarray(p + 30, p + 30 + nameLen).equals(e.rawName) || buf.readUInt16LE(p + 8) !== e.method) {
    throw abnormal(name, `phần ${e.name} không khớp với mục lục`, `${e.name} does not match the directory`);
  }
  const localSizes = [buf.readUInt32LE(p + 18), buf.readUInt32LE(p + 22)];
  const deferred = (buf.readUInt16LE(p + 6) & 8) === 8 && localSizes[0] === 0 && localSizes[1] === 0;
  if (!deferred && (localSizes[0] !== e.compressedSize || localSizes[1] !== e.size)) {
    throw abnormal(name, `kích thước phần ${e.name} không khớp với mục lục`, `the sizes of ${e.name} do not match the directory`);
  }
  if (start + e.compressedSize > buf.length) throw corrupt(name, `phần ${e.name} bị cắt cụt`, `${e.name} is truncated`);
  const data = buf.subarray(start, start + e.compressedSize);
  let out: Buffer;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt(name, `kích thước ${e.name} không khớp`, `${e.name} has inconsistent sizes`);
    out = data;
  } else if (e.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      // Past its declared size: a damaged entry if it stops soon after, a zip bomb if it goes on.
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' && !inflatesPast(data, Math.max(1 << 20, e.size * 100))) {
        throw corrupt(name, `phần ${e.name} giải nén ra khác kích thước ghi trong mục lục`, `${e.name} does not inflate to the size its directory declares`);
      }
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw unreadableError(
          `Tệp ${name} bị hỏng hoặc bị làm giả: phần ${e.name} giải nén ra nhiều hơn kích thước ghi trong mục lục tệp (dấu hiệu "bom zip") nên tệp không được mở, hãy xin đơn vị gửi lại tệp lưu trực tiếp từ Excel.`,
          `${name} is damaged or crafted: ${e.name} inflates past the size the archive's directory declares (a zip bomb) so it was not opened; ask the district for a copy saved directly from Excel.`,
        );
      }
      throw corrupt(name, `dữ liệu nén của ${e.name} hỏng`, `the compressed data of ${e.name} is broken`);
    }
    if (out.length !== e.size) throw corrupt(name, `dữ liệu nén của ${e.name} hỏng`, `the compressed data of ${e.name} is broken`);
  } else {
    throw corrupt(name, `kiểu nén ${e.method} không hỗ trợ`, `unsupported compression method ${e.method}`);
  }
  return out;
}

/** Whether raw deflate data inflates to more than `cap` bytes (stops counting there). */
function inflatesPast(data: Buffer, cap: number): boolean {
  try {
    zlib.inflateRawSync(data, { maxOutputLength: cap });
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}

const crcHolds = (e: ZipEntry, data: Buffer) => !crc32 || (crc32(data) >>> 0) === e.crc;

/** Every listed entry, checked and inflated, by name. */
export function checkedEntries(buf: Buffer, entries: ZipEntry[], name: string): Map<string, { entry: ZipEntry; data: Buffer }> {
  const out = new Map<string, { entry: ZipEntry; data: Buffer }>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue; // a folder
    out.set(e.name, { entry: e, data: inflateEntry(buf, e, name) });
  }
  // Checksums last: an entry that lies about its size says more about the file than a bad CRC.
  for (const { entry, data } of out.values()) {
    if (!crcHolds(entry, data)) throw corrupt(name, `mã kiểm tra CRC của ${entry.name} sai`, `the CRC of ${entry.name} is wrong`);
  }
  return out;
}

/** A new archive of the given entries, stored uncompressed (CRCs as checked). */
export function storedZip(parts: Iterable<{ entry: ZipEntry; data: Buffer }>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const { entry, data } of parts) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags & 0x800, 6); // keep only the UTF-8 name flag
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(entry.flags & 0x800, 8);
    cd.writeUInt32LE(entry.crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
    count++;
  }
  const cdSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
