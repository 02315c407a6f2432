#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm run build`, run on `npm ci` via `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
