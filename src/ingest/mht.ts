/**
 * A web page saved as MHTML (.mht/.mhtml: Chrome/Edge "网页，单个文件", IE, Word "单个文件网页"):
 * a MIME message, multipart/related, whose parts are the page, its stylesheets, images and
 * frames, each quoted-printable or base64 and each with its own charset. The page is the
 * text/html part that reads most like a report (a frame may hold the article), and then goes the
 * way of any web page.
 */
import type { Document } from '../document/types';
import { IngestError } from './errors';
import { walkHtml } from './html-document';
import { declaredCharset, decodeText } from './html-file';
import { sectionOfHeading } from './web-chrome';
import { webPageToDocument } from './web-page';

interface MimeEntity {
  readonly headers: ReadonlyMap<string, string>;
  /** The raw body, one char per byte (latin1). */
  readonly body: string;
}

interface HtmlPart {
  readonly html: string;
  readonly contentId?: string;
}

/** Nesting deeper than this is not a saved page. */
const MAX_DEPTH = 8;

function parseEntity(raw: string): MimeEntity {
  const m = /\r?\n\r?\n/.exec(raw);
  const headText = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of headText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A parameter of a header value: boundary="…", charset=gb2312, start="<…>". */
export function headerParam(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const re = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function mediaType(entity: MimeEntity): string {
  return (entity.headers.get('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  const delimiter = `--${boundary}`;
  const lines = body.split(/\r?\n/);
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `${delimiter}--`) break;
    if (trimmed === delimiter) {
      if (current) parts.push(current.join('\r\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (current?.length) parts.push(current.join('\r\n'));
  return parts;
}

export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

function decodeBody(entity: MimeEntity): Buffer {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(entity.body);
  return Buffer.from(entity.body, 'latin1');
}

function collectHtml(entity: MimeEntity, out: HtmlPart[], depth: number): void {
  const type = mediaType(entity);
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(entity.headers.get('content-type'), 'boundary');
    if (!boundary || depth >= MAX_DEPTH) return;
    for (const raw of splitMultipart(entity.body, boundary)) collectHtml(parseEntity(raw), out, depth + 1);
    return;
  }
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return;
  const bytes = decodeBody(entity);
  const charset =
    headerParam(entity.headers.get('content-type'), 'charset') ?? declaredCharset(bytes.subarray(0, 4096).toString('latin1'));
  const contentId = entity.headers.get('content-id')?.replace(/^<|>$/g, '');
  out.push({ html: decodeText(bytes, charset), ...(contentId ? { contentId } : {}) });
}

function headingCount(html: string): number {
  return walkHtml(html).blocks.filter((b) => b.kind === 'paragraph' && sectionOfHeading(b) !== undefined).length;
}

/**
 * The page of a saved MHTML: the html part with most report headings (a frame may hold the
 * article while the saved top page is only a frame set); on a tie the part named by `start`, else
 * the first.
 */
export function mhtHtml(bytes: Uint8Array, name: string): string {
  const top = parseEntity(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  const parts: HtmlPart[] = [];
  collectHtml(top, parts, 0);
  if (!parts.length) throw new IngestError('MHT_NO_HTML', name);
  if (parts.length === 1) return parts[0].html;
  const start = headerParam(top.headers.get('content-type'), 'start')?.replace(/^<|>$/g, '');
  const ordered = [
    ...parts.filter((p) => start && p.contentId === start),
    ...parts.filter((p) => !start || p.contentId !== start),
  ];
  let best = ordered[0];
  let bestCount = headingCount(best.html);
  for (const part of ordered.slice(1)) {
    const count = headingCount(part.html);
    if (count > bestCount) [best, bestCount] = [part, count];
  }
  return best.html;
}

export function readMht(bytes: Uint8Array, name: string): Document {
  return webPageToDocument(mhtHtml(bytes, name), 'mht');
}
