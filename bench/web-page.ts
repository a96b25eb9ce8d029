/**
 * The page under load, measured (never asserted in a test): 200 reports dropped at once on a real
 * `nianbao serve` in headless Chromium. Prints how long the drop took to list them, how long until
 * every one was uploaded, read and shown, how long a report took to open while the rest were in
 * flight, and the gaps between frames meanwhile.
 *   node bin/run-ts.js bench/web-page.ts [--files 200]
 * Part of `npm run bench` (skipped where /usr/bin/chromium is missing).
 */
import { HAVE_CHROMIUM, servePage, type PageFile } from '../test/helpers/browser';
import { consistentValues } from '../test/helpers/report-fixture';
import { reportDocx } from '../test/helpers/server';

const BUSY = 'li.file[data-state="queued"], li.file[data-state="uploading"], li.file[data-state="reading"]';

async function reports(count: number): Promise<PageFile[]> {
  const files: PageFile[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2021 + Math.floor((i * 2) / count);
    files.push({
      name: `批量${String(i).padStart(3, '0')}.docx`,
      bytes: await reportDocx(
        { version: '2021', agency: `批量测试${i % Math.ceil(count / 2)}局`, year },
        consistentValues('2021', 100 + i),
      ),
    });
  }
  return files;
}

/** One line of figures for `count` reports dropped at once; null where Chromium is missing. */
export async function measurePage(count: number): Promise<string | null> {
  if (!HAVE_CHROMIUM) return null;
  const files = await reports(count);
  const served = await servePage();
  const { page, errors } = served;
  try {
    // tsx (esbuild, keepNames) wraps named functions in __name(); the functions sent to the page need it there too.
    await page.evaluate('globalThis.__name = (fn) => fn');
    // The files are made into a DataTransfer first, so that decoding them is not counted as the page's work.
    await page.evaluate(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        (window as unknown as { __dt: DataTransfer }).__dt = dt;
      },
      files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })),
    );
    const dropMs = await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean; __dt: DataTransfer };
      w.__gaps = [];
      w.__stop = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.__gaps.push(now - last);
        last = now;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const t = performance.now();
      const zone = document.getElementById('drop-zone')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: w.__dt, bubbles: true, cancelable: true }));
      return performance.now() - t;
    });
    const start = Date.now();
    // While uploads run: open a finished report, timed in the page from the click to its tables drawn.
    await page.locator('li.file[data-state="ok"]').nth(1).waitFor({ timeout: 120_000 });
    const openMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const row = document.querySelectorAll('li.file[data-state="ok"]')[1] as HTMLElement;
          const t = performance.now();
          const wait = () =>
            document.querySelector('table.official') && document.querySelector('li.file.selected') === row
              ? resolve(performance.now() - t)
              : requestAnimationFrame(wait);
          row.click();
          wait();
        }),
    );
    const busyAtOpen = await page.locator(BUSY).count();
    await page.waitForFunction((busy) => !document.querySelector(busy), BUSY, { timeout: 600_000, polling: 250 });
    const allShown = Date.now() - start;
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__stop = true;
      return w.__gaps;
    });
    const status = await page.locator('#batch-status').textContent();
    const sorted = [...gaps].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]?.toFixed(1);
    return (
      `${count} reports dropped on the page: drop handled (${count} rows listed) in ${dropMs.toFixed(0)} ms; all uploaded, read and shown after ${allShown} ms ` +
      `(${status}); a report opened while ${busyAtOpen} files were still in flight in ${openMs.toFixed(0)} ms; ` +
      `frame gaps: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms over ${gaps.length} frames` +
      (errors.length ? `; PAGE ERRORS: ${errors.join(' | ')}` : '')
    );
  } finally {
    await served.close();
  }
}

// Run by itself (node bin/run-ts.js bench/web-page.ts), not when run.ts imports it.
if (process.argv[1] === __filename) {
  const at = process.argv.indexOf('--files');
  void measurePage(at >= 0 ? Number(process.argv[at + 1]) : 200).then((line) =>
    console.log(line ?? 'web page: /usr/bin/chromium not found, not measured'),
  );
}
