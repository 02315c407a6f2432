// Reading files on every core: files are independent until the cross-file checks, so a small
// pool of worker threads runs validateFile on them, and the outcomes are put back in the order
// of the files, the same as one thread gives (checked by test/cli/workers.test.ts). The pool
// runs only from the built JavaScript (a worker cannot load the TypeScript sources).
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ThiduaError } from '../core/errors.js';
import type { Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import type { ReadLimits } from '../read/limits.js';
import { AssessmentStore, type StoreData } from './assessment.js';
import type { FileOutcome } from './file.js';
import type { Window } from './resolve.js';
import type { Attribution } from './attribution.js';

/** Below this much input the threads' start-up (~0.1 s each) costs more than they save. */
const AUTO_MIN_BYTES = 8 * 1024 * 1024;

/**
 * How many threads read files: THIDUA_WORKERS=0 or 1 turns the pool off, N asks for N threads
 * whatever the size of the input; unset, one per core (at most 4) once the input is large.
 */
export function workersFromEnv(env: NodeJS.ProcessEnv = process.env): { count: number; forced: boolean } {
  const v = env.THIDUA_WORKERS?.trim();
  if (v === undefined || v === '') return { count: Math.min(availableParallelism(), 4), forced: false };
  const n = Number(v);
  return { count: Number.isInteger(n) && n > 1 ? Math.min(n, 16) : 0, forced: true };
}

export interface PoolJob {
  plan: Plan;
  registry: Registry;
  window: Window;
  forcedDistrict: string | null;
  limits?: ReadLimits;
}

/** What a worker sends back: the outcome, its rows as plain columns. */
export type WireOutcome = Omit<FileOutcome, 'assessments'> & { assessments: StoreData };

export type WireError = { thidua: true; exitCode: number; text: { vi: string; en: string }; issueCode?: string } | { thidua: false; message: string; stack?: string };

const WORKER = fileURLToPath(new URL('./poolWorker.js', import.meta.url));

/** The number of threads to use for these files: 0 when one thread is better. */
export async function poolSize(files: string[], workers: { count: number; forced: boolean } | undefined): Promise<number> {
  if (!workers || workers.count < 2 || files.length < 2 || !existsSync(WORKER)) return 0;
  if (!workers.forced) {
    let bytes = 0;
    for (const f of files) bytes += (await stat(f).catch(() => ({ size: 0 }))).size;
    if (bytes < AUTO_MIN_BYTES) return 0;
  }
  return Math.min(workers.count, files.length);
}

function rethrow(e: WireError): never {
  if (e.thidua) throw new ThiduaError(e.exitCode as ConstructorParameters<typeof ThiduaError>[0], e.text, e.issueCode as never);
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  throw err;
}

/** One file to read: its path, how it came (named on the command line, a document), its district hint. */
export interface FileJob {
  path: string;
  explicit: boolean;
  document: boolean;
  hint: Attribution | null;
}

/** validateFile (documentOutcome for documents) for every file on `size` threads; outcomes in the files' order. */
export async function validateInPool(
  files: FileJob[],
  job: PoolJob,
  size: number,
  onFile?: (path: string, index: number, total: number) => void,
  onOutcome?: (o: FileOutcome) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const data = { plan: job.plan, districts: job.registry.districts, communes: job.registry.communes, nameKeys: job.registry.nameKeys, window: job.window, forcedDistrict: job.forcedDistrict, limits: job.limits };
  const threads = Array.from({ length: size }, () => new Worker(WORKER, { workerData: data }));
  let next = 0;
  try {
    await Promise.all(
      threads.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              onFile?.(files[index].path, index, files.length);
              w.postMessage({ index, file: files[index] });
            };
            w.on('message', (m: { index: number; outcome?: WireOutcome; error?: WireError }) => {
              if (m.error) {
                try {
                  rethrow(m.error);
                } catch (e) {
                  return reject(e);
                }
              }
              outcomes[m.index] = { ...m.outcome!, assessments: AssessmentStore.fromData(m.outcome!.assessments) };
              onOutcome?.(outcomes[m.index]);
              give();
            });
            w.on('error', reject);
            w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a reading thread stopped (exit code ${code})`))));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return outcomes;
}
