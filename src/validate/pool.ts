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
 * A reading thread's old-generation heap, in MB (THIDUA_WORKER_HEAP_MB to change it). Without a
 * bound V8 lets each thread's heap grow with its garbage: compiling 3.3 million rows in 700 files
 * peaked at 423 MB, 362 MB with threads of 96 MB, at the same speed. Files larger than
 * WORKER_FILE_MAX are read on the main thread, which has no such bound, and a file whose thread
 * runs out of memory all the same is read again there.
 */
export const WORKER_HEAP_MB = 128;
const WORKER_FILE_MAX = 8 * 1024 * 1024;

export function workerHeapFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.THIDUA_WORKER_HEAP_MB);
  return Number.isFinite(n) && n >= 1 ? n : WORKER_HEAP_MB;
}

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

/** The number of threads to use for these files (0 when one thread is better), and the files' sizes in bytes (read once, for validateInPool). */
export async function poolSize(files: string[], workers: { count: number; forced: boolean } | undefined): Promise<{ threads: number; sizes: number[] }> {
  if (!workers || workers.count < 2 || files.length < 2 || !existsSync(WORKER)) return { threads: 0, sizes: [] };
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)));
  if (!workers.forced && sizes.reduce((a, b) => a + b, 0) < AUTO_MIN_BYTES) return { threads: 0, sizes };
  return { threads: Math.min(workers.count, files.length), sizes };
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

/**
 * validateFile (documentOutcome for documents) for every file on `size` threads; outcomes in the
 * files' order. `local` reads a file on the main thread, as a thread would (a cap of its own): the
 * files over WORKER_FILE_MAX, while the threads read the rest, and any file whose thread ran out
 * of memory.
 */
export async function validateInPool(
  files: FileJob[],
  sizes: number[],
  job: PoolJob,
  size: number,
  local: (file: FileJob) => Promise<FileOutcome>,
  onFile?: (path: string, index: number, total: number) => void,
  onOutcome?: (o: FileOutcome) => void,
): Promise<{ outcomes: FileOutcome[]; onMain: number; outOfMemory: number }> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let onMain = 0;
  let outOfMemory = 0;
  const shared: number[] = [];
  const mine: number[] = [];
  files.forEach((_, i) => (sizes[i] > WORKER_FILE_MAX ? mine : shared).push(i));
  let next = 0;
  const take = () => (next < shared.length ? shared[next++] : -1);
  const done = (index: number, o: FileOutcome) => {
    outcomes[index] = o;
    onOutcome?.(o);
  };
  const data = { plan: job.plan, districts: job.registry.districts, communes: job.registry.communes, window: job.window, forcedDistrict: job.forcedDistrict, limits: job.limits };
  const resourceLimits = { maxOldGenerationSizeMb: workerHeapFromEnv() };
  const threads = Array.from({ length: size }, () => new Worker(WORKER, { workerData: data, resourceLimits }));
  const run = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current = -1;
      let ranOut = false;
      const give = () => {
        current = take();
        if (current < 0) return resolve();
        onFile?.(files[current].path, current, files.length);
        w.postMessage({ index: current, file: files[current] });
      };
      w.on('message', (m: { index: number; outcome?: WireOutcome; error?: WireError }) => {
        if (m.error) {
          try {
            rethrow(m.error);
          } catch (e) {
            return reject(e);
          }
        }
        done(m.index, { ...m.outcome!, assessments: AssessmentStore.fromData(m.outcome!.assessments) });
        give();
      });
      w.on('error', (e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(e);
        // the thread is gone: its file is read again on the main thread, the others go on
        ranOut = true;
        outOfMemory++;
        if (current >= 0) mine.push(current);
        resolve();
      });
      w.on('exit', (code) => (code === 0 || ranOut ? resolve() : reject(new Error(`a reading thread stopped (exit code ${code})`))));
      give();
    });
  const readMine = async () => {
    for (let i = mine.shift(); i !== undefined; i = mine.shift()) {
      onFile?.(files[i].path, i, files.length);
      onMain++;
      done(i, await local(files[i]));
    }
  };
  try {
    const reading = Promise.all(threads.map(run));
    reading.catch(() => {}); // awaited below, after the main thread's own files
    await readMine();
    await reading;
    // what threads that ran out of memory did not take, and the files they held
    for (let i = take(); i >= 0; i = take()) mine.push(i);
    await readMine();
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return { outcomes, onMain, outOfMemory };
}
