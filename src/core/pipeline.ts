/**
 * The core every front end uses (CLI, server, workers): one file in, a checked Report or a clear
 * per-file error out. Nothing here throws for a bad file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { asIngestError, IngestError } from '../ingest/errors';
import { readWorkbookReport } from '../recognise/workbook-report';
import { readDocument, type InputFile, type ReadOptions } from '../ingest';
import { LIMITS } from '../ingest/limits';
import { isWorkbookPackage } from '../ingest/xlsx/sheets';
import { recognise } from '../recognise';
import { correctedView } from '../report/corrected';
import type { Report } from '../report/types';
import { validateReport } from '../validate';

export interface FileError {
  readonly code: string;
  readonly file: string;
  /** Chinese and English, on two lines. */
  readonly message: string;
  readonly zh: string;
  readonly en: string;
}

export type FileResult =
  | { readonly ok: true; readonly file: string; readonly report: Report }
  | { readonly ok: false; readonly file: string; readonly error: FileError };

export type ProcessOptions = ReadOptions;

/**
 * The report with its issues (re)computed: validation findings, then recognition diagnostics. A
 * corrected cell is checked as corrected, while the report keeps what was reported.
 */
export function checkReport(report: Report): Report {
  return { ...report, issues: [...validateReport(correctedView(report)), ...report.diagnostics] };
}

/** A report read from its document, or from a per-report workbook (Excel in), which needs no recognition. */
async function readReport(input: InputFile, file: string, options: ProcessOptions): Promise<Report> {
  if (input.bytes.length <= LIMITS.maxFileBytes && isWorkbookPackage(input.bytes, input.name)) {
    return readWorkbookReport(input.bytes, input.name, file);
  }
  const document = await readDocument(input, options);
  return recognise(document, { file, name: input.name, size: input.bytes.length, reader: document.reader });
}

export async function processInput(input: InputFile, file: string, options: ProcessOptions = {}): Promise<FileResult> {
  try {
    return { ok: true, file, report: checkReport(await readReport(input, file, options)) };
  } catch (err) {
    return { ok: false, file, error: asIngestError(err, input.name).toJSON() };
  }
}

/**
 * Reads synchronously on purpose: this runs in a worker thread that has nothing else to do while it
 * waits. An async read would hop through libuv's thread pool, which all workers share, and leave
 * the worker idle at each hop: with async I/O, 2 workers kept only 1.6 of 2 cores busy (bench).
 */
export async function processPath(file: string, options: ProcessOptions = {}): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, file, error: new IngestError('NOT_FOUND', path.basename(file), (err as Error).message).toJSON() };
  }
  return processInput({ name: path.basename(file), bytes }, file, options);
}
