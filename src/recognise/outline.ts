/**
 * Which paragraphs are headings, and at what level. The numbering as printed decides first (typed,
 * or Word's automatic numbering): 一、 > （一） > 1. > （1）; Word numbering in another form by its
 * level in the list; then a heading style or outline level; then a short bold line on its own. A numbered line that goes on as a sentence (（一）加强领导。本年…)
 * is a paragraph with a run-in head, and an inline enumeration (一是…；二是…) is text; but a sub-item
 * on a line of its own, named as the format's items are named and closed by a stop or a colon
 * (（一）主动公开情况。, （二）依申请公开方面：), is a heading.
 */
import type { Paragraph } from '../document/types';
import { printedNumbering } from '../text/numbering';
import { compactText } from '../text/normalise';

export interface OutlineHeading {
  readonly level: number;
  /** The numbering as printed, '' when none. */
  readonly numbering: string;
  /** The heading's words, without its numbering. */
  readonly text: string;
  /** The numbering came from the line's own text (not Word's automatic numbering nor a style). */
  readonly typed: boolean;
  /** Text after a line break in the heading's paragraph: the start of what follows. */
  readonly rest?: string;
}

/** Longer than this (numbering excluded), a line is text, not a heading. */
const HEADING_MAX = 30;
/** A heading names a topic; a stop (at the end too: a list item 1、在…公示信息14条。), a semicolon or a colon makes it a sentence. */
const SENTENCE = /[。；;！？：:]/;

function headingWords(text: string): boolean {
  const compact = compactText(text);
  return compact.length > 0 && compact.length <= HEADING_MAX && !SENTENCE.test(compact);
}

/**
 * The words of a sub-item closed by a stop or a colon and nothing after it: short, no other
 * punctuation, and naming a topic the way the format's items do (…情况, …方面, …建设, …保障).
 */
const NAMED_ITEM =
  /^([^。；;！？：:，,、\d]{2,16}?(?:情况|方面|工作|建设|保障|管理|公开|问题|措施|举措|不足|计划|打算))[。：:]$/u;

function namedItem(numbered: Numbered): Numbered | undefined {
  const m = numbered.level >= 2 ? NAMED_ITEM.exec(numbered.text.trim()) : null;
  return m ? { ...numbered, text: m[1] } : undefined;
}

function styleLevel(p: Paragraph): number | undefined {
  return p.headingLevel !== undefined ? Math.min(p.headingLevel, 4) : undefined;
}

type Numbered = Omit<OutlineHeading, 'rest'>;

/** What the paragraph's own numbering says: Word's as printed, else typed, else Word's by its place in the list (①, Ⅰ.). */
function numberedAs(p: Paragraph, firstLine: string): Numbered | undefined {
  const word = p.numbering?.trim() ?? '';
  const auto = word ? printedNumbering(word) : undefined;
  if (auto) return { level: auto.level, numbering: word, text: firstLine.trim(), typed: false };
  const typed = printedNumbering(firstLine);
  if (typed) return { level: typed.level, numbering: typed.numbering, text: typed.rest, typed: true };
  if (word && p.numberingLevel !== undefined)
    return { level: Math.min(p.numberingLevel, 4), numbering: word, text: firstLine.trim(), typed: false };
  return undefined;
}

/** The heading `p` is, if it is one. */
export function outlineHeading(p: Paragraph): OutlineHeading | undefined {
  const [firstLine, ...more] = p.text.split('\n');
  const rest = more.join('\n').trim();
  const extra = rest ? { rest } : {};
  const numbered = numberedAs(p, firstLine);
  if (numbered && headingWords(numbered.text)) return { ...numbered, ...extra };
  if (numbered) {
    const item = namedItem(numbered);
    return item ? { ...item, ...extra } : undefined;
  }
  if (!headingWords(firstLine)) return undefined;
  const plain = { numbering: p.numbering?.trim() ?? '', text: firstLine.trim(), typed: false };
  const level = styleLevel(p);
  if (level !== undefined) return { level, ...plain, ...extra };
  return p.bold && !rest ? { level: 2, ...plain } : undefined;
}
