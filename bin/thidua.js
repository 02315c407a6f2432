#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm run build`, and by `npm pack`).

// A reader that stops early (`thidua validate … | head`) closes the pipe: end quietly, as other
// command-line tools do, instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli/main.js')) {
    process.stderr.write('thidua: chưa build — chạy "npm run build" trong thư mục mã nguồn. / not built yet: run "npm run build" in the source folder.\n');
    process.exit(70);
  }
  throw e;
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
