/**
 * Talking to a real `nianbao serve` server in tests: uploads as a browser sends them (multipart
 * built by fetch's FormData), raw HTTP for requests no browser would send, and report fixtures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import { BIN } from './cli';
import { buildDocx } from './docx-fixture';
import { consistentValues, reportBlocks, type FxReport, type Values } from './report-fixture';

export interface UploadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer has whatever shape the test then asserts
export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function upload(base: string, files: readonly UploadFile[], field = 'files'): Promise<Answer> {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(new URL('/api/reports', base), { method: 'POST', body: form });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function getJson(base: string, path: string): Promise<Answer> {
  const res = await fetch(new URL(path, base));
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function postJson(base: string, path: string, body: unknown): Promise<Answer> {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function getBytes(base: string, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(new URL(path, base));
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

/** Sends exactly these headers and body chunks (what a broken or hostile client would send). */
export function rawRequest(
  base: string,
  options: { method?: string; path?: string; headers?: Record<string, string | number>; chunks?: readonly (string | Buffer)[] },
): Promise<RawAnswer> {
  const url = new URL(options.path ?? '/api/reports', base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: options.method ?? 'POST',
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // The server may answer and close before the whole body is sent: that is the point of some tests.
    req.on('error', (err) => reject(err));
    for (const c of options.chunks ?? []) req.write(c);
    req.end();
  });
}

/** A multipart body by hand, for requests a browser would never build. */
export function multipartBody(
  boundary: string,
  parts: readonly { name: string; filename?: string; body: string | Buffer }[],
  close = true,
): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : '';
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    pieces.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body));
    pieces.push(Buffer.from('\r\n'));
  }
  if (close) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/** A whole report as DOCX bytes, values consistent unless bent by `values`. */
export async function reportDocx(
  r: Partial<FxReport> & { version?: FxReport['version'] } = {},
  values?: Values,
): Promise<Buffer> {
  const version = r.version ?? '2021';
  return buildDocx(reportBlocks({ ...r, version, values: values ?? r.values ?? consistentValues(version, 7) }));
}

export interface ServeProcessOptions {
  /** The command to run (default: the sources' bin/nianbao-dev.js). */
  readonly bin?: string;
  readonly cwd?: string;
  /** Options after `serve --port 0` (--workspace DIR…). */
  readonly args?: readonly string[];
}

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it has printed so far. */
  output(): string;
}

/** A real `nianbao serve` process on a free port, once it has printed its URL. */
export function serveProcess(options: ServeProcessOptions = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [options.bin ?? BIN, 'serve', '--port', '0', ...(options.args ?? [])], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 120_000);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}): ${out}`));
    };
    child.once('exit', exited);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /年报通网页版已启动：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.off('exit', exited);
        resolve({ child, url: m[1], output: () => out });
      }
    });
  });
}
