/**
 * The web page end to end in a real browser (Debian chromium driven by playwright-core): files are
 * given to the file picker and dropped on the drop zone as a real drop event, the rendered tables
 * are checked against the report the pipeline reads, a cell is corrected in place and the
 * findings change, downloads are read back with exceljs. Skipped, with a message, where
 * /usr/bin/chromium is not installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { processInput } from '../src/core/pipeline';
import { getFormat } from '../src/formats/model';
import type { Report } from '../src/report/types';
import { browserDescribe, dropFiles, finalState, openReport, pickFiles, servePage, type ServedPage } from './helpers/browser';
import { readReport } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';
import { reportDocx } from './helpers/server';

const describeWithBrowser = browserDescribe('web-e2e');

const SAMPLE = fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'));
const BROKEN = Buffer.from('PK\u0003\u0004 截断的压缩包');

/** What a value cell of the report shows: the number read, else the text as printed. */
function expectedCellText(report: Report, key: string): string {
  const value = report.fields[key];
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return report.cells[key]?.raw ?? '';
}

async function saveDownload(page: Page, click: () => Promise<void>, dir: string): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

async function workbookValues(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => values.push(c.value))));
  return values;
}

describeWithBrowser('the web page in a real browser', () => {
  let served: ServedPage;
  let page: Page;
  let downloads: string;

  beforeAll(async () => {
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
    served = await servePage();
    page = served.page;
  }, 60_000);

  afterAll(async () => {
    await served?.close();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('shows the sample (picked) and a broken file (dropped): table values as in the report, the reason of the failure', async () => {
    const expected = await readReport(SAMPLE, 'xinzhou-jkq-2020.docx');
    const broken = await processInput({ name: '损坏.docx', bytes: BROKEN }, '损坏.docx');
    await pickFiles(page, [{ name: 'xinzhou-jkq-2020.docx', bytes: SAMPLE }]);
    await dropFiles(page, [{ name: '损坏.docx', bytes: BROKEN }]);
    expect(await finalState(page, 'xinzhou-jkq-2020.docx')).toBe('ok');
    expect(await finalState(page, '损坏.docx')).toBe('failed');
    await expect(page.locator('#batch-status').textContent()).resolves.toBe('共 2 个文件：读取成功 1，有错误 0，无法读取 1');
    await page.selectOption('#list-filter', 'failed');
    await expect(page.locator('li.file:visible .file-name').allTextContents()).resolves.toEqual(['损坏.docx']);
    await page.selectOption('#list-filter', 'all');

    await openReport(page, 'xinzhou-jkq-2020.docx');
    const shown = await page.$$eval('td.value', (tds) =>
      tds.map((td) => [(td as HTMLElement).dataset.key!, td.textContent ?? '']),
    );
    const keys = getFormat('2019')
      .fields.filter((f) => f.part !== 'meta')
      .map((f) => f.key);
    expect(shown.map(([k]) => k).sort()).toEqual([...keys].sort());
    const wrong = shown.filter(([key, text]) => text !== expectedCellText(expected, key));
    expect(wrong).toEqual([]);
    // Merged cells as printed: 申请人情况 spans the seven applicant columns.
    expect(await page.locator('table.part-t3 th', { hasText: '申请人情况' }).getAttribute('colspan')).toBe('7');
    await expect(page.locator('.meta').textContent()).resolves.toContain('忻州经济开发区');

    expect(broken.ok).toBe(false);
    const reason = !broken.ok ? broken.error.zh : '';
    await expect(page.locator('li.file', { hasText: '损坏.docx' }).locator('.file-info').textContent()).resolves.toBe(reason);
    await page.locator('li.file .file-name', { hasText: '损坏.docx' }).click();
    await expect(page.locator('.failure-zh').textContent()).resolves.toBe(reason);
  });

  it('corrects a cell in place: findings change at once, the cell is marked and found from the finding, downloads carry the correction', async () => {
    const values = consistentValues('2021', 21);
    await pickFiles(page, [
      { name: '丙县2022年报.docx', bytes: await reportDocx({ version: '2021', agency: '丙县人民政府', year: 2022 }, values) },
    ]);
    expect(await finalState(page, '丙县2022年报.docx')).toBe('ok');
    await openReport(page, '丙县2022年报.docx');
    await expect(page.locator('li.finding[data-rule="T3_BALANCE"]').count()).resolves.toBe(0);

    const key = 't3.received.natural';
    const cell = page.locator(`td.value[data-key="${key}"]`);
    await expect(cell.textContent()).resolves.toBe(String(values[key]));
    const wrongValue = String((values[key] as number) + 40);
    await cell.click();
    await cell.locator('input').fill(wrongValue);
    await cell.locator('input').press('Enter');
    const finding = page.locator('li.finding[data-rule="T3_BALANCE"]');
    await finding.first().waitFor();
    await expect(cell.textContent()).resolves.toBe(wrongValue);
    await expect(cell.getAttribute('class')).resolves.toMatch(/sev-error/);
    await expect(cell.getAttribute('class')).resolves.toMatch(/edited/);
    const message = (await finding.first().locator('.message').textContent())!;
    await expect(cell.getAttribute('title')).resolves.toContain(message);
    await expect(page.locator('li.file', { hasText: '丙县2022年报.docx' }).getAttribute('data-state')).resolves.toBe('errors');
    await expect(page.locator('.recheck').textContent()).resolves.toMatch(/已重新核对：错误 0 → \d+/);

    await page.locator('.detail').evaluate((d) => {
      d.scrollTop = 0;
    });
    await finding.first().click();
    await expect(cell.getAttribute('class')).resolves.toMatch(/flash/);
    await page.waitForFunction((k) => {
      const td = document.querySelector(`td.value[data-key="${k}"]`)!.getBoundingClientRect();
      return td.top >= 0 && td.bottom <= window.innerHeight;
    }, key);

    const xlsx = await saveDownload(page, () => page.locator('button.download[data-kind="xlsx"]').click(), downloads);
    expect(xlsx.name).toBe('丙县2022年报.xlsx');
    expect(await workbookValues(xlsx.file)).toContain(Number(wrongValue));
    const docx = await saveDownload(page, () => page.locator('button.download[data-kind="docx"]').click(), downloads);
    const reread = await processInput({ name: docx.name, bytes: fs.readFileSync(docx.file) }, docx.name);
    expect(reread.ok && reread.report.fields[key]).toBe(Number(wrongValue));

    // Back to the text as read, from the list of corrections.
    await expect(page.locator('.edits li').textContent()).resolves.toContain(`${values[key]} → ${wrongValue}`);
    await page.locator('.edits li button', { hasText: '恢复原文' }).click();
    await page.locator('.recheck', { hasText: /错误 \d+ → 0/ }).waitFor();
    await expect(finding.count()).resolves.toBe(0);
    await expect(cell.textContent()).resolves.toBe(String(values[key]));
    await expect(page.locator('.edits-block').count()).resolves.toBe(0);
  });

  it('corrects the agency and the date in the overview, and opens a section from its finding', async () => {
    await openReport(page, 'xinzhou-jkq-2020.docx');
    const row = page.locator('li.file', { hasText: 'xinzhou-jkq-2020.docx' });
    const late = page.locator('li.finding[data-rule="PUBLISH_DEADLINE"]');
    await expect(late.count()).resolves.toBe(0);

    const date = page.locator('dd.value[data-key="meta.publishDate"]');
    await date.click();
    await date.locator('input').fill('2021年3月5日');
    await date.locator('input').press('Enter');
    await late.waitFor();
    await expect(date.textContent()).resolves.toBe('2021-03-05');
    await expect(late.locator('.message').textContent()).resolves.toContain('2021年3月5日');

    const agency = page.locator('dd.value[data-key="meta.agency"]');
    await agency.click();
    await agency.locator('input').fill('忻州经济开发区管理委员会');
    await agency.locator('input').press('Enter');
    await row.locator('.file-info', { hasText: '忻州经济开发区管理委员会' }).waitFor();
    await expect(page.locator('.edits li').allTextContents()).resolves.toEqual([
      expect.stringContaining('2021-01-28 → 2021年3月5日'),
      expect.stringContaining('忻州经济开发区 → 忻州经济开发区管理委员会'),
    ]);

    // The sample's heading deviation names its section: clicking it opens that section.
    const heading = page.locator('li.finding.locatable[data-rule="SECTION_HEADING"]').first();
    await heading.click();
    const opened = page.locator('details[data-section][open]');
    await expect(opened.count()).resolves.toBe(1);
    await expect(opened.getAttribute('class')).resolves.toMatch(/flash/);
    await expect(heading.locator('.message').textContent()).resolves.toContain((await opened.locator('summary').textContent())!);

    // Both back as read.
    for (let n = 2; n > 0; n--) {
      await page.locator('.edits li button', { hasText: '恢复原文' }).first().click();
      await page.waitForFunction((left) => document.querySelectorAll('.edits li').length === left, n - 1);
    }
    await expect(late.count()).resolves.toBe(0);
    await expect(agency.textContent()).resolves.toBe('忻州经济开发区');
  });

  it('downloads the batch summary Excel of every loaded report, read back with exceljs', async () => {
    const summary = await saveDownload(page, () => page.locator('#download-summary').click(), downloads);
    expect(summary.name).toMatch(/\.xlsx$/);
    const values = await workbookValues(summary.file);
    expect(values).toContain('xinzhou-jkq-2020.docx');
    expect(values).toContain('丙县2022年报.docx');
    expect(values).toContain('损坏.docx');
  });

  it('shows the cross-year pairs formed in the batch and opens the later report from them', async () => {
    await dropFiles(page, [
      {
        name: '丁县2021.docx',
        bytes: await reportDocx({ version: '2021', agency: '丁县人民政府', year: 2021 }, consistentValues('2021', 31)),
      },
      {
        name: '丁县2022.docx',
        bytes: await reportDocx({ version: '2021', agency: '丁县人民政府', year: 2022 }, consistentValues('2021', 32)),
      },
    ]);
    expect(await finalState(page, '丁县2021.docx')).not.toBe('failed');
    expect(await finalState(page, '丁县2022.docx')).not.toBe('failed');
    const pair = page.locator('#pair-list li', { hasText: '2021 年 → 2022 年' });
    await pair.waitFor();
    await expect(pair.textContent()).resolves.toContain('丁县人民政府');
    await pair.click();
    await expect(page.locator('li.file.selected .file-name').textContent()).resolves.toBe('丁县2022.docx');
    // The later report's row takes in the cross-year findings that arrived with its pair.
    const listed = await (await fetch(new URL('/api/reports', served.server.url))).json();
    const later = listed.reports.find((r: { name: string }) => r.name === '丁县2022.docx');
    await page
      .locator('li.file.selected')
      .and(page.locator(`[data-state="${later.state}"]`))
      .waitFor();
    await expect(page.locator('.report-head .counts').textContent()).resolves.toBe(
      `错误 ${later.errors} · 警告 ${later.warnings}`,
    );
  });

  it('shows report text that holds markup as text, and runs none of it', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await dropFiles(page, [
      {
        name: '<b onclick=x>标记</b>.docx',
        bytes: await reportDocx({ version: '2021', year: 2022, sectionText: { 1: [`总体情况${evil}`] } }),
      },
    ]);
    expect(await finalState(page, 'b>.docx')).toBe('ok');
    await openReport(page, 'b>.docx');
    const section = page.locator('.sections details').first();
    await section.locator('summary').click();
    await expect(section.locator('p').first().textContent()).resolves.toBe(`总体情况${evil}`);
    await expect(page.locator('.sections img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  it('logged no script error, no policy violation and fetched nothing from outside', () => {
    expect(served.errors).toEqual([]);
  });
});
