/** Expands the files and folders given on the command line into the report files to read. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPORT_EXTENSIONS = ['.docx', '.html', '.htm', '.mht', '.mhtml', '.doc', '.wps', '.rtf', '.pdf', '.xlsx'] as const;

function isReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return !path.basename(lower).startsWith('~$') && REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Files in the order given; folders walked recursively, their report files sorted by path. */
export function collectFiles(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && isReportFile(e.name)) files.push(full);
    }
  };
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) walk(arg);
    else files.push(arg);
  }
  return { files, missing };
}
