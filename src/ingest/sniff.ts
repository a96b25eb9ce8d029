/** What kind of file the bytes are, by their signature first and the file name second. */

export type FileKind = 'zip' | 'ole' | 'pdf' | 'html' | 'mht' | 'rtf' | 'empty' | 'unknown';

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export function sniff(bytes: Uint8Array, name: string): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return 'rtf';
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'mht' || ext === 'mhtml' || /^(mime-version|content-type:\s*multipart\/related)/m.test(head)) return 'mht';
  if (ext === 'html' || ext === 'htm' || /^<(!doctype html|html|head|body|meta|table|div|p)[\s>]/.test(head)) return 'html';
  return 'unknown';
}
