/** Runs the `nianbao` command as a user would, from the sources (bin/nianbao-dev.js; the built package is tested in package.test.ts). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const BIN = path.join(__dirname, '../../bin/nianbao-dev.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd = process.cwd()): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'nianbao-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * stderr without the progress lines a batch writes every few seconds when not on a terminal
 * (how many there are depends on the machine's speed, not on the behaviour under test).
 */
export function withoutProgress(stderr: string): string {
  return stderr.replace(/^进度 \d+\/\d+ .*\n/gm, '');
}
