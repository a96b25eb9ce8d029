/**
 * Conversion of legacy documents to DOCX with LibreOffice (`soffice --headless --convert-to docx`).
 * Each conversion runs in a private temp folder with its own user profile (so conversions never
 * share or lock a profile and never touch the user's), under a timeout after which the whole
 * process group is killed, and the folder is removed in every case. Folders left by a process
 * that was itself killed mid-conversion are swept on the next conversion.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIMITS } from './limits';

export type ConvertOutcome =
  | { readonly ok: true; readonly docx: Buffer; readonly ms: number }
  | { readonly ok: false; readonly reason: 'missing' | 'timeout' | 'failed'; readonly detail?: string };

export interface ConvertOptions {
  /** Default LIMITS.convertTimeoutMs. */
  readonly timeoutMs?: number;
}

/** Conversions at once per process: LibreOffice takes a core and a few hundred MB each. */
const MAX_PARALLEL = 2;
/** A job folder older than this belongs to a process that died; it is swept. */
const STALE_MS = 10 * 60 * 1000;

/**
 * Where job folders go: under $TMPDIR as this process sees it at the moment of the conversion
 * (read from process.env rather than cached, so a caller — or a test sandbox — can move it).
 */
function jobsDir(): string {
  return path.join(process.env.TMPDIR || os.tmpdir(), 'nianbao-convert');
}

const CANDIDATES = ['soffice', 'libreoffice'];

/** A program found on PATH, or undefined. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The soffice binary: NIANBAO_SOFFICE when set (a path), else soffice/libreoffice on PATH. */
export function findSoffice(): string | undefined {
  const configured = process.env.NIANBAO_SOFFICE;
  if (configured !== undefined) {
    try {
      fs.accessSync(configured, fs.constants.X_OK);
      return configured;
    } catch {
      return undefined;
    }
  }
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function sweepStaleJobs(root: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      if (now - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another process may be sweeping the same folder
    }
  }
}

interface RunResult {
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly stderr: string;
}

/**
 * Runs soffice in its own process group; on timeout the group is killed, then we wait for it.
 * Where coreutils `timeout` exists it wraps the run with a slightly later deadline of its own, so
 * that soffice dies even when this process is killed first (a batch worker past its budget).
 */
function runSoffice(binary: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  const guard = onPath('timeout');
  const [command, argv] = guard
    ? [guard, ['-s', 'KILL', String(Math.ceil(timeoutMs / 1000) + 2), binary, ...args]]
    : [binary, [...args]];
  return new Promise((resolve) => {
    const child = spawn(command, argv, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString('utf8');
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, stderr: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // soffice.bin may outlive the launcher it was started by; nothing of the group may stay.
      killGroup();
      resolve({ code, timedOut, stderr });
    });
  });
}

async function convertInFolder(binary: string, bytes: Uint8Array, ext: string, timeoutMs: number): Promise<ConvertOutcome> {
  const root = jobsDir();
  fs.mkdirSync(root, { recursive: true });
  sweepStaleJobs(root);
  const job = fs.mkdtempSync(path.join(root, 'job-'));
  const started = Date.now();
  try {
    const input = path.join(job, `input.${ext}`);
    const outDir = path.join(job, 'out');
    fs.writeFileSync(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(path.join(job, 'profile')).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      outDir,
      input,
    ];
    const run = await runSoffice(binary, args, timeoutMs);
    if (run.timedOut) return { ok: false, reason: 'timeout', detail: `${Math.round(timeoutMs / 1000)} s` };
    const output = path.join(outDir, 'input.docx');
    if (!fs.existsSync(output)) {
      const why = run.stderr.trim().split('\n').filter(Boolean).pop() ?? '';
      return { ok: false, reason: 'failed', detail: `soffice exit ${run.code ?? '?'}${why ? `: ${why.slice(0, 160)}` : ''}` };
    }
    return { ok: true, docx: fs.readFileSync(output), ms: Date.now() - started };
  } finally {
    fs.rmSync(job, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
}

/** Converts a legacy document (`ext`: doc, wps, rtf…) to DOCX bytes with LibreOffice. */
export async function convertToDocx(bytes: Uint8Array, ext: string, options: ConvertOptions = {}): Promise<ConvertOutcome> {
  const binary = findSoffice();
  if (!binary) return { ok: false, reason: 'missing' };
  const timeoutMs = options.timeoutMs ?? LIMITS.convertTimeoutMs;
  return slot(() => convertInFolder(binary, bytes, ext, timeoutMs));
}
