/**
 * DOCX → HTML through mammoth, then the HTML reader. Kept as the reference reader
 * (`--reader mammoth`); images are not converted, they carry no report data.
 */
import mammoth from 'mammoth';
import type { Document, DocumentMessage } from '../document/types';
import { htmlToDocument } from './html-document';

export async function readDocxWithMammoth(buffer: Buffer): Promise<Document> {
  const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  const messages: DocumentMessage[] = result.messages
    .filter((m) => m.type === 'warning')
    .slice(0, 50)
    .map((m) => ({ type: 'warning', code: 'MAMMOTH', message: m.message }));
  return htmlToDocument(result.value, 'mammoth', messages);
}
