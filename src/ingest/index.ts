/**
 * File bytes → Document. Decides the reader by the file's signature, and turns every failure into
 * an IngestError that names the file and says, in Chinese and English, what is wrong. Each kind
 * of file has its own module; this one only dispatches.
 */
import type { Document } from '../document/types';
import { readDocxPackage, type DocxReader } from './docx-package';
import { IngestError } from './errors';
import { readHtml } from './html-file';
import { readConverted, readOleFile } from './legacy';
import { LIMITS } from './limits';
import { readMht } from './mht';
import { readPdf } from './pdf';
import { sniff } from './sniff';
import { simplifyTraditional } from './traditional';

export type { DocxReader } from './docx-package';

export interface InputFile {
  /** Name shown in messages (file name, or the upload's name). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ReadOptions {
  readonly reader?: DocxReader;
}

/** The file's Document, in simplified characters when it was written in traditional ones. */
export async function readDocument(input: InputFile, options: ReadOptions = {}): Promise<Document> {
  return simplifyTraditional(await readByKind(input, options));
}

async function readByKind(input: InputFile, options: ReadOptions): Promise<Document> {
  if (input.bytes.length > LIMITS.maxFileBytes) throw new IngestError('TOO_LARGE', input.name, `${input.bytes.length} 字节`);
  switch (sniff(input.bytes, input.name)) {
    case 'empty':
      throw new IngestError('EMPTY_FILE', input.name);
    case 'zip':
      return readDocxPackage(input.bytes, input.name, options.reader);
    case 'html':
      return readHtml(input.bytes);
    case 'mht':
      return readMht(input.bytes, input.name);
    case 'ole':
      return readOleFile(input.bytes, input.name, options.reader);
    case 'rtf':
      return readConverted(input.bytes, input.name, 'rtf', options.reader);
    case 'wordml':
      return readConverted(input.bytes, input.name, 'wordml', options.reader);
    case 'text':
      throw new IngestError('TEXT_FILE', input.name);
    case 'pdf':
      return readPdf(input.bytes, input.name);
    default:
      throw new IngestError('UNSUPPORTED_TYPE', input.name);
  }
}
