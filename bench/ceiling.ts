/**
 * What this machine allows for the same work without our pool: N worker threads, each reading and
 * converting its share of the files in a plain loop (no messages per file, no budget). The ratio
 * N threads ÷ 1 thread here is the ceiling the pool's scaling can be judged against: work that
 * allocates this much does not scale linearly on every machine (shared caches, memory bandwidth).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Share {
  readonly files: readonly string[];
  readonly outDir: string;
}

/** Reports/s of `threads` plain loops over `files` (each file read, recognised, validated, written as JSON). */
export function ceiling(files: readonly string[], threads: number): Promise<number> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ceiling-'));
  const shares = Array.from({ length: threads }, (_, k) => files.filter((_, i) => i % threads === k));
  return new Promise((resolve, reject) => {
    const workers = shares.map((share) => new Worker(
      `require('tsx/cjs'); require(${JSON.stringify(__filename)});`,
      { eval: true, workerData: { files: share, outDir } satisfies Share },
    ));
    let ready = 0;
    let done = 0;
    let started = 0;
    for (const w of workers) {
      w.on('error', reject);
      w.on('message', (m: string) => {
        if (m === 'ready' && ++ready === threads) {
          started = Date.now();
          for (const x of workers) x.postMessage('go');
        }
        if (m === 'done' && ++done === threads) {
          const seconds = (Date.now() - started) / 1000;
          void Promise.all(workers.map((x) => x.terminate())).then(() => {
            fs.rmSync(outDir, { recursive: true, force: true });
            resolve(files.length / seconds);
          });
        }
      });
    }
  });
}

if (!isMainThread && workerData?.outDir) {
  const { files, outDir } = workerData as Share;
  const { runTask } = require('../src/batch/worker') as typeof import('../src/batch/worker');
  const task = (file: string, i: number) => runTask({ file, name: path.basename(file), options: {}, convert: { outDir, stem: `${path.basename(file)}-${i}`, formats: ['json'] } });
  void (async () => {
    for (const [i, f] of files.slice(0, 20).entries()) await task(f, -i - 1); // warm up
    parentPort!.postMessage('ready');
    parentPort!.once('message', async () => {
      for (const [i, f] of files.entries()) await task(f, i);
      parentPort!.postMessage('done');
    });
  })();
}
