// A progress line on stderr while files are read (file n of N, rows read, time elapsed), redrawn
// in place: only when stderr is a terminal and the output is text, never into a pipe or a log.
import type { Lang } from '../core/types.js';

export type OnFile = (path: string, index: number, total: number, rowsSoFar?: number) => void;

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

const TEXT = {
  vi: (n: number, total: number, rows: number, s: string) => `Đang đọc tệp ${n}/${total} — ${rows.toLocaleString('vi-VN')} dòng, ${s} giây`,
  en: (n: number, total: number, rows: number, s: string) => `Reading file ${n} of ${total} — ${rows.toLocaleString('en-US')} rows, ${s} s`,
} as const;

/**
 * The callback for the reading loop, or undefined when no line is to be drawn. The line is
 * cleared when the last file has been read.
 */
export function progress(flags: { format?: string }, lang: Lang, term: Terminal = process.stderr, now: () => number = Date.now): OnFile | undefined {
  if (flags.format === 'json' || !term.isTTY) return undefined;
  const start = now();
  let last = -Infinity;
  return (path, index, total, rowsSoFar = 0) => {
    const t = now();
    if (index > 0 && index + 1 < total && t - last < 100) return; // a redraw every 0.1 s is enough
    last = t;
    const seconds = ((t - start) / 1000).toFixed(1);
    const name = path.split(/[\\/]/).pop() ?? path;
    const width = Math.max(40, (term.columns || 80) - 1); // a pseudo-terminal may report 0 columns
    const line = `${TEXT[lang](index + 1, total, rowsSoFar, lang === 'vi' ? seconds.replace('.', ',') : seconds)}: ${name}`;
    term.write(`\r${line.slice(0, width)}\x1b[K`);
    drawn = term;
  };
}

let drawn: Terminal | null = null;

/** Clears the progress line, if one was drawn (after the last file, or before an error message). */
export function clearProgress(): void {
  drawn?.write('\r\x1b[K');
  drawn = null;
}
