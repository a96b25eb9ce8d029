/**
 * Title, agency, issuer, year and date wherever a report prints them: a page saved as Word (its
 * breadcrumb and 来源/时间 line as the first paragraphs), the page's date line above the title, a
 * date under the title, a signature with or without a date, no signature at all (issuer null,
 * never guessed). The quirks are the ones published reports show (see ../shared/real/).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Block, Paragraph } from '../src/document/types';
import type { Report } from '../src/report/types';
import { readMeta } from '../src/recognise/meta';
import { fieldDiff, readFixture, readReport } from './helpers/pipeline';
import { blocksXml, lvl, numberingDef, numPr, para, rawDocx } from './helpers/raw-docx';
import { consistentValues, reportBlocks } from './helpers/report-fixture';
import { toMht } from './helpers/html-fixture';
import { findSoffice, officeConvert } from './helpers/office';

function p(text: string, numbering?: string): Paragraph {
  return { kind: 'paragraph', text, bold: false, ...(numbering ? { numbering } : {}) };
}

const PREAMBLE = p('根据《中华人民共和国政府信息公开条例》规定，现公布本年度报告。');
const BODY: Block[] = [
  p('一、总体情况'),
  p('本年度工作情况良好。'),
  p('六、其他需要报告的事项'),
  p('本年度无其他需要报告的事项。'),
];

/** readMeta over head + body + tail, section 一 right after the head. */
function meta(head: readonly Block[], tail: readonly Block[] = []) {
  const blocks = [...head, ...BODY, ...tail];
  return readMeta(blocks, head.length);
}

/** The breadcrumb of a page saved as Word by LibreOffice: the label, then the <li> items as bullets. */
const WORD_CRUMB = [p('当前位置：'), p('首页', '•'), p('政务公开', '•'), p('政府信息公开', '•'), p('政府信息公开年报', '•')];

describe('readMeta: a web page saved as Word', () => {
  it('skips the breadcrumb items (政府信息公开年报 is no title) and dates the report by the 时间 line under the headline', () => {
    const head = [...WORD_CRUMB, p('平潭综合实验区2023年度政府信息公开工作年度报告'), p('时间：2024-03-08 15:34'), PREAMBLE];
    expect(meta(head)).toEqual({
      title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      agency: '平潭综合实验区',
      issuer: null,
      year: 2023,
      publishDate: '2024-03-08',
      titleBlocks: [0, 1, 2, 3, 4, 5, 6],
      closingBlocks: [],
    });
  });

  it("takes the body's own title when the page headline stands above it, and keeps both out of the text", () => {
    const head = [
      ...WORD_CRUMB,
      p('平潭综合实验区2019年度政府信息公开工作年度报告'),
      p('时间：2020-01-20 15:22'),
      p('平潭综合实验区2019年政府信息公开工作年度报告'),
      PREAMBLE,
    ];
    expect(meta(head)).toEqual({
      title: '平潭综合实验区2019年政府信息公开工作年度报告',
      agency: '平潭综合实验区',
      issuer: null,
      year: 2019,
      publishDate: '2020-01-20',
      titleBlocks: [0, 1, 2, 3, 4, 5, 6, 7],
      closingBlocks: [],
    });
  });

  it('never takes a one-line breadcrumb for the title', () => {
    const head = [
      p('当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报'),
      p('某某县人民政府2022年政府信息公开工作年度报告'),
      PREAMBLE,
    ];
    expect(meta(head)).toMatchObject({ title: '某某县人民政府2022年政府信息公开工作年度报告', titleBlocks: [0, 1] });
    expect(meta([p('当前位置：首页 > 政务公开 > 政府信息公开年报'), PREAMBLE])).toMatchObject({ title: null, titleBlocks: [0] });
  });
});

describe("readMeta: the page's date lines", () => {
  const title = p('某某县人民政府2022年政府信息公开工作年度报告');

  it.each([
    ['发布日期：2023-01-31', '2023-01-31'],
    ['时间：2024-03-08 15:34', '2024-03-08'],
    ['时间：2024-3-8 15:34', '2024-03-08'],
    ['发布时间：2023年1月20日', '2023-01-20'],
    ['来源：某某县人民政府办公室   发布时间：2023-01-29 10:12   浏览次数：35', '2023-01-29'],
    ['【字号：大 中 小】 日期：2023-01-27', '2023-01-27'],
  ])('reads %s as the publish date', (line, iso) => {
    expect(meta([title, p(line), PREAMBLE])).toMatchObject({ publishDate: iso, issuer: null, titleBlocks: [0, 1] });
  });

  it('reads a date line above the title as well as below it, and a 来源 line is chrome, not an issuer', () => {
    expect(meta([p('发布日期：2023-01-31'), p('来源：某某县人民政府办公室'), title, PREAMBLE])).toMatchObject({
      publishDate: '2023-01-31',
      issuer: null,
      agency: '某某县人民政府',
      titleBlocks: [0, 1, 2],
    });
  });

  it('prefers 发布日期 to 成文日期 and 生成日期, whatever their order', () => {
    expect(
      meta([p('生成日期：2023-01-18'), p('成文日期：2023-01-19'), title, p('发布日期：2023-01-30'), PREAMBLE]),
    ).toMatchObject({ publishDate: '2023-01-30' });
    expect(meta([p('生成日期：2023-01-18'), title, PREAMBLE])).toMatchObject({ publishDate: '2023-01-18' });
  });

  it('keeps a bare 字号 line under the title out of the text, and dates nothing by it', () => {
    expect(meta([title, p('字号：大 中 小'), PREAMBLE])).toMatchObject({ publishDate: null, titleBlocks: [0, 1] });
  });

  it('does not read 更新时间 as the publish date', () => {
    expect(meta([title, p('更新时间：2023-02-03'), PREAMBLE])).toMatchObject({ publishDate: null });
  });

  it("prefers the signature's date to the page's", () => {
    const got = meta([title, p('发布时间：2023-01-29 10:12'), PREAMBLE], [p('某某县人民政府'), p('2023年1月20日')]);
    expect(got).toMatchObject({ issuer: '某某县人民政府', publishDate: '2023-01-20', closingBlocks: [7, 8] });
  });
});

describe('readMeta: a date under the title', () => {
  const title = p('某某县交通运输局2022年政府信息公开工作年度报告');

  it.each([
    ['2023年1月18日', '2023-01-18'],
    ['（2023年1月18日）', '2023-01-18'],
    ['(二〇二三年一月十八日)', '2023-01-18'],
  ])('reads %s under the title as the date, with no issuer', (line, iso) => {
    expect(meta([title, p(line), PREAMBLE])).toMatchObject({
      publishDate: iso,
      issuer: null,
      agency: '某某县交通运输局',
      titleBlocks: [0, 1],
    });
  });

  it("reads a body's name and a date under the title as issuer and date", () => {
    expect(meta([title, p('某某县交通运输局办公室　2023年1月18日'), PREAMBLE])).toMatchObject({
      publishDate: '2023-01-18',
      issuer: '某某县交通运输局办公室',
      titleBlocks: [0, 1],
    });
  });

  it('does not take a dated sentence under the title for a date line', () => {
    expect(meta([title, p('2023年1月18日，本局召开会议审议本报告。'), PREAMBLE])).toMatchObject({
      publishDate: null,
      titleBlocks: [0],
    });
  });
});

describe('readMeta: the signature', () => {
  const title = p('某某县交通运输局2022年政府信息公开工作年度报告');

  it('reads a signature without a date: the issuer, and no date', () => {
    expect(meta([title, PREAMBLE], [p('某某县交通运输局')])).toMatchObject({
      issuer: '某某县交通运输局',
      publishDate: null,
      closingBlocks: [6],
    });
  });

  it('takes no issuer or date from the footer of a page saved as Word', () => {
    const footer = [
      p('主办单位：某某县交通运输局'),
      p('版权所有 © 2023 某某县交通运输局 2023年1月31日更新'),
      p('更新时间：2023年1月31日'),
    ];
    expect(meta([title, PREAMBLE], footer)).toMatchObject({ issuer: null, publishDate: null, closingBlocks: [] });
  });

  it('leaves the issuer null when there is no signature at all (never the agency of the title)', () => {
    expect(meta([title, PREAMBLE])).toEqual({
      title: '某某县交通运输局2022年政府信息公开工作年度报告',
      agency: '某某县交通运输局',
      issuer: null,
      year: 2022,
      publishDate: null,
      titleBlocks: [0],
      closingBlocks: [],
    });
  });

  describe('readMeta: a title broken over lines where the author pressed Enter', () => {
    it('joins 某某市人民政府2024年政府 / 信息公开工作年度报告, neither half a title alone', () => {
      expect(meta([p('某某市人民政府2024年政府'), p('信息公开工作年度报告'), PREAMBLE])).toMatchObject({
        title: '某某市人民政府2024年政府信息公开工作年度报告',
        agency: '某某市人民政府',
        year: 2024,
        titleBlocks: [0, 1],
      });
    });

    it('joins the body name on the line above a broken title, and keeps a page headline above them out of the text', () => {
      const head = [
        p('某某县人民政府办公室2024年政府信息公开工作年度报告'),
        p('发布时间：2025-01-20'),
        p('某某县人民政府办公室'),
        p('2024年政府'),
        p('信息公开工作年度报告'),
        PREAMBLE,
      ];
      expect(meta(head)).toMatchObject({
        title: '某某县人民政府办公室2024年政府信息公开工作年度报告',
        agency: '某某县人民政府办公室',
        year: 2024,
        publishDate: '2025-01-20',
        titleBlocks: [0, 1, 2, 3, 4],
      });
    });

    it('takes the copy of the title that names the body when the last copy does not (某某乡 / 2021年…报告 / 2021年…报告)', () => {
      const head = [p('某某县某某乡'), p('2021年政府信息公开工作年度报告'), p('2021年政府信息公开工作年度报告'), PREAMBLE];
      expect(meta(head)).toMatchObject({
        title: '某某县某某乡2021年政府信息公开工作年度报告',
        agency: '某某县某某乡',
        year: 2021,
        titleBlocks: [0, 1, 2],
      });
    });

    it('does not join two lines of the preamble or a short line and a sentence', () => {
      const head = [p('某某县2024年政府'), p('信息公开工作扎实推进，成效明显。'), PREAMBLE];
      expect(meta(head)).toMatchObject({ title: null, titleBlocks: [] });
    });
  });

  describe('readMeta: a body whose title is printed only on the page around it', () => {
    it('knows body and year from what the preamble says of itself (现公布某某2023年…年度报告)', () => {
      const preamble = p(
        '根据《中华人民共和国政府信息公开条例》要求，现公布某某市人民政府2023年政府信息公开工作年度报告。报告汇总全市数据。',
      );
      expect(meta([preamble])).toMatchObject({
        title: null,
        agency: '某某市人民政府',
        issuer: null,
        year: 2023,
        publishDate: null,
      });
    });

    it('takes the year from the statistics period, and no body from 本机关 or 我局', () => {
      const preamble = p('现将本机关2022年度政府信息公开工作情况报告如下。');
      expect(meta([preamble])).toMatchObject({ agency: null, year: 2022 });
      const period = p('现将我局政府信息公开工作情况报告如下。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。');
      expect(meta([period])).toMatchObject({ agency: null, year: 2024 });
    });

    it("keeps the signature's body before the preamble's, and the title's before both", () => {
      const preamble = p('现公布某某市人民政府2023年政府信息公开工作年度报告。');
      const signed = meta([preamble], [p('某某市人民政府办公室'), p('2024年1月20日')]);
      expect(signed).toMatchObject({ agency: '某某市人民政府办公室', issuer: '某某市人民政府办公室', year: 2023 });
      expect(meta([title, preamble])).toMatchObject({ agency: '某某县交通运输局', year: 2022 });
    });
  });
});

// ---- Whole files: the same rules for DOCX, HTML and MHT ----

const values = consistentValues('2021', 31);
const base = { version: '2021' as const, agency: '某某县交通运输局', year: 2022, values };
const BULLETS = numberingDef(7, lvl(0, 'bullet', '•'));

/** Meta of the unsigned fixture report dated `publishDate`, and its one preamble paragraph (no chrome, no date line). */
function expectUnsignedMeta(report: Report, publishDate: string): void {
  expect(report.meta).toEqual({
    title: '某某县交通运输局2022年政府信息公开工作年度报告',
    agency: '某某县交通运输局',
    issuer: null,
    year: 2022,
    format: '2021',
    publishDate,
  });
  expect(report.preamble).toEqual([
    '根据《中华人民共和国政府信息公开条例》规定，现公布某某县交通运输局2022年政府信息公开工作年度报告。',
  ]);
}

/** A report saved from its web page as Word: breadcrumb label, bulleted items, headline, 来源/时间 line, then the body. */
function pageSavedAsWord(closing: readonly string[]): Uint8Array {
  const crumb =
    para('当前位置：') + ['首页', '政务公开', '政府信息公开', '政府信息公开年报'].map((t) => para(t, numPr(7))).join('');
  const chrome =
    para('某某县交通运输局2022年度政府信息公开工作年度报告') + para('来源：某某县交通运输局  时间：2023-03-08 15:34');
  return rawDocx({ body: crumb + chrome + blocksXml(reportBlocks({ ...base, closing })), numbering: BULLETS });
}

describe('a report saved from its web page as Word', () => {
  it("reads title, agency and the 时间 line's date; no issuer without a signature; the chrome is no text", async () => {
    const report = await readReport(pageSavedAsWord([]), 'page.docx');
    expectUnsignedMeta(report, '2023-03-08');
    const tableKeys = Object.keys(values);
    expect(fieldDiff(report.fields, Object.fromEntries(tableKeys.map((k) => [k, values[k]])))).toEqual([]);
  });

  const soffice = findSoffice();
  // A .doc is read as the DOCX LibreOffice makes of it (ingest/legacy.ts); both conversions are done
  // here with the test's own time limit, as the product's 18 s one is too short on a loaded machine.
  (soffice ? it : it.skip)(
    'reads the same meta from a .doc an office saved of it, once LibreOffice has made it a DOCX',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-meta-doc-'));
      try {
        fs.writeFileSync(path.join(dir, 'page.docx'), pageSavedAsWord([]));
        for (const sub of ['doc', 'back']) fs.mkdirSync(path.join(dir, sub));
        officeConvert(soffice!, [path.join(dir, 'page.docx')], 'doc:MS Word 97', path.join(dir, 'doc'));
        officeConvert(soffice!, [path.join(dir, 'doc', 'page.doc')], 'docx:MS Word 2007 XML', path.join(dir, 'back'));
        const report = await readReport(fs.readFileSync(path.join(dir, 'back', 'page.docx')), 'page.docx');
        expectUnsignedMeta(report, '2023-03-08');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    400_000,
  );

  it("reads a signature without a date after the body: issuer, and the page's date", async () => {
    const report = await readReport(pageSavedAsWord(['某某县交通运输局']), 'page.docx');
    expect(report.meta).toMatchObject({ issuer: '某某县交通运输局', publishDate: '2023-03-08' });
    expect(report.sections[5].paragraphs).toEqual([
      '其他需要报告的事项方面，本机关依法认真开展工作，全年情况良好，各项工作按计划推进。',
    ]);
  });
});

describe('a Word report dated under its title', () => {
  it('reads the date under the title, no issuer without a signature, and keeps the date line out of the preamble', async () => {
    const report = await readFixture({
      ...base,
      title: ['某某县交通运输局2022年政府信息公开工作年度报告', '（2023年1月18日）'],
      closing: [],
    });
    expectUnsignedMeta(report, '2023-01-18');
  });

  it('without any signature or date, leaves issuer and date null (never guessed)', async () => {
    const report = await readFixture({ ...base, closing: [] });
    expect(report.meta).toMatchObject({ agency: '某某县交通运输局', issuer: null, publishDate: null });
  });
});

/** The report as a web page: its blocks as <p> and <table>, the page's chrome above it. */
function webPage(chrome: string): string {
  const blocks = reportBlocks({ ...base, closing: [] });
  const body = blocks
    .map((b) =>
      b.kind === 'p'
        ? `<p>${b.text}</p>`
        : `<table border="1">${b.rows.map((r) => `<tr>${r.map((c) => `<td${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan ? ` colspan="${c.colSpan}"` : ''}>${c.text}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>网站</title></head><body>${chrome}<div class="content">${body}</div></body></html>`;
}

describe('a web page without a signature', () => {
  const crumb = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/nb">政府信息公开年报</a></div>';

  it('is dated by its info bar (时间：…) and keeps it out of the preamble, in HTML and in MHT', async () => {
    const html = webPage(
      `${crumb}<div class="bar"><span>来源：某某县交通运输局</span> <span>时间：2023-03-08 15:34</span> <span>字号：大 中 小</span></div>`,
    );
    for (const [name, bytes] of [
      ['page.html', Buffer.from(html, 'utf8')],
      ['page.mht', toMht(html, { saver: 'blink', transfer: 'quoted-printable', charset: 'utf-8' })],
    ] as const) {
      const report = await readReport(bytes, name);
      expect(report.meta).toMatchObject({
        title: '某某县交通运输局2022年政府信息公开工作年度报告',
        issuer: null,
        publishDate: '2023-03-08',
      });
      expect(report.preamble).toEqual([
        '根据《中华人民共和国政府信息公开条例》规定，现公布某某县交通运输局2022年政府信息公开工作年度报告。',
      ]);
    }
  });

  it('is dated by the metadata block (发布日期 in the cell after its label)', async () => {
    const metadata =
      '<table class="xxgk"><tr><td>索引号：</td><td>000014349/2023-00012</td><td>发布日期：</td><td>2023-01-30</td></tr><tr><td>发布机构：</td><td>某某县交通运输局</td><td>生成日期：</td><td>2023-01-18</td></tr></table>';
    const report = await readReport(Buffer.from(webPage(`${crumb}${metadata}`), 'utf8'), 'page.html');
    expect(report.meta).toMatchObject({ issuer: null, publishDate: '2023-01-30' });
  });

  it('is dated by the 发文日期 of a metadata block without a 发布日期 (索引号 | … | 发文日期 | 2023-01-30)', async () => {
    const metadata =
      '<table class="xxgk"><tr><td>索 引 号</td><td>014416330/2023-04736</td><td>分 类</td><td>政府信息公开年报</td></tr><tr><td>发布机构</td><td>某某县交通运输局</td><td>发文日期</td><td>2023-01-30</td></tr></table>';
    const report = await readReport(Buffer.from(webPage(`${crumb}${metadata}`), 'utf8'), 'page.html');
    expect(report.meta).toMatchObject({ issuer: null, publishDate: '2023-01-30' });
  });
});
