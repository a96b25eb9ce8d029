/**
 * Loads pdfjs-dist (ES modules only) from our CommonJS code, once per thread, with a real import():
 * tsc and swc would rewrite an import() in our code to require(), and tsx would transform the 3 MB
 * of .mjs on a require() (5 s instead of 1 s). The worker module is handed to pdfjs through
 * globalThis.pdfjsWorker, so its "fake worker" runs in this thread and starts nothing of its own.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vm from 'node:vm';

/** The part of pdfjs-dist we use, typed where we read it. */
export interface PdfjsModule {
  readonly getDocument: (src: Record<string, unknown>) => { promise: Promise<PdfDocumentProxy>; destroy(): Promise<void> };
  readonly OPS: Readonly<Record<string, number>>;
  readonly VerbosityLevel: Readonly<Record<string, number>>;
}

export interface PdfDocumentProxy {
  readonly numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}

export interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly hasEOL: boolean;
}

export interface PdfPageProxy {
  readonly view: readonly number[];
  getTextContent(
    options?: Record<string, unknown>,
  ): Promise<{ items: readonly (PdfTextItem | { type: string })[]; styles: Record<string, { fontFamily: string }> }>;
  getOperatorList(options?: Record<string, unknown>): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>;
  readonly commonObjs: { get(name: string): unknown; has(name: string): boolean };
  cleanup(): boolean;
}

type Loaded = { pdfjs: PdfjsModule; root: string };
let loaded: Promise<Loaded> | undefined;

type Importer = (specifier: string) => Promise<unknown>;

/** import() from a function tsc/swc do not see into; under jest it throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING… */
const plainImport = new Function('specifier', 'return import(specifier)') as Importer;

/** …and there a vm script with Node's default loader does it (an experimental vm feature, hence second). */
function vmImport(): Importer {
  return new vm.Script('(specifier) => import(specifier)', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }).runInThisContext() as Importer;
}

async function nativeImport(specifier: string): Promise<unknown> {
  try {
    return await plainImport(specifier);
  } catch (err) {
    if (!String((err as { code?: unknown }).code).startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) throw err;
    return vmImport()(specifier);
  }
}

async function loadPdfjs(): Promise<Loaded> {
  const root = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  const file = (name: string): string => pathToFileURL(path.join(root, 'legacy', 'build', name)).href;
  const globals = globalThis as { pdfjsWorker?: unknown };
  globals.pdfjsWorker ??= await nativeImport(file('pdf.worker.mjs'));
  return { pdfjs: (await nativeImport(file('pdf.mjs'))) as PdfjsModule, root };
}

export function pdfjs(): Promise<Loaded> {
  loaded ??= loadPdfjs();
  return loaded;
}
