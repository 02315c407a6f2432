// Known failures that end a run with a sentence for the user and a fixed exit code.
// Anything else thrown is a bug: the CLI shows its stack only under --debug.

export const EXIT = { ok: 0, invalid: 1, usage: 2, unreadable: 3, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A message in both languages, chosen when it is printed. */
export interface Bilingual {
  vi: string;
  en: string;
}

export class ThiduaError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly text: Bilingual,
    /** the issue code a file-level failure is reported under in validation output */
    readonly issueCode: 'unreadable-file' | 'empty-file' = 'unreadable-file',
  ) {
    super(text.en);
    this.name = 'ThiduaError';
  }
}

export const usageError = (vi: string, en: string) => new ThiduaError(EXIT.usage, { vi, en });
export const unreadableError = (vi: string, en: string) => new ThiduaError(EXIT.unreadable, { vi, en });
