/**
 * Load on a real `nianbao serve` process: 20 uploaders at once send 50 small reports each. Every
 * report arrives exactly once (none lost, none doubled, also after a restart on the workspace),
 * the server's memory stays under a bound, and the page and the list answer all along. The
 * throughput and memory figures are printed by `npm run bench`, not asserted here.
 */
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { loadReports, runLoad } from './helpers/load';
import { getJson, serveProcess } from './helpers/server';

const UPLOADERS = 20;
const EACH = 50;
/** The server's resident memory may not pass this, whatever the number of reports it holds. */
const MEMORY_BOUND_MB = 1024;

async function stop(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  await gone;
}

describe('nianbao serve under load', () => {
  it(`takes ${UPLOADERS} uploaders × ${EACH} reports: each kept once, memory bounded, the page answering throughout`, async () => {
    const files = loadReports(UPLOADERS * EACH);
    const workspace = path.join(tempDir(), '工作区');
    const server = await serveProcess({ args: ['--workspace', workspace] });
    let result;
    try {
      result = await runLoad(server.url, files, UPLOADERS, server.child.pid);
    } finally {
      await stop(server.child);
    }
    const names = files.map((f) => f.name).sort();
    // Read and kept: 'ok' or 'errors' (a finding in a generated page); never failed, refused or a duplicate.
    expect(result.answers.filter((a) => a.state !== 'ok' && a.state !== 'errors').map((a) => `${a.name}: ${a.state}`)).toEqual(
      [],
    );
    expect(result.answers.map((a) => a.name).sort()).toEqual(names);
    expect(new Set(result.answers.map((a) => a.id)).size).toBe(names.length);
    expect(result.probes.filter((p) => p.status !== 200)).toEqual([]);
    expect(result.probes.length).toBeGreaterThanOrEqual(2);
    expect(result.peakRssMb).toBeLessThan(MEMORY_BOUND_MB);
    console.log(
      `load: ${names.length} reports in ${result.seconds.toFixed(1)} s, ${result.busy} busy answers retried, peak RSS ${result.peakRssMb.toFixed(0)} MB, ` +
        `page answered ${result.probes.length} times, slowest ${Math.max(...result.probes.map((p) => p.ms))} ms`,
    );

    // Restarted on the workspace: the same reports, once each.
    const again = await serveProcess({ args: ['--workspace', workspace] });
    try {
      const listed = (await getJson(again.url, '/api/reports')).body.reports as { name: string; id: string }[];
      expect(listed.map((r) => r.name).sort()).toEqual(names);
      expect(new Set(listed.map((r) => r.id))).toEqual(new Set(result.answers.map((a) => a.id)));
    } finally {
      await stop(again.child);
    }
  }, 900_000);
});
