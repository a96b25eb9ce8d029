/**
 * `npm run bench`: generates a varied corpus (both formats) in a temp folder and prints, in one
 * run: ms per report per stage for both DOCX readers, the floor (unzip + one SAX pass) measured
 * the same way, end-to-end reports/s on 1 core and on all cores, peak RSS, and the peak RSS of a
 * summary workbook over 5,000 reports, the cold start of the compiled command (bench/cold.ts), PDF reports
 * (bench/pdf.ts) next to pdftotext -bbox, `nianbao serve` under 20 concurrent uploaders (serve-load.ts), and the
 * web page with 200 reports dropped at once (web-page.ts).
 *   npm run bench -- [--reports 500] [--summary 5000] [--load 1000] [--page 200] [--keep] [--only cold]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultThreads } from '../src/batch/pool';
import { printColdStart } from './cold';
import { writeCorpus } from './corpus';
import { printPdfBench } from './pdf';
import { measureStages, type StageTimes } from './stages';
import { printServeLoad } from './serve-load';
import { printScaling, ROUNDS } from './throughput';
import { measurePage } from './web-page';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Runs the summary command over `count` reports (hard links to the corpus) in a child; its peak RSS. */
function summaryPeak(files: readonly string[], count: number, dir: string): { mb: number; seconds: number } {
  const many = path.join(dir, `summary-${count}`);
  fs.mkdirSync(many, { recursive: true });
  for (let i = 0; i < count; i++) fs.linkSync(files[i % files.length], path.join(many, `r${String(i).padStart(5, '0')}.docx`));
  const t = Date.now();
  const bin = path.join(__dirname, '../bin/nianbao-dev.js');
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'MAXRSS_KB=%M', process.execPath, bin, 'summary', many, '-o', path.join(dir, '汇总.xlsx')],
    { encoding: 'utf8' },
  );
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0 && r.status !== 1) console.warn(r.stderr.slice(-2000));
  return { mb: kb / 1024, seconds: (Date.now() - t) / 1000 };
}

function row(name: string, t: StageTimes): string {
  const core = t.read + t.recognise + t.validate;
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
  return `| ${name} | ${f(t.floor)} | ${f(t.read)} | ${f(t.recognise)} | ${f(t.validate)} | ${f(core)} | ${(core / t.floor).toFixed(1)}× | ${f(t.excelRow)} | ${f(t.docx)} |`;
}

async function main(): Promise<void> {
  const reports = option('reports', 500);
  const summaryCount = option('summary', 5000);
  const loadCount = option('load', 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  console.log(`年报通 benchmark — ${os.cpus()[0]?.model ?? 'cpu'} × ${defaultThreads()}, Node ${process.version}`);
  let t = Date.now();
  const files = await writeCorpus(path.join(dir, 'corpus'), reports);
  const kb = files.reduce((n, f) => n + fs.statSync(f).size, 0) / files.length / 1024;
  console.log(
    `corpus: ${reports} generated reports (both formats, quirks mixed), ${kb.toFixed(0)} KB each, in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );

  console.log('ms per report (mean, warm, one thread)');
  console.log('| reader | floor | read | recognise | validate | read+recognise+validate | ÷ floor | Excel row | DOCX export |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const coldOnly = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'cold';
  const direct = await measureStages(files, 'docx', !coldOnly);
  console.log(row('docx (direct)', direct));
  if (coldOnly) {
    console.log('\ncold start: the compiled command (dist/) in fresh processes, median of 5 interleaved runs (range)');
    printColdStart(files, direct.floor, dir);
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const mammoth = await measureStages(files, 'mammoth', false);
  console.log(row('mammoth', { ...mammoth, excelRow: direct.excelRow, docx: direct.docx }));

  await printPdfBench(files, dir);

  const cores = defaultThreads();
  console.log(
    `\nend to end: read + recognise + validate + write JSON, files on disk, each run in a fresh process, threads warmed up, ${ROUNDS} interleaved rounds: median (range)`,
  );
  printScaling(files, cores);
  console.log('\ncold start: the compiled command (dist/) in fresh processes, median of 5 interleaved runs (range)');
  printColdStart(files, direct.floor, dir);
  console.log(`\npeak RSS of this benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  if (summaryCount > 0) {
    t = Date.now();
    const s = summaryPeak(files, summaryCount, dir);
    console.log(
      `summary workbook over ${summaryCount} reports (nianbao summary, child process): peak RSS ${s.mb.toFixed(0)} MB, ${s.seconds.toFixed(0)} s`,
    );
  }
  if (loadCount > 0) await printServeLoad(dir, loadCount);
  const pageFiles = option('page', 200);
  if (pageFiles > 0) console.log(`\n${(await measurePage(pageFiles)) ?? 'web page: /usr/bin/chromium not found, not measured'}`);
  if (process.argv.includes('--keep')) console.log(`\nfiles kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

void main();
