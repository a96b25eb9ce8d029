/** A web page's HTML → Document of the report it shows (page chrome left out). */
import type { Document, DocumentMessage } from '../document/types';
import { walkHtml } from './html-document';
import { findReportBody } from './report-body';

export function webPageToDocument(html: string, reader: string, messages: readonly DocumentMessage[] = []): Document {
  const body = findReportBody(walkHtml(html));
  return { blocks: body.blocks, reader, messages: [...messages, ...body.messages] };
}
