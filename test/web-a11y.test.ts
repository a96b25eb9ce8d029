/**
 * The page checked by axe-core (the accessibility engine, run inside the page from node_modules:
 * nothing fetched) in a real browser: empty, with a batch listed and a report with errors and
 * warnings open, and with a section and a finding open. No serious or critical finding is allowed.
 * The cells' findings must be readable without colour or hover: each marked cell points at the
 * finding's entry in the list (aria-describedby). Skipped, with a message, where /usr/bin/chromium
 * is not installed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { browserDescribe, dropFiles, finalState, openReport, pickFiles, servePage, type ServedPage } from './helpers/browser';
import { consistentValues } from './helpers/report-fixture';
import { reportDocx } from './helpers/server';

const describeWithBrowser = browserDescribe('web-a11y');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SAMPLE = fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'));

interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** The first elements concerned, and how many there are. */
  readonly nodes: readonly string[];
  readonly count: number;
}

/** Runs axe over the whole page; the serious and critical violations, each with the elements concerned. */
async function seriousFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the browser's debugging protocol, so the page's script policy stays as it is.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 8).map((n) => JSON.stringify(n.target)),
      count: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describeWithBrowser('the web page, checked by axe-core', () => {
  let served: ServedPage;
  let page: Page;

  beforeAll(async () => {
    served = await servePage();
    page = served.page;
  }, 60_000);

  afterAll(() => served?.close());

  it('has no serious or critical finding before any file is given', async () => {
    await expect(seriousFindings(page)).resolves.toEqual([]);
  });

  it('has no serious or critical finding with a batch listed and a report with errors and warnings open', async () => {
    const values = consistentValues('2021', 7);
    values['t3.received.natural'] = (values['t3.received.natural'] as number) + 40;
    values['t3.granted.natural'] = null;
    const bent = await reportDocx({ version: '2021', agency: '甲县人民政府', year: 2022 }, values);
    const earlier = await reportDocx({ version: '2021', agency: '甲县人民政府', year: 2021 }, consistentValues('2021', 8));
    await pickFiles(page, [
      { name: '甲县2022年报.docx', bytes: bent },
      { name: 'xinzhou-jkq-2020.docx', bytes: SAMPLE },
    ]);
    await dropFiles(page, [
      { name: '甲县2021年报.docx', bytes: earlier },
      { name: '损坏.docx', bytes: Buffer.from('PK\u0003\u0004 截断') },
    ]);
    expect(await finalState(page, '甲县2022年报.docx')).toBe('errors');
    expect(await finalState(page, '损坏.docx')).toBe('failed');
    expect(await finalState(page, '甲县2021年报.docx')).toBe('ok');
    await page.locator('#pair-list li').first().waitFor();
    await openReport(page, '甲县2022年报.docx');
    await expect(page.locator('td.value.sev-error').count()).resolves.not.toBe(0);
    await expect(seriousFindings(page)).resolves.toEqual([]);
  });

  it("tells a marked cell's findings without colour or hover: the cell is described by the findings' entries in the list", async () => {
    const cell = page.locator('td.value[data-key="t3.received.natural"]');
    const described = (await cell.getAttribute('aria-describedby'))!.split(' ');
    const entries = await Promise.all(described.map((id) => page.locator(`#${id}`).getAttribute('data-rule')));
    expect(entries.sort()).toEqual(['T3_BALANCE', 'T3_ROW_TOTAL']);
    const marker = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(marker).toBe('"错"');
  });

  it('moves through the file list with the arrow keys and opens a file with Enter', async () => {
    const rows = page.locator('li.file');
    await rows.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.querySelector('.file-name')?.textContent)).resolves.toBe(
      'xinzhou-jkq-2020.docx',
    );
    await page.keyboard.press('Enter');
    await page.locator('.report-head h1', { hasText: '忻州' }).waitFor();
    await expect(rows.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('li.file[tabindex="0"]').count()).resolves.toBe(1);
  });

  it('has no serious or critical finding with a section and a finding open', async () => {
    await openReport(page, '甲县2022年报.docx');
    await page.locator('.sections details').first().locator('summary').click();
    await page.locator('li.finding.locatable').first().click();
    await expect(page.locator('.sections details[open]').count()).resolves.toBe(1);
    await expect(seriousFindings(page)).resolves.toEqual([]);
  });

  it('logged no script error, no policy violation and fetched nothing from outside', () => {
    expect(served.errors).toEqual([]);
  });
});
