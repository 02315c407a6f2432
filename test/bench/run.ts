// `npm run bench`: generate the national data set (once), then measure side by side on the same
// files the raw parsers (the floors), `thidua validate`, `thidua compile`, the analyst's pandas
// script and start-up, and compile up the ladder (1×, 3×, 10× the rows); print a table against
// the targets of issue 15, or JSON with --json. `--only compile` (or --only=a,b) runs the rows
// whose names start with one of the words given, so the bench can be run in parts.
// THIDUA_WORKERS is passed through (unset: a pool of worker threads reads large inputs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, type Manifest } from './generate.js';
import { rung } from './ladder.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const CLI = join(ROOT, 'bin', 'thidua.js');
const RUSAGE = join(HERE, 'rusage.mjs');

interface Measure {
  name: string;
  wallMs: number;
  /** user + system CPU time of the measured process (all its threads) */
  cpuMs: number | null;
  maxRssMb: number | null;
  rows: number | null;
  exitCode: number | null;
}

interface Row extends Measure {
  rowsPerSec: number | null;
  floor: string | null;
  ratio: number | null;
  target: string;
  ok: boolean | null;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.split('=')[1] ?? 1);
/** --only=a,b or --only a,b (repeatable): rows whose names start with one of these */
const only = args.flatMap((a, i) => (a.startsWith('--only=') ? [a.slice(7)] : a === '--only' && args[i + 1] ? [args[i + 1]] : [])).flatMap((o) => o.split(',')).map((o) => o.trim().toLowerCase()).filter(Boolean);
const LADDER = [1, 3, 10];
const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);

/** Runs a command `repeat` times; keeps the fastest run (its own peak memory). */
function measure(name: string, cmd: string, cmdArgs: string[], opts: { rows?: number | null; repeat?: number; node?: boolean; quiet?: boolean } = {}): Measure {
  let best: Measure | null = null;
  const usage = join(tmpdir(), `thidua-bench-${process.pid}.json`);
  for (let i = 0; i < (opts.repeat ?? repeat); i++) {
    rmSync(usage, { force: true });
    const full = opts.node === false ? cmdArgs : ['--import', RUSAGE, ...cmdArgs];
    const t0 = performance.now();
    const r = spawnSync(cmd, full, { cwd: ROOT, env: { ...process.env, BENCH_RUSAGE: usage, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    const wallMs = performance.now() - t0;
    let maxRssMb: number | null = null;
    let cpuMs: number | null = null;
    let rows = opts.rows ?? null;
    try {
      const u = JSON.parse(readFileSync(usage, 'utf8'));
      maxRssMb = u.maxRssKb / 1024;
      cpuMs = u.userMs + u.systemMs;
    } catch {
      // python reports its own peak on stderr as JSON
      const m = /\{"maxRssKb".*\}/.exec(r.stderr?.toString() ?? '');
      if (m) maxRssMb = JSON.parse(m[0]).maxRssKb / 1024;
    }
    const out = r.stdout?.toString() ?? '';
    if (rows === null) {
      const m = /"rows":\s*(\d+)/.exec(out);
      if (m) rows = Number(m[1]);
    }
    if (r.status !== 0 && r.status !== 1) log(`  ! ${name} exited ${r.status}: ${r.stderr?.toString().slice(0, 400)}`);
    const m: Measure = { name, wallMs, cpuMs, maxRssMb, rows, exitCode: r.status };
    if (!best || m.wallMs < best.wallMs) best = m;
  }
  if (!opts.quiet) log(`  ${name.padEnd(36)} ${(best!.wallMs / 1000).toFixed(2).padStart(7)} s  cpu ${best!.cpuMs === null ? '    ?' : (best!.cpuMs / 1000).toFixed(2).padStart(6)} s  ${best!.maxRssMb?.toFixed(0).padStart(5) ?? '    ?'} MB`);
  return best!;
}

/** A Python that has pandas: the one on PATH, else the system's (Debian's python3-pandas). */
function pandasPython(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) if (spawnSync(py, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0) return py;
  return null;
}

function cpuModel(): string {
  return cpus()[0]?.model ?? 'unknown';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const wanted = (name: string) => only.length === 0 || only.some((o) => name.toLowerCase().startsWith(o));

async function run(m: Manifest): Promise<Row[]> {
  const common = ['--plan', m.plan, '--registry', m.registry];
  const out = join(ROOT, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const res = new Map<string, Measure>();
  const add = (name: string, f: () => Measure) => {
    if (wanted(name)) res.set(name, f());
  };
  const compile = (input: string, extra: string[], dir: string) => [CLI, 'compile', input, ...extra, '--out', join(out, dir), '--force', '--yes', '--format', 'json'];
  log(`Measuring (best of ${repeat}${only.length ? `; only ${only.join(', ')}` : ''}):`);
  add('floor: csv-parse, district CSVs', () => measure('floor: csv-parse, district CSVs', 'node', [join(HERE, 'floor.mjs'), 'csv', m.csvDir]));
  add('floor: csv-parse, national CSV', () => measure('floor: csv-parse, national CSV', 'node', [join(HERE, 'floor.mjs'), 'csv', m.nationalCsv]));
  add('floor: exceljs stream, district xlsx', () => measure('floor: exceljs stream, district xlsx', 'node', [join(HERE, 'floor.mjs'), 'xlsx', m.xlsxDir]));
  add('validate district CSVs', () => measure('validate district CSVs', 'node', [CLI, 'validate', m.csvDir, ...common, '--format', 'json']));
  add('validate national CSV', () => measure('validate national CSV', 'node', [CLI, 'validate', m.nationalCsv, ...common, '--format', 'json']));
  add('validate district xlsx', () => measure('validate district xlsx', 'node', [CLI, 'validate', m.xlsxDir, ...common, '--format', 'json']));
  add('compile national CSV', () => measure('compile national CSV', 'node', compile(m.nationalCsv, common, 'national')));
  add('compile district CSVs', () => measure('compile district CSVs', 'node', compile(m.csvDir, common, 'districts')));
  add('compile province fixtures', () => measure('compile province fixtures', 'node', compile(join(ROOT, 'fixtures', 'province'), [], 'province'), { repeat: Math.max(3, repeat) }));
  const py = pandasPython();
  if (py) {
    add('pandas: district CSVs', () => measure('pandas: district CSVs', py, [join(HERE, 'pandas_validate.py'), m.plan, m.registry, m.csvDir], { node: false }));
    add('pandas: national CSV', () => measure('pandas: national CSV', py, [join(HERE, 'pandas_validate.py'), m.plan, m.registry, m.nationalCsv], { node: false }));
  } else log("  (pandas not installed: the analyst's script is skipped)");
  if (wanted('start-up')) {
    const times = (a: string[]) => Array.from({ length: 11 }, () => measure('start-up', 'node', a, { repeat: 1, rows: 0, quiet: true }));
    const node0 = times(['-e', '0']);
    const help = times([CLI, '--help']);
    res.set('start-up: node -e 0', { ...node0[0], name: 'start-up: node -e 0', wallMs: median(node0.map((x) => x.wallMs)), rows: null });
    res.set('start-up: thidua --help', { ...help[0], name: 'start-up: thidua --help', wallMs: median(help.map((x) => x.wallMs)), rows: null });
  }
  for (const k of LADDER) {
    const name = `ladder ${k}x: compile district CSVs`;
    if (!wanted(name)) continue;
    const r = await rung(m, k);
    res.set(name, measure(name, 'node', compile(r.csvDir, ['--plan', r.plan, '--registry', r.registry], `ladder-${k}x`)));
  }
  return rows(res);
}

/** A run that failed (exit code other than 0, or 1 for "issues found") holds no target, whatever its time: it did not do the work. */
function failedOr(r: Row): Row {
  if (r.exitCode === 0 || r.exitCode === 1) return r;
  return { ...r, target: `FAILED (exit ${r.exitCode ?? 'signal'}): ${r.target}`, ok: false };
}

/** Every measure with its target (issue 15), in the table's order; rows not measured are left out. */
function rows(res: Map<string, Measure>): Row[] {
  const out: Row[] = [];
  const row = (name: string, floor: string | null, limit: number | null, target: string, rssLimit: number | null = null) => {
    const x = res.get(name);
    if (!x) return;
    const f = floor ? res.get(floor) : undefined;
    const ratio = f ? x.wallMs / f.wallMs : null;
    let ok: boolean | null = null;
    if (limit !== null && ratio !== null) ok = ratio <= limit;
    if (rssLimit !== null && x.maxRssMb !== null) ok = (ok ?? true) && x.maxRssMb < rssLimit;
    out.push(failedOr({ ...x, rowsPerSec: x.rows ? Math.round(x.rows / (x.wallMs / 1000)) : null, floor: f ? floor : null, ratio, target, ok }));
  };
  row('floor: csv-parse, district CSVs', null, null, 'floor');
  row('floor: csv-parse, national CSV', null, null, 'floor');
  row('floor: exceljs stream, district xlsx', null, null, 'floor');
  row('validate district CSVs', 'floor: csv-parse, district CSVs', 1, '≤ 1.0× floor (both cores), < 400 MB', 400);
  row('validate national CSV', 'floor: csv-parse, national CSV', 2, '≤ 2× floor, < 400 MB', 400);
  row('validate district xlsx', 'floor: exceljs stream, district xlsx', 1.5, '≤ 1.5× floor, < 400 MB', 400);
  row('compile national CSV', 'floor: csv-parse, national CSV', 2, '≤ 2.0× floor, < 300 MB', 300);
  row('compile district CSVs', 'floor: csv-parse, district CSVs', 2, '≤ 2.0× floor, < 300 MB', 300);
  row('compile province fixtures', null, null, '≤ 0.6 s wall');
  row('pandas: district CSVs', 'validate district CSVs', null, 'thidua faster');
  row('pandas: national CSV', 'validate national CSV', null, 'thidua faster');
  for (const r of out) {
    if (r.target.startsWith('FAILED')) continue;
    if (r.name === 'compile province fixtures') r.ok = r.wallMs <= 600;
    if (r.name.startsWith('pandas') && r.ratio !== null) r.ok = r.ratio >= 1; // ratio = pandas / thidua
  }
  row('start-up: node -e 0', null, null, 'floor');
  row('start-up: thidua --help', 'start-up: node -e 0', 1.2, '≤ 1.2× node -e 0');
  // The ladder: time per row within 25 % of the 1× rung's (linear), peak memory under 400 MB.
  const base = res.get(`ladder ${LADDER[0]}x: compile district CSVs`);
  for (const k of LADDER) {
    const name = `ladder ${k}x: compile district CSVs`;
    const x = res.get(name);
    if (!x) continue;
    const perRow = base && base.rows && x.rows ? x.wallMs / x.rows / (base.wallMs / base.rows) : null;
    const linear = perRow === null || k === LADDER[0] ? null : perRow <= 1.25;
    const memory = x.maxRssMb === null ? null : x.maxRssMb < 400;
    const ok = linear === null && memory === null ? null : (linear ?? true) && (memory ?? true);
    out.push(failedOr({ ...x, rowsPerSec: x.rows ? Math.round(x.rows / (x.wallMs / 1000)) : null, floor: base && k !== LADDER[0] ? base.name : null, ratio: k === LADDER[0] ? null : perRow, target: 'time ∝ rows (≤ 1.25× per row), < 400 MB', ok }));
  }
  return out;
}

function table(rows: Row[], m: Manifest): string {
  const head = ['measure', 'time s', 'cpu s', 'rows/s', 'peak MB', 'ratio', 'target', 'ok'];
  const body = rows.map((r) => [
    r.name,
    (r.wallMs / 1000).toFixed(r.wallMs < 1000 ? 3 : 2),
    r.cpuMs === null ? '?' : (r.cpuMs / 1000).toFixed(r.cpuMs < 1000 ? 3 : 2),
    r.rowsPerSec === null ? '' : r.rowsPerSec.toLocaleString('en-US'),
    r.maxRssMb === null ? '?' : r.maxRssMb.toFixed(0),
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.ok === null ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    `Node ${process.version}, ${cpuModel()} (${cpus().length} cores), ${new Date().toISOString()}`,
    `${m.rows.toLocaleString('en-US')} rows, ${m.communes.toLocaleString('en-US')} communes, ${m.districts} districts; best of ${repeat}`,
    '',
    line(head),
    `|${widths.map((w, i) => (i === 0 || i === 6 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
    ...body.map(line),
    '',
    'ratio: time ÷ the floor on the same files (pandas rows: pandas time ÷ thidua time; ladder rows: time per row ÷ the 1× rung\'s).',
    'cpu: user + system time of the measured process, all threads: steadier than wall time on a shared machine.',
  ].join('\n');
}

const manifest = await generate();
const results = await run(manifest);
if (json) {
  process.stdout.write(`${JSON.stringify({ node: process.version, cpu: cpuModel(), cores: cpus().length, date: new Date().toISOString(), data: manifest, repeat, results }, null, 2)}\n`);
} else process.stdout.write(`\n${table(results, manifest)}\n`);
