/** A web page's HTML → Document of the report it shows (page chrome left out). */
import type { Document, DocumentMessage } from '../document/types';
import { walkHtml, type WalkedPage } from './html-document';
import { findReportBody } from './report-body';
import { simplifyPage } from './traditional';

export function webPageToDocument(html: string, reader: string, messages: readonly DocumentMessage[] = []): Document {
  const page = simplifyPage(html);
  const walked = walkHtml(page.html);
  const body = findReportBody(walked);
  return { blocks: body.blocks, reader, messages: [...messages, ...page.messages, ...body.messages, ...attachmentNote(walked)] };
}

/** What the page offers for download (the report as PDF or Word, its attachments), named. */
function attachmentNote(page: WalkedPage): DocumentMessage[] {
  if (!page.attachments.length) return [];
  const names =
    page.attachments.slice(0, 5).join('、') + (page.attachments.length > 5 ? ` 等 ${page.attachments.length} 个` : '');
  return [{ type: 'info', code: 'WEB_PAGE_ATTACHMENT', message: `网页附有可下载的文件：${names}`, files: page.attachments }];
}
