/**
 * Reader speed against the floor, warm, on the sample (or on the .docx files given as arguments):
 *   floor  = find and inflate word/document.xml (zlib) + one saxes pass with empty handlers (floor-pass.js)
 *   docx   = the direct reader (ingest/docx), bytes → Document
 *   mammoth = the reference reader, bytes → HTML → Document
 * Run: node bin/run-ts.js bench/reader.ts [file.docx …] [--iterations N]
 * Exported so that the project benchmark can reuse the same measurements.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { floorPass } from './floor-pass';
import { readDocx } from '../src/ingest/docx';
import { readDocxPackage } from '../src/ingest/docx-package';

/** Milliseconds per read: median and fastest of the timed iterations (the machine may be shared). */
export interface Timing {
  readonly median: number;
  readonly min: number;
}

export interface ReaderTimes {
  readonly file: string;
  readonly bytes: number;
  readonly floor: Timing;
  readonly docx: Timing;
  readonly mammoth: Timing;
}

async function timing(iterations: number, run: () => unknown): Promise<Timing> {
  const warm = Math.max(10, Math.floor(iterations / 5));
  for (let i = 0; i < warm; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

export async function measureReaders(file: string, iterations = 200): Promise<ReaderTimes> {
  const bytes = fs.readFileSync(file);
  const name = path.basename(file);
  const floor = await timing(iterations, () => floorPass(bytes));
  const docx = await timing(iterations, () => readDocx(bytes, name));
  const mammoth = await timing(Math.max(20, Math.floor(iterations / 5)), () => readDocxPackage(bytes, name, 'mammoth'));
  return { file: name, bytes: bytes.length, floor, docx, mammoth };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--iterations');
  const iterations = at >= 0 ? Number(args.splice(at, 2)[1]) : 300;
  const files = args.length ? args : [path.join(__dirname, '../samples/xinzhou-jkq-2020.docx')];
  const ms = (t: Timing) => `${t.median.toFixed(2)} (${t.min.toFixed(2)})`;
  console.log('ms per read, median (fastest); ratios of medians (of fastest)');
  console.log('file\tKB\tfloor\tdocx\tmammoth\tdocx/floor\tmammoth/floor');
  for (const file of files) {
    const t = await measureReaders(file, iterations);
    const ratio = (a: Timing, b: Timing, digits: number) =>
      `${(a.median / b.median).toFixed(digits)} (${(a.min / b.min).toFixed(digits)})`;
    console.log(
      [
        t.file,
        (t.bytes / 1024).toFixed(0),
        ms(t.floor),
        ms(t.docx),
        ms(t.mammoth),
        ratio(t.docx, t.floor, 2),
        ratio(t.mammoth, t.floor, 0),
      ].join('\t'),
    );
  }
}

if (require.main === module) void main();
