#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx nianbao` works right after `npm ci`.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 70; },
);
