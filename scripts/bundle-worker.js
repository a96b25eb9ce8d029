// Part of `npm run build`, after tsc: the worker thread's code (dist/batch/worker-entry.js) and
// every module of ours it loads become one file, dist/batch/worker-bundle.js, so that a worker
// starts by reading one file instead of resolving, reading and wrapping about a hundred. Packages
// stay outside (loaded from node_modules as before, those loaded lazily still lazily); our lazy
// loads stay lazy (esbuild runs a bundled module when it is first required). The bundle sits in
// the entry's folder, two below the package root, so the paths our code builds from __dirname
// (templates/, templates/schema/) stay true.
// Then the bundle runs the sample once, here, and V8's code cache of it is written beside it
// (worker-bundle.js.cache): the bytecode of every function reading a report needed, which
// dist/batch/worker-start.js hands to V8 when a worker starts.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');

const dist = path.join(__dirname, '../dist/batch');
const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

esbuild.buildSync({
  entryPoints: [path.join(dist, 'worker-entry.js')],
  outfile: path.join(dist, 'worker-bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

async function writeCodeCache() {
  const { loadBundle, CODE_CACHE } = require(path.join(dist, 'worker-start.js'));
  const { exports, script } = loadBundle(true);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-build-'));
  try {
    const result = await exports.runTask({
      file: SAMPLE,
      name: path.basename(SAMPLE),
      options: {},
      convert: { outDir: out, stem: 'sample', formats: ['json'] },
    });
    if (!result.ok || !result.written?.length) throw new Error(`the sample was not converted: ${JSON.stringify(result)}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.writeFileSync(CODE_CACHE, script.createCachedData());
}

writeCodeCache().catch((err) => {
  console.error(err);
  process.exit(1);
});
