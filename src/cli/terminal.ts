// Terminal colours: chalk decides from NO_COLOR, FORCE_COLOR and whether stdout is a terminal.
import chalk from 'chalk';
import type { Painter } from '../render/validateReport.js';

export function painter(): Painter {
  return { error: chalk.red.bold, warning: chalk.yellow, ok: chalk.green, dim: chalk.dim, bold: chalk.bold, zone: (hex, s) => chalk.bgHex(`#${hex}`).black(s) };
}
