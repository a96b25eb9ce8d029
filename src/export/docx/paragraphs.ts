/**
 * The paragraphs of a regenerated report, each in its style: title, 一、 headings, sub-headings by
 * level, body text (a （一） run-in head in 楷体 leading a paragraph), prompts for the author, notes of the
 * tool, and the signature block.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { fontSlots, type PageStyle } from './page-style';
import { STYLE } from './styles';

/** Runs of a text whose line breaks are kept as breaks inside the paragraph. */
function runs(text: string, options: { italics?: boolean; color?: string; font?: ReturnType<typeof fontSlots> } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: runs(text) });
}

export function headingParagraph(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(text) });
}

const SUB_HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/**
 * A heading inside a section, in the GB/T 9704 style of its level: （一） in 楷体, 1. in 仿宋 bold;
 * a fourth level （1） is body text, as the standard sets it.
 */
export function subHeadingParagraph(level: number, text: string): Paragraph {
  const heading = SUB_HEADINGS[level - 1];
  return new Paragraph({ heading, children: runs(text) });
}

const LEVEL_TWO = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const SHORT_HEADING = 30;

/**
 * A （一） sub-heading: the whole paragraph when it is short and not a sentence, else the lead
 * phrase up to its first 。 when that is short (（一）主动公开情况。本年度…).
 */
export function levelTwoHead(text: string): string | undefined {
  if (!LEVEL_TWO.test(text) || text.includes('\n')) return undefined;
  const stop = text.indexOf('。');
  if (stop < 0) return text.length <= SHORT_HEADING ? text : undefined;
  return stop + 1 <= SHORT_HEADING ? text.slice(0, stop + 1) : undefined;
}

export function bodyParagraph(text: string, style: PageStyle): Paragraph {
  const head = levelTwoHead(text);
  if (head === text) return new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(text) });
  if (head) {
    const heading = new TextRun({ text: head, font: { ...fontSlots(style, 'heading2'), hint: 'eastAsia' } });
    return new Paragraph({ children: [heading, ...runs(text.slice(head.length))] });
  }
  return new Paragraph({ children: runs(text) });
}

/** A prompt for the author: grey, italic and bracketed, so that it is seen to be replaced. */
export function promptParagraph(text: string, style: PageStyle): Paragraph {
  const p = style.prompt;
  return new Paragraph({ children: runs(`${p.open}${text}${p.close}`, { italics: p.italics, color: p.color }) });
}

export function noteParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE.note, children: runs(text) });
}

export function emptyLines(n: number): Paragraph[] {
  return Array.from({ length: n }, () => new Paragraph({ children: [] }));
}

export function signatureParagraph(text: string, style: PageStyle, prompt = false): Paragraph {
  const look = prompt ? { italics: style.prompt.italics, color: style.prompt.color } : {};
  return new Paragraph({ style: STYLE.signature, children: runs(text, look) });
}
