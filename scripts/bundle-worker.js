// Part of `npm run build`, after tsc: the worker thread's entry (dist/batch/worker-entry.js) and
// every module of ours it loads become one file, so that a worker starts by reading one file instead
// of resolving, reading and wrapping about a hundred (about 20 ms of a single-file convert's
// 300). Packages stay outside (loaded from node_modules as before, those loaded lazily still
// lazily); our lazy loads stay lazy (esbuild runs a bundled module when it is first required).
// The bundle keeps the entry's place, two folders below the package root, so the paths our code
// builds from __dirname (templates/, templates/schema/) stay true.
const path = require('node:path');
const esbuild = require('esbuild');

const entry = path.join(__dirname, '../dist/batch/worker-entry.js');

esbuild.buildSync({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
