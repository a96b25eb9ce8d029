/**
 * Load on a running `nianbao serve`: many uploaders at once, each sending its reports one by one
 * (as the page does), retrying when the server says it is busy (503), while a watcher keeps asking
 * for the page and the report list and samples the server's resident memory. Used by the load
 * test (what arrives, nothing lost or doubled, the page answering) and by `npm run bench` (figures).
 */
import * as fs from 'node:fs';
import { generatePage } from './html-fixture';
import type { UploadFile } from './server';

/** Small distinct reports (web pages as bodies publish them): body i of the county, year 2023, values seeded by i. */
export function loadReports(count: number): UploadFile[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `单位${String(i + 1).padStart(4, '0')}.html`,
    bytes: generatePage({ version: '2021', seed: i + 1, agency: `某某县第${i + 1}单位`, year: 2023 }).bytes,
  }));
}

export interface LoadResult {
  readonly seconds: number;
  /** Every upload's answer for its one file (state, id, name). */
  readonly answers: { state: string; id?: string; name: string }[];
  /** 503 answers that were retried. */
  readonly busy: number;
  /** The watcher's requests during the load: status and milliseconds. */
  readonly probes: { status: number; ms: number }[];
  /** Highest resident memory of the server process seen, in MB (NaN when it cannot be read). */
  readonly peakRssMb: number;
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function uploadOne(
  base: string,
  file: UploadFile,
): Promise<{ status: number; body: { files?: { state: string; id?: string; name: string }[] } }> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  const res = await fetch(new URL('/api/reports', base), { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

export async function runLoad(
  base: string,
  files: readonly UploadFile[],
  uploaders: number,
  serverPid?: number,
): Promise<LoadResult> {
  const answers: LoadResult['answers'] = [];
  const probes: LoadResult['probes'] = [];
  let busy = 0;
  let peak = rssMb(serverPid);
  let running = true;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(serverPid));
  }, 100);
  const watcher = (async () => {
    while (running) {
      for (const path of ['/', '/api/reports']) {
        const t = Date.now();
        const res = await fetch(new URL(path, base));
        await res.arrayBuffer();
        probes.push({ status: res.status, ms: Date.now() - t });
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const t = Date.now();
  const per = Math.ceil(files.length / uploaders);
  await Promise.all(
    Array.from({ length: uploaders }, async (_, u) => {
      for (const file of files.slice(u * per, (u + 1) * per)) {
        for (;;) {
          const res = await uploadOne(base, file);
          if (res.status === 503) {
            busy++;
            await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
            continue;
          }
          answers.push(...(res.body.files ?? [{ state: `http ${res.status}`, name: file.name }]));
          break;
        }
      }
    }),
  );
  const seconds = (Date.now() - t) / 1000;
  running = false;
  await watcher;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(serverPid));
  return { seconds, answers, busy, probes, peakRssMb: peak };
}
