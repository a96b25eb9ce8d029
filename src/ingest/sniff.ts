/**
 * What kind of file the bytes are. The content decides, never the name alone: offices rename
 * files freely (a web page saved as .doc, a PDF renamed .docx), so signatures come first, then the
 * text at the start of the file, and the extension only breaks a tie for text that could be either.
 */

export type FileKind = 'zip' | 'ole' | 'pdf' | 'html' | 'mht' | 'rtf' | 'wordml' | 'text' | 'empty' | 'unknown';

const SIGNATURES: readonly { kind: FileKind; bytes: readonly number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
];

/** How much of the start of a file is looked at for text signatures. */
const HEAD_BYTES = 4096;

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/**
 * The start of the file as lower-case text. UTF-16 pages (Word's "Unicode" web pages) are turned
 * into 8-bit text; ASCII markup reads the same in UTF-8, GBK and latin1.
 */
export function headText(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES));
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else text = head.toString('latin1');
  return text.replace(/^(\uFEFF|\xEF\xBB\xBF)/, '').toLowerCase();
}

/** Markup after any XML declaration, doctype-less comments and white space. */
function markupStart(head: string): string {
  let s = head.trimStart();
  for (let i = 0; i < 20; i++) {
    const m = /^(<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!\[[^\]]*\]>)\s*/.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

const HTML_START = /^<(!doctype\s+html|html|head|body|meta|title|table|div|p|span|font|center|style|link|script|h[1-6]|br)[\s>/]/;
const MHT_HEADER =
  /^(mime-version|content-type|from|subject|date|snapshot-content-location|x-mimeole|content-location|message-id)\s*:/;

function looksLikeMht(head: string): boolean {
  const lines = head.split(/\r?\n/, 40);
  const headers = lines.slice(0, lines.findIndex((l) => l.trim() === '') >>> 0);
  return (
    headers.some((l) => /^content-type\s*:\s*multipart\/related/.test(l)) ||
    (headers.some((l) => l.startsWith('mime-version')) && /multipart\/related/.test(head))
  );
}

/** Bytes that are text: no NULs and no control characters other than white space. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, HEAD_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n / 100;
}

function extension(name: string): string {
  const base = name.toLowerCase().split(/[\\/]/).pop() ?? '';
  return base.includes('.') ? base.split('.').pop()! : '';
}

export function sniff(bytes: Uint8Array, name: string): FileKind {
  if (bytes.length === 0) return 'empty';
  for (const sig of SIGNATURES) if (startsWith(bytes, sig.bytes)) return sig.kind;
  const head = headText(bytes);
  const start = markupStart(head);
  if (start.startsWith('{\\rtf')) return 'rtf';
  // Word 2003 XML ("XML 文档", often named .doc or .xml) — by its root, since Word's web pages
  // carry a <w:WordDocument> island of settings too.
  if (/^(<\?mso-application\s+progid\s*=\s*["']word\.document["']|<w:worddocument[\s>])/.test(start)) return 'wordml';
  if (looksLikeMht(head) || (MHT_HEADER.test(start) && ['mht', 'mhtml'].includes(extension(name)))) return 'mht';
  if (HTML_START.test(start)) return 'html';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && !looksLikeText(bytes)) return 'unknown';
  // Text that is not markup at the start may still be a page with a preamble of junk.
  if (
    /<(html|body|table|p|div|br)[\s/>]/.test(head) &&
    ['html', 'htm', 'shtml', 'xhtml', 'jsp', 'asp', 'aspx', 'php'].includes(extension(name))
  )
    return 'html';
  return 'text';
}
