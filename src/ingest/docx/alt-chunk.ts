/**
 * w:altChunk: content kept in its own part of the package (HTML, MHT, a whole DOCX, plain text)
 * that Word imports where the element stands when it opens the file. Office systems that build a
 * report in a web editor often save the whole body this way, so a reader that skipped it would see
 * an empty document. The part is read as the file of that kind would be read.
 */
import type { Block, DocumentMessage } from '../../document/types';
import { cleanText } from '../../text/normalise';
import { htmlToDocument } from '../html-document';
import { decodeHtml, decodeText } from '../html-file';
import { mhtHtml } from '../mht';
import { sniff } from '../sniff';

/** Reads an embedded DOCX (provided by the DOCX reader, which this module cannot import). */
export type NestedDocx = (bytes: Uint8Array) => readonly Block[];

export function altChunkBlocks(
  bytes: Uint8Array,
  part: string,
  file: string,
  nested: NestedDocx | undefined,
  messages: DocumentMessage[],
): readonly Block[] {
  const kind = sniff(bytes, part);
  switch (kind) {
    case 'html':
      return htmlToDocument(decodeHtml(bytes), 'docx').blocks;
    case 'mht':
      return htmlToDocument(mhtHtml(bytes, file), 'docx').blocks;
    case 'text':
      return textBlocks(decodeText(bytes));
    case 'zip':
      if (nested) return nested(bytes);
      break;
    default:
  }
  messages.push({
    type: 'warning',
    code: 'DOCX_ALTCHUNK',
    message: `嵌入内容 ${part}（${kind === 'zip' ? '多层嵌套的 Word 文档' : kind}）无法读取，已略去`,
  });
  return [];
}

function textBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => cleanText(line))
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', text: line, bold: false }));
}
