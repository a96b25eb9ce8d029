/**
 * A DOCX package → Document. Checks that the zip holds a Word body, then reads it with the chosen
 * reader (mammoth for now; the direct OOXML reader becomes the default when it lands).
 */
import { unzipSync } from 'fflate';
import type { Document } from '../document/types';
import { readDocxWithMammoth } from './docx-mammoth';
import { asIngestError, IngestError } from './errors';

export type DocxReader = 'docx' | 'mammoth';

function checkDocxPackage(bytes: Uint8Array, name: string): void {
  let hasBody = false;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name === 'word/document.xml') hasBody = true;
        return false;
      },
    });
  } catch (err) {
    throw new IngestError('CORRUPT_ZIP', name, err instanceof Error ? err.message : undefined);
  }
  if (!hasBody) throw new IngestError('NOT_DOCX', name);
}

export async function readDocxPackage(bytes: Uint8Array, name: string, _reader: DocxReader = 'docx'): Promise<Document> {
  checkDocxPackage(bytes, name);
  try {
    return await readDocxWithMammoth(Buffer.from(bytes));
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/xml|parse|unclosed|unexpected/i.test(text)) throw new IngestError('BAD_XML', name, text.slice(0, 120));
    throw asIngestError(err, name);
  }
}
