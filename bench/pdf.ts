/**
 * PDF reports: some of the corpus printed to PDF by LibreOffice (one soffice call), then ms per
 * report and per page for our reader (pdfjs text layer + drawing operations → Document) and for
 * read + recognise, next to poppler's `pdftotext -bbox` (text with boxes only, a process per file)
 * on the same files. Skipped without LibreOffice; the poppler column without pdftotext.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDocument } from '../src/ingest';
import { findSoffice, onPath } from '../src/ingest/soffice';
import { recognise } from '../src/recognise';

function printAll(files: readonly string[], outDir: string): string[] {
  const soffice = findSoffice();
  if (!soffice) return [];
  fs.mkdirSync(outDir, { recursive: true });
  spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${outDir}/profile`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: 600_000 },
  );
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf'))).filter((f) => fs.existsSync(f));
}

function pageCount(file: string): number {
  return Number(/\/Type\s*\/Pages[^]*?\/Count\s+(\d+)/.exec(fs.readFileSync(file, 'latin1'))?.[1] ?? 1);
}

export async function printPdfBench(corpus: readonly string[], dir: string, count = 20): Promise<void> {
  const pdfs = printAll(corpus.filter((f) => f.endsWith('.docx')).slice(0, count), path.join(dir, 'pdf'));
  if (pdfs.length === 0) {
    console.log('\nPDF: skipped (LibreOffice not installed)');
    return;
  }
  const bytes = pdfs.map((f) => fs.readFileSync(f));
  const pages = pdfs.reduce((n, f) => n + pageCount(f), 0);
  await readDocument({ name: 'warm.pdf', bytes: bytes[0] });
  let t = performance.now();
  const docs = [];
  for (const [i, b] of bytes.entries()) docs.push(await readDocument({ name: pdfs[i], bytes: b }));
  const read = performance.now() - t;
  t = performance.now();
  docs.forEach((d, i) => recognise(d, { file: pdfs[i], name: pdfs[i], size: bytes[i].length, reader: d.reader }));
  const rec = performance.now() - t;
  const f = (ms: number) => `${(ms / pdfs.length).toFixed(1)} ms/report, ${(ms / pages).toFixed(1)} ms/page`;
  console.log(`\nPDF: ${pdfs.length} corpus reports printed to PDF by LibreOffice, ${pages} pages, warm, one thread`);
  console.log(`| reader | read | read + recognise |\n|---|---|---|\n| nianbao (pdfjs) | ${f(read)} | ${f(read + rec)} |`);
  if (!onPath('pdftotext')) {
    console.log('| pdftotext -bbox | — (poppler-utils not installed) | — |');
    return;
  }
  t = performance.now();
  for (const file of pdfs) spawnSync('pdftotext', ['-bbox', file, path.join(dir, 'pdf', 'out.html')]);
  console.log(`| pdftotext -bbox (text and boxes only, a process per file) | ${f(performance.now() - t)} | — |`);
}
