/**
 * PDF → Document, from the text layer and the drawn table lines (pdfjs-dist, its legacy build for
 * Node). Nothing is fetched: character maps and standard fonts come from the package; scripts in
 * the file are never evaluated. Runs in the caller's thread, so the worker pool's per-file time and
 * memory budget bound it. The text layer is checked first (cheap): a scan or unmapped text is
 * refused before any drawing operations are decoded.
 */
import * as path from 'node:path';
import type { Document, DocumentMessage } from '../../document/types';
import { IngestError } from '../errors';
import { LIMITS } from '../limits';
import { assemble } from './assemble';
import { pageSegments } from './geometry';
import { isBoldFont, itemGlyphs, type Glyph } from './glyphs';
import { pageElements, type PageElement } from './page';
import { pdfjs, type PdfjsModule, type PdfDocumentProxy, type PdfPageProxy, type PdfTextItem } from './pdfjs';
import { pageGrids } from './ruling';
import { dropFurniture, type PageBox } from './running';
import { checkTextLayer, countText } from './text-layer';

interface PageText {
  readonly page: PdfPageProxy;
  readonly items: readonly PdfTextItem[];
}

async function open(bytes: Uint8Array, name: string): Promise<{ doc: PdfDocumentProxy; destroy: () => Promise<void> }> {
  const { pdfjs: lib, root } = await pdfjs();
  const task = lib.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: Uint8Array.from(bytes),
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    // Images are never looked at: do not decode them.
    maxImageSize: 0,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return { doc: await task.promise, destroy: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    if ((err as Error)?.name === 'PasswordException') throw new IngestError('PDF_ENCRYPTED', name);
    throw new IngestError('PDF', name, (err as Error)?.message?.slice(0, 200));
  }
}

function textItems(items: readonly unknown[]): PdfTextItem[] {
  return items.filter(
    (i): i is PdfTextItem => typeof (i as PdfTextItem).str === 'string' && Array.isArray((i as PdfTextItem).transform),
  );
}

function fontName(page: PdfPageProxy, id: string): string | undefined {
  if (!page.commonObjs.has(id)) return undefined;
  const font = page.commonObjs.get(id) as { name?: unknown } | null;
  return typeof font?.name === 'string' ? font.name : undefined;
}

async function pageContent(lib: PdfjsModule, text: PageText, n: number): Promise<PageElement[]> {
  const ops = await text.page.getOperatorList();
  const bold = new Map<string, boolean>();
  const glyphs: Glyph[] = text.items.flatMap((item) => {
    if (!bold.has(item.fontName)) bold.set(item.fontName, isBoldFont(fontName(text.page, item.fontName)));
    return itemGlyphs(item, bold.get(item.fontName)!);
  });
  return pageElements(glyphs, pageGrids(pageSegments(lib.OPS, ops)), n);
}

export async function readPdf(bytes: Uint8Array, name: string): Promise<Document> {
  // A file with no object at all is damaged whatever pdfjs would say: say so before loading it (~1 s).
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(' obj') < 0)
    throw new IngestError('PDF', name, '没有任何 PDF 对象');
  const { pdfjs: lib } = await pdfjs();
  const { doc, destroy } = await open(bytes, name);
  try {
    if (doc.numPages === 0) throw new IngestError('PDF', name, '没有页面');
    if (doc.numPages > LIMITS.maxPdfPages)
      throw new IngestError('PDF_TOO_MANY_PAGES', name, `${doc.numPages} 页，上限 ${LIMITS.maxPdfPages} 页`);
    const texts: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      texts.push({ page, items: textItems((await page.getTextContent()).items) });
    }
    const counts = texts.map((t) => countText(t.items.map((i) => i.str)));
    checkTextLayer(
      { visible: counts.reduce((s, c) => s + c.visible, 0), bad: counts.reduce((s, c) => s + c.bad, 0) },
      doc.numPages,
      name,
    );
    const elements: PageElement[] = [];
    for (let n = 1; n <= texts.length; n++) elements.push(...(await pageContent(lib, texts[n - 1], n)));
    const boxes: PageBox[] = texts.map((t) => ({
      bottom: Math.min(t.page.view[1], t.page.view[3]),
      top: Math.max(t.page.view[1], t.page.view[3]),
    }));
    const messages: DocumentMessage[] = counts.flatMap((c, i) =>
      c.visible === 0
        ? [
            {
              type: 'warning' as const,
              code: 'PDF_PAGE_WITHOUT_TEXT' as const,
              message: `第 ${i + 1} 页没有文字层（可能是扫描图片），其内容未能读取`,
            },
          ]
        : [],
    );
    return { blocks: assemble(dropFurniture(elements, boxes)), reader: 'pdf', messages };
  } catch (err) {
    // pdfjs failing on a page (a broken stream, a bad object) means a damaged PDF, said as such.
    if (err instanceof IngestError) throw err;
    throw new IngestError('PDF', name, (err as Error)?.message?.slice(0, 200));
  } finally {
    await destroy().catch(() => undefined);
  }
}
