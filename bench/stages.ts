/**
 * Per-stage timings over a corpus, in one process, warm: read (bytes → Document), recognise,
 * validate, one summary-workbook row, one DOCX export; and the floor (unzip + one SAX pass).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkReport } from '../src/core/pipeline';
import { reportToDocx } from '../src/export/docx';
import { SummaryWriter } from '../src/export/xlsx';
import { readDocument, type DocxReader } from '../src/ingest';
import { recognise } from '../src/recognise';
import type { Report } from '../src/report/types';
import { crossYear } from '../src/validate';
import { floorPass } from './floor-pass';

export interface StageTimes {
  readonly floor: number;
  readonly read: number;
  readonly recognise: number;
  readonly validate: number;
  readonly excelRow: number;
  readonly docx: number;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Passes over the corpus; the fastest pass counts (the machine may be shared). */
const PASSES = 3;

interface Input {
  readonly file: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * One report at a time, as a batch runs: read → recognise → validate, each stage timed, nothing
 * kept afterwards. Mean ms per report of the fastest of PASSES passes, after a warm-up pass.
 */
async function pipelineStages(inputs: readonly Input[], reader: DocxReader): Promise<Omit<StageTimes, 'excelRow' | 'docx'>> {
  let best = { floor: Infinity, read: Infinity, recognise: Infinity, validate: Infinity };
  for (let pass = 0; pass <= PASSES; pass++) {
    const sum = { floor: 0, read: 0, recognise: 0, validate: 0 };
    for (const i of inputs) {
      const t0 = now();
      floorPass(i.bytes);
      const t1 = now();
      const doc = await readDocument(i, { reader });
      const t2 = now();
      const report = recognise(doc, { file: i.file, name: i.name, size: i.bytes.length, reader });
      const t3 = now();
      checkReport(report);
      const t4 = now();
      sum.floor += t1 - t0;
      sum.read += t2 - t1;
      sum.recognise += t3 - t2;
      sum.validate += t4 - t3;
    }
    if (pass === 0) continue;
    const total = (x: typeof sum) => x.read + x.recognise + x.validate;
    if (total(sum) < total(best)) best = sum;
  }
  const n = inputs.length;
  return { floor: best.floor / n, read: best.read / n, recognise: best.recognise / n, validate: best.validate / n };
}

/** Mean ms per report of one export over (up to) `limit` reports, after a warm-up of a few. */
async function exportStage(inputs: readonly Input[], limit: number, write: (r: Report) => unknown): Promise<number> {
  const reports: Report[] = [];
  for (const i of inputs.slice(0, limit)) {
    const doc = await readDocument(i, {});
    reports.push(checkReport(recognise(doc, { file: i.file, name: i.name, size: i.bytes.length, reader: 'docx' })));
  }
  for (const r of reports.slice(0, 5)) await write(r);
  const t = now();
  for (const r of reports) await write(r);
  return (now() - t) / reports.length;
}

export async function measureStages(files: readonly string[], reader: DocxReader, withExports: boolean): Promise<StageTimes> {
  const inputs = files.map((file) => ({ file, name: path.basename(file), bytes: fs.readFileSync(file) }));
  const times = { ...(await pipelineStages(inputs, reader)), excelRow: NaN, docx: NaN };
  if (!withExports) return times;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  try {
    const writer = new SummaryWriter(path.join(dir, '汇总.xlsx'));
    const excelRow = await exportStage(inputs, inputs.length, (r) => writer.add({ ok: true, file: r.source.file, report: r }));
    await writer.finish(crossYear(writer.yearRecords()));
    const docx = await exportStage(inputs, 50, (r) => reportToDocx(r));
    return { ...times, excelRow, docx };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
