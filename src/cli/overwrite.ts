// Outputs that already exist are found before anything is asked or read: without --force the
// run stops at once (exit 2), unless a person at a terminal agrees to replace them (default no).
import { existsSync } from 'node:fs';
import type { Lang } from '../core/types.js';
import { usageError } from '../core/errors.js';
import { canPrompt, inquirerAsk, type Ask, type PromptFlags } from './prompts.js';

export const existingOutputsError = (taken: string[]) =>
  usageError(
    `Tệp đã có, không ghi đè (thêm --force để thay): ${taken.join(', ')}`,
    `Files already exist and were not replaced (add --force to replace them): ${taken.join(', ')}`,
  );

/** Whether the outputs may be replaced: --force, nothing there yet (false), or the person said yes. */
export async function confirmOverwrite(paths: string[], flags: PromptFlags & { force?: boolean }, lang: Lang, ask: Ask | null = null): Promise<boolean> {
  if (flags.force) return true;
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length === 0) return false;
  if (ask || canPrompt(flags)) {
    const question = lang === 'en'
      ? `${taken.length === 1 ? 'This file exists' : 'These files exist'}: ${taken.join(', ')}. Replace?`
      : `Đã có ${taken.length === 1 ? 'tệp' : 'các tệp'}: ${taken.join(', ')}. Ghi đè?`;
    if (await (ask ?? inquirerAsk()).confirm(question, false)) return true;
  }
  throw existingOutputsError(taken);
}
