/**
 * Fuzzed files through the worker pool as a batch meets them (two threads): every file gets a
 * result, and every failure is a known error naming its file in Chinese and English. The outcomes
 * are tallied (OK, or the error code) for the caller's own expectations.
 */
import * as path from 'node:path';
import { processFiles } from '../../src/batch/pool';
import type { TaskResult } from '../../src/batch/worker';
import { INGEST_ERRORS } from '../../src/ingest/errors';

export interface FuzzRun {
  readonly results: readonly TaskResult[];
  /** OK or the error code → how many files. */
  readonly codes: ReadonlyMap<string, number>;
}

export async function runFuzzed(files: readonly string[]): Promise<FuzzRun> {
  const results: TaskResult[] = [];
  await processFiles(files, { options: {} }, (r) => void results.push(r), { threads: 2 });
  expect(results).toHaveLength(files.length);
  const codes = new Map<string, number>();
  for (const r of results) {
    const code = r.ok ? 'OK' : r.error.code;
    codes.set(code, (codes.get(code) ?? 0) + 1);
    if (r.ok) continue;
    const name = path.basename(r.file);
    expect(Object.keys(INGEST_ERRORS)).toContain(r.error.code);
    expect(r.error.zh).toContain(`“${name}”`);
    expect(r.error.en).toContain(`"${name}"`);
  }
  return { results, codes };
}

/** The tally, most frequent first, for the test's log line. */
export const outcomes = (codes: ReadonlyMap<string, number>) => Object.fromEntries([...codes].sort((a, b) => b[1] - a[1]));
