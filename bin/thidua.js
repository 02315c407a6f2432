#!/usr/bin/env node
// Entry point: the compiled CLI in dist/, or the sources through tsx in a clone not yet built.

// A reader that stops early (`thidua validate … | head`) closes the pipe: end quietly, as other
// command-line tools do, instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const isMissing = (e, what) => e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(what);

/**
 * The compiled CLI (dist/, made by `npm run build`, `npm pack` and `npm run demo`); in a fresh
 * clone after `npm ci` there is no dist/ yet, so the TypeScript sources run through tsx (a
 * development dependency, there after `npm ci`). Only without both is there nothing to run.
 */
async function loadMain() {
  try {
    return (await import('../dist/cli/main.js')).main;
  } catch (e) {
    if (!isMissing(e, 'dist/cli/main.js')) throw e;
  }
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch (e) {
    if (!isMissing(e, 'tsx')) throw e;
    process.stderr.write('thidua: chưa build — chạy "npm run build" trong thư mục mã nguồn. / not built yet: run "npm run build" in the source folder.\n');
    process.exit(70);
  }
  return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();

main(process.argv).then((code) => {
  process.exitCode = code;
});
