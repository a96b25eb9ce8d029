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
import { crossYear } from '../src/validate';
import { floorPass } from './reader';

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

/** Passes over the corpus per stage; the fastest pass counts (the machine may be shared). */
const PASSES = 3;

/** Mean ms per report of `run` over all inputs: one warm-up pass, then the fastest of PASSES passes. */
async function timed<T, R>(inputs: readonly T[], run: (input: T) => R | Promise<R>, passes = PASSES): Promise<{ ms: number; results: R[] }> {
  let results: R[] = [];
  for (const input of inputs) results.push(await run(input));
  let best = Infinity;
  for (let k = 0; k < passes; k++) {
    results = [];
    const t = now();
    for (const input of inputs) results.push(await run(input));
    best = Math.min(best, (now() - t) / inputs.length);
  }
  return { ms: best, results };
}

export async function measureStages(files: readonly string[], reader: DocxReader, withExports: boolean): Promise<StageTimes> {
  const inputs = files.map((file) => ({ file, name: path.basename(file), bytes: fs.readFileSync(file) }));
  const floor = await timed(inputs, (i) => floorPass(i.bytes));
  const read = await timed(inputs, (i) => readDocument(i, { reader }));
  const recognised = await timed(inputs.map((i, k) => ({ i, doc: read.results[k] })), ({ i, doc }) =>
    recognise(doc, { file: i.file, name: i.name, size: i.bytes.length, reader }));
  const validate = await timed(recognised.results, (r) => checkReport(r));
  const times = { floor: floor.ms, read: read.ms, recognise: recognised.ms, validate: validate.ms, excelRow: NaN, docx: NaN };
  if (!withExports) return times;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  try {
    const writer = new SummaryWriter(path.join(dir, '汇总.xlsx'));
    const excel = await timed(validate.results, (r) => writer.add({ ok: true, file: r.source.file, report: r }), 1);
    await writer.finish(crossYear(writer.yearRecords()));
    const docx = await timed(validate.results.slice(0, 50), (r) => reportToDocx(r), 1);
    return { ...times, excelRow: excel.ms, docx: docx.ms };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
