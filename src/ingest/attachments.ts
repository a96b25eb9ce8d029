/**
 * How a report names the files it is attached to or offers for download (附件：某某县2023年…报告.pdf,
 * a link to …/P020240120.pdf): one list of document extensions for the page's links and the body's lines.
 */
import type { Block } from '../document/types';

const EXTENSIONS = 'pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z';

/** A link's path that ends in a document's extension. */
const DOCUMENT_PATH = new RegExp(`\\.(?:${EXTENSIONS})$`, 'i');

/** A line that ends in a document's file name, maybe with a note in brackets (…报告.pdf（125 KB）). */
const DOCUMENT_NAME_LINE = new RegExp(`\\.(?:${EXTENSIONS})\\s*(?:[(（][^()（）]*[)）])?$`, 'i');

/** The file name a link points at (percent-decoded), when it is a document to download. */
export function linkedFileName(href: string): string | undefined {
  const path = href.split(/[?#]/)[0];
  if (!DOCUMENT_PATH.test(path)) return undefined;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The first line that names an attached file (附件：…报告.pdf), without the 附件 label. */
export function attachmentLine(blocks: readonly Block[]): string | undefined {
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const line = b.text.split('\n').find((l) => DOCUMENT_NAME_LINE.test(l.trim()));
    if (line) return line.trim().replace(/^附件\s*\d*\s*[:：]?\s*/, '');
  }
  return undefined;
}
