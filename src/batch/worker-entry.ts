/**
 * What a worker thread of the pool runs (built into dist/batch/worker-bundle.js, which
 * worker-start.ts loads). In a worker it serves the pool; loaded in a main thread (by the build, to
 * run the sample once for the bundle's code cache) it only lends runTask.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, serve } from './worker';

if (parentPort) serve();

export { runTask };
