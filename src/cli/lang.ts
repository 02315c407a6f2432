// The --lang flag, checked before any command runs. Kept apart from context.ts so that start-up
// (`thidua --help`) loads commander and nothing else of weight.
import type { Lang } from '../core/types.js';
import { usageError } from '../core/errors.js';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'vi') return 'vi';
  if (value === 'en') return 'en';
  throw usageError(`--lang phải là "vi" hoặc "en", không phải "${value}".`, `--lang must be "vi" or "en", not "${value}".`);
}
