/**
 * A web page saved as .html/.htm → text. Chinese government pages come in UTF-8 and in
 * GB2312/GBK/GB18030, declared by a BOM, <meta charset>, <meta http-equiv content="…charset=…">
 * or an XML declaration — or not declared at all, or declared wrongly (a CMS template saying
 * utf-8 around GBK text). The bytes decide when the declaration is missing or cannot be right.
 */
import iconv from 'iconv-lite';
import type { Document } from '../document/types';
import { webPageToDocument } from './web-page';

/** GB2312 and GBK are subsets of GB18030: decoding as GB18030 reads all three. */
const GB_FAMILY = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'x-gbk',
  'gb_2312-80',
  'gb_2312',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'cp936',
  'ms936',
  'windows-936',
  'euc-cn',
  'x-euc-cn',
]);
const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** The charset a page declares in its first bytes, lower-cased, or undefined. */
export function declaredCharset(head: string): string | undefined {
  const patterns = [/<meta[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i, /<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i];
  for (const re of patterns) {
    const m = re.exec(head);
    if (m) return m[1].toLowerCase();
  }
  return undefined;
}

/** Canonical iconv name for a declared charset, or undefined when iconv does not know it. */
export function canonicalCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase();
  if (GB_FAMILY.has(n)) return 'gb18030';
  if (UTF8.has(n)) return 'utf-8';
  if (n === 'big5' || n === 'big5-hkscs' || n === 'cp950') return 'big5';
  return iconv.encodingExists(n) ? n : undefined;
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(buffer: Buffer): boolean {
  for (const b of buffer) if (b >= 0x80) return true;
  return false;
}

/**
 * Bytes of text in some charset → string. `declared` is what the page or its MIME part says.
 * Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the declaration: GBK text of any length
 * practically never forms valid UTF-8 sequences, so this catches templates that declare gb2312
 * around UTF-8 text; bytes that are not valid UTF-8 under a utf-8 (or no) declaration are GB18030.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return Buffer.from(buffer.subarray(2)).swap16().toString('utf16le');
  const charset = canonicalCharset(declared);
  if (!hasHighBytes(buffer)) return buffer.toString('latin1');
  if (isValidUtf8(buffer)) return buffer.toString('utf8');
  if (charset && charset !== 'utf-8') return iconv.decode(buffer, charset);
  return iconv.decode(buffer, 'gb18030');
}

/** A page's bytes → its HTML text, by BOM, declaration and the bytes themselves. */
export function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return decodeText(bytes, declaredCharset(head));
}

export function readHtml(bytes: Uint8Array): Document {
  return webPageToDocument(decodeHtml(bytes), 'html');
}
