import * as fs from 'node:fs';
import * as path from 'node:path';
import { prestartWorker, processFiles, ReportPool } from '../src/batch/pool';
import type { FileResult } from '../src/core/pipeline';
import { buildDocx, p, table } from './helpers/docx-fixture';
import { runCli, tempDir } from './helpers/cli';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

describe('the worker pool', () => {
  let dir: string;
  let huge: string;

  beforeAll(async () => {
    dir = tempDir();
    huge = path.join(dir, 'huge.docx');
    // A table of 20,000 rows: seconds of work for any reader, so a 200 ms budget must stop it.
    const rows = Array.from({ length: 20_000 }, (_, i) => [String(i), '行政许可', '12', '3']);
    fs.writeFileSync(
      huge,
      await buildDocx([
        p('某某县2022年政府信息公开工作年度报告'),
        table([['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ...rows]),
      ]),
    );
    fs.writeFileSync(path.join(dir, 'broken.docx'), 'PK\u0003\u0004 truncated');
  }, 60_000);

  it('hands every file of a batch back as a result or a clear error, in completion order', async () => {
    const files = [SAMPLE, path.join(dir, 'broken.docx'), SAMPLE];
    const seen: [number, FileResult][] = [];
    await processFiles(
      files,
      { options: {} },
      (r, i) => {
        seen.push([i, r]);
      },
      { threads: 2 },
    );
    expect(seen.map(([i]) => i).sort()).toEqual([0, 1, 2]);
    const byIndex = new Map(seen);
    expect(byIndex.get(0)).toMatchObject({ ok: true, report: { meta: { agency: '忻州经济开发区' } } });
    expect(byIndex.get(1)).toMatchObject({ ok: false, error: { file: 'broken.docx', code: 'CORRUPT_ZIP' } });
  });

  it('stops a file that runs over its time budget and goes on with a fresh worker', async () => {
    const pool = new ReportPool({ threads: 1 });
    try {
      const slow = await pool.run({ file: huge, name: 'huge.docx', options: {} }, { timeoutMs: 200 });
      expect(slow).toMatchObject({ ok: false, error: { code: 'TIMEOUT', file: 'huge.docx' } });
      expect(!slow.ok && slow.error.message).toMatch(/处理超时[\s\S]*timed out/);
      const next = await pool.run({ file: SAMPLE, name: 'sample.docx', options: {} });
      expect(next.ok).toBe(true);
    } finally {
      await pool.destroy();
    }
  });

  it("starts a file's budget when its worker takes it, not while it waits behind a slow file", async () => {
    const pool = new ReportPool({ threads: 1 });
    try {
      const t0 = Date.now();
      expect((await pool.run({ file: huge, name: 'huge.docx', options: {} })).ok).toBe(true);
      // A budget of half the slow file's time: the sample waits longer than that behind it,
      // yet needs only a fraction of it once started.
      const budget = (Date.now() - t0) / 2;
      const [slow, queued] = await Promise.all([
        pool.run({ file: huge, name: 'huge.docx', options: {} }),
        pool.run({ file: SAMPLE, name: 'sample.docx', options: {} }, { timeoutMs: budget }),
      ]);
      expect(slow.ok).toBe(true);
      expect(queued).toMatchObject({ ok: true, report: { meta: { agency: '忻州经济开发区' } } });
    } finally {
      await pool.destroy();
    }
  });

  it('takes the worker a command started ahead of it, once, and only with the same memory budget', async () => {
    const early = prestartWorker();
    const other = new ReportPool({ threads: 1, maxMemoryMb: 512 });
    const first = new ReportPool({ threads: 2 });
    const second = new ReportPool({ threads: 1 });
    try {
      expect(other.threadIds()).not.toContain(early);
      expect(first.threadIds()).toContain(early);
      expect(second.threadIds()).not.toContain(early);
      const results = await Promise.all(
        [first, second, other].map((pool) => pool.run({ file: SAMPLE, name: 'sample.docx', options: {} })),
      );
      expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    } finally {
      await Promise.all([other, first, second].map((pool) => pool.destroy()));
    }
  });

  it('lets a command that ends before it needs its early worker end at once', () => {
    // convert starts a worker before it reads its options; a bad option ends it with a usage error.
    const r = runCli(['convert', SAMPLE, '--jobs', '0']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--jobs 应为 1 到 64 之间的整数/);
  });

  it('reads uploads given as bytes', async () => {
    const pool = new ReportPool({ threads: 1 });
    try {
      const r = await pool.run({ bytes: fs.readFileSync(SAMPLE), name: '上传.docx', options: {} });
      expect(r).toMatchObject({ ok: true, report: { source: { name: '上传.docx' } } });
    } finally {
      await pool.destroy();
    }
  });
});
