// The floors of the benchmark: how fast csv-parse alone and exceljs's streaming reader alone get
// through the same files, doing nothing with the rows but counting them. Plain JS on purpose,
// so that no TypeScript loader's start-up is charged to the floor.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

function files(paths, ext) {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).sort().filter((f) => f.endsWith(ext)).map((f) => join(p, f)) : [p]));
}

async function csv(paths) {
  let rows = 0;
  for (const f of files(paths, '.csv')) {
    const parser = createReadStream(f).pipe(parse({ relax_column_count: true, relax_quotes: true, bom: true }));
    for await (const rec of parser) rows += rec.length > 0 ? 1 : 0;
  }
  return rows;
}

async function xlsx(paths) {
  let rows = 0;
  for (const f of files(paths, '.xlsx')) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(f, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    for await (const ws of reader) for await (const row of ws) rows += row.hasValues ? 1 : 0;
  }
  return rows;
}

const [mode, ...paths] = process.argv.slice(2);
const rows = await (mode === 'csv' ? csv(paths) : xlsx(paths));
process.stdout.write(`${JSON.stringify({ rows })}\n`);
