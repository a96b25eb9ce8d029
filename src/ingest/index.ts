/**
 * File bytes → Document. Decides the reader by the file's signature, and turns every failure into
 * an IngestError that names the file and says, in Chinese and English, what is wrong.
 */
import { unzipSync } from 'fflate';
import type { Document } from '../document/types';
import { readDocxWithMammoth } from './docx-mammoth';
import { asIngestError, IngestError } from './errors';
import { readHtml } from './html-file';
import { LIMITS } from './limits';
import { sniff } from './sniff';

export interface InputFile {
  /** Name shown in messages (file name, or the upload's name). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type DocxReader = 'docx' | 'mammoth';

export interface ReadOptions {
  readonly reader?: DocxReader;
}

function checkDocxPackage(input: InputFile): void {
  let hasBody = false;
  try {
    unzipSync(input.bytes, {
      filter: (entry) => {
        if (entry.name === 'word/document.xml') hasBody = true;
        return false;
      },
    });
  } catch (err) {
    throw new IngestError('CORRUPT_ZIP', input.name, err instanceof Error ? err.message : undefined);
  }
  if (!hasBody) throw new IngestError('NOT_DOCX', input.name);
}

async function readDocx(input: InputFile, _options: ReadOptions): Promise<Document> {
  checkDocxPackage(input);
  try {
    return await readDocxWithMammoth(Buffer.from(input.bytes));
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/xml|parse|unclosed|unexpected/i.test(text)) throw new IngestError('BAD_XML', input.name, text.slice(0, 120));
    throw asIngestError(err, input.name);
  }
}

export async function readDocument(input: InputFile, options: ReadOptions = {}): Promise<Document> {
  if (input.bytes.length > LIMITS.maxFileBytes) throw new IngestError('TOO_LARGE', input.name, `${input.bytes.length} 字节`);
  switch (sniff(input.bytes, input.name)) {
    case 'empty': throw new IngestError('EMPTY_FILE', input.name);
    case 'zip': return readDocx(input, options);
    case 'html': return readHtml(input.bytes);
    case 'ole': throw new IngestError('OLE_DOC', input.name);
    case 'pdf': throw new IngestError('PDF', input.name);
    default: throw new IngestError('UNSUPPORTED_TYPE', input.name);
  }
}
