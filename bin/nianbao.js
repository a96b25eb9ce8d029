#!/usr/bin/env node
// The installed command runs the compiled JavaScript of dist/ (`npm run build`; `prepare` builds it on
// `npm ci` and `npm pack`). Developers and tests run the sources with bin/nianbao-dev.js.
let main;
try {
  ({ main } = require('../dist/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]main/.test(err.message)) {
    console.error('nianbao 尚未编译，请先运行 npm run build / not built yet: run npm run build');
    process.exit(70);
  }
  throw err;
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 70; },
);
