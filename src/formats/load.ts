/**
 * Loads the format descriptions of templates/ and resolves their {"$ref": "file.json#/pointer"}
 * references, so the shared pieces (table 四, the applicant columns) are written once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FormatSpec, FormatVersion } from './types';

// The package root's templates/: two levels up from src/formats and from the compiled dist/formats alike.
export const TEMPLATES_DIR = path.resolve(__dirname, '../../templates');

const fileCache = new Map<string, unknown>();

function readTemplate(file: string): unknown {
  let json = fileCache.get(file);
  if (json === undefined) {
    json = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8'));
    fileCache.set(file, json);
  }
  return json;
}

function pointer(doc: unknown, ptr: string): unknown {
  let node = doc;
  for (const part of ptr.split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object' || !(part in node)) {
      throw new Error(`templates: unresolved $ref pointer ${ptr}`);
    }
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Replaces every $ref node by the node it points at (recursively); drops $comment keys. */
export function resolveRefs(node: unknown, file: string, depth = 0): unknown {
  if (depth > 32) throw new Error(`templates: $ref nesting too deep in ${file}`);
  if (Array.isArray(node)) return node.map((n) => resolveRefs(n, file, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string') {
    const [target, ptr = ''] = obj.$ref.split('#');
    const targetFile = target || file;
    return resolveRefs(pointer(readTemplate(targetFile), ptr), targetFile, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k !== '$comment') out[k] = resolveRefs(v, file, depth + 1);
  return out;
}

const resolvedCache = new Map<string, unknown>();

/** A JSON file of templates/, read once, its $refs resolved and $comment keys dropped. */
export function loadTemplate<T>(file: string): T {
  let json = resolvedCache.get(file);
  if (json === undefined) {
    json = resolveRefs(readTemplate(file), file);
    resolvedCache.set(file, json);
  }
  return json as T;
}

export function templateExists(file: string): boolean {
  return fs.existsSync(path.join(TEMPLATES_DIR, file));
}

export function loadFormatSpec(version: FormatVersion): FormatSpec {
  return loadTemplate<FormatSpec>(`format-${version}.json`);
}
