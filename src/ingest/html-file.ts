/** A web page saved as .html/.htm: decoded by its declared charset (UTF-8, GBK/GB2312/GB18030). */
import iconv from 'iconv-lite';
import type { Document } from '../document/types';
import { htmlToDocument } from './html-document';

export function decodeHtml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  const head = buffer.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return iconv.decode(buffer, declared === 'gb2312' || declared === 'gbk' ? 'gb18030' : declared);
  }
  const utf8 = buffer.toString('utf8');
  // No declaration and not valid UTF-8: Chinese pages of that kind are GB18030 (a superset of GBK).
  return !declared && utf8.includes('\uFFFD') ? iconv.decode(buffer, 'gb18030') : utf8;
}

export function readHtml(bytes: Uint8Array): Document {
  return htmlToDocument(decodeHtml(bytes), 'html');
}
