/**
 * The web server under load, for `npm run bench`: a real `nianbao serve` process on a fresh
 * workspace, 20 uploaders at once sending small reports one by one (test/helpers/load.ts, the
 * driver the load test uses), while the page and the list are asked for all along. Prints
 * reports/s (each one read and durably stored before its answer), the busy answers retried, the
 * server's peak resident memory and how long the page took to answer meanwhile.
 */
import * as path from 'node:path';
import { loadReports, runLoad } from '../test/helpers/load';
import { serveProcess } from '../test/helpers/server';

const BIN = path.join(__dirname, '../bin/nianbao.js');

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

export async function printServeLoad(dir: string, count: number, uploaders = 20): Promise<void> {
  const files = loadReports(count);
  const { child, url } = await serveProcess({ bin: BIN, args: ['--workspace', path.join(dir, 'workspace')] });
  try {
    const r = await runLoad(url, files, uploaders, child.pid);
    const kept = r.answers.filter((a) => a.state === 'ok' || a.state === 'errors').length;
    const ms = r.probes.map((p) => p.ms);
    console.log(
      `\nnianbao serve under load: ${uploaders} uploaders × ${count / uploaders} reports (${Math.round(files.reduce((n, f) => n + f.bytes.length, 0) / count / 1024)} KB each), workspace on disk`,
    );
    console.log(
      `| reports kept | seconds | reports/s | busy answers retried | server peak RSS | page/list answer median | p95 | max |`,
    );
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${kept} / ${count} | ${r.seconds.toFixed(1)} | ${(kept / r.seconds).toFixed(1)} | ${r.busy} | ${r.peakRssMb.toFixed(0)} MB | ${percentile(ms, 0.5)} ms | ${percentile(ms, 0.95)} ms | ${Math.max(...ms)} ms |`,
    );
  } finally {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await gone;
  }
}
