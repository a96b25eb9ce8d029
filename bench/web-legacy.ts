/**
 * Speed of the web-page and legacy readers, measured (never asserted in a test):
 *   node bin/run-ts.js bench/web-legacy.ts [--pages 200] [--docs 3]
 * Prints ms per page for .html and .mht (read + body finding + recognition + validation), split
 * into ingest and the rest, and seconds per .doc conversion through LibreOffice (when installed).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { processInput } from '../src/core/pipeline';
import { readDocument } from '../src/ingest';
import { findSoffice } from '../src/ingest/soffice';
import { buildDocx } from '../test/helpers/docx-fixture';
import { CHARSETS, generatePage, QUIRKS, toMht, type Quirk } from '../test/helpers/html-fixture';
import { consistentValues, reportBlocks, rng } from '../test/helpers/report-fixture';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function corpus(count: number): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const random = rng(seed);
    const quirks = [QUIRKS[Math.floor(random() * QUIRKS.length)]] as Quirk[];
    const page = generatePage({ version: seed % 2 ? '2019' : '2021', seed, quirks, charset: CHARSETS[seed % CHARSETS.length] });
    out.push(
      seed % 3 === 0
        ? { name: `p${seed}.mht`, bytes: toMht(page.html, { saver: 'blink', transfer: 'quoted-printable', charset: 'utf-8' }) }
        : { name: `p${seed}.html`, bytes: page.bytes },
    );
  }
  return out;
}

async function pages(count: number): Promise<void> {
  const files = corpus(count);
  for (const f of files) await processInput(f, f.name); // warm-up: one whole pass
  let t = performance.now();
  for (const f of files) await readDocument(f);
  const ingest = (performance.now() - t) / files.length;
  t = performance.now();
  let failed = 0;
  for (const f of files) if (!(await processInput(f, f.name)).ok) failed++;
  const total = (performance.now() - t) / files.length;
  const kb = files.reduce((n, f) => n + f.bytes.length, 0) / files.length / 1024;
  console.log(`web pages: ${files.length} (${kb.toFixed(0)} KB each, ⅓ .mht), ${failed} failed`);
  console.log(`  ingest (decode + parse + body): ${ingest.toFixed(1)} ms/page; whole pipeline: ${total.toFixed(1)} ms/page`);
}

async function docs(count: number): Promise<void> {
  const soffice = findSoffice();
  if (!soffice || count <= 0) return void console.log('legacy .doc: skipped (soffice not installed or --docs 0)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-doc-'));
  try {
    const docx = path.join(dir, 'r.docx');
    fs.writeFileSync(docx, await buildDocx(reportBlocks({ version: '2021', values: consistentValues('2021', 1) })));
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'p')).href}`,
        '--headless',
        '--convert-to',
        'doc:MS Word 97',
        '--outdir',
        dir,
        docx,
      ],
      { stdio: 'ignore' },
    );
    const bytes = fs.readFileSync(path.join(dir, 'r.doc'));
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const r = await processInput({ name: 'r.doc', bytes }, 'r.doc');
      if (!r.ok) console.warn(`  ${r.error.code}`);
      times.push((performance.now() - t) / 1000);
    }
    console.log(
      `legacy .doc through LibreOffice (fresh private profile each): ${times.map((s) => s.toFixed(1)).join(', ')} s per file`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `年报通 web/legacy benchmark — ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
  );
  await pages(option('pages', 200));
  await docs(option('docs', 3));
}

main();
