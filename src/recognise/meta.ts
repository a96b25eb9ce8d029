/**
 * Title, agency, year, issuer and date. The title is the first paragraph naming 政府信息公开 and a
 * report (an agency name on the line above is joined to it); the agency is the body named in the
 * title; the issuer and date are the signature block at the end.
 */
import type { Block } from '../document/types';
import { compactText } from '../text/normalise';
import { findDate, yearOf } from './dates';

export interface MetaReading {
  readonly title: string | null;
  readonly agency: string | null;
  readonly issuer: string | null;
  readonly year: number | null;
  readonly publishDate: string | null;
  /** Blocks that hold the title, and the signature block: not narrative of any section. */
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

/** Paragraphs and small tables' lines of the last blocks, where the signature is. */
function tailLines(blocks: readonly Block[]): { i: number; text: string }[] {
  const from = Math.max(0, blocks.length - 12);
  const out: { i: number; text: string }[] = [];
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'paragraph') out.push(...paragraphs(blocks, i, i + 1));
    else out.push(...smallTableLines(b, i));
  }
  return out.slice(-8);
}

/** Navigation text (当前位置：首页 > 政务公开 > …) is never a title. */
const BREADCRUMB = /当前位置|您的位置|[>＞»›]/;

function findTitle(blocks: readonly Block[], limit: number): { text: string; blocks: number[] } | null {
  const head = paragraphs(blocks, 0, limit).slice(0, 8);
  const at = head.findIndex((p) => TITLE_WORDS.test(p.text) && REPORT_WORDS.test(p.text) && p.text.length <= 60
    && !/。$/.test(p.text) && !BREADCRUMB.test(p.text));
  if (at < 0) return null;
  const title = head[at];
  const prev = head[at - 1];
  // An agency name printed on its own line above the rest of the title.
  if (prev && prev.i === title.i - 1 && prev.text.length <= 30 && !SENTENCE.test(prev.text) && !REPORT_WORDS.test(prev.text) && !/\d{4}年\d/.test(prev.text)) {
    return { text: prev.text + title.text, blocks: [prev.i, title.i] };
  }
  return { text: title.text, blocks: [title.i] };
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
  agency = agency.replace(/(关于|的)$/, '').replace(/^[《“"]/, '').trim();
  return agency.length >= 2 ? agency : null;
}

/** 年 月 日 with the figures left blank (a template's date line): a date line without a date. */
const DATE_PLACEHOLDER = /^[〔【[(]?年月日[〕】\])]?$/;

function findClosing(blocks: readonly Block[]): { issuer: string | null; date: string | null; blocks: number[] } {
  const tail = tailLines(blocks);
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
  return { issuer: null, date: null, blocks: [] };
}

function bodyYear(blocks: readonly Block[]): number | null {
  for (const p of paragraphs(blocks, 0, 40)) {
    const m = /(20\d{2})年度/.exec(compactText(p.text));
    if (m) return Number(m[1]);
  }
  return null;
}

/** `firstHeading` bounds the search for the title (the title precedes section 一). */
export function readMeta(blocks: readonly Block[], firstHeading: number): MetaReading {
  const title = findTitle(blocks, firstHeading >= 0 ? firstHeading : 12);
  const closing = findClosing(blocks);
  const dateYear = closing.date ? Number(closing.date.slice(0, 4)) - 1 : null;
  const agency = title ? agencyFromTitle(title.text) : null;
  return {
    title: title?.text ?? null,
    agency: agency ?? closing.issuer,
    issuer: closing.issuer,
    year: (title ? yearOf(title.text) : null) ?? bodyYear(blocks) ?? dateYear,
    publishDate: closing.date,
    titleBlocks: title?.blocks ?? [],
    closingBlocks: closing.blocks,
  };
}
