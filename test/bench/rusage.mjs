// Preloaded into every measured Node child (node --import): at exit it writes the child's own
// peak resident memory and CPU time to the file named by BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RUSAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
