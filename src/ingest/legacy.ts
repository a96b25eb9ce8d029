/**
 * OLE compound files: legacy Word (.doc), WPS (.wps) and encrypted DOCX all start with the same
 * signature. For now a clear message; conversion through LibreOffice lands with the legacy issue.
 */
import type { Document } from '../document/types';
import { IngestError } from './errors';

export async function readOleFile(_bytes: Uint8Array, name: string): Promise<Document> {
  throw new IngestError('OLE_DOC', name);
}
