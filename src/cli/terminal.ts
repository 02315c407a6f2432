// Terminal colours: chalk decides from FORCE_COLOR and whether stdout is a terminal; NO_COLOR
// (no-color.org), which chalk does not read, turns them off here. Everything printed goes through
// terminalSafe: text from files cannot drive the terminal.
import chalk from 'chalk';
import { plainPainter, type Painter } from '../render/validateReport.js';
import { jsonSafe, neutralize, terminalSafe } from '../core/safeText.js';

const noColor = (env: NodeJS.ProcessEnv) => env.NO_COLOR !== undefined && env.NO_COLOR !== '';

export function painter(env: NodeJS.ProcessEnv = process.env): Painter {
  if (noColor(env)) return plainPainter;
  const n = neutralize;
  return {
    error: (s) => chalk.red.bold(n(s)), warning: (s) => chalk.yellow(n(s)), ok: (s) => chalk.green(n(s)), dim: (s) => chalk.dim(n(s)), bold: (s) => chalk.bold(n(s)),
    zone: (hex, s) => chalk.bgHex(`#${hex}`).black(n(s)),
  };
}

/** Lines for the terminal, neutralised (colour codes kept when colour is on). */
export function printLines(stream: NodeJS.WriteStream, lines: string[]): void {
  stream.write(`${terminalSafe(lines.join('\n'), chalk.level > 0 && !noColor(process.env))}\n`);
}

/** A JSON report, with bidi controls escaped. */
export function printJson(value: unknown): void {
  process.stdout.write(`${jsonSafe(JSON.stringify(value, null, 2))}\n`);
}
