/**
 * Loads the format descriptions of templates/ and resolves their {"$ref": "file.json#/pointer"}
 * references, so the shared pieces (table 四, the applicant columns) are written once. Every file is
 * checked against its JSON Schema in templates/schema/ when first loaded (template-schema.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTemplate } from './template-schema';
import type { FormatSpec, FormatVersion } from './types';

// The package root's templates/: two levels up from src/formats and from the compiled dist/formats alike.
/** NIANBAO_TEMPLATES points at another templates folder (a new format tried before it ships). */
export const TEMPLATES_DIR = process.env.NIANBAO_TEMPLATES
  ? path.resolve(process.env.NIANBAO_TEMPLATES)
  : path.resolve(__dirname, '../../templates');

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
    // Another file is loaded (and so checked against its own schema) first: a mistake in it is
    // reported naming that file, not the one that refers to it.
    if (target && target !== file) return pointer(loadTemplate(target), ptr);
    return resolveRefs(pointer(readTemplate(file), ptr), file, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k !== '$comment') out[k] = resolveRefs(v, file, depth + 1);
  return out;
}

const resolvedCache = new Map<string, unknown>();

const loading = new Set<string>();

/**
 * A JSON file of templates/, read once, its $refs resolved, $comment keys dropped and checked
 * against its schema: a file that does not match is an error naming the file and the place in it.
 */
export function loadTemplate<T>(file: string): T {
  let json = resolvedCache.get(file);
  if (json === undefined) {
    if (loading.has(file)) throw new Error(`templates: circular $ref through ${file}`);
    loading.add(file);
    try {
      json = resolveRefs(readTemplate(file), file);
    } finally {
      loading.delete(file);
    }
    checkTemplate(file, json);
    resolvedCache.set(file, json);
  }
  return json as T;
}

export function templateExists(file: string): boolean {
  return fs.existsSync(path.join(TEMPLATES_DIR, file));
}

/** The first capture group of every templates/ file name that matches `pattern`, in version order. */
function versionsNamed(pattern: RegExp): FormatVersion[] {
  const versions = fs
    .readdirSync(TEMPLATES_DIR)
    .map((f) => pattern.exec(f)?.[1])
    .filter((v): v is string => !!v);
  // Shorter first, then by character: numeric order for year-like versions, without setting up ICU's collator (8 ms a thread).
  return [...new Set(versions)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** The format versions whose descriptions (format-<version>.json) are in templates/, oldest first. */
export function templateFormatVersions(): FormatVersion[] {
  return versionsNamed(/^format-(.+)\.json$/);
}

/** The formats a report can be migrated into: those with a templates/migrate-<from>-to-<version>.json. */
export function migrationTargets(): FormatVersion[] {
  return versionsNamed(/^migrate-.+-to-(.+)\.json$/);
}

export function loadFormatSpec(version: FormatVersion): FormatSpec {
  return loadTemplate<FormatSpec>(`format-${version}.json`);
}
