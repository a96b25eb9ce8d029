/**
 * Request dispatch: the Host and Origin checks, the routes of the page and the API, and the one
 * place where anything a handler throws becomes an error answer, so no request can crash the
 * server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api, Handler } from './api';
import { HttpError, httpErrors } from './errors';
import { send, sendError } from './respond';
import type { Asset } from './static';

interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly handler: Handler;
}

const ID = '([0-9a-f-]{36})';

export function apiRoutes(api: Api): Route[] {
  const r = (method: string, path: string, handler: Handler): Route => ({ method, path: new RegExp(`^${path}$`), handler });
  return [
    r('GET', '/api/config', api.getConfig),
    r('GET', '/api/reports', api.list),
    r('POST', '/api/reports', api.upload),
    r('DELETE', '/api/reports', api.clear),
    r('GET', `/api/reports/${ID}`, api.get),
    r('DELETE', `/api/reports/${ID}`, api.remove),
    r('POST', `/api/reports/${ID}/cells`, api.editCell),
    r('POST', `/api/reports/${ID}/fill-zero`, api.fillZero),
    r('POST', `/api/reports/${ID}/undo`, api.undo),
    r('POST', `/api/reports/${ID}/choose`, api.choose),
    r('POST', `/api/reports/${ID}/reread`, api.reread),
    r('GET', `/api/reports/${ID}/download/([a-z]+)`, api.download),
    r('GET', '/api/cross-year', api.crossYear),
    r('GET', '/api/year', api.year),
    r('POST', '/api/year/roster', api.importRoster),
    r('POST', '/api/year/roster-from-last', api.rosterFromLastYear),
    r('POST', '/api/year/assign', api.assign),
    r('GET', '/api/summary.xlsx', api.summary),
  ];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

/**
 * On loopback the Host must name this machine: a web site that re-points its own domain to
 * 127.0.0.1 (DNS rebinding) is refused. A state-changing request from another origin is refused too.
 */
function checkOrigin(req: IncomingMessage, loopbackOnly: boolean): void {
  const host = req.headers.host ?? '';
  if (loopbackOnly && !LOOPBACK_HOSTS.has(hostName(host).toLowerCase())) throw httpErrors.badHost();
  const origin = req.headers.origin;
  if (req.method !== 'GET' && req.method !== 'HEAD' && origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw httpErrors.crossOrigin();
    }
    if (originHost !== host) throw httpErrors.crossOrigin();
  }
}

export function createHandler(routes: readonly Route[], assets: ReadonlyMap<string, Asset>, loopbackOnly: boolean) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      checkOrigin(req, loopbackOnly);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const asset = assets.get(path);
      if (asset) {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw httpErrors.methodNotAllowed();
        send(res, 200, asset.type, asset.bytes, { 'Cache-Control': 'no-cache' });
        return;
      }
      const matching = routes.filter((r) => r.path.test(path));
      if (!matching.length) throw httpErrors.notFound();
      const route = matching.find((r) => r.method === req.method);
      if (!route) throw httpErrors.methodNotAllowed();
      await route.handler({ req, res, params: route.path.exec(path)!.slice(1) });
    } catch (err) {
      sendError(req, res, err instanceof HttpError || !(err instanceof URIError) ? err : httpErrors.notFound());
    }
  };
}
