/**
 * A report published on a government site sits inside page chrome that names 政府信息公开 and
 * carries dates: breadcrumbs, column headings, the 信息公开 metadata block, info bars, related
 * articles, footers. The report body is found by its title, sections and signature, never by the
 * site's markup; nothing of the chrome may become the title, issuer, date or a table.
 */
import { fieldDiff, readBytes, readReport } from './helpers/pipeline';
import { generateArticle, generatePage } from './helpers/html-fixture';

function page(inner: string, title = '网站'): Buffer {
  return Buffer.from(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${inner}</body></html>`,
    'utf8',
  );
}

const article = generateArticle({ version: '2021', seed: 3, agency: '朔州市应急管理局', year: 2022 });
const title = '朔州市应急管理局2022年政府信息公开工作年度报告';

const BREADCRUMB =
  '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/nb">政府信息公开年报</a></div>';
const COLUMN = '<div class="lm"><h2>政府信息公开年报</h2></div>';
const METADATA = `<table class="xxgk"><tr><td>索引号：</td><td>000014349/2023-00012</td><td>发布机构：</td><td>朔州市应急管理局</td></tr>
  <tr><td>生成日期：</td><td>2023-01-18</td><td>文号：</td><td></td></tr><tr><td>名称：</td><td colspan="3">${title}</td></tr></table>`;
const INFO_BAR =
  '<div class="info">发布时间：2023-01-19 08:30 &nbsp; 来源：朔州市应急管理局 &nbsp; 【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="#">【打印】</a> <a href="#">【关闭】</a></div>';
const RELATED =
  '<div class="xg"><h4>相关链接</h4><ul><li><a href="/1">朔州市应急管理局2021年政府信息公开工作年度报告</a> 2022-01-20</li><li><a href="/2">朔州市应急管理局2020年政府信息公开工作年度报告</a> 2021-01-22</li></ul></div>';
const FOOTER =
  '<div class="foot"><p>主办单位：朔州市应急管理局</p><p>网站标识码：1406000012 晋ICP备12000001号</p><p>版权所有 2023年1月31日更新</p></div>';

describe('finding the report inside the page', () => {
  it('takes title, issuer and date from the report, not from breadcrumb, metadata, info bar, related links or footer', async () => {
    const html = page(
      `${BREADCRUMB}${COLUMN}${METADATA}<h1>${title}</h1>${INFO_BAR}<div id="zoom">${article.html}</div>${RELATED}${FOOTER}`,
    );
    const report = await readReport(html, 'nb.html');
    expect(fieldDiff(report.fields, article.expected)).toEqual([]);
    expect(report.source.reader).toBe('html');
    // The metadata block is not a table of the report, and the report's tables keep their own ordinals.
    expect(report.tables.map((t) => t.tables[0])).toEqual([0, 0, 0, 0, 1, 2]);
    expect(report.preamble.join('')).not.toMatch(/发布时间|字号|索引号/);
    expect(report.sections[5].paragraphs.join('')).not.toMatch(/相关链接|主办单位|2021年政府信息公开工作年度报告/);
  });

  it('keeps the raw text and the source cell of every value read from a web page', async () => {
    const html = page(`${METADATA}<div id="zoom">${article.html}</div>`);
    const report = await readReport(html, 'nb.html');
    const cell = report.cells['t3.received.natural'];
    expect(cell).toMatchObject({ raw: String(article.expected['t3.received.natural']), status: 'number' });
    expect(cell.source).toEqual({ table: 1, row: 3, col: 3 });
  });

  it('reads the agency printed on its own line above a title that starts with the year', async () => {
    const a = generateArticle({ version: '2019', seed: 8, quirks: ['agency-line'], agency: '长治市潞州区卫生健康局' });
    const report = await readReport(page(`${BREADCRUMB}${COLUMN}<div>${a.html}</div>`), 'nb.html');
    expect(report.meta.title).toBe('长治市潞州区卫生健康局2020年政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('长治市潞州区卫生健康局');
  });

  it('reads a title broken over two lines (…2022年度 / 政府信息公开工作年度报告)', async () => {
    const a = generateArticle({ version: '2021', seed: 9, quirks: ['title-broken'] });
    const report = await readReport(page(`${COLUMN}${INFO_BAR}${a.html}${RELATED}`), 'nb.html');
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
  });

  it('takes the title from <title> when the page prints it nowhere in the body', async () => {
    const a = generateArticle({ version: '2021', seed: 10, quirks: ['no-title-in-body'], agency: '临汾市尧都区自然资源局' });
    const report = await readReport(
      page(
        `${BREADCRUMB}${INFO_BAR}${a.html}${FOOTER}`,
        '临汾市尧都区自然资源局2022年政府信息公开工作年度报告_临汾市尧都区人民政府',
      ),
      'nb.html',
    );
    expect(report.meta.title).toBe('临汾市尧都区自然资源局2022年政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('临汾市尧都区自然资源局');
  });

  it('without a signature, takes no date from the related-articles list that follows (links set by script)', async () => {
    const a = generateArticle({ version: '2021', seed: 11, quirks: ['no-signature'] });
    const unlinked =
      '<ul class="list"><li onclick="go(1)">朔州市应急管理局2021年政府信息公开工作年度报告<span>2022-01-20</span></li><li onclick="go(2)">朔州市应急管理局<span>2022-01-21</span></li></ul>';
    const report = await readReport(page(`${a.html}${unlinked}`), 'nb.html');
    expect(report.meta.issuer).toBeNull();
    expect(report.meta.publishDate).toBeNull();
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
  });

  it("keeps a report's own closing lines that look like page furniture (phone, address, 扫码关注) and still finds its signature", async () => {
    const contact = '<p>联系地址：朔州市开发区文远路1号</p><p>电话：0349-2021234</p><p>扫码关注“朔州应急”微信公众号</p>';
    const withContact = article.html.replace(/(<p[^>]*>朔州市应急管理局<\/p>\s*<p[^>]*>\d{4}年)/, `${contact}$1`);
    expect(withContact).not.toBe(article.html);
    const report = await readReport(page(`${withContact}${RELATED}${FOOTER}`), 'nb.html');
    expect(fieldDiff(report.fields, article.expected)).toEqual([]);
    expect(report.sections[5].paragraphs.join('\n')).toContain('电话：0349-2021234');
  });

  it('reads a signature set right in a borderless table, and a title set in one', async () => {
    const a = generateArticle({ version: '2019', seed: 14, quirks: ['signature-table', 'title-table'] });
    expect(a.html).toMatch(/<table border="0"[^>]*align="right"/);
    const report = await readReport(page(`${BREADCRUMB}${a.html}${FOOTER}`), 'nb.html');
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
  });

  it('ignores hidden copies of headings and dates (display:none) that sites keep for search engines', async () => {
    const hidden = '<div style="display:none">2019年政府信息公开工作年度报告 一、总体情况 2020年1月31日</div>';
    const report = await readReport(
      page(`${hidden}${article.html}<p style="DISPLAY: none">六、其他需要报告的事项</p><p hidden>2024年3月1日</p>`),
      'nb.html',
    );
    expect(fieldDiff(report.fields, article.expected)).toEqual([]);
  });

  it('is not misled by a calendar widget (a table of day numbers) beside the article', async () => {
    const calendar = `<table class="cal">${[0, 1, 2, 3, 4].map((w) => `<tr>${[1, 2, 3, 4, 5, 6, 7].map((d) => `<td>${w * 7 + d}</td>`).join('')}</tr>`).join('')}</table>`;
    const report = await readReport(
      page(`<div class="side">${calendar}</div><div class="main">${article.html}</div>`),
      'nb.html',
    );
    expect(fieldDiff(report.fields, article.expected)).toEqual([]);
    // The calendar, outside the report, is not a table of the Document: the report's tables are 0, 1, 2.
    expect(report.tables.map((t) => [t.spec, t.tables])).toContainEqual(['t3', [1]]);
  });

  it('reads an article placed inside a page-layout table', async () => {
    const a = generateArticle({ version: '2019', seed: 12 });
    const html = page(
      `<table width="1000"><tr><td colspan="2">${BREADCRUMB}</td></tr><tr><td width="200"><ul><li><a href="/">政府信息公开指南</a></li></ul></td><td>${METADATA}${a.html}</td></tr><tr><td colspan="2">${FOOTER}</td></tr></table>`,
    );
    const report = await readReport(html, 'nb.html');
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
  });

  it('reads a text-only report (tables published as images): sections and meta, tables reported missing', async () => {
    const a = generateArticle({ version: '2021', seed: 13, quirks: ['text-only'] });
    const report = await readReport(page(`${INFO_BAR}<table><tr><td>${a.html}</td></tr></table>${RELATED}`), 'nb.html');
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
    expect(report.sections.every((s) => s.heading !== null)).toBe(true);
    expect(report.issues.map((i) => i.rule)).toContain('TABLE_MISSING');
  });

  it('says a page that is not an annual report is not one, naming the file', async () => {
    const result = await readBytes(
      page(`${BREADCRUMB}<h1>关于开展2023年政务公开工作的通知</h1><p>各单位：现将有关事项通知如下。</p>${FOOTER}`),
      'tongzhi.html',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_A_REPORT');
      expect(result.error.zh).toContain('tongzhi.html');
    }
  });

  it('says a page that only links to the report as an attachment is that, naming the file and the attachment', async () => {
    const result = await readBytes(
      page(
        `${BREADCRUMB}<h1>某某县2023年政府信息公开工作年度报告</h1><p>附件：<a href="/u/r.pdf">某某县2023年政府信息公开工作年度报告.pdf</a></p>${FOOTER}`,
      ),
      'fujian.html',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ATTACHMENT_ONLY');
      expect(result.error.zh).toBe(
        '文件“fujian.html”无法读取：只有报告附件的名称或链接，没有报告正文；请取得该附件后读取附件文件（某某县2023年政府信息公开工作年度报告.pdf）',
      );
    }
  });

  it('says that the pictures among the sections (tables published as screenshots) are not read; a logo and a QR code are not counted', async () => {
    const sections = [
      '<p>一、总体情况</p><p>本年度政务公开工作扎实推进，各项任务均按计划完成。</p>',
      '<p>二、主动公开政府信息情况</p><p><img src="/u/t2.png" alt=""></p>',
      '<p>三、收到和处理政府信息公开申请情况</p><p><img src="/u/t3-1.png"><img src="/u/t3-2.png"></p>',
      '<p>四、政府信息公开行政复议、行政诉讼情况</p><img src="/u/t4.jpg">',
      '<p>五、存在的主要问题及改进情况</p><p>公开内容还不够全面，下一步将加强业务培训，提升公开质量。</p>',
      '<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>',
    ].join('');
    const html = `<img src="/logo.png">${BREADCRUMB}<h1>某某县2023年政府信息公开工作年度报告</h1>${sections}<p><img src="/qr.png"></p>${FOOTER}`;
    const report = await readReport(page(html), 'pictures.html');
    expect(report.issues.filter((i) => i.rule === 'WEB_PAGE_IMAGES').map((i) => i.message)).toEqual([
      '报告正文中有 4 张图片，图片中的内容（如以图片发布的表格）无法读取，请提供文字版或 Word 原件',
    ]);
    expect(report.issues.filter((i) => i.rule === 'TABLE_MISSING')).toHaveLength(3);
    const plain = await readReport(page(article.html), 'plain.html');
    expect(plain.issues.filter((i) => i.rule === 'WEB_PAGE_IMAGES')).toEqual([]);
  });

  it('knows an attachment by where its link points when the link text has no extension, the report first', async () => {
    const links =
      '<p>附件：</p><p><a href="/u/%E6%8C%87%E5%8D%97.doc">政府信息公开指南</a></p><p><a href="/u/P020240120.pdf?v=2">某某县2023年政府信息公开工作年度报告</a></p>';
    const result = await readBytes(
      page(`${BREADCRUMB}<h1>某某县2023年政府信息公开工作年度报告</h1>${links}${FOOTER}`),
      'link.html',
    );
    expect(!result.ok && [result.error.code, result.error.en]).toEqual([
      'ATTACHMENT_ONLY',
      'Cannot read "link.html": it only names or links the report as an attachment and holds no report text; get the attachment and read that file (某某县2023年政府信息公开工作年度报告)',
    ]);
  });

  it('reads a report that also offers its PDF for download as the report it is, naming the download', async () => {
    const report = await readReport(
      page(`${article.html}<p>附件：<a href="/u/2023nb.pdf">某某县2023年政府信息公开工作年度报告.pdf</a></p>`),
      'with-pdf.html',
    );
    expect(report.sections.filter((s) => s.heading !== null)).toHaveLength(6);
    expect(report.issues.filter((i) => i.rule === 'WEB_PAGE_ATTACHMENT').map((i) => i.message)).toEqual([
      '网页附有可下载的文件：某某县2023年政府信息公开工作年度报告.pdf',
    ]);
  });

  it('leaves a page with sections but none of the usual chrome intact', async () => {
    const report = await readReport(page(article.html), 'bare.html');
    expect(fieldDiff(report.fields, article.expected)).toEqual([]);
  });

  it('reads the same fields from a generated government page as from its bare article', async () => {
    const full = generatePage({ version: '2019', seed: 21 });
    const report = await readReport(full.bytes, 'gov.html');
    expect(fieldDiff(report.fields, full.expected)).toEqual([]);
  });
});
