/**
 * The direct DOCX reader: zip → parts → one streaming pass over word/document.xml → Document.
 * Styles and numbering are read only when the body first refers to them. A damaged styles or
 * numbering part costs formatting, not the file (a warning says so); a damaged body, a DTD
 * anywhere, or anything past the limits fails the file with an IngestError naming it.
 */
import type { Block, Document, DocumentMessage } from '../../document/types';
import { IngestError } from '../errors';
import { LIMITS } from '../limits';
import { altChunkBlocks } from './alt-chunk';
import { BodyWalker, type BodyResources } from './body';
import { NumberingCounter, NumberingSink } from './numbering';
import { findParts, type DocxParts } from './parts';
import { Styles } from './styles';
import { parseEntry } from './xml';
import { ZipArchive } from './zip';

export { ZipArchive } from './zip';
export { findParts } from './parts';

/** Runs `load`; a part that is not well-formed XML becomes a warning and no data. */
function optionalPart<T>(messages: DocumentMessage[], part: string, load: () => T): T | undefined {
  try {
    return load();
  } catch (err) {
    if (!(err instanceof IngestError) || err.code !== 'BAD_XML') throw err;
    messages.push({ type: 'warning', code: 'DOCX_PART', message: `${part} 已损坏，未使用其中的格式信息：${err.detail ?? ''}` });
    return undefined;
  }
}

/** Errors in embedded content that fail the whole file, as they would in the body itself. */
const FATAL_IN_CHUNK = new Set<string>(['TOO_LARGE', 'XML_DTD', 'ENCRYPTED']);

/**
 * What the body needs besides document.xml, each part read the first time it is asked for.
 * `embedded` is true for a DOCX inside an altChunk: one level of nesting is read, no more.
 */
function resources(zip: ZipArchive, parts: DocxParts, messages: DocumentMessage[], embedded: boolean): BodyResources {
  let styles: Styles | undefined;
  let stylesLoaded = false;
  let counter: NumberingCounter | undefined;
  let numberingLoaded = false;
  const res: BodyResources = {
    file: zip.file,
    styles() {
      if (!stylesLoaded && parts.styles) {
        const entry = parts.styles;
        styles = optionalPart(messages, entry.name, () => new Styles(zip.read(entry, LIMITS.maxPartBytes), entry.name, zip.file));
      }
      stylesLoaded = true;
      return styles;
    },
    numbering() {
      if (!numberingLoaded && parts.numbering) {
        const entry = parts.numbering;
        const defs = optionalPart(messages, entry.name, () => {
          const sink = new NumberingSink();
          parseEntry(zip, entry, LIMITS.maxPartBytes, sink);
          return sink.defs;
        });
        if (defs) counter = new NumberingCounter(defs, (id) => res.styles()?.props(id).numId);
      }
      numberingLoaded = true;
      return counter;
    },
    altChunk(id) {
      const target = parts.targets.get(id);
      const entry = target === undefined ? undefined : zip.find(target);
      if (!entry) {
        messages.push({ type: 'warning', code: 'DOCX_ALTCHUNK', message: `嵌入内容 ${id} 在文件中找不到，已略去` });
        return [];
      }
      const nested = embedded ? undefined : (bytes: Uint8Array) => readBody(new ZipArchive(bytes, zip.file), messages, true);
      try {
        return altChunkBlocks(zip.read(entry, LIMITS.maxEntryBytes), entry.name, zip.file, nested, messages);
      } catch (err) {
        // A damaged chunk costs only itself; limits and crafted XML still stop the file.
        if (!(err instanceof IngestError) || FATAL_IN_CHUNK.has(err.code)) throw err;
        messages.push({
          type: 'warning',
          code: 'DOCX_ALTCHUNK',
          message: `嵌入内容 ${entry.name} 已损坏，已略去：${err.detail ?? err.code}`,
        });
        return [];
      }
    },
  };
  return res;
}

function readBody(zip: ZipArchive, messages: DocumentMessage[], embedded: boolean): Block[] {
  const parts = findParts(zip);
  const walker = new BodyWalker(resources(zip, parts, messages, embedded));
  parseEntry(zip, parts.document, LIMITS.maxEntryBytes, walker);
  const body = walker.result();
  messages.push(...body.messages);
  return body.blocks;
}

export function readDocx(bytes: Uint8Array, file: string): Document {
  const messages: DocumentMessage[] = [];
  const blocks = readBody(new ZipArchive(bytes, file), messages, false);
  return { blocks, reader: 'docx', messages };
}
