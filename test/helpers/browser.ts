/**
 * The page in a real browser (Debian chromium driven by playwright-core), for the browser tests and
 * the page's bench: launching it on a running server with nothing fetched from outside, and giving
 * it files as a user does (file picker, a real drop event).
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

/** `describe` where Chromium is installed; elsewhere `describe.skip`, saying so once for the suite. */
export function browserDescribe(suite: string): jest.Describe {
  if (HAVE_CHROMIUM) return describe;
  console.warn(`${suite}: ${CHROMIUM} not found — the browser tests are SKIPPED (apt-get install chromium to run them)`);
  return describe.skip;
}

export interface PageFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface OpenPage {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors, console errors and requests to anywhere but the server, as they happen. */
  readonly errors: string[];
}

/** Opens the server's page, waits until it has its configuration, and records anything that goes wrong. */
export async function openPage(serverUrl: string, viewport = { width: 1400, height: 1000 }): Promise<OpenPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Nothing may be fetched from anywhere but the server itself.
  await context.route(
    (url) => !url.href.startsWith(serverUrl),
    (route) => {
      errors.push(`outside request: ${route.request().url()}`);
      return route.abort();
    },
  );
  await page.goto(serverUrl);
  await page.locator('#limits').filter({ hasText: 'MB' }).waitFor();
  return { browser, context, page, errors };
}

export interface ServedPage extends OpenPage {
  readonly server: RunningServer;
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

/** A `nianbao serve` of its own (one worker thread, any free port, a given workspace folder or the default) with its page open in Chromium. */
export async function servePage(workspace?: string): Promise<ServedPage> {
  const server = await startServer({ port: 0, pool: { threads: 1 }, ...(workspace ? { workspace } : {}) });
  const open = await openPage(server.url);
  return {
    ...open,
    server,
    close: async () => {
      await open.browser.close();
      await server.close();
    },
  };
}

/** Drops files on the drop zone as a user does: dragenter, dragover and drop events carrying a DataTransfer. */
export async function dropFiles(page: Page, files: readonly PageFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    const zone = document.getElementById('drop-zone')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

export async function pickFiles(page: Page, files: readonly PageFile[]): Promise<void> {
  await page.setInputFiles(
    '#file-input',
    files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.bytes })),
  );
}

/** The file list's row of a file. */
export function fileRow(page: Page, name: string) {
  return page.locator('li.file', { has: page.locator('.file-name', { hasText: name }) });
}

/** Waits until the file's row has a final state (read, refused, or already in the workspace), and returns it. */
export async function finalState(page: Page, name: string): Promise<string> {
  const row = fileRow(page, name);
  await row
    .and(
      page.locator(
        '[data-state="ok"], [data-state="errors"], [data-state="failed"], [data-state="refused"], [data-state="duplicate"]',
      ),
    )
    .waitFor();
  return (await row.getAttribute('data-state'))!;
}

export async function openReport(page: Page, name: string): Promise<void> {
  await page.locator('li.file .file-name', { hasText: name }).click();
  await page.locator('.report-head h1').first().waitFor();
  await page.locator('table.official').first().waitFor();
}
