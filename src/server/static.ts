/**
 * The page's own files (src/server/web/), read once at start. Requests are answered by exact
 * lookup in this table, never by joining a request path to a folder, so no path can reach any
 * other file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// From the package root, so that the same path holds for the sources (src/server) and the compiled
// package (dist/server): the page is plain files, served as they are, never compiled.
export const WEB_DIR = path.resolve(__dirname, '../../src/server/web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  readonly type: string;
  readonly bytes: Buffer;
}

export function loadAssets(dir = WEB_DIR): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of fs.readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const asset = { type, bytes: fs.readFileSync(path.join(dir, name)) };
    assets.set(name === 'index.html' ? '/' : `/assets/${name}`, asset);
  }
  return assets;
}
