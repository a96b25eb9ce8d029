/**
 * Tells page furniture from report text by content: the vocabulary of templates/web-page.json
 * (widgets, counters, footers, info bars, the 信息公开 metadata block), and what a report's title,
 * section headings and signature look like. No site's markup is known here.
 */
import type { Paragraph, Table } from '../document/types';
import { sectionHeading } from '../formats/headings';
import { loadTemplate } from '../formats/load';
import { compactText } from '../text/normalise';

interface WebPageSpec {
  readonly chromeMaxChars: number;
  readonly chromeContains: readonly string[];
  readonly chromeStarts: readonly string[];
  readonly chromeExact: readonly string[];
  readonly metadataLabels: readonly string[];
  readonly agencySuffixes: readonly string[];
  readonly titleWords: readonly (readonly string[])[];
  readonly titleSeparators: readonly string[];
  readonly dateLabels: readonly string[];
}

export function webPageSpec(): WebPageSpec {
  return loadTemplate<WebPageSpec>('web-page.json');
}

/** A line of page furniture: a widget, counter, info bar, footer or breadcrumb. */
export function isChromeText(text: string): boolean {
  const s = webPageSpec();
  const compact = compactText(text);
  if (!compact || compact.length > s.chromeMaxChars) return false;
  if (s.chromeExact.includes(compact)) return true;
  if (s.chromeStarts.some((w) => compact.startsWith(w))) return true;
  return s.chromeContains.some((w) => compact.includes(w));
}

/** A cell that is a label of the metadata block or a date label, colon or not (发文日期, 发布日期：). */
export function isMetadataLabel(text: string): boolean {
  const compact = compactText(text).replace(/[:：]$/, '');
  return webPageSpec().metadataLabels.includes(compact) || webPageSpec().dateLabels.includes(compact);
}

/** The 信息公开 metadata block (索引号, 发布机构, 生成日期…) printed as a table. */
export function isMetadataTable(table: Table): boolean {
  const labels = webPageSpec().metadataLabels;
  let hits = 0;
  for (const cell of table.cells) {
    const compact = compactText(cell.text).replace(/[:：]$/, '');
    if (labels.some((l) => compact === l || compact.startsWith(`${l}:`))) hits++;
    if (hits >= 2) return true;
  }
  return false;
}

const YEAR = /(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}/;
/** Punctuation that a title never holds but breadcrumbs, info bars and sentences do. */
const NOT_IN_TITLE = /[。，,；;：:>»→|｜/\\!?！？]/;

/** A report title: names 政府信息公开 and a report, with a year, short, not a sentence. */
export function isTitleText(text: string): boolean {
  const compact = compactText(text);
  if (compact.length < 8 || compact.length > 60 || NOT_IN_TITLE.test(compact)) return false;
  if (!YEAR.test(compact)) return false;
  return webPageSpec().titleWords.every((group) => group.some((w) => compact.includes(w)));
}

/** The title part of a page's <title> (`题目_网站名`), if it is a report title. */
export function titleFromPageTitle(pageTitle: string): string | undefined {
  let parts = [pageTitle];
  for (const sep of webPageSpec().titleSeparators) parts = parts.flatMap((p) => p.split(sep));
  return parts.map((p) => p.trim()).find(isTitleText);
}

/** A line that is only the name of a body (printed above a title that starts with the year). */
export function isAgencyLine(text: string): boolean {
  const compact = compactText(text);
  if (compact.length < 2 || compact.length > 30 || /[\p{P}\p{S}\d]/u.test(compact.replace(/[（）()]/g, ''))) return false;
  return webPageSpec().agencySuffixes.some((s) => compact.endsWith(s));
}

/** The title does not name its body before the year (2021年…报告): the body is on the line above. */
export function titleStartsWithYear(text: string): boolean {
  return /^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年/.test(compactText(text));
}

const DATE =
  '(?:(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|(?:19|20)\\d{2}[-./]\\d{1,2}[-./]\\d{1,2}|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)';
const SIGNATURE_DATE = new RegExp(`^[（(]?${DATE}[）)]?$`);
const ISSUER_AND_DATE = new RegExp(`^(.{2,30}?)${DATE}$`);

/**
 * The date line of the signature block, or issuer and date on one line — where the issuer is a
 * name (a related-article item, title and date, is not a signature).
 */
export function isSignatureDate(text: string): boolean {
  const compact = compactText(text);
  if (compact.length > 40 || isChromeText(text)) return false;
  if (SIGNATURE_DATE.test(compact)) return true;
  const issuer = ISSUER_AND_DATE.exec(compact)?.[1];
  return issuer !== undefined && isAgencyLine(issuer);
}

/** A labelled date on a line of the page: the label's rank in dateLabels (0 = best) and the text after its colon. */
export interface PageDateLabel {
  readonly label: string;
  readonly rank: number;
  readonly rest: string;
}

/**
 * The best date label of a line (来源：… 时间：2024-03-08 15:34). A label counts only at the start of
 * a word of the line, so that 更新时间 is not read as 时间.
 */
export function pageDateLabel(text: string): PageDateLabel | undefined {
  const line = text.normalize('NFKC');
  if (compactText(line).length > webPageSpec().chromeMaxChars) return undefined;
  let best: PageDateLabel | undefined;
  webPageSpec().dateLabels.forEach((label, rank) => {
    if (best) return;
    const at = new RegExp(`(?:^|[\\s|【\\[(])${label}\\s*:`).exec(line);
    if (at) best = { label, rank, rest: line.slice(at.index + at[0].length) };
  });
  return best;
}

const DATE_FIRST = new RegExp(`^${DATE}`);

/** A line that dates the page (发布日期：2020-01-31): kept with the report though it is chrome. */
export function isPageDateLine(text: string): boolean {
  const found = pageDateLabel(text);
  return !!found && DATE_FIRST.test(compactText(found.rest));
}

/** The section (1..6) a paragraph is the heading of (formats/headings.ts). */
export function sectionOfHeading(p: Paragraph): number | undefined {
  return sectionHeading((p.numbering ?? '') + p.text)?.section.no;
}

/** A table of figures (a report table, or something that looks like one). */
export function isFigureTable(table: Table): boolean {
  let numbers = 0;
  for (const cell of table.cells) if (/^[+-]?\d+(\.\d+)?$/.test(compactText(cell.text)) && ++numbers >= 3) return true;
  return false;
}
