// A reading thread of the pool (pool.ts): builds the register and the plan's lookups once, then
// validates each file it is given and sends the outcome back, rows as transferable columns.
import { parentPort, workerData } from 'node:worker_threads';
import { ThiduaError } from '../core/errors.js';
import type { Commune, District } from '../core/types.js';
import { buildRegistry } from '../data/registry.js';
import { documentOutcome, validateFile, type FileContext } from './file.js';
import { planIndex } from './rows.js';
import type { FileJob, PoolJob, WireError, WireOutcome } from './pool.js';

type Data = Omit<PoolJob, 'registry'> & { districts: Map<string, District>; communes: Map<string, Commune> };

const data = workerData as Data;
const ctx: FileContext = {
  registry: buildRegistry(data.districts, data.communes),
  idx: planIndex(data.plan),
  window: data.window,
  forcedDistrict: data.forcedDistrict,
  limits: data.limits,
};

function wireError(e: unknown): WireError {
  if (e instanceof ThiduaError) return { thidua: true, exitCode: e.exitCode, text: e.text, issueCode: e.issueCode };
  return { thidua: false, message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack };
}

parentPort!.on('message', async ({ index, file }: { index: number; file: FileJob }) => {
  try {
    const fileCtx: FileContext = { ...ctx, explicit: file.explicit, hint: file.hint };
    const out = file.document ? documentOutcome(file.path, fileCtx) : await validateFile(file.path, fileCtx);
    const assessments = out.assessments.toData();
    const outcome: WireOutcome = { ...out, assessments };
    const columns = [assessments.commune, assessments.date, assessments.zone, assessments.place, assessments.row, assessments.cases, assessments.quarantine, assessments.population, assessments.lastCase, assessments.decision, assessments.note];
    parentPort!.postMessage({ index, outcome }, columns.filter((c) => c !== null).map((c) => c!.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage({ index, error: wireError(e) });
  }
});
