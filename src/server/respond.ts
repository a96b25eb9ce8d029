/**
 * Writing responses: JSON, downloads and errors, each with the security headers of every
 * response (a strict Content-Security-Policy: the page runs only its own scripts and styles, loads
 * nothing from elsewhere, and cannot be framed).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HttpError, httpErrors } from './errors';
import { SERVER_LIMITS } from './limits';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' });
}

/**
 * An error answer. When the request body was not read to its end (a refused upload) the
 * connection cannot serve another request, so the answer says "Connection: close".
 */
export function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const http = error instanceof HttpError ? error : httpErrors.internal();
  if (!(error instanceof HttpError)) console.error(`内部错误 / internal error: ${(error as Error)?.stack ?? String(error)}`);
  if (!req.complete && !res.headersSent) {
    res.setHeader('Connection', 'close');
    lingerOnClose(req.socket);
  }
  sendJson(res, http.status, { error: http.toJSON() });
}

/** How long the rest of a refused request is read and dropped before the connection is cut. */
const LINGER_MS = 2000;

/**
 * Node closes a "Connection: close" socket as soon as the answer is written (destroySoon). A
 * client still sending its body would then get a reset, and a reset can drop the answer before
 * the client reads it. So this socket stops writing, reads and drops what still comes for a
 * moment, and only then closes; reading on for ever would let a client stream without end.
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    socket.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

/** Reads a small JSON body (cell edits). */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > SERVER_LIMITS.maxJsonBytes) {
        req.removeAllListeners('data');
        reject(httpErrors.jsonTooLarge());
      } else chunks.push(c);
    });
    req.on('error', () => reject(httpErrors.badJson()));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(httpErrors.badJson());
      }
    });
  });
}
