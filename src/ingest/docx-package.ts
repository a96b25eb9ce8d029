/**
 * A DOCX package → Document, with the chosen reader: the direct OOXML reader (default, see
 * ingest/docx/) or mammoth (`--reader mammoth`, kept as the reference). Both see the same checks
 * of the package first, so a broken file fails with the same error whichever reader is chosen.
 */
import type { Document } from '../document/types';
import { readDocx, findParts, ZipArchive } from './docx';
import { asIngestError, IngestError } from './errors';

export type DocxReader = 'docx' | 'mammoth';

async function readWithMammoth(bytes: Uint8Array, name: string): Promise<Document> {
  findParts(new ZipArchive(bytes, name));
  // Loaded on first use: mammoth (and cheerio behind it) cost a third of a second of start-up, and only
  // `--reader mammoth` needs them.
  const { readDocxWithMammoth } = await import('./docx-mammoth');
  try {
    return await readDocxWithMammoth(Buffer.from(bytes));
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/xml|parse|unclosed|unexpected/i.test(text)) throw new IngestError('BAD_XML', name, text.slice(0, 120));
    throw asIngestError(err, name);
  }
}

export async function readDocxPackage(bytes: Uint8Array, name: string, reader: DocxReader = 'docx'): Promise<Document> {
  if (reader === 'mammoth') return readWithMammoth(bytes, name);
  try {
    return readDocx(bytes, name);
  } catch (err) {
    throw asIngestError(err, name);
  }
}
