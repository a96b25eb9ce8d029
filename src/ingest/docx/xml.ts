/**
 * Streaming XML for the parts of a DOCX: the scanner (xml-scanner.ts) fed with the inflated bytes
 * as they come, so a part is never held as a tree. A DTD (and so any entity declaration: billion
 * laughs, external entities) is refused outright; the scanner knows only the five predefined
 * entities, so nothing can expand. Element and attribute names reach the handlers with the usual
 * prefixes (w:, mc:, v:, wps:) whatever prefixes the file declared on its root element.
 */
import { StringDecoder } from 'node:string_decoder';
import { IngestError } from '../errors';
import { AttributeMap, XmlDoctype, XmlScanner, type Attributes } from './xml-scanner';
import type { ZipArchive, ZipEntry } from './zip';

export type { Attributes };

export interface XmlSink {
  open(name: string, attrs: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

/** Namespace URI → the prefix the readers use. Strict OOXML has its own URIs for the same things. */
const CANONICAL_PREFIX: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
};

/**
 * Prefix → usual prefix, when the root declared unusual ones (or made WordprocessingML the
 * default namespace, key ''); null when the usual ones are used, so that names pass unchanged.
 */
export function prefixMap(rootAttrs: Attributes): Map<string, string> | null {
  const map = new Map<string, string>();
  let unusual = false;
  for (const [key, uri] of rootAttrs.entries()) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    const canonical = CANONICAL_PREFIX[uri];
    if (!canonical) continue;
    const prefix = key.slice(6);
    map.set(prefix, canonical);
    if (prefix !== canonical) unusual = true;
  }
  return unusual ? map : null;
}

/** Unprefixed attributes are in no namespace, so only element names take the default prefix. */
function renamer(map: Map<string, string>, elements: boolean): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let out = cache.get(name);
    if (out === undefined) {
      const colon = name.indexOf(':');
      if (colon > 0) {
        const canonical = map.get(name.slice(0, colon));
        out = canonical ? `${canonical}${name.slice(colon)}` : name;
      } else {
        const canonical = elements ? map.get('') : undefined;
        out = canonical ? `${canonical}:${name}` : name;
      }
      cache.set(name, out);
    }
    return out;
  };
}

interface Renamers {
  readonly element: (name: string) => string;
  readonly attribute: (name: string) => string;
}

function renamers(map: Map<string, string> | null | undefined): Renamers | null {
  return map ? { element: renamer(map, true), attribute: renamer(map, false) } : null;
}

function renameAttributes(attrs: Attributes, rename: (name: string) => string): Attributes {
  return new AttributeMap(new Map(attrs.entries().map(([key, value]) => [rename(key), value])));
}

/** The scanner wired to a sink, refusing DTDs; errors become IngestErrors naming the file. */
export class XmlStream {
  private readonly scanner: XmlScanner;
  private decoder: { write(chunk: Uint8Array): string; end(): string } | undefined;

  /**
   * `prefixes` (prefix → usual prefix) is for a fragment cut out of a part, whose root does not
   * carry the declarations; otherwise they are read from the root element.
   */
  constructor(
    sink: XmlSink,
    private readonly part: string,
    private readonly file: string,
    prefixes?: Map<string, string>,
  ) {
    let rename: Renamers | null | undefined = prefixes && renamers(prefixes);
    this.scanner = new XmlScanner({
      open(name, attrs) {
        if (rename === undefined) rename = renamers(prefixMap(attrs));
        if (rename) sink.open(rename.element(name), renameAttributes(attrs, rename.attribute));
        else sink.open(name, attrs);
      },
      close: (name) => sink.close(rename ? rename.element(name) : name),
      text: (text) => sink.text(text),
    });
  }

  /** Feeds bytes; the first chunk decides UTF-8 or UTF-16 by its byte-order mark. */
  writeBytes(chunk: Uint8Array): void {
    this.decoder ??= chunkDecoder(chunk);
    this.write(this.decoder.write(chunk));
  }

  write(text: string): void {
    try {
      this.scanner.write(text);
    } catch (err) {
      throw this.failure(err);
    }
  }

  close(): void {
    try {
      if (this.decoder) this.scanner.write(this.decoder.end());
      this.scanner.close();
    } catch (err) {
      throw this.failure(err);
    }
  }

  private failure(err: unknown): IngestError {
    if (err instanceof IngestError) return err;
    if (err instanceof XmlDoctype) return new IngestError('XML_DTD', this.file, `${this.part} 含有 <!DOCTYPE>`);
    const message = err instanceof Error ? err.message : String(err);
    return new IngestError('BAD_XML', this.file, `${this.part}: ${message.slice(0, 120)}`);
  }
}

/**
 * A decoder for a part arriving in pieces, a character split between pieces kept for the next.
 * StringDecoder rather than TextDecoder: Node's TextDecoder takes a slow path when streaming.
 */
function chunkDecoder(head: Uint8Array): { write(chunk: Uint8Array): string; end(): string } {
  const encoding = encodingOf(head);
  if (encoding === 'utf-16be') {
    const text = new TextDecoder(encoding);
    return { write: (chunk) => text.decode(chunk, { stream: true }), end: () => text.decode() };
  }
  const decoder = new StringDecoder(encoding === 'utf-16le' ? 'utf16le' : 'utf8');
  let first = true;
  return {
    write(chunk) {
      const text = decoder.write(chunk as Buffer);
      if (!first) return text;
      first = false;
      // StringDecoder keeps a byte-order mark; XML does not want it.
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    },
    end: () => decoder.end(),
  };
}

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Streams one zip entry through the parser into the sink. */
export function parseEntry(zip: ZipArchive, entry: ZipEntry, maxBytes: number, sink: XmlSink): void {
  const stream = new XmlStream(sink, entry.name, zip.file);
  zip.inflate(entry, maxBytes, (chunk) => stream.writeBytes(chunk));
  stream.close();
}

/** Decodes a whole small part to text (UTF-8 or UTF-16 by its byte-order mark). */
export function decodePart(bytes: Uint8Array): string {
  return new TextDecoder(encodingOf(bytes)).decode(bytes);
}

/** `w:val="true|1|on"` or no w:val at all: a toggle property is on unless it says false/0/off. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !(value === 'false' || value === '0' || value === 'off');
}

/** A decimal attribute value, or undefined when absent or not a number. */
export function intAttr(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
