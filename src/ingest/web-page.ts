/** A web page's HTML → Document of the report it shows (page chrome left out). */
import type { Document, DocumentMessage } from '../document/types';
import { walkHtml } from './html-document';
import { findReportBody } from './report-body';
import { simplifyPage } from './traditional';

export function webPageToDocument(html: string, reader: string, messages: readonly DocumentMessage[] = []): Document {
  const page = simplifyPage(html);
  const body = findReportBody(walkHtml(page.html));
  return { blocks: body.blocks, reader, messages: [...messages, ...page.messages, ...body.messages] };
}
