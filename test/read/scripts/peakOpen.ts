// Opens one file as validation would and prints the outcome and the peak resident memory
// (maxRSS), for the memory tests: run in a child process so the measure is this file's alone.
import { openSource, type RawRow } from '../../../src/read/source.js';

const path = process.argv[2];
const t = performance.now();
let outcome = 'read';
try {
  const src = await openSource(path);
  for (const s of src.sheets) for await (const _ of s.rows as AsyncIterable<RawRow>) void _;
} catch (e) {
  outcome = (e as Error).message;
}
process.stdout.write(JSON.stringify({ outcome, ms: Math.round(performance.now() - t), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
