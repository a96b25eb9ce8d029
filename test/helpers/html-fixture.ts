/**
 * Web-published reports for tests: the report article generated from the official layouts of
 * templates/ (partLayout), bent by named quirks seen on government sites, wrapped in page chrome
 * that imitates those sites (navigation, breadcrumbs, 信息公开 metadata blocks, info bars with
 * 字号 大 中 小 / 打印 / 关闭, share buttons, related-article lists, footers), encoded as UTF-8 or
 * GBK, optionally saved as MHTML the way a browser or Word does. Each page knows the fields it
 * must give, so accuracy can be measured over many seeds.
 */
import iconv from 'iconv-lite';
import { partLayout, type LayoutRole } from '../../src/formats/layout';
import { getFormat } from '../../src/formats/model';
import type { FormatVersion, PartId } from '../../src/formats/types';
import { consistentValues, OFFICIAL_HEADINGS, printed, rng, type Values } from './report-fixture';

export const QUIRKS = [
  'plain',
  'br-headers',
  'p-cells',
  'th-header',
  'nbsp-blanks',
  'placeholders',
  'split-grid',
  'omit-colspan',
  'nested-layout',
  'word-html',
  'font-soup',
  'split-t2',
  'text-only',
  'agency-line',
  'no-title-in-body',
  'hidden-junk',
  'units',
  'div-br-paragraphs',
  'title-broken',
  'issuer-date-one-line',
  'chinese-date',
  'no-signature',
  'unlinked-related',
  'signature-table',
  'title-table',
  'caption-element',
] as const;
export type Quirk = (typeof QUIRKS)[number];

export const CHARSETS = [
  'utf-8',
  'gbk-meta',
  'gb2312-http-equiv',
  'gbk-undeclared',
  'gb2312-declared-utf8-bytes',
  'utf8-declared-gbk-bytes',
] as const;
export type Charset = (typeof CHARSETS)[number];

export interface HtmlCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  readonly role: LayoutRole | 'filler';
}
export interface HtmlTable {
  readonly kind: 'table';
  rows: HtmlCell[][];
}
export interface HtmlPara {
  readonly kind: 'p';
  readonly text: string;
  readonly role: 'title' | 'agency' | 'preamble' | 'heading' | 'body' | 'caption' | 'closing';
}
export type HtmlBlock = HtmlPara | HtmlTable;

export interface PageSpec {
  readonly version: FormatVersion;
  readonly seed: number;
  readonly quirks?: readonly Quirk[];
  readonly charset?: Charset;
  readonly agency?: string;
  readonly year?: number;
}

export interface GeneratedPage {
  readonly html: string;
  readonly bytes: Buffer;
  /** What the report must give: meta.* and every table field of the format. */
  readonly expected: Values;
  readonly spec: PageSpec;
}

const AGENCIES = [
  '忻州市生态环境局',
  '太原市小店区人民政府',
  '晋中市榆次区教育局',
  '大同市平城区北关街道办事处',
  '运城市盐湖区人民政府办公室',
  '长治市潞州区卫生健康局',
  '吕梁市离石区市场监督管理局',
  '阳泉市郊区交通运输局',
  '临汾市尧都区自然资源局',
  '朔州市应急管理局',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The official layout of one part as rows of origin cells (caption, header, labels, values). */
function partRows(version: FormatVersion, part: PartId, cellText: (key: string) => string): HtmlCell[][] {
  const layout = partLayout(getFormat(version), part);
  const rows: HtmlCell[][] = Array.from({ length: layout.height }, () => []);
  for (const c of [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    rows[c.row].push({
      text: c.role === 'value' ? cellText(c.key!) : c.text,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      role: c.role,
    });
  }
  return rows;
}

interface Printing {
  readonly text: (key: string) => string;
  readonly expected: Values;
}

/** How values are printed: digits, or per quirk blanks, placeholders and units (expected follows). */
function printing(version: FormatVersion, values: Values, quirks: readonly Quirk[], random: () => number): Printing {
  const expected: Values = { ...values };
  const texts = new Map<string, string>();
  const format = getFormat(version);
  for (const f of format.fields) {
    if (f.part === 'meta') continue;
    const v = values[f.key];
    let text = printed(v);
    if (v === 0 && quirks.includes('nbsp-blanks') && random() < 0.6) {
      text = pick(random, ['&nbsp;', '', ' ', '&nbsp;&nbsp;', '\u3000']);
      expected[f.key] = null;
    } else if (v === 0 && quirks.includes('placeholders') && random() < 0.6) {
      text = pick(random, ['/', '—', '-', '／', '无']);
      expected[f.key] = null;
    } else if (quirks.includes('units') && typeof v === 'number' && random() < 0.3) {
      if (f.unit === '万元') {
        // Values have two decimals, so the 元 figure is whole and converts back exactly.
        text = random() < 0.5 ? `${v}万元` : `${Math.round(v * 10000)}元`;
      } else if (!f.signed || v >= 0) {
        text = `${v}${f.unit}`;
      }
    } else if (f.signed && typeof v === 'number' && v > 0 && random() < 0.5) {
      text = `+${v}`;
    }
    if (quirks.includes('text-only')) expected[f.key] = null;
    texts.set(f.key, text);
  }
  return { text: (key) => texts.get(key) ?? '', expected };
}

function bodyText(random: () => number, heading: string, year: number): string[] {
  const core = heading.replace(/^[一二三四五六]、/, '');
  const sentences = [
    `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，${core}方面各项工作有序推进。`,
    `全年通过门户网站发布信息${Math.floor(random() * 900) + 100}条，其中政策解读${Math.floor(random() * 40)}条。`,
    `一是加强组织领导，明确专人负责；二是完善工作机制，规范发布流程；三是强化监督保障，定期开展自查。`,
    `${year}年${1 + Math.floor(random() * 12)}月，组织开展政府信息公开业务培训${1 + Math.floor(random() * 5)}次。`,
  ];
  const n = 1 + Math.floor(random() * 3);
  return sentences.slice(0, n);
}

/** The report article as blocks, before rendering. */
export function articleBlocks(spec: PageSpec, print: Printing, random: () => number): HtmlBlock[] {
  const quirks = spec.quirks ?? [];
  const agency = spec.agency!;
  const year = spec.year!;
  const blocks: HtmlBlock[] = [];
  if (quirks.includes('agency-line')) {
    blocks.push(
      { kind: 'p', text: agency, role: 'agency' },
      { kind: 'p', text: `${year}年政府信息公开工作年度报告`, role: 'title' },
    );
  } else if (quirks.includes('title-broken')) {
    blocks.push(
      { kind: 'p', text: `${agency}${year}年度`, role: 'title' },
      { kind: 'p', text: '政府信息公开工作年度报告', role: 'title' },
    );
  } else if (!quirks.includes('no-title-in-body')) {
    blocks.push({ kind: 'p', text: `${agency}${year}年政府信息公开工作年度报告`, role: 'title' });
  }
  blocks.push({
    kind: 'p',
    role: 'preamble',
    text: `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，由${agency}编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。`,
  });
  const partOf: Record<number, PartId> = { 2: 't2', 3: 't3', 4: 't4' };
  OFFICIAL_HEADINGS.forEach((heading, i) => {
    blocks.push({ kind: 'p', text: heading, role: 'heading' });
    for (const t of bodyText(random, heading, year)) blocks.push({ kind: 'p', text: t, role: 'body' });
    const part = partOf[i + 1];
    if (part && !quirks.includes('text-only')) blocks.push(...partTables(spec.version, part, print, quirks));
  });
  blocks.push(...signature(agency, year, quirks, random));
  return blocks;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

function chineseDay(n: number): string {
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CHINESE_DIGITS[tens] : ''}${tens ? '十' : ''}${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
}

/** The signature block: issuer and date on two lines, on one line, in Chinese numerals, or none. */
function signature(agency: string, year: number, quirks: readonly Quirk[], random: () => number): HtmlPara[] {
  const day = 10 + Math.floor(random() * 19);
  if (quirks.includes('no-signature')) return [];
  const date = quirks.includes('chinese-date')
    ? `${[...String(year + 1)].map((d) => CHINESE_DIGITS[Number(d)]).join('')}年一月${chineseDay(day)}日`
    : `${year + 1}年1月${day}日`;
  if (quirks.includes('issuer-date-one-line')) return [{ kind: 'p', text: `${agency}　　${date}`, role: 'closing' }];
  return [
    { kind: 'p', text: agency, role: 'closing' },
    { kind: 'p', text: date, role: 'closing' },
  ];
}

function partTables(version: FormatVersion, part: PartId, print: Printing, quirks: readonly Quirk[]): HtmlBlock[] {
  const rows = partRows(version, part, print.text);
  if (part !== 't2' || !quirks.includes('split-t2')) return [{ kind: 'table', rows }];
  // One table per block, each caption printed as a paragraph above its table.
  const out: HtmlBlock[] = [];
  let current: HtmlCell[][] = [];
  for (const row of rows) {
    if (row.length === 1 && row[0].role === 'caption') {
      if (current.length) out.push({ kind: 'table', rows: current });
      out.push({ kind: 'p', text: row[0].text, role: 'caption' });
      current = [];
    } else current.push(row);
  }
  if (current.length) out.push({ kind: 'table', rows: current });
  return out;
}

/** Line breaks in long header labels, a space in some (本年新<br>制作数量, 商业 企业). */
function breakLabel(text: string, random: () => number): string {
  if (text.length < 4) return text;
  const at = 2 + Math.floor(random() * (text.length - 3));
  return random() < 0.8 ? `${text.slice(0, at)}\n${text.slice(at)}` : `${text.slice(0, at)} ${text.slice(at)}`;
}

/** Word's ragged grids: every grid column split in two; values in either half or across both. */
function splitGrid(rows: HtmlCell[][], random: () => number): HtmlCell[][] {
  return rows.map((row) =>
    row.flatMap((c) => {
      const doubled = { ...c, colSpan: c.colSpan * 2 };
      if (c.role !== 'value') return [doubled];
      const r = random();
      if (r < 0.34) return [doubled];
      const empty: HtmlCell = { text: '', rowSpan: c.rowSpan, colSpan: c.colSpan, role: 'filler' };
      const value = { ...c };
      return r < 0.67 ? [value, empty] : [empty, value];
    }),
  );
}

/** A value cell that ends its row loses its colspan (2021 table 二's single-value columns). */
function omitTrailingColspan(rows: HtmlCell[][]): HtmlCell[][] {
  return rows.map((row) => row.map((c, i) => (i === row.length - 1 && c.role === 'value' ? { ...c, colSpan: 1 } : c)));
}

function bendTables(blocks: HtmlBlock[], quirks: readonly Quirk[], random: () => number): HtmlBlock[] {
  return blocks.map((b) => {
    if (b.kind !== 'table') return b;
    let rows = b.rows.map((r) => r.map((c) => ({ ...c })));
    if (quirks.includes('br-headers')) {
      for (const c of rows.flat())
        if (c.role === 'column' || c.role === 'row' || c.role === 'corner') c.text = breakLabel(c.text, random);
    }
    if (quirks.includes('split-grid')) rows = splitGrid(rows, random);
    if (quirks.includes('omit-colspan')) rows = omitTrailingColspan(rows);
    return { kind: 'table', rows };
  });
}

// ---------------------------------------------------------------- rendering

type Style = 'plain' | 'word' | 'font';

function textHtml(text: string): string {
  // '&nbsp;' in a printed value is meant as the entity.
  return text
    .split('\n')
    .map((line) => (line.includes('&nbsp;') ? line : escapeHtml(line)))
    .join('<br>');
}

function wordSpan(text: string): string {
  return `<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${textHtml(text)}<span lang=EN-US><o:p></o:p></span></span>`;
}

function fontSoup(text: string, random: () => number): string {
  // Split runs mid-word, the way editors leave them.
  const at = Math.floor(random() * text.length);
  const [a, b] = [text.slice(0, at), text.slice(at)];
  return `<font face="仿宋_GB2312" size="4"><span style="font-size:16pt;">${textHtml(a)}</span><span style="font-family:仿宋">${textHtml(b)}</span></font>`;
}

function renderPara(p: HtmlPara, style: Style, quirks: readonly Quirk[], random: () => number): string {
  const centred = p.role === 'title' || p.role === 'agency';
  const right = p.role === 'closing';
  if (style === 'word') {
    if (p.role === 'heading') {
      const m = /^([一二三四五六]、)(.*)$/.exec(p.text)!;
      return `<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><b><span style='font-size:16.0pt;font-family:黑体;mso-list:Ignore'>${m[1]}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></b><![endif]><b>${wordSpan(m[2])}</b></p>`;
    }
    const align = centred
      ? ` align=center style='text-align:center'`
      : right
        ? ` align=right style='text-align:right'`
        : ` style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'`;
    const inner = centred ? `<b>${wordSpan(p.text)}</b>` : wordSpan(p.text);
    return `<p class=MsoNormal${align}>${inner}</p>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
  }
  const inner = style === 'font' ? fontSoup(p.text, random) : textHtml(p.text);
  if (p.role === 'title' || p.role === 'agency')
    return `<p style="text-align:center;font-size:22px;"><strong>${inner}</strong></p>`;
  if (p.role === 'heading')
    return quirks.includes('div-br-paragraphs')
      ? `<strong>${inner}</strong><br>`
      : `<p style="text-indent:2em;"><strong>${inner}</strong></p>`;
  if (right) return `<p style="text-align:right;">${inner}</p>`;
  return quirks.includes('div-br-paragraphs') ? `　　${inner}<br>` : `<p style="text-indent:2em;">${inner}</p>`;
}

function renderCell(c: HtmlCell, style: Style, quirks: readonly Quirk[], header: boolean): string {
  const tag = header && quirks.includes('th-header') ? 'th' : 'td';
  const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
  let inner = textHtml(c.text);
  if (style === 'word') {
    inner = c.text
      .split('\n')
      .map(
        (line) =>
          `<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>${textHtml(line) || '<span lang=EN-US><o:p>&nbsp;</o:p></span>'}</span></p>`,
      )
      .join('');
    return `<${tag}${spans} width=57 valign=center style='width:42.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>${inner}</${tag}>`;
  }
  if (quirks.includes('p-cells'))
    inner = c.text
      .split('\n')
      .map((line) => `<p style="margin:0;text-align:center;">${textHtml(line)}</p>`)
      .join('');
  return `<${tag}${spans} style="border:1px solid #000;text-align:center;" valign="middle">${inner}</${tag}>`;
}

function renderTable(table: HtmlTable, style: Style, quirks: readonly Quirk[]): string {
  // Each block of table 二 as its own table, its caption row moved into a <caption> element.
  if (quirks.includes('caption-element') && table.rows.some((r) => r.length === 1 && r[0].role === 'caption')) {
    const out: string[] = [];
    let current: HtmlCell[][] = [];
    let caption = '';
    const flush = () => {
      if (current.length)
        out.push(
          renderTable(
            { kind: 'table', rows: current },
            style,
            quirks.filter((q) => q !== 'caption-element'),
          ).replace(/^(<table[^>]*>)/, `$1<caption>${escapeHtml(caption)}</caption>`),
        );
      current = [];
    };
    for (const row of table.rows) {
      if (row.length === 1 && row[0].role === 'caption') {
        flush();
        caption = row[0].text;
      } else current.push(row);
    }
    flush();
    return out.join('\n');
  }
  const t = table;
  const isHeader = (row: HtmlCell[]) =>
    row.every((c) => c.role !== 'value' && c.role !== 'filler') && row.some((c) => c.role === 'column' || c.role === 'corner');
  const rowsHtml = t.rows.map((row) => `<tr>${row.map((c) => renderCell(c, style, quirks, isHeader(row))).join('')}</tr>`);
  const open =
    style === 'word'
      ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>`
      : `<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;">`;
  if (quirks.includes('th-header')) {
    const head = t.rows.findIndex((r) => !isHeader(r) && !(r.length === 1 && r[0].role === 'caption'));
    const split = Math.max(0, head);
    return `${open}<thead>${rowsHtml.slice(0, split).join('')}</thead><tbody>${rowsHtml.slice(split).join('')}</tbody></table>`;
  }
  return `${open}<tbody>${rowsHtml.join('')}</tbody></table>`;
}

/** Title or signature lines set in a borderless one-column table, as some editors lay them out. */
function layoutTable(lines: readonly HtmlPara[], align: 'center' | 'right'): string {
  return `<table border="0" cellpadding="0" cellspacing="0" align="${align}" style="border:none"><tbody>${lines.map((l) => `<tr><td style="text-align:${align}"><strong>${escapeHtml(l.text)}</strong></td></tr>`).join('')}</tbody></table>`;
}

function renderBlocks(blocks: readonly HtmlBlock[], style: Style, quirks: readonly Quirk[], random: () => number): string[] {
  const parts: string[] = [];
  const tabled = (b: HtmlBlock) =>
    b.kind === 'p' &&
    ((quirks.includes('title-table') && (b.role === 'title' || b.role === 'agency')) ||
      (quirks.includes('signature-table') && b.role === 'closing'));
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (tabled(b)) {
      const group: HtmlPara[] = [];
      while (i < blocks.length && tabled(blocks[i])) group.push(blocks[i++] as HtmlPara);
      i--;
      parts.push(layoutTable(group, group[0].role === 'closing' ? 'right' : 'center'));
    } else parts.push(b.kind === 'p' ? renderPara(b, style, quirks, random) : renderTable(b, style, quirks));
  }
  return parts;
}

export function renderArticle(blocks: readonly HtmlBlock[], quirks: readonly Quirk[], random: () => number): string {
  const style: Style = quirks.includes('word-html') ? 'word' : quirks.includes('font-soup') ? 'font' : 'plain';
  const parts = renderBlocks(blocks, style, quirks, random);
  if (quirks.includes('hidden-junk')) {
    parts.splice(
      1,
      0,
      `<div style="display:none">2019年政府信息公开工作年度报告 一、总体情况 二、主动公开政府信息情况 2020年1月31日</div>`,
    );
    parts.push(`<span style="display: none;">关键词：政府信息公开年报 2021年12月31日</span>`);
  }
  if (style === 'word') {
    return `<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>90</w:Zoom></w:WordDocument></xml><![endif]--><div class=WordSection1 style='layout-grid:28.9pt'>${parts.join('\n')}</div>`;
  }
  return quirks.includes('div-br-paragraphs') ? `<div class="TRS_Editor">${parts.join('\n')}</div>` : parts.join('\n');
}

// ---------------------------------------------------------------- page chrome

interface Chrome {
  readonly title: string;
  readonly agency: string;
  readonly year: number;
  readonly random: () => number;
  readonly quirks: readonly Quirk[];
}

/** The dates a page prints about itself above the article (the publish date of a report without a signature). */
interface PageDates {
  published?: string;
  generated?: string;
}

function nav(): string {
  const items = ['首页', '走进本局', '政务公开', '政府信息公开', '政务服务', '互动交流', '专题专栏'];
  return `<div class="nav"><ul>${items.map((i) => `<li><a href="/${encodeURIComponent(i)}/">${i}</a></li>`).join('')}</ul></div>`;
}

function breadcrumb(random: () => number): string {
  return random() < 0.5
    ? `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>`
    : `<div class="bread"><span>您现在的位置：</span><a href="/">首页</a>&nbsp;»&nbsp;<a href="/xxgk/">政府信息公开</a>&nbsp;»&nbsp;年度报告</div>`;
}

function columnHeading(): string {
  return `<div class="column-title"><h2>政府信息公开年报</h2></div>`;
}

function metadata(c: Chrome, dates: PageDates): string {
  dates.generated = `${c.year + 1}-01-2${Math.floor(c.random() * 9)}`;
  const rows: [string, string][] = [
    ['索引号：', `11140900MB${Math.floor(c.random() * 1e6)}/${c.year + 1}-0001${Math.floor(c.random() * 9)}`],
    ['发布机构：', c.agency],
    ['生成日期：', dates.generated],
    ['主题分类：', '政府信息公开年报'],
    ['名　　称：', c.title],
    ['文　　号：', ''],
    ['主 题 词：', '年报'],
  ];
  const r = c.random();
  if (r < 0.5) {
    const cells = rows.map(([k, v]) => `<td class="t1">${k}</td><td class="t2">${escapeHtml(v)}</td>`);
    const trs = [0, 2, 4, 6].map((i) => `<tr>${cells[i]}${cells[i + 1] ?? ''}</tr>`);
    return `<table class="xxgk-info" width="100%" border="0">${trs.join('')}</table>`;
  }
  // Term and value as separate blocks: the 名称 value alone reads like a title.
  if (r < 0.75)
    return `<div class="xxgk-head"><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></div>`;
  return `<div class="xxgk-meta"><ul>${rows.map(([k, v]) => `<li><b>${k}</b>${escapeHtml(v)}</li>`).join('')}</ul></div>`;
}

function infoBar(c: Chrome, dates: PageDates): string {
  dates.published = `${c.year + 1}-01-${String(20 + Math.floor(c.random() * 9)).padStart(2, '0')}`;
  const date = `${dates.published} ${9 + Math.floor(c.random() * 8)}:${String(Math.floor(c.random() * 60)).padStart(2, '0')}`;
  return `<div class="info"><span>发布时间：${date}</span>&nbsp;&nbsp;<span>来源：${c.agency}</span>&nbsp;&nbsp;<span>浏览次数：<script>document.write(${Math.floor(c.random() * 900)})</script>${Math.floor(c.random() * 900)}</span>&nbsp;&nbsp;<span>字号：【<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span></div>`;
}

function share(): string {
  return `<div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#">QQ空间</a></div>`;
}

function printClose(): string {
  return `<div class="tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>`;
}

function related(c: Chrome): string {
  const items = [
    `${c.agency}${c.year - 1}年政府信息公开工作年度报告`,
    `${c.agency}${c.year - 2}年政府信息公开工作年度报告`,
    `关于印发《${c.year + 1}年政务公开工作要点》的通知`,
  ];
  const withDates = c.random() < 0.5;
  if (c.quirks.includes('unlinked-related')) {
    // Links set by script: the items are plain text, each with its date.
    return `<div class="list"><ul>${items.map((t, i) => `<li onclick="go(${i})"><span>${t}</span><span class="date">${c.year - i}-01-2${i}</span></li>`).join('')}</ul></div>`;
  }
  return `<div class="related"><h3>相关链接</h3><ul>${items.map((t, i) => `<li><a href="/a/${i}.html">${t}</a>${withDates ? `<span>${c.year - i}-01-2${i}</span>` : ''}</li>`).join('')}</ul></div>`;
}

function prevNext(c: Chrome): string {
  return `<div class="pn"><p>上一篇：<a href="/p.html">${c.agency}${c.year - 1}年政府信息公开工作年度报告</a></p><p>下一篇：<a href="/n.html">${c.year + 1}年第一季度政务公开工作情况</a></p></div>`;
}

function footer(c: Chrome): string {
  return `<div class="footer"><p>主办单位：${c.agency.replace(/(局|办公室|办事处|政府)$/, '$1')}　承办单位：信息中心</p><p>网站标识码：140900000${Math.floor(c.random() * 9)}　<a href="https://beian.miit.gov.cn">晋ICP备0500${Math.floor(c.random() * 9999)}号</a>　晋公网安备 14090202000${Math.floor(c.random() * 999)}号</p><p>版权所有 © ${c.year + 1} ${c.agency}　地址：某某市某某路${1 + Math.floor(c.random() * 200)}号　电话：0350-${Math.floor(1000000 + c.random() * 8999999)}</p><p>更新时间：${c.year + 1}年1月31日</p></div>`;
}

function sidebar(c: Chrome): string {
  // A calendar widget: a table of day numbers, the kind of figure table a page may hold outside the report.
  const days = Array.from(
    { length: 5 },
    (_, w) => `<tr>${Array.from({ length: 7 }, (_, d) => `<td>${w * 7 + d + 1 <= 31 ? w * 7 + d + 1 : ''}</td>`).join('')}</tr>`,
  ).join('');
  return `<div class="side"><h3>信息公开目录</h3><ul><li><a href="/zn">政府信息公开指南</a></li><li><a href="/zd">政府信息公开制度</a></li><li><a href="/nb">政府信息公开年报</a></li></ul>${c.random() < 0.5 ? `<table class="calendar">${days}</table>` : ''}<p>扫一扫在手机打开当前页</p></div>`;
}

/**
 * The article inside a page of a government site; chrome pieces chosen by the seed. `pageDate`:
 * the date the page prints above the article, 发布时间 before 生成日期, or null.
 */
export function govPage(article: string, c: Chrome, head: string): { html: string; pageDate: string | null } {
  const r = c.random;
  const dates: PageDates = {};
  const h1 = !c.quirks.includes('no-title-in-body') && r() < 0.7 ? `<h1 class="title">${escapeHtml(c.title)}</h1>` : '';
  const above = [
    r() < 0.8 ? breadcrumb(r) : '',
    r() < 0.4 ? columnHeading() : '',
    r() < 0.7 ? metadata(c, dates) : '',
    h1,
    r() < 0.8 ? infoBar(c, dates) : '',
    r() < 0.4 ? share() : '',
  ].join('\n');
  const below = [
    r() < 0.7 ? printClose() : '',
    r() < 0.5 ? share() : '',
    r() < 0.6 ? prevNext(c) : '',
    r() < 0.7 || c.quirks.includes('unlinked-related') ? related(c) : '',
  ].join('\n');
  const main = `<div class="article">${above}<div class="content" id="zoom">${article}</div>${below}</div>`;
  const side = r() < 0.5 ? sidebar(c) : '';
  const layout = c.quirks.includes('nested-layout')
    ? `<table width="1000" align="center" border="0" cellpadding="0" cellspacing="0"><tr><td width="220" valign="top">${side}</td><td valign="top">${main}</td></tr></table>`
    : `<div class="container">${side}${main}</div>`;
  const html = `<!DOCTYPE html>\n<html>\n<head>\n${head}\n<title>${escapeHtml(c.title)}_${escapeHtml(c.agency)}</title>\n<style>.nav li{float:left}</style>\n<script>var _hmt=_hmt||[];</script>\n</head>\n<body>\n<div class="top"><a href="/">${c.agency}</a> <a href="javascript:SetHome(this)">设为首页</a> <a href="#">无障碍</a></div>\n${nav()}\n${layout}\n${footer(c)}\n</body>\n</html>`;
  return { html, pageDate: dates.published ?? dates.generated ?? null };
}

function headFor(charset: Charset): string {
  switch (charset) {
    case 'utf-8':
      return '<meta charset="utf-8">';
    case 'gbk-meta':
      return '<meta charset="gbk">';
    case 'gb2312-http-equiv':
      return '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
    case 'gbk-undeclared':
      return '<meta name="viewport" content="width=device-width">';
    case 'gb2312-declared-utf8-bytes':
      return '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />';
    case 'utf8-declared-gbk-bytes':
      return '<meta charset="UTF-8">';
  }
}

export function encodePage(html: string, charset: Charset): Buffer {
  const gbk = ['gbk-meta', 'gb2312-http-equiv', 'gbk-undeclared', 'utf8-declared-gbk-bytes'].includes(charset);
  return gbk ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
}

export function defaultYear(version: FormatVersion): number {
  return version === '2019' ? 2020 : 2022;
}

/** The ISO date of the signature block, or null without one. */
function signatureDate(blocks: readonly HtmlBlock[]): string | null {
  const last = blocks[blocks.length - 1];
  if (last.kind !== 'p' || last.role !== 'closing') return null;
  const arabic = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(last.text);
  if (arabic) return `${arabic[1]}-${arabic[2].padStart(2, '0')}-${arabic[3].padStart(2, '0')}`;
  const m = /([〇一二三四五六七八九]{4})年一月([一二三四五六七八九十]+)日/.exec(last.text)!;
  const year = [...m[1]].map((c) => CHINESE_DIGITS.indexOf(c)).join('');
  const day =
    m[2].length === 1
      ? m[2] === '十'
        ? 10
        : CHINESE_DIGITS.indexOf(m[2])
      : m[2].startsWith('十')
        ? 10 + CHINESE_DIGITS.indexOf(m[2][1])
        : CHINESE_DIGITS.indexOf(m[2][0]) * 10 + (m[2].length === 3 ? CHINESE_DIGITS.indexOf(m[2][2]) : 0);
  return `${year}-01-${String(day).padStart(2, '0')}`;
}

export interface GeneratedArticle {
  /** The report as HTML, without any page around it. */
  readonly html: string;
  readonly expected: Values;
  readonly spec: PageSpec;
  readonly title: string;
  readonly random: () => number;
}

/** The report article alone (for tests that write their own page around it). */
export function generateArticle(spec: PageSpec): GeneratedArticle {
  const random = rng(spec.seed * 7919 + 17);
  const quirks = spec.quirks ?? ['plain'];
  const agency = spec.agency ?? pick(random, AGENCIES);
  const year = spec.year ?? defaultYear(spec.version);
  const full: PageSpec = { ...spec, quirks, agency, year, charset: spec.charset ?? 'utf-8' };
  const values = consistentValues(spec.version, spec.seed);
  const print = printing(spec.version, values, quirks, random);
  const blocks = bendTables(articleBlocks(full, print, random), quirks, random);
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const expected: Values = {
    ...print.expected,
    // agency-line wins over title-broken, as in articleBlocks.
    'meta.title':
      quirks.includes('title-broken') && !quirks.includes('agency-line') ? `${agency}${year}年度政府信息公开工作年度报告` : title,
    'meta.agency': agency,
    'meta.issuer': quirks.includes('no-signature') ? null : agency,
    'meta.year': year,
    'meta.format': spec.version,
    'meta.publishDate': signatureDate(blocks),
  };
  return { html: renderArticle(blocks, quirks, random), expected, spec: full, title, random };
}

/** A whole page with the fields it must give. */
export function generatePage(spec: PageSpec): GeneratedPage {
  const article = generateArticle(spec);
  const { agency, year, quirks, charset } = article.spec;
  const chrome = { title: article.title, agency: agency!, year: year!, random: article.random, quirks: quirks! };
  const { html, pageDate } = govPage(article.html, chrome, headFor(charset!));
  // Without a signature, the report is dated by the page (发布时间 in the info bar, or the metadata block).
  const expected = { ...article.expected, 'meta.publishDate': article.expected['meta.publishDate'] ?? pageDate };
  return { html, bytes: encodePage(html, charset!), expected, spec: article.spec };
}

// ---------------------------------------------------------------- MHTML

function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = '';
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (const b of bytes) {
    if (b === 0x0a) {
      lines.push(line);
      line = '';
    } else if (b === 0x0d) continue;
    else if ((b >= 33 && b <= 126 && b !== 61) || b === 32) push(String.fromCharCode(b));
    else push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  lines.push(line);
  return lines.map((l) => l.replace(/ $/, '=20')).join('\r\n');
}

export interface MhtOptions {
  /** Blink (Chrome/Edge): QP, charset in the HTML only; ie/word: charset on the part. */
  readonly saver: 'blink' | 'ie' | 'word';
  readonly transfer: 'quoted-printable' | 'base64';
  readonly charset: 'utf-8' | 'gb2312';
}

/** A page saved as MHTML: multipart/related with the page and an image and a stylesheet part. */
export function toMht(html: string, options: MhtOptions): Buffer {
  const boundary = options.saver === 'blink' ? '----MultipartBoundary--QwErTy123456789----' : '----=_NextPart_01D7F2A3.5B6C7D80';
  const bytes = options.charset === 'utf-8' ? Buffer.from(html, 'utf8') : iconv.encode(html, 'gbk');
  const body = options.transfer === 'base64' ? bytes.toString('base64').replace(/(.{76})/g, '$1\r\n') : quotedPrintable(bytes);
  const head =
    options.saver === 'blink'
      ? `From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/zwgk/nb/202201/t20220125_1.html\r\nSubject: =?utf-8?Q?=E5=B9=B4=E6=8A=A5?=\r\nDate: Tue, 25 Jan 2022 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"\r\n\r\n\r\n`
      : `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${boundary}"${options.saver === 'ie' ? '; type="text/html"' : ''}\r\nX-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n`;
  const htmlType = options.saver === 'blink' ? 'text/html' : `text/html; charset="${options.charset}"`;
  const parts = [
    `--${boundary}\r\nContent-Type: ${htmlType}\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: ${options.transfer}\r\nContent-Location: http://www.example.gov.cn/zwgk/nb/202201/t20220125_1.html\r\n\r\n${body}\r\n`,
    `--${boundary}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.example.gov.cn/css/style.css\r\n\r\n.nav li { float: left; }\r\n`,
    `--${boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://www.example.gov.cn/images/logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n`,
  ];
  // IE puts the stylesheet first: the page is found by its type, not its position.
  const ordered = options.saver === 'ie' ? [parts[1], parts[0], parts[2]] : parts;
  return Buffer.from(`${head}${ordered.join('')}--${boundary}--\r\n`, 'latin1');
}
