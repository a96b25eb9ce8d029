/**
 * Whether a PDF's text layer can be trusted, decided before anything is read from it: a file with
 * (almost) no text is a scan; text whose characters are private-use, control or replacement
 * characters comes from fonts without a Unicode map, and figures read from it would be wrong.
 */
import { IngestError } from '../errors';

/** Fewer usable characters than this in the whole file: nothing a report could be read from. */
const MIN_CHARS = 5;
/** Share of unusable characters above which the text is refused. */
const MAX_BAD_SHARE = 0.05;

const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD\u{F0000}-\u{10FFFF}]/u;

export interface TextCount {
  visible: number;
  bad: number;
}

export function countText(texts: readonly string[]): TextCount {
  const count = { visible: 0, bad: 0 };
  for (const t of texts) {
    for (const ch of t) {
      if (/\s/u.test(ch)) continue;
      count.visible++;
      if (BAD.test(ch)) count.bad++;
    }
  }
  return count;
}

export function checkTextLayer(count: TextCount, pages: number, name: string): void {
  if (count.bad >= MIN_CHARS && count.bad > count.visible * MAX_BAD_SHARE) {
    throw new IngestError('PDF_NO_UNICODE', name, `${count.visible} 个字符中 ${count.bad} 个无法识别`);
  }
  if (count.visible - count.bad < MIN_CHARS)
    throw new IngestError('PDF_SCANNED', name, `${pages} 页，可读文字 ${count.visible - count.bad} 个`);
}
