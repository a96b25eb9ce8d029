/**
 * The web server's API over a real server on a free port, with real DOCX uploads (the sample and
 * reports built in the test), real downloads read back (Excel with exceljs, DOCX with our own
 * reader) and the checks re-run after a clerk's correction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { processInput } from '../src/core/pipeline';
import { startServer, type RunningServer } from '../src/server';
import { SERVER_LIMITS } from '../src/server/limits';
import { consistentValues } from './helpers/report-fixture';
import { readReport } from './helpers/pipeline';
import { getBytes, getJson, postJson, rawRequest, reportDocx, upload } from './helpers/server';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startServer({ port: 0, pool: { threads: 1 } });
  base = server.url;
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => server.store.clear());

describe('nianbao serve: page and assets', () => {
  it('serves the page in Chinese with a strict Content-Security-Policy and no outside resources', async () => {
    const res = await fetch(base);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('把年度报告文件拖到这里');
    for (const name of fs.readdirSync(path.join(__dirname, '../src/server/web'))) {
      const text = fs.readFileSync(path.join(__dirname, '../src/server/web', name), 'utf8');
      expect({
        name,
        external: text.match(/(?:src|href)=["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import|fetch\(\s*["']https?:/gi),
      }).toEqual({ name, external: null });
      const asset = await fetch(new URL(name === 'index.html' ? '/' : `/assets/${name}`, base));
      expect(asset.status).toBe(200);
    }
  });

  it('never serves a file outside its own assets, whatever the path', async () => {
    for (const p of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/',
      '/src/server/web/app.js',
      '/assets/app.js%00.html',
    ]) {
      const res = await rawRequest(base, { method: 'GET', path: p, headers: { Host: new URL(base).host } });
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(res.text).not.toContain('"name"');
    }
  });
});

describe('nianbao serve: upload and read', () => {
  it('reads the sample and a broken file of one upload, each with its own answer', async () => {
    const res = await upload(base, [
      { name: 'xinzhou-jkq-2020.docx', bytes: fs.readFileSync(SAMPLE) },
      { name: '损坏的报告.docx', bytes: Buffer.from('PK\u0003\u0004 这不是完整的压缩包') },
    ]);
    expect(res.status).toBe(200);
    const [sample, broken] = res.body.files;
    expect(sample).toMatchObject({
      name: 'xinzhou-jkq-2020.docx',
      state: 'ok',
      agency: '忻州经济开发区',
      year: 2020,
      format: '2019',
    });
    expect(broken).toMatchObject({
      name: '损坏的报告.docx',
      state: 'failed',
      error: { code: 'CORRUPT_ZIP', file: '损坏的报告.docx' },
    });
    expect(broken.error.zh).toMatch(/^文件“损坏的报告.docx”无法读取：/);
    expect(broken.error.en).toMatch(/^Cannot read "损坏的报告.docx"/);
    const list = await getJson(base, '/api/reports');
    expect(list.body.reports.map((r: { name: string }) => r.name)).toEqual(['xinzhou-jkq-2020.docx', '损坏的报告.docx']);
  });

  it('gives the page the report exactly as the pipeline reads it, raw text and source cell of every value', async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const expected = await readReport(bytes, 'xinzhou-jkq-2020.docx');
    const { body } = await upload(base, [{ name: 'xinzhou-jkq-2020.docx', bytes }]);
    const detail = await getJson(base, `/api/reports/${body.files[0].id}`);
    expect(detail.body.report.fields).toEqual(expected.fields);
    expect(detail.body.report.cells).toEqual(expected.cells);
    expect(detail.body.report.issues).toEqual(expected.issues);
  });

  it('gives the page every official table layout and rule title from the templates', async () => {
    const { body } = await getJson(base, '/api/config');
    const t3 = body.formats['2021'].parts.find((p: { id: string }) => p.id === 't3');
    const keys = t3.layout.cells.filter((c: { role: string }) => c.role === 'value').map((c: { key: string }) => c.key);
    expect(keys).toContain('t3.received.natural');
    expect(t3.layout.cells).toContainEqual(expect.objectContaining({ role: 'column', text: '申请人情况', colSpan: 7 }));
    expect(body.rules.T3_BALANCE.title).toBe('表三勾稽关系不平衡');
    expect(body.limits.maxFileBytes).toBe(SERVER_LIMITS.maxFileBytes);
  });
});

describe('nianbao serve: correcting a cell', () => {
  async function uploadConsistent(name = '某某县2022.docx'): Promise<string> {
    const { body } = await upload(base, [
      { name, bytes: await reportDocx({ version: '2021', agency: '某某县人民政府', year: 2022 }) },
    ]);
    expect(body.files[0].state).toBe('ok');
    return body.files[0].id;
  }

  it('re-reads the typed text with the field unit and re-checks the report at once', async () => {
    const id = await uploadConsistent();
    const before = await getJson(base, `/api/reports/${id}`);
    const value = before.body.report.fields['t3.received.natural'] as number;
    expect(before.body.report.issues.filter((f: { rule: string }) => f.rule === 'T3_BALANCE')).toEqual([]);

    const bent = await postJson(base, `/api/reports/${id}/cells`, { key: 't3.received.natural', raw: String(value + 5) });
    expect(bent.status).toBe(200);
    expect(bent.body.report.fields['t3.received.natural']).toBe(value + 5);
    // The reported text stays; the correction sits beside it.
    expect(bent.body.report.cells['t3.received.natural']).toMatchObject({
      raw: String(value),
      status: 'number',
      corrected: { text: String(value + 5), value: value + 5, status: 'number' },
    });
    const balance = bent.body.report.issues.filter((f: { rule: string }) => f.rule === 'T3_BALANCE');
    expect(balance.length).toBe(1);
    expect(balance[0].fields).toContain('t3.received.natural');
    expect(bent.body.summary).toMatchObject({ state: 'errors', edited: 1 });
    expect(bent.body.edits).toEqual({ 't3.received.natural': String(value) });

    const fixed = await postJson(base, `/api/reports/${id}/cells`, { key: 't3.received.natural', raw: String(value) });
    expect(fixed.body.report.issues.filter((f: { rule: string }) => f.rule.startsWith('T3_'))).toEqual([]);
    expect(fixed.body.summary.state).toBe('ok');
    expect(fixed.body.edits).toEqual({});
    expect(fixed.body.report.cells['t3.received.natural']).not.toHaveProperty('corrected');
  });

  it('reads 元 typed into a 万元 cell as the recognition does, and blanks as blank', async () => {
    const id = await uploadConsistent();
    const money = await postJson(base, `/api/reports/${id}/cells`, { key: 't2.fees.amount', raw: '251000元' });
    expect(money.body.report.fields['t2.fees.amount']).toBe(25.1);
    expect(money.body.report.cells['t2.fees.amount'].corrected).toMatchObject({
      text: '251000元',
      value: 25.1,
      status: 'number',
    });
    const blank = await postJson(base, `/api/reports/${id}/cells`, { key: 't4.review.upheld', raw: '／' });
    expect(blank.body.report.fields['t4.review.upheld']).toBeNull();
    expect(
      blank.body.report.issues.some(
        (f: { rule: string; fields: string[] }) => f.rule === 'BLANK_CELL' && f.fields.includes('t4.review.upheld'),
      ),
    ).toBe(true);
  });

  it('corrects the agency, year and date as recognition reads them, and re-checks the rules that use them', async () => {
    const id = await uploadConsistent();
    const before = (await getJson(base, `/api/reports/${id}`)).body.report.meta;
    const rules = (r: { body: { report: { issues: { rule: string }[] } } }) => r.body.report.issues.map((f) => f.rule);

    const late = await postJson(base, `/api/reports/${id}/cells`, { key: 'meta.publishDate', raw: '2023年4月2日' });
    expect(late.body.report.meta.publishDate).toBe('2023-04-02');
    expect(late.body.report.fields['meta.publishDate']).toBe('2023-04-02');
    expect(rules(late)).toContain('PUBLISH_DEADLINE'); // a county 人民政府: by 31 March
    expect(late.body.edits).toEqual({ 'meta.publishDate': before.publishDate ?? '' });

    const year = await postJson(base, `/api/reports/${id}/cells`, { key: 'meta.year', raw: '二〇二〇' });
    expect(year.body.report.meta.year).toBe(2020);
    expect(rules(year)).toContain('FORMAT_VERSION'); // a 2020 report in the 2021 format

    const agency = await postJson(base, `/api/reports/${id}/cells`, { key: 'meta.agency', raw: ' 某某县教育局 ' });
    expect(agency.body.summary).toMatchObject({ agency: '某某县教育局', year: 2020, edited: 3 });

    const wrong = await postJson(base, `/api/reports/${id}/cells`, { key: 'meta.year', raw: '去年' });
    expect([wrong.status, wrong.body.error.zh, wrong.body.error.en]).toEqual([
      400,
      '“去年”不是报告年度（例如 2022）',
      '"去年" is not a report year (e.g. 2022)',
    ]);
    const undated = await postJson(base, `/api/reports/${id}/cells`, { key: 'meta.publishDate', raw: '' });
    expect(undated.body.report.meta.publishDate).toBeNull();
  });

  it('refuses a key that is not a table cell of the format, and a body that is not JSON, with a message', async () => {
    const id = await uploadConsistent();
    const unknown = await postJson(base, `/api/reports/${id}/cells`, { key: 't9.nothing', raw: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.zh).toMatch(/不是本报告格式中的表格单元格/);
    const format = await postJson(base, `/api/reports/${id}/cells`, { key: 'meta.format', raw: '2019' });
    expect([format.status, format.body.error.zh]).toEqual([400, '“meta.format”不能修改']);
    const old = await postJson(base, `/api/reports/${id}/cells`, { key: 't2.procurement.amount', raw: '1' });
    expect(old.status).toBe(400);
    const bad = await rawRequest(base, {
      path: `/api/reports/${id}/cells`,
      headers: { 'Content-Type': 'application/json', Host: new URL(base).host },
      chunks: ['{"key": '],
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.zh).toBe('请求内容不是有效的 JSON');
    const missing = await postJson(base, '/api/reports/00000000-0000-0000-0000-000000000000/cells', {
      key: 't3.total.total',
      raw: '1',
    });
    expect(missing.status).toBe(404);
  });

  it('downloads JSON, DOCX and Excel of the corrected report, and the corrected DOCX reads back with the correction', async () => {
    const id = await uploadConsistent('更正后.docx');
    const corrected = await postJson(base, `/api/reports/${id}/cells`, { key: 't4.review.upheld', raw: '17' });
    expect(corrected.status).toBe(200);

    const json = await getBytes(base, `/api/reports/${id}/download/json`);
    expect(json.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('更正后.json')}`);
    expect(JSON.parse(json.bytes.toString('utf8')).fields['t4.review.upheld']).toBe(17);

    const docx = await getBytes(base, `/api/reports/${id}/download/docx`);
    expect(docx.status).toBe(200);
    const reread = await processInput({ name: '更正后.docx', bytes: docx.bytes }, '更正后.docx');
    expect(reread.ok && reread.report.fields['t4.review.upheld']).toBe(17);
    const xlsx = await getBytes(base, `/api/reports/${id}/download/xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    expect(values).toContain(17);
    const unknownKind = await getBytes(base, `/api/reports/${id}/download/exe`);
    expect(unknownKind.status).toBe(404);
  });

  it('downloads the batch summary of all loaded reports with the corrections, failed files listed', async () => {
    const values = consistentValues('2021', 3);
    const a = await upload(base, [
      { name: '甲县2022.docx', bytes: await reportDocx({ version: '2021', agency: '甲县人民政府', year: 2022 }, values) },
      { name: '坏.docx', bytes: Buffer.from('not a report') },
    ]);
    const id = a.body.files[0].id;
    await postJson(base, `/api/reports/${id}/cells`, { key: 't3.received.natural', raw: '987' });
    const res = await getBytes(base, '/api/summary.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const texts: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(c.value))));
    expect(texts).toContain(987);
    expect(texts).toContain('坏.docx');
  });

  it('says there is nothing to summarise when no report was read', async () => {
    const res = await getJson(base, '/api/summary.xlsx');
    expect(res.status).toBe(409);
    expect(res.body.error.zh).toMatch(/还没有读取成功的报告/);
  });
});

describe('nianbao serve: cross-year pairs', () => {
  it('pairs two years of one agency in the batch and shows the carry-over finding on the later report', async () => {
    const earlier = consistentValues('2021', 11);
    const later = consistentValues('2021', 12);
    const res = await upload(base, [
      { name: '乙县2021.docx', bytes: await reportDocx({ version: '2021', agency: '乙县人民政府', year: 2021 }, earlier) },
      { name: '乙县2022.docx', bytes: await reportDocx({ version: '2021', agency: '乙县人民政府', year: 2022 }, later) },
    ]);
    expect(res.body.files.map((f: { state: string }) => f.state)).not.toContain('failed');
    const cross = await getJson(base, '/api/cross-year');
    expect(cross.body.pairs).toHaveLength(1);
    const pair = cross.body.pairs[0];
    expect([pair.earlier.year, pair.later.year]).toEqual([2021, 2022]);
    const carries = earlier['t3.carriedForward.natural'] !== later['t3.carriedOver.natural'];
    const detail = await getJson(base, `/api/reports/${pair.later.id}`);
    const carry = detail.body.report.issues.filter((f: { rule: string }) => f.rule === 'CROSS_YEAR_CARRY');
    expect(carry.length > 0).toBe(carries);
  });

  it('pairs only the report that counts of two differing reports of one agency and year (重复报送, the later upload by default)', async () => {
    const { body } = await upload(base, [
      {
        name: '戊县2021.docx',
        bytes: await reportDocx({ version: '2021', agency: '戊县人民政府', year: 2021 }, consistentValues('2021', 40)),
      },
      {
        name: '戊县2022甲.docx',
        bytes: await reportDocx({ version: '2021', agency: '戊县人民政府', year: 2022 }, consistentValues('2021', 41)),
      },
      {
        name: '戊县2022乙.docx',
        bytes: await reportDocx({ version: '2021', agency: '戊县人民政府', year: 2022 }, consistentValues('2021', 42)),
      },
    ]);
    const [earlier, , counted] = body.files.map((f: { id: string }) => f.id);
    const cross = await getJson(base, '/api/cross-year');
    expect(cross.body.pairs.map((p: { earlier: { id: string }; later: { id: string } }) => [p.earlier.id, p.later.id])).toEqual([
      [earlier, counted],
    ]);
    expect(cross.body.unpaired).toEqual([]);
  });
});

describe('nianbao serve: report text on the page', () => {
  it('hands report text to the page as JSON data, never as markup', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await upload(base, [
      {
        name: `${evil}.docx`,
        bytes: await reportDocx({ version: '2021', year: 2022, sectionText: { 1: [`总体情况：${evil}`] } }),
      },
    ]);
    const id = res.body.files[0].id;
    const detail = await fetch(new URL(`/api/reports/${id}`, base));
    expect(detail.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(detail.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await detail.json();
    // An upload name keeps only what follows its last path separator; the rest is data, not markup.
    expect(body.summary.name).toBe('script><img src=x onerror=alert(2)>.docx');
    expect(body.report.sections[0].paragraphs).toContain(`总体情况：${evil}`);
    const download = await getBytes(base, `/api/reports/${id}/download/json`);
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[^"/\\<>]*"; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]+$/);
  });
});
