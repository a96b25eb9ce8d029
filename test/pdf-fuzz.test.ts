/**
 * PDF mutations and hostile PDFs through the real worker pool, in one batch with a good report:
 * bytes flipped, the file cut short, arrays nested 100,000 deep, a page tree that contains itself,
 * a stream that claims a gigabyte, a page of a million ruling lines. Every file ends in a result or
 * a clear error naming it, no worker dies, and the good report in the same batch is read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { outcomes, runFuzzed } from './helpers/fuzz-run';
import { buildPdf, cellText, ruledTable, type PdfOp } from './helpers/pdf-fixture';
import { rng } from './helpers/report-fixture';

const XS = [72, 200, 300, 400];
const YS = [700, 680, 660, 640];
const BASE = buildPdf({
  pages: [
    [
      { text: 'Annual report', x: 72, y: 740 },
      ...ruledTable(XS, YS),
      ...['Item', 'A', 'B', 'r1', '1', '2', 'r2', '3', '4'].map((t, i) => cellText(XS, YS, Math.floor(i / 3), i % 3, t)),
    ],
  ],
});
const latin = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

function mutate(seed: number): { kind: string; bytes: Uint8Array } {
  const random = rng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  if (seed % 2 === 0) {
    const b = Uint8Array.from(BASE);
    for (let n = 1 + pick(16); n > 0; n--) b[pick(b.length)] ^= 1 << pick(8);
    return { kind: 'flip', bytes: b };
  }
  return { kind: 'truncate', bytes: BASE.subarray(0, pick(BASE.length)) };
}

const HOSTILE: Record<string, () => Uint8Array> = {
  'nested-arrays': () =>
    bytes(latin(BASE).replace('/Type /Catalog', `/Type /Catalog /Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
  'page-tree-loop': () => bytes(latin(BASE).replace(/\/Kids \[[^\]]*\]/, '/Kids [2 0 R 2 0 R]')),
  'huge-stream-length': () => bytes(latin(BASE).replace(/\/Length \d+/, '/Length 1073741824')),
  'million-lines': () =>
    buildPdf({
      pages: [
        [
          { text: 'Annual report of lines', x: 72, y: 740 },
          ...Array.from({ length: 1_000_000 }, (_, i): PdfOp => ({ line: [72, 100 + (i % 500), 400, 100 + (i % 500)] })),
        ],
      ],
    }),
};

describe('PDF mutations and hostile PDFs in one batch', () => {
  it('end in a result or a clear error naming the file, no worker dies, and the good report is read', async () => {
    const dir = tempDir('nianbao-pdf-fuzz-');
    const files: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const { kind, bytes: b } = mutate(seed);
      files.push(path.join(dir, `m${String(seed).padStart(3, '0')}-${kind}.pdf`));
      fs.writeFileSync(files[files.length - 1], b);
    }
    for (const [name, make] of Object.entries(HOSTILE)) {
      files.push(path.join(dir, `hostile-${name}.pdf`));
      fs.writeFileSync(files[files.length - 1], make());
    }
    const good = path.join(dir, 'good.docx');
    fs.copyFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'), good);
    files.push(good);

    const { results, codes } = await runFuzzed(files);
    expect(results.find((r) => r.file === good)?.ok).toBe(true);
    expect([...codes.keys()].filter((c) => ['WORKER_FAILED', 'OUT_OF_MEMORY'].includes(c))).toEqual([]);
    console.log('pdf fuzz outcomes:', outcomes(codes));
  }, 600_000);
});
