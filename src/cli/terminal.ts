// Terminal colours: chalk decides from FORCE_COLOR and whether stdout is a terminal; NO_COLOR
// (no-color.org), which chalk does not read, turns them off here.
import chalk from 'chalk';
import { plainPainter, type Painter } from '../render/validateReport.js';

export function painter(env: NodeJS.ProcessEnv = process.env): Painter {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plainPainter;
  return { error: chalk.red.bold, warning: chalk.yellow, ok: chalk.green, dim: chalk.dim, bold: chalk.bold, zone: (hex, s) => chalk.bgHex(`#${hex}`).black(s) };
}
