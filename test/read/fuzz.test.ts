// Property tests of the readers against garbage: random bytes, and valid CSV and .xlsx files
// with bytes flipped, cut off or spliced in. Opening and reading every row may fail only with
// the tool's own ThiduaError (exit 3), validation never throws, and each file takes little time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { openSource, type RawRow } from '../../src/read/source.js';
import { ThiduaError } from '../../src/core/errors.js';
import { csvText, tcvn3, workbook, zoneRows } from '../../fixtures/build/bad/kit.js';
import { outcomeOf } from './corpusRun.js';

const TIME_BOUND_MS = 3_000;
let dir = '';
let n = 0;
let seeds: Record<string, Buffer> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-fuzz-'));
  const rows = zoneRows();
  seeds = { 'valid.xlsx': await workbook([{ rows }]), 'valid.csv': Buffer.from(csvText(rows), 'utf8'), 'tcvn3.csv': tcvn3(csvText(rows)) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens and reads every row; returns how it ended. */
async function readAll(bytes: Buffer, name: string): Promise<'ok' | 'refused'> {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, bytes);
  try {
    const src = await openSource(path);
    for (const s of src.sheets) for await (const _ of s.rows as AsyncIterable<RawRow>) void _;
    return 'ok';
  } catch (e) {
    if (e instanceof ThiduaError && e.exitCode === 3) return 'refused';
    throw e;
  }
}

type Mutation = { kind: 'flip'; at: number; byte: number } | { kind: 'cut'; at: number } | { kind: 'splice'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

function mutate(seed: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(seed);
  for (const m of ms) {
    const at = m.at % Math.max(1, b.length);
    if (m.kind === 'flip') b[at] = m.byte;
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
  }
  return b;
}

async function timed<T>(f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  expect(performance.now() - t).toBeLessThan(TIME_BOUND_MS);
  return r;
}

describe('readers against garbage', () => {
  it('random bytes under any name: read or refused, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.txt', 'a.xls'), async (bytes, name) => {
        await timed(() => readAll(Buffer.from(bytes), name));
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  for (const seedName of ['valid.xlsx', 'valid.csv', 'tcvn3.csv']) {
    it(`mutated ${seedName}: read or refused, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
          await timed(() => readAll(mutate(seeds[seedName], ms), seedName));
        }),
        { numRuns: seedName.endsWith('.xlsx') ? 120 : 150, seed: 2 },
      );
    });
  }

  it('a valid zip around mutated sheet XML (what exceljs itself parses): read or refused', async () => {
    const zip = await JSZip.loadAsync(seeds['valid.xlsx']);
    const parts = ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'].filter((p) => zip.file(p));
    const originals = Object.fromEntries(await Promise.all(parts.map(async (p) => [p, Buffer.from(await zip.file(p)!.async('uint8array'))] as const)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (part, ms) => {
        const z = await JSZip.loadAsync(seeds['valid.xlsx']);
        z.file(part, mutate(originals[part], ms));
        const bytes = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        await timed(() => readAll(bytes, 'inner.xlsx'));
      }),
      { numRuns: 150, seed: 4 },
    );
  });

  it('random CSV text with quotes, delimiters, NULs and line breaks: validation answers, never throws', async () => {
    const chars = fc.constantFrom('"', ';', ',', '\t', '\n', '\r', '\0', 'a', 'Xã', ' ', '1', '/');
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 400 }), async (parts) => {
        const path = join(dir, `${n++}-text.csv`);
        writeFileSync(path, parts.join(''));
        const o = await timed(() => outcomeOf(path));
        expect([0, 1, 3]).toContain(o.exitCode);
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});
