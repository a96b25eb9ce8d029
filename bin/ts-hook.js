// Dev only (never packed): lets Node require the TypeScript sources, compiled file by file with swc,
// the same transform the tests run under (@swc/jest). swc turns `await import('./x')` into a lazy
// require, as tsc does for dist/; tsx's CommonJS hook would leave it to Node's ESM loader, which
// cannot find an extensionless .ts path. Used by bin/nianbao-dev.js, bin/run-ts.js and the pool's
// worker shim (src/batch/worker-entry-ts.js).
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const OPTIONS = {
  jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

if (!require.extensions['.ts']) {
  process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...OPTIONS, filename });
    module._compile(code, filename);
  };
}
