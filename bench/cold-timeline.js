// Where a single-file run's wall time goes, for bench/cold.ts: runs the installed command
// (bin/nianbao.js) in this process with worker_threads.Worker wrapped, so that the moments the
// command asks for its first worker, the worker's thread is up, the worker has loaded the pipeline
// and the first result arrives are noted; prints them as JSON on stderr when the process exits.
// Plain JavaScript, required before the command, so nothing of ours is compiled on the way.
//   node bench/cold-timeline.js convert one.docx --out DIR --to json
const path = require('node:path');
const threads = require('node:worker_threads');

const at = { boot: performance.now() };
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(...args) {
    at.workerStarted ??= performance.now();
    super(...args);
    this.once('online', () => (at.workerOnline ??= performance.now()));
    this.on('message', (m) => {
      if (m && m.type === 'ready') at.workerReady ??= performance.now();
      if (m && m.type === 'result') at.firstResult ??= performance.now();
    });
  }
};
process.on('exit', () => {
  at.exit = performance.now();
  process.stderr.write(`TIMELINE=${JSON.stringify(at)}\n`);
});
process.argv.splice(1, 1, path.join(__dirname, '../bin/nianbao.js'));
require('../bin/nianbao.js');
