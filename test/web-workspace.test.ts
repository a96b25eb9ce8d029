/**
 * The workspace parts of the page in a real browser (Debian chromium driven by playwright-core):
 * a file dropped again named as already present, 空白填 0 and Ctrl+Z, the journal's undo, the
 * confirmation before removing a report, the overview table (sort, filter, open) and the year
 * view with a roster imported from CSV (未报送 bodies, a report assigned by hand). Skipped, with a
 * message, where /usr/bin/chromium is not installed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  browserDescribe,
  fileRow as row,
  finalState as settled,
  openReport,
  pickFiles,
  servePage,
  type ServedPage,
} from './helpers/browser';
import { tempDir } from './helpers/cli';
import { consistentValues } from './helpers/report-fixture';
import { reportDocx } from './helpers/server';

const describeWithBrowser = browserDescribe('web-workspace');

/** A report whose t4 行政复议 cells 维持 and 纠正 are blank. */
function withBlanks(agency: string, year = 2023, seed = 3): Promise<Buffer> {
  return reportDocx(
    { version: '2021', agency, year },
    { ...consistentValues('2021', seed), 't4.review.upheld': null, 't4.review.corrected': null },
  );
}

/** The reading.json of every report in the workspace. */
function readingFiles(root: string): string[] {
  const reports = path.join(root, 'reports');
  return fs
    .readdirSync(reports)
    .map((id) => path.join(reports, id, 'reading.json'))
    .filter((f) => fs.existsSync(f));
}

const cellText = (page: Page, key: string) => page.locator(`td.value[data-key="${key}"]`).textContent();

describeWithBrowser('the workspace on the page', () => {
  let served: ServedPage;
  let server: ServedPage['server'];
  let page: Page;

  beforeAll(async () => {
    served = await servePage(tempDir());
    ({ server, page } = served);
  }, 60_000);

  beforeEach(async () => {
    await server.store.clear();
    await page.goto(server.url);
    await page.locator('#workspace').filter({ hasText: '工作区：' }).waitFor();
  });

  afterEach(() => expect(served.errors.splice(0)).toEqual([]));

  afterAll(async () => {
    await served?.close();
  });

  it('shows the workspace folder, and names a file picked again as already in the workspace', async () => {
    expect(await page.locator('#workspace').textContent()).toBe(`工作区：${server.store.root}`);
    const bytes = await withBlanks('某某县甲局');
    await pickFiles(page, [{ name: '甲局.docx', bytes }]);
    expect(await settled(page, '甲局.docx')).toBe('ok');
    await pickFiles(page, [{ name: '甲局-再次.docx', bytes }]);
    expect(await settled(page, '甲局-再次.docx')).toBe('duplicate');
    const info = await row(page, '甲局-再次.docx').locator('.file-info').textContent();
    expect(info).toMatch(
      /^文件“甲局-再次.docx”已在工作区中（与 \d{4}-\d\d-\d\d \d\d:\d\d 上传的“甲局.docx”，某某县甲局 2023年 内容完全相同），未重复保存$/,
    );
    expect(await row(page, '甲局-再次.docx').locator('.state').textContent()).toBe('已在工作区');
  });

  it('fills every blank cell with 0 in one click, and Ctrl+Z brings the blanks back', async () => {
    await pickFiles(page, [{ name: '乙局.docx', bytes: await withBlanks('某某县乙局') }]);
    await settled(page, '乙局.docx');
    await openReport(page, '乙局.docx');
    expect([await cellText(page, 't4.review.upheld'), await cellText(page, 't4.review.corrected')]).toEqual(['', '']);
    expect(await page.locator('button.fill-zero').textContent()).toBe('空白填 0（2 个空白单元格）');
    await page.locator('button.fill-zero').click();
    await page.locator('.journal-entry').first().waitFor();
    expect([await cellText(page, 't4.review.upheld'), await cellText(page, 't4.review.corrected')]).toEqual(['0', '0']);
    expect(await page.locator('.journal-entry').count()).toBe(1);
    expect(await page.locator('.journal-entry .journal-kind').textContent()).toBe('空白填 0');
    expect(await page.locator('button.fill-zero').isDisabled()).toBe(true);

    await page.locator('.report-head h1').click();
    await page.keyboard.press('Control+z');
    await page.locator('.journal-entry.undone').waitFor();
    expect([await cellText(page, 't4.review.upheld'), await cellText(page, 't4.review.corrected')]).toEqual(['', '']);
    expect(await page.locator('.journal-entry.undone .hint').textContent()).toMatch(/^已于 \d+月\d+日 \d\d:\d\d 撤销$/);
  });

  it('undoes one correction from the journal, leaving the other', async () => {
    await pickFiles(page, [{ name: '丙局.docx', bytes: await withBlanks('某某县丙局') }]);
    await settled(page, '丙局.docx');
    await openReport(page, '丙局.docx');
    for (const [key, text] of [
      ['t4.review.upheld', '1'],
      ['t4.review.corrected', '2'],
    ]) {
      await page.locator(`td.value[data-key="${key}"]`).click();
      await page.locator('input.cell-input').fill(text);
      await page.keyboard.press('Enter');
      await page.locator(`td.value.edited[data-key="${key}"]`).waitFor();
    }
    expect(await page.locator('.journal-entry').count()).toBe(2);
    // Newest first: the second line is the first correction.
    await page.locator('.journal-entry').nth(1).locator('button.undo').click();
    await page.locator('.journal-entry.undone').waitFor();
    expect([await cellText(page, 't4.review.upheld'), await cellText(page, 't4.review.corrected')]).toEqual(['', '2']);
  });

  it('reads a stored original again on request, keeping its corrections; a file still unreadable says so', async () => {
    await pickFiles(page, [{ name: '戊局.docx', bytes: await withBlanks('某某县戊局') }]);
    await settled(page, '戊局.docx');
    await openReport(page, '戊局.docx');
    const key = 't4.review.upheld';
    await page.locator(`td.value[data-key="${key}"]`).click();
    await page.locator('input.cell-input').fill('7');
    await page.keyboard.press('Enter');
    await page.locator(`td.value.edited[data-key="${key}"]`).waitFor();
    const reading = readingFiles(server.store.root);
    expect(reading).toHaveLength(1);
    const before = fs.statSync(reading[0]).mtimeMs;

    await page.locator('.report-head button.reread').click();
    await page.locator('.recheck', { hasText: '已重新读取' }).waitFor();
    expect(await page.locator('.recheck').textContent()).toMatch(/^已重新读取：错误 \d+，警告 \d+$/);
    expect(fs.statSync(reading[0]).mtimeMs).toBeGreaterThan(before);
    expect(await cellText(page, key)).toBe('7');
    expect(await page.locator(`td.value.edited[data-key="${key}"]`).count()).toBe(1);
    expect(await page.locator('.journal-entry').count()).toBe(1);

    await pickFiles(page, [{ name: '损坏.docx', bytes: Buffer.from('PK\u0003\u0004 截断的压缩包') }]);
    expect(await settled(page, '损坏.docx')).toBe('failed');
    await row(page, '损坏.docx').locator('.file-name').click();
    const reason = await page.locator('.failure-zh').textContent();
    await page.locator('button.reread').click();
    await page.locator('.recheck', { hasText: '已重新读取，仍无法读取' }).waitFor();
    expect(await page.locator('.failure-zh').textContent()).toBe(reason);
    expect(await row(page, '损坏.docx').getAttribute('data-state')).toBe('failed');
  });

  it('asks before removing a report: dismissed, the report stays; accepted, it is gone from the page and the workspace', async () => {
    await pickFiles(page, [{ name: '丁局.docx', bytes: await withBlanks('某某县丁局') }]);
    await settled(page, '丁局.docx');
    await openReport(page, '丁局.docx');
    const messages: string[] = [];
    page.once('dialog', (d) => {
      messages.push(d.message());
      void d.dismiss();
    });
    await page.locator('button.remove').click();
    expect(messages).toEqual(['确定从工作区移除“丁局.docx”吗？它的读取结果和所有更正记录都会被删除（已下载的文件不受影响）。']);
    expect(await row(page, '丁局.docx').count()).toBe(1);
    expect(server.store.size).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.locator('button.remove').click();
    await row(page, '丁局.docx').waitFor({ state: 'detached' });
    expect(server.store.size).toBe(0);
  });

  it('lists every report in the overview, sorts by a column, filters by state and opens a report from its row', async () => {
    await pickFiles(page, [
      {
        name: '甲.docx',
        bytes: await reportDocx({ version: '2021', agency: '某某县甲局', year: 2023 }, consistentValues('2021', 11)),
      },
      { name: '乙.docx', bytes: await withBlanks('某某县乙局', 2023, 12) },
      {
        name: '丙.docx',
        bytes: await reportDocx({ version: '2021', agency: '某某县丙局', year: 2022 }, consistentValues('2021', 13)),
      },
    ]);
    for (const n of ['甲.docx', '乙.docx', '丙.docx']) await settled(page, n);
    await page.locator('#show-overview').click();
    await page.locator('table.overview tbody tr').nth(2).waitFor();
    const agencies = () => page.locator('table.overview tbody tr td:first-child').allTextContents();
    expect((await agencies()).sort()).toEqual(['某某县丙局', '某某县乙局', '某某县甲局']);
    await page.getByRole('columnheader', { name: '年度', exact: true }).click();
    expect(await page.locator('table.overview tbody tr td:nth-child(2)').allTextContents()).toEqual(['2022', '2023', '2023']);
    await page.locator('.ov-filters select[aria-label="状态"]').selectOption('errors');
    expect(await agencies()).toEqual(['某某县乙局']);
    expect(await page.locator('.report-head .hint').textContent()).toBe('共 3 份，显示 1 份');
    await page.locator('table.overview tbody tr').first().click();
    await page.locator('table.official').first().waitFor();
    expect(await row(page, '乙.docx').getAttribute('class')).toContain('selected');
  });

  it('shows the year by roster: bodies without a report as 未报送, and a report assigned by hand to its body', async () => {
    await pickFiles(page, [
      {
        name: '甲.docx',
        bytes: await reportDocx({ version: '2021', agency: '某某县甲局', year: 2023 }, consistentValues('2021', 21)),
      },
      {
        name: '教育.docx',
        bytes: await reportDocx({ version: '2021', agency: '某某县教体局', year: 2023 }, consistentValues('2021', 22)),
      },
    ]);
    for (const n of ['甲.docx', '教育.docx']) await settled(page, n);
    await page.locator('#show-year').click();
    await page.locator('.roster-bar').waitFor();
    const csv = '单位名称,类别\n某某县甲局,县直部门\n某某县教育和体育局,县直部门\n某某县乙局,县直部门\n某某县丙局,乡镇\n';
    await page.setInputFiles('.roster-input', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('.roster-bar', { hasText: '名单：名单.csv（4 个单位）' }).waitFor();
    const statuses = async () =>
      Object.fromEntries(
        await page
          .locator('.year-table tbody tr')
          .evaluateAll((rows) => rows.map((r) => [r.children[1].textContent, r.children[3].textContent])),
      );
    expect(await statuses()).toEqual({
      某某县甲局: '已报送',
      某某县教育和体育局: '未报送',
      某某县乙局: '未报送',
      某某县丙局: '未报送',
    });
    expect(await page.locator('.unmatched li').count()).toBe(1);
    await page.locator('.unmatched li select').selectOption('某某县教育和体育局');
    await page.locator('.unmatched li button', { hasText: '指定' }).click();
    await page.locator('.unmatched').waitFor({ state: 'detached' });
    expect(await statuses()).toEqual({
      某某县甲局: '已报送',
      某某县教育和体育局: '已报送',
      某某县乙局: '未报送',
      某某县丙局: '未报送',
    });
    await page.locator('.year-counts button', { hasText: '未报送' }).click();
    expect(await page.locator('.year-table tbody tr td:nth-child(2)').allTextContents()).toEqual(['某某县乙局', '某某县丙局']);
  });
});
