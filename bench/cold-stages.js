// The cold batch's own conditions, for bench/cold.ts: a fresh process whose worker threads (as many
// as the pool uses) each read their share of the files from disk and do STAGE's work on each:
//   floor — the floor pass (floor-pass.js: unzip + one saxes pass), nothing of ours loaded;
//   read | recognise | validate | json — the compiled pipeline (dist/) cut after that stage, so
//   the cold cost of every stage shows as the difference between two cuts.
// Plain JavaScript, so nothing is compiled on the way.
//   node bench/cold-stages.js STAGE THREADS OUT file.docx …
const fs = require('node:fs');
const path = require('node:path');
const { Worker, isMainThread, workerData } = require('node:worker_threads');

const DIST = path.join(__dirname, '../dist');

function floor(files) {
  const { floorPass } = require('./floor-pass');
  for (const file of files) floorPass(fs.readFileSync(file));
}

async function pipeline(stage, out, files) {
  const { readDocument } = require(`${DIST}/ingest`);
  const { recognise } = require(`${DIST}/recognise`);
  const { checkReport } = require(`${DIST}/core/pipeline`);
  const { reportToJson } = require(`${DIST}/export/json`);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const name = path.basename(file);
    const document = await readDocument({ file, name, bytes }, {});
    if (stage === 'read') continue;
    const report = recognise(document, { file, name, size: bytes.length, reader: 'docx' });
    if (stage === 'recognise') continue;
    const checked = checkReport(report);
    if (stage === 'validate') continue;
    fs.writeFileSync(path.join(out, `${name}.json`), reportToJson(checked));
  }
}

if (isMainThread) {
  const [stage, threads, out, ...files] = process.argv.slice(2);
  const n = Math.min(Number(threads), files.length);
  for (let t = 0; t < n; t++) new Worker(__filename, { workerData: { stage, out, files: files.filter((_, i) => i % n === t) } });
} else {
  const { stage, out, files } = workerData;
  if (stage === 'floor') floor(files);
  else void pipeline(stage, out, files);
}
