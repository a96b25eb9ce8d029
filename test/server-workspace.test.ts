/**
 * The page's workspace on disk, over a real server: corrections journalled with the reported text
 * kept, undone one by one or all of 空白填 0 at once, the same file named as already present,
 * two files of one body and year both kept with one counted, and everything back after a restart
 * on the same folder. The crash test kills a real `nianbao serve` process with SIGKILL.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { xlsxStyle } from '../src/export/xlsx/style';
import { reportToXlsx } from '../src/export/xlsx';
import { startServer, type RunningServer } from '../src/server';
import { tempDir } from './helpers/cli';
import { readReport } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';
import { corrected } from './helpers/summary-fixture';
import { getBytes, getJson, postJson, reportDocx, serveProcess, upload } from './helpers/server';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A report whose t4 行政复议 cells 维持 and 纠正 are left blank. */
async function withBlanks(agency = '某某县教育局', year = 2023): Promise<Buffer> {
  const values = { ...consistentValues('2021', 3), 't4.review.upheld': null, 't4.review.corrected': null };
  return reportDocx({ version: '2021', agency, year }, values);
}

/** A server on a fresh workspace folder for each test of the block (a test may restart it: `t.server = …`). */
function freshServer(): { server: RunningServer; dir: string } {
  const t = {} as { server: RunningServer; dir: string };
  beforeEach(async () => {
    t.dir = tempDir();
    t.server = await startServer({ port: 0, pool: { threads: 1 }, workspace: t.dir });
  });
  afterEach(async () => t.server?.close());
  return t;
}

describe('workspace: corrections journalled and undone', () => {
  const t = freshServer();

  it('keeps the reported text beside the correction, with its time and note, in the journal on disk', async () => {
    const { body } = await upload(t.server.url, [{ name: '教育局.docx', bytes: await withBlanks() }]);
    const id = body.files[0].id;
    const edited = await postJson(t.server.url, `/api/reports/${id}/cells`, {
      key: 't4.review.upheld',
      raw: '2',
      note: '经电话核实',
    });
    expect(edited.status).toBe(200);
    const cell = edited.body.report.cells['t4.review.upheld'];
    expect({
      raw: cell.raw,
      status: cell.status,
      text: cell.corrected.text,
      value: cell.corrected.value,
      note: cell.corrected.note,
    }).toEqual({ raw: '', status: 'blank', text: '2', value: 2, note: '经电话核实' });
    expect(edited.body.report.fields['t4.review.upheld']).toBe(2);
    const journal = JSON.parse(fs.readFileSync(path.join(t.dir, 'reports', id, 'journal.json'), 'utf8'));
    expect(journal).toEqual([
      {
        id: expect.any(String),
        kind: 'edit',
        at: cell.corrected.at,
        note: '经电话核实',
        changes: [{ key: 't4.review.upheld', reported: '', before: '', text: '2' }],
      },
    ]);
    // The reading on disk stays as reported.
    const reading = JSON.parse(fs.readFileSync(path.join(t.dir, 'reports', id, 'reading.json'), 'utf8'));
    expect(reading.cells['t4.review.upheld']).toEqual(expect.objectContaining({ raw: '', status: 'blank' }));
    expect(reading.cells['t4.review.upheld']).not.toHaveProperty('corrected');
  });

  it('keeps the reported agency when it is corrected, and drops the correction when the reported text is typed again', async () => {
    const { body } = await upload(t.server.url, [{ name: '教育局.docx', bytes: await withBlanks('某某县教育局') }]);
    const id = body.files[0].id;
    const renamed = await postJson(t.server.url, `/api/reports/${id}/cells`, { key: 'meta.agency', raw: '某某县教育体育局' });
    expect(renamed.body.report.meta.agency).toBe('某某县教育体育局');
    expect(renamed.body.report.cells['meta.agency']).toMatchObject({
      raw: '某某县教育局',
      status: 'text',
      corrected: { text: '某某县教育体育局', value: '某某县教育体育局' },
    });
    expect(renamed.body.edits).toEqual({ 'meta.agency': '某某县教育局' });
    const back = await postJson(t.server.url, `/api/reports/${id}/cells`, { key: 'meta.agency', raw: '某某县教育局' });
    expect(back.body.report.meta.agency).toBe('某某县教育局');
    expect(back.body.report.cells).not.toHaveProperty(['meta.agency']);
    expect(back.body.journal.map((e: { changes: { text: string }[] }) => e.changes[0].text)).toEqual([
      '某某县教育体育局',
      '某某县教育局',
    ]);
  });

  it('fills every blank cell with 0 as one journal entry, and one undo (Ctrl+Z) restores them all', async () => {
    const { body } = await upload(t.server.url, [{ name: '教育局.docx', bytes: await withBlanks() }]);
    const id = body.files[0].id;
    const filled = await postJson(t.server.url, `/api/reports/${id}/fill-zero`, {});
    expect(filled.body.journal).toHaveLength(1);
    expect(filled.body.journal[0]).toMatchObject({ kind: 'fill-zero', note: '空白填 0' });
    expect(filled.body.journal[0].changes.map((c: { key: string }) => c.key).sort()).toEqual([
      't4.review.corrected',
      't4.review.upheld',
    ]);
    expect([filled.body.report.fields['t4.review.upheld'], filled.body.report.fields['t4.review.corrected']]).toEqual([0, 0]);
    expect(filled.body.report.issues.filter((f: { rule: string }) => f.rule === 'BLANK_CELL')).toEqual([]);

    const undone = await postJson(t.server.url, `/api/reports/${id}/undo`, {});
    expect(undone.body.undone).toBe(true);
    expect([undone.body.report.fields['t4.review.upheld'], undone.body.report.fields['t4.review.corrected']]).toEqual([
      null,
      null,
    ]);
    expect(undone.body.edits).toEqual({});
    expect(undone.body.journal[0].undone).toEqual(expect.any(String));
    const nothing = await postJson(t.server.url, `/api/reports/${id}/undo`, {});
    expect(nothing.body.undone).toBe(false);
  });

  it('undoes one correction by its journal entry, leaving the later ones', async () => {
    const { body } = await upload(t.server.url, [{ name: '教育局.docx', bytes: await withBlanks() }]);
    const id = body.files[0].id;
    const first = await postJson(t.server.url, `/api/reports/${id}/cells`, { key: 't4.review.upheld', raw: '1' });
    await postJson(t.server.url, `/api/reports/${id}/cells`, { key: 't4.review.corrected', raw: '4' });
    const undone = await postJson(t.server.url, `/api/reports/${id}/undo`, { entry: first.body.journal[0].id });
    expect([undone.body.report.fields['t4.review.upheld'], undone.body.report.fields['t4.review.corrected']]).toEqual([null, 4]);
    expect(undone.body.summary.edited).toBe(1);
  });

  it('keeps every correction when the original is read again (a newer reader), replaying the journal over the new reading', async () => {
    const { body } = await upload(t.server.url, [{ name: '教育局.docx', bytes: await withBlanks() }]);
    const id = body.files[0].id;
    await postJson(t.server.url, `/api/reports/${id}/cells`, { key: 't4.review.upheld', raw: '5' });
    // As an older reader would have left it: a reading that differs from what the reader gives today.
    const file = path.join(t.dir, 'reports', id, 'reading.json');
    const old = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...old, source: { ...old.source, reader: 'old-reader' } }));
    const reread = await postJson(t.server.url, `/api/reports/${id}/reread`, {});
    expect(reread.status).toBe(200);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).source.reader).toBe('docx');
    expect(reread.body.report.source.reader).toBe('docx');
    expect(reread.body.report.cells['t4.review.upheld']).toMatchObject({
      raw: '',
      status: 'blank',
      corrected: { text: '5', value: 5 },
    });
    expect(reread.body.report.fields['t4.review.upheld']).toBe(5);
  });

  it('journals the corrections a workbook brings: the reading keeps what was reported, undo and re-reading treat them as typed ones', async () => {
    const key = 't3.received.natural';
    const read = await readReport(await withBlanks(), '教育局.docx');
    const bytes = await reportToXlsx(corrected(read, key, 99, '与原件核对'));
    const { body } = await upload(t.server.url, [{ name: '教育局.xlsx', bytes }]);
    const id = body.files[0].id;
    const detail = (await getJson(t.server.url, `/api/reports/${id}`)).body;
    expect(detail.report.fields[key]).toBe(99);
    expect(detail.report.cells[key]).toMatchObject({ raw: read.cells[key].raw, corrected: { text: '99', note: '与原件核对' } });
    expect(detail.edits).toEqual({ [key]: read.cells[key].raw });
    // On disk: the reading as the body reported it, the correction in the journal.
    const dir = path.join(t.dir, 'reports', id);
    const reading = JSON.parse(fs.readFileSync(path.join(dir, 'reading.json'), 'utf8'));
    expect([reading.fields[key], reading.cells[key].corrected]).toEqual([read.fields[key], undefined]);
    const journal = () => JSON.parse(fs.readFileSync(path.join(dir, 'journal.json'), 'utf8'));
    expect(journal()).toEqual([
      {
        id: expect.any(String),
        kind: 'edit',
        at: expect.any(String),
        note: '与原件核对',
        changes: [{ key, reported: read.cells[key].raw, before: read.cells[key].raw, text: '99' }],
      },
    ]);
    const undone = await postJson(t.server.url, `/api/reports/${id}/undo`, {});
    expect([undone.body.undone, undone.body.report.fields[key]]).toEqual([true, read.fields[key]]);
    // Read again: the workbook brings its correction again, but the journal already names it (undone).
    const reread = await postJson(t.server.url, `/api/reports/${id}/reread`, {});
    expect(reread.body.report.fields[key]).toBe(read.fields[key]);
    expect(journal()).toHaveLength(1);
  });

  it('restores every report, correction and undo after a restart on the same folder', async () => {
    const a = await upload(t.server.url, [{ name: '甲.docx', bytes: await withBlanks('某某县甲局') }]);
    const b = await upload(t.server.url, [{ name: '乙.docx', bytes: await withBlanks('某某县乙局') }]);
    const [ida, idb] = [a.body.files[0].id, b.body.files[0].id];
    await postJson(t.server.url, `/api/reports/${ida}/cells`, { key: 't4.review.upheld', raw: '3' });
    await postJson(t.server.url, `/api/reports/${idb}/fill-zero`, {});
    await postJson(t.server.url, `/api/reports/${idb}/undo`, {});
    const before = (await getJson(t.server.url, '/api/reports')).body.reports;
    await t.server.close();
    t.server = await startServer({ port: 0, pool: { threads: 1 }, workspace: t.dir });
    expect((await getJson(t.server.url, '/api/reports')).body.reports).toEqual(before);
    const detailA = (await getJson(t.server.url, `/api/reports/${ida}`)).body;
    expect(detailA.report.fields['t4.review.upheld']).toBe(3);
    const detailB = (await getJson(t.server.url, `/api/reports/${idb}`)).body;
    expect(detailB.report.fields['t4.review.upheld']).toBeNull();
    expect(detailB.journal[0]).toMatchObject({ kind: 'fill-zero', undone: expect.any(String) });
  });
});

describe('workspace: duplicates', () => {
  const t = freshServer();

  it('names the same file dropped again as already present, and stores it once', async () => {
    const bytes = await withBlanks();
    const first = await upload(t.server.url, [{ name: '教育局.docx', bytes }]);
    const again = await upload(t.server.url, [{ name: '教育局（再次）.docx', bytes }]);
    const answer = again.body.files[0];
    expect(answer).toMatchObject({
      state: 'duplicate',
      name: '教育局（再次）.docx',
      existing: { id: first.body.files[0].id, name: '教育局.docx' },
    });
    const when = first.body.files[0].addedAt.slice(0, 16).replace('T', ' ');
    expect(answer.message).toBe(
      `文件“教育局（再次）.docx”已在工作区中（与 ${when} 上传的“教育局.docx”，某某县教育局 2023年 内容完全相同），未重复保存`,
    );
    expect((await getJson(t.server.url, '/api/reports')).body.reports).toHaveLength(1);
    expect(fs.readdirSync(path.join(t.dir, 'originals'))).toEqual([`${sha(bytes)}.docx`]);
    expect(fs.readFileSync(path.join(t.dir, 'originals', `${sha(bytes)}.docx`)).equals(bytes)).toBe(true);
  });

  it('reads and stores once the same file sent twice in one request', async () => {
    const bytes = await withBlanks();
    const res = await upload(t.server.url, [
      { name: '甲.docx', bytes },
      { name: '乙.docx', bytes },
    ]);
    expect(res.body.files.map((f: { state: string }) => f.state)).toEqual(['ok', 'duplicate']);
    expect(res.body.files[1].existing.id).toBe(res.body.files[0].id);
    expect((await getJson(t.server.url, '/api/reports')).body.reports).toHaveLength(1);
  });

  it('keeps two different files of one body and year as 重复报送, counts the newest, and counts the chosen one once chosen', async () => {
    const older = await upload(t.server.url, [{ name: '教育局-初稿.docx', bytes: await withBlanks() }]);
    const newerBytes = await reportDocx({ version: '2021', agency: '某某县教育局', year: 2023 });
    const newer = await upload(t.server.url, [{ name: '教育局-定稿.docx', bytes: newerBytes }]);
    const [idOld, idNew] = [older.body.files[0].id, newer.body.files[0].id];
    const marks = () =>
      getJson(t.server.url, '/api/reports').then((r) =>
        Object.fromEntries(r.body.reports.map((s: { id: string; duplicate: unknown }) => [s.id, s.duplicate])),
      );
    expect(await marks()).toEqual({
      [idOld]: { of: 2, counts: false, others: [idNew] },
      [idNew]: { of: 2, counts: true, others: [idOld] },
    });
    expect(await summaryNames()).toEqual({ '教育局-初稿.docx': false, '教育局-定稿.docx': true });
    // Cross-year checks see only the one that counts: no "two reports of one body and year, cannot pair" note.
    expect((await getJson(t.server.url, '/api/cross-year')).body.unpaired).toEqual([]);

    const chose = await postJson(t.server.url, `/api/reports/${idOld}/choose`, {});
    expect(chose.status).toBe(200);
    expect(await marks()).toEqual({
      [idOld]: { of: 2, counts: true, others: [idNew] },
      [idNew]: { of: 2, counts: false, others: [idOld] },
    });
    expect(await summaryNames()).toEqual({ '教育局-初稿.docx': true, '教育局-定稿.docx': false });
  });

  /** Which of the two files the summary workbook mentions anywhere. */
  async function summaryNames(): Promise<Record<string, boolean>> {
    const { bytes, status } = await getBytes(t.server.url, '/api/summary.xlsx');
    expect(status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
    const all = texts.join('\n');
    return { '教育局-初稿.docx': all.includes('教育局-初稿'), '教育局-定稿.docx': all.includes('教育局-定稿') };
  }
});

describe("workspace: the summary with the year's roster", () => {
  const t = freshServer();

  it('lists the roster bodies that sent nothing as 未报送, and a report assigned by hand under its body', async () => {
    const bodies = ['甲', '乙', '丙'];
    for (const [i, b] of bodies.entries()) {
      await upload(t.server.url, [
        {
          name: `${b}.docx`,
          bytes: await reportDocx({ version: '2021', agency: `某某县${b}局`, year: 2023 }, consistentValues('2021', 30 + i)),
        },
      ]);
    }
    const odd = await upload(t.server.url, [
      {
        name: '教体.docx',
        bytes: await reportDocx({ version: '2021', agency: '某某县教体局', year: 2023 }, consistentValues('2021', 40)),
      },
    ]);
    const csv =
      '单位名称,类别\n某某县甲局,部门\n某某县乙局,部门\n某某县丙局,部门\n某某县丁局,部门\n某某县戊局,乡镇\n某某县教育和体育局,部门\n';
    const form = new FormData();
    form.append('roster', new Blob([csv]), '名单.csv');
    const imported = await fetch(new URL('/api/year/roster?year=2023', t.server.url), { method: 'POST', body: form });
    expect(imported.status).toBe(200);
    const view = await imported.json();
    expect(view.view.counts).toEqual({ 未报送: 3, 有错误: 0, 逾期: 0, 已更正: 0, 已报送: 3 });
    expect(view.view.unmatched.map((r: { id: string }) => r.id)).toEqual([odd.body.files[0].id]);
    const assigned = await postJson(t.server.url, '/api/year/assign?year=2023', {
      report: odd.body.files[0].id,
      body: '某某县教育和体育局',
    });
    expect(assigned.body.view.counts['未报送']).toBe(2);

    const { bytes } = await getBytes(t.server.url, '/api/summary.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(xlsxStyle().sheets.status)!;
    let header: string[] = [];
    const statuses: Record<string, string> = {};
    sheet.eachRow((row) => {
      const texts = (row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
      if (texts.includes('单位') && texts.includes('状态')) header = texts;
      else if (header.length && texts[header.indexOf('单位')])
        statuses[texts[header.indexOf('单位')]] = texts[header.indexOf('状态')];
    });
    expect(statuses).toEqual({
      某某县甲局: '已报送',
      某某县乙局: '已报送',
      某某县丙局: '已报送',
      某某县丁局: '未报送',
      某某县戊局: '未报送',
      某某县教育和体育局: '已报送',
    });
  });
});

describe('workspace: a killed server loses nothing it acknowledged', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  const serve = async (workspace: string) => {
    const started = await serveProcess({ args: ['--workspace', workspace] });
    children.push(started.child);
    return started;
  };

  it('restores every acknowledged upload and correction after SIGKILL and a restart on the same folder', async () => {
    const workspace = path.join(tempDir(), '工作区');
    const first = await serve(workspace);
    const files = await Promise.all(
      ['甲', '乙', '丙'].map(async (n) => ({ name: `${n}局.docx`, bytes: await withBlanks(`某某县${n}局`) })),
    );
    const answers = await Promise.all(files.map((f) => upload(first.url, [f])));
    const ids = answers.map((a) => a.body.files[0].id as string);
    const corrected = await postJson(first.url, `/api/reports/${ids[1]}/cells`, {
      key: 't4.review.upheld',
      raw: '9',
      note: '单位更正',
    });
    expect(corrected.status).toBe(200);
    const gone = new Promise((resolve) => first.child.on('exit', resolve));
    first.child.kill('SIGKILL');
    await gone;

    const second = await serve(workspace);
    const list = (await getJson(second.url, '/api/reports')).body.reports;
    // Uploads sent at once are numbered in the order they arrived, so compare by id.
    const byId = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
    expect(list.map((r: { id: string; name: string; agency: string }) => [r.id, r.name, r.agency]).sort(byId)).toEqual(
      [
        [ids[0], '甲局.docx', '某某县甲局'],
        [ids[1], '乙局.docx', '某某县乙局'],
        [ids[2], '丙局.docx', '某某县丙局'],
      ].sort(byId),
    );
    const detail = (await getJson(second.url, `/api/reports/${ids[1]}`)).body;
    expect(detail.report.fields['t4.review.upheld']).toBe(9);
    expect(detail.report.cells['t4.review.upheld']).toMatchObject({
      raw: '',
      status: 'blank',
      corrected: { text: '9', value: 9, note: '单位更正' },
    });
    second.child.kill('SIGINT');
  });
});
