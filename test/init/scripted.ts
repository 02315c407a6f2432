// A scripted stand-in for the terminal: answers given in order; `undefined` takes the default.
// Records every question asked so a test can check the flow.
import type { Ask, Choice } from '../../src/cli/prompts.js';

export type Answer = string | boolean | undefined | Error;

export function scriptedAsk(answers: Answer[]): Ask & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string): Answer => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`unexpected question: ${message}`);
    const a = queue.shift();
    if (a instanceof Error) throw a;
    return a;
  };
  return {
    asked,
    async input(message, opts = {}) {
      const a = next(message);
      const value = a === undefined ? (opts.default ?? '') : String(a);
      const ok = opts.validate ? opts.validate(value) : true;
      if (ok !== true) throw new Error(`answer "${value}" refused: ${ok}`);
      return value.trim();
    },
    async select<T extends string>(message: string, choices: Choice<T>[], def?: T) {
      const a = next(message);
      const value = (a === undefined ? def : a) as T;
      if (!choices.some((c) => c.value === value)) throw new Error(`no choice ${value}`);
      return value;
    },
    async confirm(message, def = true) {
      const a = next(message);
      return a === undefined ? def : Boolean(a);
    },
  };
}

/** What inquirer throws on Ctrl-C. */
export function ctrlC(): Error {
  const e = new Error('User force closed the prompt with SIGINT');
  e.name = 'ExitPromptError';
  return e;
}
