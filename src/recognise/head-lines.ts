/**
 * What the lines above a report's first section are, besides its title and opening text: a
 * breadcrumb (当前位置：首页 > …, or its items one per line, as a page saved as Word prints its
 * list), other page furniture (来源：…, 字号, 打印), and the page's date lines (发布日期：2020-01-31,
 * 时间：2024-03-08 15:34). None of them is report text; a date line dates the report.
 */
import type { Block, Paragraph } from '../document/types';
import { isChromeText, pageDateLabel } from '../ingest/web-chrome';
import { findDate } from './dates';

export type HeadKind = 'breadcrumb' | 'chrome' | 'date' | 'text';

export interface HeadLine {
  /** Block index. */
  readonly i: number;
  /** The text without white space. */
  readonly text: string;
  readonly kind: HeadKind;
  /** For a date line: the date and its label's rank (0 = a publish date, higher = a lesser date). */
  readonly date?: { readonly iso: string; readonly rank: number };
}

const BREADCRUMB_START = /^(?:当前位置|您的位置|您现在的位置|所在位置|当前页面)/;
const CRUMB_SEPARATOR = /[>＞»›]/;
/** Numbering that is a bullet, not a number (•, ·, ▪): a list item of the page's navigation. */
const BULLET = /^[^\p{L}\p{N}()（）]+$/u;

/** A breadcrumb item on a line of its own, after the breadcrumb's start. */
function isCrumbItem(p: Paragraph, text: string): boolean {
  if (text.length > 16) return false;
  return (!!p.numbering && BULLET.test(p.numbering.trim())) || text === '首页' || CRUMB_SEPARATOR.test(text);
}

/** A labelled date (时间：2024-03-08 15:34): the date right after the label. */
export function headDate(text: string): HeadLine['date'] | undefined {
  const label = pageDateLabel(text);
  const date = label && findDate(label.rest);
  return date && date.before === '' ? { iso: date.iso, rank: label.rank } : undefined;
}

function kindOf(p: Paragraph, text: string, previous: HeadKind | undefined): Omit<HeadLine, 'i' | 'text'> {
  if (BREADCRUMB_START.test(text) || (text.length <= 80 && CRUMB_SEPARATOR.test(text) && /首页/.test(text)))
    return { kind: 'breadcrumb' };
  if (previous === 'breadcrumb' && isCrumbItem(p, text)) return { kind: 'breadcrumb' };
  const date = headDate(p.text);
  if (date) return { kind: 'date', date };
  return { kind: isChromeText(p.text) ? 'chrome' : 'text' };
}

/** The non-empty paragraphs of blocks [0, limit) with what each is. */
export function headLines(blocks: readonly Block[], limit: number): HeadLine[] {
  const out: HeadLine[] = [];
  for (let i = 0; i < Math.min(blocks.length, limit); i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph' || !b.text.trim()) continue;
    const text = b.text.replace(/\s+/g, '');
    out.push({ i, text, ...kindOf(b, text, out[out.length - 1]?.kind) });
  }
  return out;
}
