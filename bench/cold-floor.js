// The floor in the cold batch's own conditions, for bench/cold.ts: a fresh process whose worker
// threads (as many as the pool uses) each read their share of the files from disk, inflate
// word/document.xml and tokenise it once. Plain JavaScript, so nothing is compiled on the way.
//   node bench/cold-floor.js THREADS file.docx …
const fs = require('node:fs');
const { Worker, isMainThread, workerData } = require('node:worker_threads');
const { unzipSync } = require('fflate');
const { SaxesParser } = require('saxes');

function floorPass(bytes) {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', () => {});
  parser.on('closetag', () => {});
  parser.on('text', () => {});
  parser.write(new TextDecoder().decode(files['word/document.xml'])).close();
}

if (isMainThread) {
  const [threads, ...files] = process.argv.slice(2);
  const n = Math.min(Number(threads), files.length);
  for (let t = 0; t < n; t++) new Worker(__filename, { workerData: files.filter((_, i) => i % n === t) });
} else {
  for (const file of workerData) floorPass(fs.readFileSync(file));
}
