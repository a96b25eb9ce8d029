#!/usr/bin/env node
// The installed command runs the compiled JavaScript of dist/ (`npm run build`; `prepare` builds it on
// `npm ci` and `npm pack`). Developers and tests run the sources with bin/nianbao-dev.js.
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]main/.test(err.message)) {
    console.error('nianbao 尚未编译，请先运行 npm run build / not built yet: run npm run build');
    process.exit(70);
  }
  throw err;
}
cli.runMain(process.argv.slice(2));
