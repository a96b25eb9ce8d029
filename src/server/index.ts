/**
 * `nianbao serve`: one HTTP server for the page and its API. One worker pool reads every upload
 * for the server's lifetime (destroyed on close); reports are kept in a workspace folder on disk,
 * so a restart on the same folder finds everything again.
 */
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ReportPool, type PoolOptions } from '../batch/pool';
import { Api } from './api';
import { apiRoutes, createHandler } from './router';
import { loadAssets } from './static';
import { ReportStore } from './store';
import { Uploads } from './uploads';

export interface ServeOptions {
  readonly port?: number;
  /** Interface to bind; loopback by default, so only this machine can reach the page. */
  readonly host?: string;
  readonly pool?: PoolOptions;
  /** Reports kept in the workspace (default SERVER_LIMITS.maxReports). */
  readonly capacity?: number;
  /** The workspace folder (created when missing); a fresh temporary folder when absent, removed on close. */
  readonly workspace?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly store: ReportStore;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const temporary = options.workspace ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-workspace-'));
  const store = await ReportStore.open(options.workspace ?? temporary!, options.capacity);
  const pool = new ReportPool(options.pool);
  const api = new Api(store, new Uploads(pool, store));
  const handler = createHandler(apiRoutes(api), loadAssets(), LOOPBACK.has(host));
  const server = http.createServer((req, res) => void handler(req, res));
  // A slow or stalled client must not hold a connection for ever.
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  try {
    await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (err) {
    await pool.destroy();
    if (temporary) await fs.rm(temporary, { recursive: true, force: true });
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: urlOf(host, port),
    port,
    host,
    store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.destroy();
      if (temporary) await fs.rm(temporary, { recursive: true, force: true });
    },
  };
}
