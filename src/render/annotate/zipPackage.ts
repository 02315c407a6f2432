// A workbook package edited in place: the entries its central directory lists (what Excel
// shows), each kept as its compressed bytes until someone changes it. Unchanged entries are
// copied byte for byte into the new archive; changed ones are deflated anew, streamed when big,
// so a large sheet is never held inflated in memory.
import * as zlib from 'node:zlib';
import { createDeflateRaw, createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { unreadableError } from '../../core/errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One entry as it will be written: its compressed bytes and what the headers need. */
export interface PackedEntry {
  name: string;
  method: number; // 0 stored, 8 deflated
  crc: number;
  compressed: Buffer;
  size: number;
  flags: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** zlib's own CRC-32 where Node has it (20.15+), ten times the speed of the table below. */
const nativeCrc = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/** CRC-32 continued over `buf` (start with 0). */
export function crc32(buf: Buffer, crc = 0): number {
  if (nativeCrc) return nativeCrc(buf, crc);
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function broken(name: string): Error {
  return unreadableError(`Không tạo được bản đánh dấu của ${name}: cấu trúc zip của tệp bất thường.`, `Cannot make the marked-up copy of ${name}: the file's zip structure is unusual.`);
}

/** Entries up to this size are inflated in one call; bigger ones only ever as a stream. */
const SMALL_ENTRY = 8 * 1024 * 1024;

export class WorkbookPackage {
  readonly entries = new Map<string, PackedEntry>();
  /** the order the entries had, new ones appended */
  readonly order: string[] = [];

  constructor(readonly fileName: string, private readonly maxInflated: number) {}

  /** Reads the central directory of `buf`; every listed entry, and only those. */
  static open(buf: Buffer, fileName: string, maxInflated: number): WorkbookPackage {
    const pkg = new WorkbookPackage(fileName, maxInflated);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
    if (eocd < 0) throw broken(fileName);
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw broken(fileName);
      const nameLen = buf.readUInt16LE(p + 28);
      const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
      const local = buf.readUInt32LE(p + 42);
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw broken(fileName);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const compressedSize = buf.readUInt32LE(p + 20);
      if (start + compressedSize > buf.length) throw broken(fileName);
      const size = buf.readUInt32LE(p + 24);
      total += size;
      if (total > maxInflated) throw broken(fileName);
      pkg.put({ name, method: buf.readUInt16LE(p + 10), crc: buf.readUInt32LE(p + 16), compressed: buf.subarray(start, start + compressedSize), size, flags: buf.readUInt16LE(p + 8) & 0x0800 });
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return pkg;
  }

  private put(e: PackedEntry): void {
    if (!this.entries.has(e.name)) this.order.push(e.name);
    this.entries.set(e.name, e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A small part (styles, workbook, rels…) as text; null when absent. Big parts are refused. */
  text(name: string): string | null {
    const e = this.entries.get(name);
    if (!e) return null;
    if (e.size > SMALL_ENTRY) throw broken(this.fileName);
    if (e.method === 0) return e.compressed.toString('utf8');
    if (e.method !== 8) throw broken(this.fileName);
    return inflateRawSync(e.compressed, { maxOutputLength: Math.max(1, e.size) }).toString('utf8');
  }

  /** Replaces or adds a part with the given text. */
  setText(name: string, text: string): void {
    const data = Buffer.from(text, 'utf8');
    this.put({ name, method: 8, crc: crc32(data), compressed: deflateRawSync(data, { level: 6 }), size: data.length, flags: 0x0800 });
  }

  /** The first `bytes` characters of a part, inflating no more than needed. */
  async head(name: string, bytes: number): Promise<string> {
    const e = this.entries.get(name);
    if (!e) return '';
    if (e.method === 0) return e.compressed.subarray(0, bytes).toString('utf8');
    const out: Buffer[] = [];
    let got = 0;
    await new Promise<void>((resolve) => {
      const z = createInflateRaw();
      z.on('data', (c: Buffer) => {
        out.push(c);
        got += c.length;
        if (got >= bytes) { z.destroy(); resolve(); }
      });
      z.on('error', () => resolve());
      z.on('close', () => resolve());
      z.on('end', () => resolve());
      z.end(e.compressed);
    });
    return Buffer.concat(out).subarray(0, bytes).toString('utf8');
  }

  /**
   * Rewrites a part as a stream of text: `edit` is called with each decoded chunk and returns
   * the text to write; `end` returns what follows the last chunk. Memory holds one chunk.
   */
  async transform(name: string, edit: (chunk: string) => string, end: () => string): Promise<void> {
    const e = this.entries.get(name);
    if (!e) throw broken(this.fileName);
    const { fileName, maxInflated } = this;
    async function* chunks(): AsyncGenerator<string> {
      const decoder = new StringDecoder('utf8');
      let inflated = 0;
      const pieces: AsyncIterable<Buffer> | Buffer[] = e!.method === 0 ? [e!.compressed] : e!.method === 8 ? createInflateRaw().end(e!.compressed) : [];
      if (e!.method !== 0 && e!.method !== 8) throw broken(fileName);
      try {
        for await (const chunk of pieces) {
          inflated += chunk.length;
          if (inflated > Math.max(e!.size, 1) || inflated > maxInflated) throw broken(fileName);
          yield edit(decoder.write(chunk));
        }
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('Z_')) throw broken(fileName);
        throw err;
      }
      yield edit(decoder.end());
      yield end();
    }
    await this.writeStream(name, chunks());
  }

  /** Adds or replaces a part from pieces of text, deflating as they come. */
  async writeStream(name: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
    // Streamed parts are the big ones (sheets): a fast level, a little larger.
    const deflate = createDeflateRaw({ level: 3 });
    const compressed: Buffer[] = [];
    let crc = 0;
    let size = 0;
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('data', (c: Buffer) => compressed.push(c));
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = async () => {
      if (pendingLength === 0) return;
      const b = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
    };
    for await (const s of pieces) {
      if (!s) continue;
      pending.push(s);
      pendingLength += s.length;
      if (pendingLength >= 256 * 1024) await flush();
    }
    await flush();
    deflate.end();
    await done;
    this.put({ name, method: 8, crc, compressed: Buffer.concat(compressed), size, flags: 0x0800 });
  }

  /** The archive: local entries in order, then the central directory. Dates are fixed (1980-01-01). */
  bytes(): Buffer {
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    const DOS_DATE = (0 << 9) | (1 << 5) | 1;
    for (const name of this.order) {
      const e = this.entries.get(name)!;
      const nameBuf = Buffer.from(name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.flags, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(0, 10);
      local.writeUInt16LE(DOS_DATE, 12);
      local.writeUInt32LE(e.crc, 14);
      local.writeUInt32LE(e.compressed.length, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(nameBuf.length, 26);
      local.writeUInt16LE(0, 28);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(CENTRAL, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      local.copy(cd, 8, 6, 30); // flags, method, time, date, crc, sizes, name length
      cd.writeUInt16LE(0, 30);
      cd.writeUInt32LE(offset, 42);
      parts.push(local, nameBuf, e.compressed);
      central.push(cd, nameBuf);
      offset += 30 + nameBuf.length + e.compressed.length;
    }
    const cdSize = central.reduce((a, b) => a + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.order.length, 8);
    end.writeUInt16LE(this.order.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...parts, ...central, end]);
  }
}
