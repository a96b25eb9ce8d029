/**
 * OLE compound files and other legacy formats. Legacy Word (.doc), Kingsoft WPS (.wps — the Word
 * binary format underneath), Works, an encrypted DOCX and Excel/PowerPoint files all start with
 * the same OLE signature; their streams tell them apart. Word and WPS documents (and RTF) are
 * converted to DOCX with LibreOffice when it is installed and then read like any DOCX; the rest
 * get a message that says what the file is and what to do.
 */
import type { Document } from '../document/types';
import { CfbError, readCompoundFile, type CompoundFile } from './cfb';
import { readDocxPackage, type DocxReader } from './docx-package';
import { IngestError } from './errors';
import { convertToDocx, type ConvertOptions } from './soffice';

export type OleKind = 'doc' | 'encrypted-doc' | 'encrypted-docx' | 'works' | 'not-word';

/** Word's FIB: magic 0xA5EC, and fEncrypted (bit 8 of the flags at offset 0x0A). */
const FIB_MAGIC = 0xa5ec;
const FIB_ENCRYPTED = 0x0100;

function wordKind(cfb: CompoundFile): OleKind {
  const fib = cfb.head('WordDocument', 32);
  if (fib && fib.length >= 12 && fib.readUInt16LE(0) === FIB_MAGIC && fib.readUInt16LE(0x0a) & FIB_ENCRYPTED)
    return 'encrypted-doc';
  return 'doc';
}

/** What an OLE compound file holds, by its stream names. */
export function oleKind(bytes: Uint8Array, name: string): OleKind {
  let cfb: CompoundFile;
  try {
    cfb = readCompoundFile(bytes);
  } catch (err) {
    throw new IngestError('CORRUPT_OLE', name, err instanceof CfbError ? err.message : undefined);
  }
  const streams = new Set(cfb.streams);
  if (streams.has('EncryptedPackage')) return 'encrypted-docx';
  if (streams.has('WordDocument')) return wordKind(cfb);
  // Microsoft Works word processor files (also .wps) keep their text in CONTENTS.
  if (streams.has('CONTENTS') || streams.has('MatOST')) return 'works';
  return 'not-word';
}

export type LegacyFormat = 'doc' | 'wps' | 'rtf' | 'wordml';

/** The extension LibreOffice's type detection expects for each format. */
const EXTENSION: Record<LegacyFormat, string> = { doc: 'doc', wps: 'wps', rtf: 'rtf', wordml: 'xml' };

/** Converts with LibreOffice and reads the DOCX; `from` names the source format in `reader`. */
export async function readConverted(
  bytes: Uint8Array,
  name: string,
  from: LegacyFormat,
  reader?: DocxReader,
  options: ConvertOptions = {},
): Promise<Document> {
  const result = await convertToDocx(bytes, EXTENSION[from], options);
  if (!result.ok) {
    if (result.reason === 'missing') throw new IngestError('DOC_NEEDS_LIBREOFFICE', name);
    if (result.reason === 'timeout') throw new IngestError('CONVERT_TIMEOUT', name, result.detail);
    throw new IngestError('LEGACY_CONVERT_FAILED', name, result.detail);
  }
  const doc = await readDocxPackage(result.docx, name, reader);
  // A Kingsoft .wps is read as Word binary; the reader still names what the user gave.
  const source = from === 'doc' && /\.wps$/i.test(name) ? 'wps' : from;
  return {
    ...doc,
    reader: `${source}→${doc.reader}`,
    messages: [
      {
        type: 'info',
        code: 'CONVERTED',
        message: `已用 LibreOffice 将 ${source === 'wordml' ? 'Word 2003 XML' : source.toUpperCase()} 文件转换为 DOCX 后读取（${(result.ms / 1000).toFixed(1)} 秒）`,
      },
      ...doc.messages,
    ],
  };
}

export async function readOleFile(
  bytes: Uint8Array,
  name: string,
  reader?: DocxReader,
  options: ConvertOptions = {},
): Promise<Document> {
  switch (oleKind(bytes, name)) {
    case 'encrypted-docx':
      throw new IngestError('ENCRYPTED_DOCX', name);
    case 'encrypted-doc':
      throw new IngestError('ENCRYPTED_DOC', name);
    case 'not-word':
      throw new IngestError('OLE_NOT_WORD', name);
    // Kingsoft .wps is the Word binary format: LibreOffice reads it as .doc.
    case 'doc':
      return readConverted(bytes, name, 'doc', reader, options);
    case 'works':
      return readConverted(bytes, name, 'wps', reader, options);
  }
}
