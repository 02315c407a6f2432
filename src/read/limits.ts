// Limits on what a reader accepts, so that an emailed attachment cannot exhaust memory or
// time: file size, inflated size of a workbook, rows, columns and cell length. Each has a
// default and a CLI flag; limitsFromFlags turns the flags into a ReadLimits object.
import { usageError } from '../core/errors.js';

export interface ReadLimits {
  /** size of the file on disk (--max-file-mb) */
  maxFileBytes: number;
  /** total uncompressed size of a workbook's zip entries, checked before it is loaded (--max-inflated-mb) */
  maxInflatedBytes: number;
  /** rows per sheet or CSV file (--max-rows) */
  maxRows: number;
  /** columns per row (--max-columns) */
  maxColumns: number;
  /** characters in one cell; a CSV line may hold at most maxColumns such cells (--max-cell-chars) */
  maxCellChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 100 * MB,
  maxInflatedBytes: 250 * MB,
  maxRows: 1_048_576, // Excel's own sheet limit
  maxColumns: 1_000,
  maxCellChars: 32_767, // Excel's own cell limit
};

/** The flag that raises each limit, for messages that say how to get past it. */
export const LIMIT_FLAGS = {
  maxFileBytes: '--max-file-mb',
  maxInflatedBytes: '--max-inflated-mb',
  maxRows: '--max-rows',
  maxColumns: '--max-columns',
  maxCellChars: '--max-cell-chars',
} as const;

export interface LimitFlags {
  maxFileMb?: string | number;
  maxInflatedMb?: string | number;
  maxRows?: string | number;
  maxColumns?: string | number;
  maxCellChars?: string | number;
}

function positive(flag: string, v: string | number | undefined, fallback: number, scale = 1): number {
  if (v === undefined) return fallback;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isFinite(n) || n <= 0) throw usageError(`${flag} phải là một số dương (nhận được "${v}").`, `${flag} must be a positive number (got "${v}").`);
  return Math.floor(n * scale);
}

/** CLI flags (strings from commander) to limits, defaults for those not given. */
export function limitsFromFlags(flags: LimitFlags): ReadLimits {
  const d = DEFAULT_LIMITS;
  return {
    maxFileBytes: positive(LIMIT_FLAGS.maxFileBytes, flags.maxFileMb, d.maxFileBytes, MB),
    maxInflatedBytes: positive(LIMIT_FLAGS.maxInflatedBytes, flags.maxInflatedMb, d.maxInflatedBytes, MB),
    maxRows: positive(LIMIT_FLAGS.maxRows, flags.maxRows, d.maxRows),
    maxColumns: positive(LIMIT_FLAGS.maxColumns, flags.maxColumns, d.maxColumns),
    maxCellChars: positive(LIMIT_FLAGS.maxCellChars, flags.maxCellChars, d.maxCellChars),
  };
}

export const megabytes = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
