/**
 * Safe output names. File and agency names come from users and documents: path separators, '..',
 * ':' and control characters must never let a name leave the output folder or break a file system.
 */
import * as path from 'node:path';

const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeFileName(name: string, fallback = 'report'): string {
  let base = name
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\.{2,}/g, '.');
  if (RESERVED.test(base)) base = `_${base}`;
  base = [...base].slice(0, 120).join('');
  return base || fallback;
}

/** The base name of an input file without its extension, made safe. */
export function outputStem(file: string): string {
  return safeFileName(path.basename(file).replace(/\.[^.]+$/, ''));
}

/** Resolves a name inside a folder, refusing anything that would land outside it. */
export function insideFolder(folder: string, name: string): string {
  const root = path.resolve(folder);
  const target = path.resolve(root, safeFileName(name));
  if (path.dirname(target) !== root) throw new Error(`unsafe output name: ${name}`);
  return target;
}
