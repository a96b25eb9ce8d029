/**
 * 1,000 random mutations of the sample — bytes flipped, the file cut short, zip entries swapped,
 * dropped or duplicated — through the real worker pool: every one ends in a report or in a clear
 * error naming the file, within the budget; no worker dies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { tempDir } from './helpers/cli';
import { outcomes, runFuzzed } from './helpers/fuzz-run';
import { rng } from './helpers/report-fixture';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'));
const ENTRIES = unzipSync(SAMPLE);
const NAMES = Object.keys(ENTRIES);

type Kind = 'flip' | 'truncate' | 'entries';

function mutate(seed: number): { kind: Kind; bytes: Uint8Array } {
  const random = rng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const kind: Kind = (['flip', 'truncate', 'entries'] as const)[seed % 3];
  if (kind === 'flip') {
    const bytes = Uint8Array.from(SAMPLE);
    for (let n = 1 + pick(32); n > 0; n--) bytes[pick(bytes.length)] ^= 1 << pick(8);
    return { kind, bytes };
  }
  if (kind === 'truncate') return { kind, bytes: SAMPLE.subarray(0, pick(SAMPLE.length)) };
  const files: Record<string, Uint8Array> = { ...ENTRIES };
  const a = NAMES[pick(NAMES.length)];
  const b = NAMES[pick(NAMES.length)];
  switch (pick(3)) {
    case 0:
      [files[a], files[b]] = [files[b], files[a]];
      break; // swap two parts' contents
    case 1:
      delete files[a];
      break; // drop a part
    default:
      files[a] = files['word/document.xml'].subarray(0, pick(files['word/document.xml'].length)); // a part replaced by a cut body
  }
  return { kind, bytes: zipSync(files) };
}

describe('fuzzing the sample', () => {
  it('ends every one of 1,000 mutations in a result or a clear error, and no worker dies', async () => {
    const dir = tempDir('nianbao-fuzz-');
    const files: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const { kind, bytes } = mutate(seed);
      const file = path.join(dir, `m${String(seed).padStart(4, '0')}-${kind}.docx`);
      fs.writeFileSync(file, bytes);
      files.push(file);
    }
    const { codes } = await runFuzzed(files);
    // No crash and no hang: a worker that died or a file over its budget would show here.
    expect([...codes.keys()].filter((c) => ['WORKER_FAILED', 'OUT_OF_MEMORY', 'TIMEOUT'].includes(c))).toEqual([]);
    // The mutations really vary: some still read, many fail in different ways.
    expect(codes.get('OK')).toBeGreaterThan(0);
    expect(codes.size).toBeGreaterThanOrEqual(4);
    console.log('fuzz outcomes:', outcomes(codes));
  }, 300_000);
});
