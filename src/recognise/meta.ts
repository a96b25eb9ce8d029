/**
 * Title, agency, year, issuer and date, wherever the report prints them. The title is the last
 * dated paragraph naming 政府信息公开 and a report above the body's text (an agency name on the line
 * above is joined to it; breadcrumbs and page chrome are never one); the agency is the body named
 * in the title; issuer and date are the signature block at the end, a date under the title, or the
 * page's date line (时间：2024-03-08 15:34) of a web page or a page saved as Word. A report whose title
 * is not printed in its body is known by what its preamble says of itself (现公布某某2023年…报告).
 */
import type { Block } from '../document/types';
import { compactText } from '../text/normalise';
import { isAgencyLine, isChromeText } from '../ingest/web-chrome';
import { findDate, yearOf } from './dates';
import { headDate, headLines, type HeadLine } from './head-lines';

export interface MetaReading {
  readonly title: string | null;
  readonly agency: string | null;
  readonly issuer: string | null;
  readonly year: number | null;
  readonly publishDate: string | null;
  /**
   * Blocks that hold the title and what is printed about it above the body (breadcrumb, page
   * chrome, date lines, a date under the title), and the signature block: not narrative of any section.
   */
  readonly titleBlocks: readonly number[];
  readonly closingBlocks: readonly number[];
}

const TITLE_WORDS = /政府信息公开/;
const REPORT_WORDS = /(报告|年报)/;
const SENTENCE = /[。；;，,：:！？]/;

function paragraphs(blocks: readonly Block[], from: number, to: number): { i: number; text: string }[] {
  const out: { i: number; text: string }[] = [];
  for (let i = Math.max(0, from); i < Math.min(blocks.length, to); i++) {
    const b = blocks[i];
    if (b.kind === 'paragraph' && b.text.trim()) out.push({ i, text: b.text.replace(/\s+/g, '') });
  }
  return out;
}

/** A small table without figures (a signature set in a borderless table): its cells as lines. */
function smallTableLines(block: Block, i: number): { i: number; text: string }[] {
  if (block.kind !== 'table' || block.height > 4 || block.width > 3) return [];
  const texts = block.cells.map((c) => c.text.replace(/\s+/g, '')).filter(Boolean);
  return texts.some((t) => /^[\d,.+-]+$/.test(t)) ? [] : texts.map((text) => ({ i, text }));
}

/** Paragraphs and small tables' lines of the last blocks after the head (`after`), where the signature is. */
function tailLines(blocks: readonly Block[], after: number): { i: number; text: string }[] {
  const from = Math.max(0, after, blocks.length - 12);
  const out: { i: number; text: string }[] = [];
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'paragraph') out.push(...paragraphs(blocks, i, i + 1));
    else out.push(...smallTableLines(b, i));
  }
  return out.slice(-8);
}

/** A title names 政府信息公开 and a report and is no sentence (根据…，现公布…报告。 is the preamble). */
function isTitleLine(text: string): boolean {
  return TITLE_WORDS.test(text) && REPORT_WORDS.test(text) && text.length <= 60 && !SENTENCE.test(text);
}

interface TitleReading {
  readonly text: string;
  readonly blocks: number[];
  /** Head lines that are not report text: chrome, breadcrumb, date lines, other copies of the title. */
  readonly aside: number[];
}

/** A title line, or a title broken over two lines where neither half is one (某某县2024年政府 / 信息公开工作年度报告). */
interface TitleLine {
  /** Position of its first line among the head's text lines. */
  readonly k: number;
  readonly text: string;
  readonly blocks: number[];
}

/** A short line that is no sentence: a part of a title broken over lines. */
const isTitlePart = (h: HeadLine): boolean => h.text.length <= 40 && !SENTENCE.test(h.text);

function titleLines(text: readonly HeadLine[]): TitleLine[] {
  const out: TitleLine[] = [];
  for (let k = 0; k < text.length; k++) {
    const line = text[k];
    if (isTitleLine(line.text)) {
      out.push({ k, text: line.text, blocks: [line.i] });
      continue;
    }
    const next = text[k + 1];
    if (next && next.i === line.i + 1 && isTitlePart(line) && isTitlePart(next) && !isTitleLine(next.text)) {
      const joined = line.text + next.text;
      if (isTitleLine(joined) && yearOf(joined) !== null) out.push({ k, text: joined, blocks: [line.i, next.i] });
    }
  }
  return out;
}

/**
 * The title among the lines above section 一. A page saved as Word prints the page's headline and
 * then the body's own title: the last title before the body's text is the report's. A title with
 * a year is preferred to one without (政府信息公开年报 in a breadcrumb has none).
 */
function findTitle(head: readonly HeadLine[]): TitleReading | null {
  const text = head.filter((h) => h.kind === 'text');
  const all = titleLines(text);
  const titles: TitleLine[] = [];
  for (let k = 0; k < text.length; k++) {
    const found = all.find((t) => t.k === k);
    if (found) titles.push(found);
    // The body's text starts: a later title-like line would be a sentence of it.
    else if ((SENTENCE.test(text[k].text) || text[k].text.length > 60) && titles.some((t) => yearOf(t.text) !== null)) break;
  }
  if (!titles.length) return null;
  const dated = titles.filter((t) => yearOf(t.text) !== null);
  const readings = (dated.length ? dated : [titles[0]]).map((t) => withAgencyLine(t, text));
  // The last title is the body's own; but a copy without the body's name (2021年政府信息公开工作年度报告
  // under 某某乡 / 2021年…报告) gives way to the last one that names it.
  const named = readings.filter((r) => agencyFromTitle(r.text) !== null);
  const title =
    named.length && !agencyFromTitle(readings[readings.length - 1].text)
      ? named[named.length - 1]
      : readings[readings.length - 1];
  const aside = [
    ...head.filter((h) => h.kind !== 'text').map((h) => h.i),
    ...titles.flatMap((t) => t.blocks).filter((i) => !title.blocks.includes(i)),
  ];
  return { text: title.text, blocks: title.blocks, aside };
}

/** The title with a body's name printed on its own line right above it (某某乡 / 2021年…报告). */
function withAgencyLine(title: TitleLine, text: readonly HeadLine[]): { text: string; blocks: number[] } {
  const prev = text[title.k - 1];
  if (
    prev &&
    prev.i === title.blocks[0] - 1 &&
    prev.text.length <= 30 &&
    !SENTENCE.test(prev.text) &&
    !REPORT_WORDS.test(prev.text) &&
    !/\d{4}年\d/.test(prev.text)
  ) {
    return { text: prev.text + title.text, blocks: [prev.i, ...title.blocks] };
  }
  return { text: title.text, blocks: title.blocks };
}

const YEAR = '(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})';
const AGENCY_BEFORE_YEAR = new RegExp(`^(.*?)(?:关于)?${YEAR}\\s*年`);
const AGENCY_AFTER_YEAR = new RegExp(`^${YEAR}\\s*年度?(.*?)政府信息公开`);

export function agencyFromTitle(title: string): string | null {
  const before = AGENCY_BEFORE_YEAR.exec(title);
  let agency = before?.[1] ?? '';
  if (!agency) {
    const after = AGENCY_AFTER_YEAR.exec(title);
    agency = after?.[1] ?? '';
  }
  agency = agency
    .replace(/(关于|的)$/, '')
    .replace(/^[《“"]/, '')
    .trim();
  return agency.length >= 2 ? agency : null;
}

/** 年 月 日 with the figures left blank (a template's date line): a date line without a date. */
const DATE_PLACEHOLDER = /^[〔【[(]?年月日[〕】\])]?$/;

function findClosing(blocks: readonly Block[], after: number): { issuer: string | null; date: string | null; blocks: number[] } {
  // A page saved as Word may end with its footer (版权所有 … 2023年1月31日更新): never a signature.
  const tail = tailLines(blocks, after).filter((l) => !isChromeText(l.text) || headDate(l.text));
  for (let k = tail.length - 1; k >= 0; k--) {
    const p = tail[k];
    if (compactText(p.text).length > 40) continue;
    const date = findDate(p.text) ?? (DATE_PLACEHOLDER.test(compactText(p.text)) ? { before: '', iso: null } : null);
    if (!date) continue;
    if (date.before.length >= 2 && !SENTENCE.test(date.before)) {
      return { issuer: date.before, date: date.iso, blocks: [p.i] };
    }
    const prev = tail[k - 1];
    if (prev && prev.text.length <= 40 && !SENTENCE.test(prev.text) && !findDate(prev.text)) {
      return { issuer: prev.text, date: date.iso, blocks: [prev.i, p.i] };
    }
    return { issuer: null, date: date.iso, blocks: [p.i] };
  }
  // A signature without a date: the body's name alone on the last line.
  const last = tail[tail.length - 1];
  if (last && blocks[last.i]?.kind === 'paragraph' && isAgencyLine(last.text))
    return { issuer: last.text, date: null, blocks: [last.i] };
  return { issuer: null, date: null, blocks: [] };
}

interface Dated {
  readonly issuer: string | null;
  readonly date: string;
  readonly block: number;
}

/** The line right under the title when it is a date, bracketed or not, or a body's name and a date. */
function underTitle(head: readonly HeadLine[], title: TitleReading | null): Dated | null {
  if (!title) return null;
  const next = head.find((h) => h.i > Math.max(...title.blocks) && h.kind !== 'chrome' && h.kind !== 'breadcrumb');
  if (!next || next.kind !== 'text' || next.text.length > 40) return null;
  const date = findDate(next.text);
  if (!date || !/^[)）]?$/.test(date.after)) return null;
  if (/^[(（]?$/.test(date.before)) return { issuer: null, date: date.iso, block: next.i };
  return isAgencyLine(date.before) ? { issuer: date.before, date: date.iso, block: next.i } : null;
}

/** The best labelled date of the page's lines above the body (发布日期 before 成文日期 before 生成日期). */
function pageDate(head: readonly HeadLine[]): string | null {
  const dates = head.flatMap((h) => (h.date ? [h.date] : []));
  dates.sort((a, b) => a.rank - b.rank);
  return dates[0]?.iso ?? null;
}

/**
 * The year the text itself names, when no title gives it: 20XX年度, the report or the work of a year
 * named in the preamble (现公布某某2023年政府信息公开工作年度报告), or the statistics period
 * (统计期限为2023年1月1日至2023年12月31日). Each paragraph in turn, the first pattern that matches.
 */
const YEAR_IN_TEXT = [
  /(20\d{2})年度/,
  /(20\d{2})年度?政府信息公开工作/,
  /统计(?:期限|期间|时限|区间|时段|时间)[^。；]*?(20\d{2})年1月1日/,
];

function bodyYear(blocks: readonly Block[]): number | null {
  for (const p of paragraphs(blocks, 0, 40)) {
    const text = compactText(p.text);
    for (const pattern of YEAR_IN_TEXT) {
      const m = pattern.exec(text);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** 现公布/现将 <the body> 2023年(度)政府信息公开工作…: the body a preamble names for itself. */
const PREAMBLE_AGENCY = /现(?:予以)?(?:公布|发布|将)(.{2,40}?)(?:20\d{2})年度?政府信息公开工作/;
/** Words that stand for the body without naming it (本机关, 我局, 本单位…). */
const SELF_REFERENCE = /^(?:本|我)(?:机关|单位|部门|委|局|办|府|院|厅|区|县|市|镇|乡|街道)?$/;

function preambleAgency(blocks: readonly Block[], firstHeading: number): string | null {
  const until = firstHeading >= 0 ? firstHeading : HEAD_WITHOUT_HEADINGS;
  for (const p of paragraphs(blocks, 0, until)) {
    const named = PREAMBLE_AGENCY.exec(compactText(p.text))?.[1].replace(/(?:的|关于)$/, '');
    if (named && !SELF_REFERENCE.test(named) && !SENTENCE.test(named)) return named;
  }
  return null;
}

/** How far the title is looked for when no section heading bounds it. */
const HEAD_WITHOUT_HEADINGS = 16;

/**
 * `firstHeading` bounds the search for the title (the title precedes section 一). The date is the
 * signature's, else the one under the title, else the page's (发布日期：… above the title); the
 * issuer is the signature's or the one under the title, never guessed.
 */
export function readMeta(blocks: readonly Block[], firstHeading: number): MetaReading {
  const head = headLines(blocks, firstHeading >= 0 ? firstHeading : HEAD_WITHOUT_HEADINGS);
  const title = findTitle(head);
  // The signature comes after the head: the title and the page's lines are never a signature.
  const closing = findClosing(blocks, Math.max(firstHeading, ...head.map((h) => h.i + 1)));
  const under = underTitle(head, title);
  const publishDate = closing.date ?? under?.date ?? pageDate(head);
  const issuer = closing.issuer ?? under?.issuer ?? null;
  const dateYear = publishDate ? Number(publishDate.slice(0, 4)) - 1 : null;
  const agency = title ? agencyFromTitle(title.text) : null;
  const aside = title ? title.aside : head.filter((h) => h.kind !== 'text').map((h) => h.i);
  return {
    title: title?.text ?? null,
    agency: agency ?? issuer ?? preambleAgency(blocks, firstHeading),
    issuer,
    year: (title ? yearOf(title.text) : null) ?? bodyYear(blocks) ?? dateYear,
    publishDate,
    titleBlocks: [...(title?.blocks ?? []), ...aside, ...(under ? [under.block] : [])].sort((a, b) => a - b),
    closingBlocks: closing.blocks,
  };
}
