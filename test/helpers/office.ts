/**
 * LibreOffice for tests that open our files as a user's office suite would: the same soffice the
 * product finds, a private profile per run (parallel runs do not clash) and a time limit (a stuck
 * office never hangs the suite).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice, onPath } from '../../src/ingest/soffice';

export { findSoffice, onPath };

const TIMEOUT_MS = 180_000;

/** Converts `files` with `soffice --convert-to <filter>` into `outDir`. */
export function officeConvert(
  soffice: string,
  files: readonly string[],
  filter: string,
  outDir: string,
): SpawnSyncReturns<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lo-profile-'));
  try {
    return spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        ...files,
      ],
      { cwd: outDir, timeout: TIMEOUT_MS, encoding: 'utf8' },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
