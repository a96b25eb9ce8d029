/**
 * A document written in traditional characters (a portal's 繁體 page, machine-converted from the
 * simplified report) is read in simplified characters, so that the official labels, headings and
 * keywords are found; the note says so. The file itself is never changed. A web page is converted
 * before its report is looked for on it (the search goes by simplified words); any other document
 * once read.
 */
import type { Block, Document, DocumentMessage } from '../document/types';
import { isTraditional, toSimplified, traditionalKind, type TraditionalKind } from '../text/traditional';

function allText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join('\n'))).join('\n');
}

function simplifyBlock(block: Block, kind: TraditionalKind): Block {
  if (block.kind === 'paragraph') return { ...block, text: toSimplified(block.text, kind) };
  return { ...block, cells: block.cells.map((c) => ({ ...c, text: toSimplified(c.text, kind) })) };
}

const KIND_WORDS: Record<TraditionalKind, string> = { hk: '逐字转换的繁体', twp: '连词语换成台湾用语的繁体' };

function note(kind: TraditionalKind): DocumentMessage {
  return {
    type: 'info',
    code: 'TRADITIONAL_CHINESE',
    message: `原文为繁体中文（${KIND_WORDS[kind]}），已用 OpenCC 转回简体后读取；原文件未改动`,
  };
}

export function simplifyTraditional(document: Document): Document {
  if (document.messages.some((m) => m.code === 'TRADITIONAL_CHINESE')) return document;
  const text = allText(document.blocks);
  if (!isTraditional(text)) return document;
  const kind = traditionalKind(text);
  return {
    ...document,
    blocks: document.blocks.map((b) => simplifyBlock(b, kind)),
    messages: [...document.messages, note(kind)],
  };
}

/** A page's HTML in simplified characters, and the note, when it is written in traditional ones. */
export function simplifyPage(html: string): { html: string; messages: DocumentMessage[] } {
  if (!isTraditional(html)) return { html, messages: [] };
  const kind = traditionalKind(html);
  return { html: toSimplified(html, kind), messages: [note(kind)] };
}
