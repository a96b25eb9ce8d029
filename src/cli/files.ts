/**
 * Expands the files and folders given on the command line into the inputs of a batch, in the
 * order given. Nothing is skipped in silence: a file of a kind we do not read is an input that
 * fails (无法读取, with the reason), a missing path or an empty folder likewise. Left out are only
 * what the system and Word put there (.DS_Store, Thumbs.db, desktop.ini, Word's lock files ~$…) and
 * hidden folders (.git…); a file whose name merely starts with a dot is the user's and is listed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileError } from '../core/pipeline';
import { IngestError, type IngestErrorCode } from '../ingest/errors';

export const REPORT_EXTENSIONS = ['.docx', '.html', '.htm', '.mht', '.mhtml', '.doc', '.wps', '.rtf', '.pdf', '.xlsx'] as const;

/** One input of a batch: a file to read, or a path already known to fail. */
export interface Input {
  readonly file: string;
  readonly error?: FileError;
}

function isReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

function isSystemFile(name: string): boolean {
  return SYSTEM_FILES.has(name.toLowerCase()) || name.startsWith('~$');
}

function failed(file: string, code: IngestErrorCode): Input {
  return { file, error: new IngestError(code, file).toJSON() };
}

/** A file in a folder that is not a report file: listed with why it cannot be read. */
function unreadableKind(file: string): Input {
  return failed(file, 'UNSUPPORTED_TYPE');
}

/** What a folder entry is, following a symbolic link (a broken one is a file that cannot be found). */
function kindOf(e: fs.Dirent, full: string): 'dir' | 'file' | 'missing' | 'other' {
  if (!e.isSymbolicLink()) return e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
  try {
    const stat = fs.statSync(full);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function walk(dir: string, into: Input[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const kind = kindOf(e, full);
    if (kind === 'dir' && !e.name.startsWith('.') && !e.isSymbolicLink()) walk(full, into);
    else if (kind === 'missing') into.push(failed(full, 'NOT_FOUND'));
    else if (kind === 'file' && !isSystemFile(e.name)) into.push(isReportFile(e.name) ? { file: full } : unreadableKind(full));
  }
}

/** Files in the order given; folders walked recursively, their files sorted by path. */
export function collectInputs(args: readonly string[]): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      inputs.push(failed(arg, 'NOT_FOUND'));
      continue;
    }
    if (!stat.isDirectory()) {
      inputs.push({ file: arg });
      continue;
    }
    const before = inputs.length;
    walk(arg, inputs);
    if (inputs.length === before) inputs.push(failed(arg, 'EMPTY_FOLDER'));
  }
  return inputs;
}
