/**
 * A worker thread of the compiled pool starts here. It compiles the worker's bundle (one file
 * holding every module of ours a worker loads: scripts/bundle-worker.js) with the V8 code cache
 * the build made for it, so the thread neither resolves a hundred modules nor parses and compiles
 * the functions reading a report needs (together ~35 ms of a single-file convert). A cache V8
 * refuses (another Node, other flags) only costs its reading; without a bundle (tsc alone), the
 * modules load as usual.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

export const BUNDLE = path.join(__dirname, 'worker-bundle.js');
export const CODE_CACHE = `${BUNDLE}.cache`;

export interface LoadedBundle {
  readonly exports: typeof import('./worker-entry');
  /** What became of the code cache. */
  readonly cache: 'used' | 'rejected' | 'none';
  readonly script: vm.Script;
}

interface ModuleInternals {
  _nodeModulePaths(dir: string): string[];
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
}

/** The bundle compiled and run as the CommonJS module it is, with the code cache unless `fresh`. */
export function loadBundle(fresh = false): LoadedBundle {
  let cachedData: Buffer | undefined;
  if (!fresh) {
    try {
      cachedData = fs.readFileSync(CODE_CACHE);
    } catch {
      // No cache (not built, or removed): compiled from the source alone.
    }
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as ModuleInternals)._nodeModulePaths(__dirname);
  const load = (id: string) => bundle.require(id);
  load.resolve = (request: string, options?: { paths?: string[] }) =>
    (Module as unknown as ModuleInternals)._resolveFilename(request, bundle, false, options);
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    bundle.exports,
    bundle.exports,
    load,
    bundle,
    BUNDLE,
    __dirname,
  );
  bundle.loaded = true;
  const cache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { exports: bundle.exports as LoadedBundle['exports'], cache, script };
}

if (!isMainThread) {
  if (fs.existsSync(BUNDLE)) loadBundle();
  else void import('./worker-entry');
}
