// The floor in the cold batch's own conditions, for bench/cold.ts: a fresh process whose worker
// threads (as many as the pool uses) each read their share of the files from disk and make the
// floor pass (floor-pass.js) over each. Plain JavaScript, so nothing is compiled on the way.
//   node bench/cold-floor.js THREADS file.docx …
const fs = require('node:fs');
const { Worker, isMainThread, workerData } = require('node:worker_threads');
const { floorPass } = require('./floor-pass');

if (isMainThread) {
  const [threads, ...files] = process.argv.slice(2);
  const n = Math.min(Number(threads), files.length);
  for (let t = 0; t < n; t++) new Worker(__filename, { workerData: files.filter((_, i) => i % n === t) });
} else {
  for (const file of workerData) floorPass(fs.readFileSync(file));
}
