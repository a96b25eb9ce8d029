/** Runs the real pipeline on bytes built in a test. */
import { processInput, type FileResult } from '../../src/core/pipeline';
import type { DocxReader } from '../../src/ingest';
import type { Report } from '../../src/report/types';
import { buildDocx, type FxBlock } from './docx-fixture';
import { reportBlocks, type FxReport } from './report-fixture';

export async function readBytes(bytes: Uint8Array, name = 'fixture.docx', reader?: DocxReader): Promise<FileResult> {
  return processInput({ name, bytes }, name, { reader });
}

export async function readReport(bytes: Uint8Array, name = 'fixture.docx', reader?: DocxReader): Promise<Report> {
  const result = await readBytes(bytes, name, reader);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

export async function readBlocks(blocks: readonly FxBlock[], reader?: DocxReader): Promise<Report> {
  return readReport(await buildDocx(blocks), 'fixture.docx', reader);
}

export async function readFixture(r: FxReport, reader?: DocxReader): Promise<Report> {
  return readBlocks(reportBlocks(r), reader);
}

/** Keys whose value differs from the expectation, with both values: [] when all agree. */
export function fieldDiff(actual: Readonly<Record<string, unknown>>, expected: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(expected)
    .filter((k) => actual[k] !== expected[k])
    .map((k) => `${k}: expected ${JSON.stringify(expected[k])}, got ${JSON.stringify(actual[k])}`);
}
