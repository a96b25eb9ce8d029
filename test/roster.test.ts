import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  NameIndex,
  readRoster,
  readRosterFile,
  rosterFromReports,
  rosterYear,
  type Roster,
  type RosterReport,
} from '../src/roster';

function ref(id: string, agency: string | null, extra: Partial<RosterReport> = {}): RosterReport {
  return { id, agency, year: 2024, date: '2025-01-20', errors: 0, warnings: 0, corrections: 0, ...extra };
}

function roster(...names: string[]): Roster {
  return { source: '名单.xlsx', bodies: names.map((name) => ({ name, category: null, due: null })) };
}

describe('body names', () => {
  const index = new NameIndex([
    '某某县财政局',
    '某某县人民政府办公室',
    '县市场监督管理局',
    '某某县发展和改革局（县粮食和物资储备局）',
  ]);

  it.each([
    ['某某县 财政局', 0],
    ['某某县财政局', 0],
    ['财政局', 0],
    ['县财政局', 0],
    ['某某县政府办公室', 1],
    ['某某县人民政府办', 1],
    ['市场监督管理局', 2],
    ['某某县市场监督管理局', 2],
    ['某某县发展和改革局(县粮食和物资储备局)', 3],
    ['某某县发展和改革局【县粮食和物资储备局】', 3],
  ])('matches %s to roster body %i', (name, i) => {
    expect(index.find(name)).toBe(i);
  });

  it.each(['某某县教育局', '另一县财政局', '政府办公室公报', '局', ''])('matches %s to no body', (name) => {
    expect(index.find(name)).toBeNull();
  });

  it('never matches a bare name that two counties of the roster share', () => {
    const city = new NameIndex(['甲县财政局', '乙县财政局']);
    expect(city.find('财政局')).toBeNull();
    expect(city.find('甲县财政局')).toBe(0);
    expect(city.find('乙县 财政局')).toBe(1);
  });

  it('never matches a name the roster lists twice under different spellings', () => {
    expect(new NameIndex(['县财政局', '县 财政局']).find('县财政局')).toBeNull();
  });
});

describe('reading a roster', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the first sheet of an .xlsx with a title row above the header, category and due date', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    wb.addWorksheet('说明').addRow(['单位名称', '不是这张表']);
    ws.addRow(['某某县2024年度报送单位名单']);
    ws.addRow(['序号', '单位名称', '类别', '应报送日期']);
    ws.addRow([1, '某某县财政局', '县直部门', new Date(Date.UTC(2025, 0, 31))]);
    ws.addRow([2, ' 某某县教育局 ', '县直部门', '2025年1月31日']);
    ws.addRow([3, null, null, null]);
    ws.addRow([4, '城关镇人民政府', '乡镇', 45688]);
    const file = path.join(dir, '名单.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await readRosterFile(file)).toEqual({
      source: '名单.xlsx',
      bodies: [
        { name: '某某县财政局', category: '县直部门', due: '2025-01-31' },
        { name: '某某县教育局', category: '县直部门', due: '2025-01-31' },
        { name: '城关镇人民政府', category: '乡镇', due: '2025-01-31' },
      ],
    });
  });

  it('reads a GBK CSV as WPS writes it, quotes and all', async () => {
    const text = '单位名称,层级\r\n"某某县财政局",县级\r\n"某某县""教育""局",县级\r\n';
    const r = await readRoster(iconv.encode(text, 'gbk'), 'd:/名单.csv');
    expect(r.bodies).toEqual([
      { name: '某某县财政局', category: '县级', due: null },
      { name: '某某县"教育"局', category: '县级', due: null },
    ]);
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const r = await readRoster(Buffer.from('\uFEFF单位名称\n甲\n乙\n', 'utf8'), '名单.csv');
    expect(r.bodies.map((b) => b.name)).toEqual(['甲', '乙']);
  });

  it('names the file in Chinese and English when there is no 单位名称 column', async () => {
    await expect(readRoster(Buffer.from('名字,类别\n甲,乙\n'), '名单.csv')).rejects.toThrow(
      '名单“名单.csv”无法使用：名单第一个工作表中找不到“单位名称”列（表头须含“单位名称”）\nCannot use the roster "名单.csv": no column 单位名称',
    );
  });

  it('names the row of a due date it cannot read', async () => {
    await expect(readRoster(Buffer.from('单位名称,应报送日期\n甲,下周\n'), '名单.csv')).rejects.toThrow(
      '（第 2 行 / row 2: 下周）',
    );
  });

  it('says a missing roster file is missing', async () => {
    await expect(readRosterFile(path.join(dir, 'nope.xlsx'))).rejects.toThrow(/找不到名单文件.*\n.*does not exist/);
  });
});

describe('who reported in a year', () => {
  it('lists the 2 bodies of 10 that sent nothing as 未报送', () => {
    const names = Array.from({ length: 10 }, (_, i) => `某某县第${i + 1}局`);
    const reports = names.filter((_, i) => i !== 3 && i !== 7).map((n, i) => ref(`r${i}`, n));
    const year = rosterYear(roster(...names), reports);
    expect(year.lines.filter((l) => l.status === '未报送').map((l) => l.body.name)).toEqual(['某某县第4局', '某某县第8局']);
    expect(year.counts).toEqual({ 未报送: 2, 有错误: 0, 逾期: 0, 已更正: 0, 已报送: 8 });
    expect(year.unmatched).toEqual([]);
  });

  it('gives 有错误 before 逾期 before 已更正, and leaves reports of other years out', () => {
    const r: Roster = {
      source: 'x',
      bodies: ['甲局', '乙局', '丙局', '丁局'].map((name) => ({ name, category: null, due: '2025-01-31' })),
    };
    const year = rosterYear(r, [
      ref('a', '甲局', { errors: 1, date: '2025-02-10' }),
      ref('b', '乙局', { date: '2025-02-10', corrections: 2 }),
      ref('c', '丙局', { corrections: 2 }),
      ref('d', '丁局', { year: 2023 }),
    ]);
    expect(year.lines.map((l) => [l.status, l.late])).toEqual([
      ['有错误', true],
      ['逾期', true],
      ['已更正', false],
      ['未报送', false],
    ]);
  });

  it('lists both reports of one body as duplicates and counts the later one unless told otherwise', () => {
    const reports = [ref('new', '县财政局', { date: '2025-01-25' }), ref('old', '某某县财政局', { date: '2025-01-10' })];
    const line = rosterYear(roster('某某县财政局'), reports).lines[0];
    expect([line.duplicate, line.reports.map((r) => r.id), line.counted?.id]).toEqual([true, ['new', 'old'], 'new']);
    expect(rosterYear(roster('某某县财政局'), reports, { counted: { 某某县财政局: 'old' } }).lines[0].counted?.id).toBe('old');
  });

  it('keeps reports of unknown bodies apart until they are assigned by hand', () => {
    const reports = [ref('x', '城关镇政府'), ref('y', null)];
    expect(rosterYear(roster('城关镇人民政府办公室'), reports).unmatched.map((r) => r.id)).toEqual(['x', 'y']);
    const assigned = rosterYear(roster('城关镇人民政府办公室'), reports, { assign: { x: '城关镇人民政府办公室' } });
    expect([assigned.lines[0].counted?.id, assigned.unmatched.map((r) => r.id)]).toEqual(['x', ['y']]);
  });

  it('takes last year’s reporters as a roster, one body per name however it is spaced', () => {
    const r = rosterFromReports([ref('a', '甲局'), ref('b', null), ref('c', '乙局'), ref('d', ' 甲局')], '2023年度报送单位');
    expect(r).toEqual({
      source: '2023年度报送单位',
      bodies: [
        { name: '甲局', category: null, due: null },
        { name: '乙局', category: null, due: null },
      ],
    });
  });
});
