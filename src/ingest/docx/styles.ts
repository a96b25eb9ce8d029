/**
 * Paragraph and character styles, read only as far as a document uses them. styles.xml is often
 * 300 KB of latent and table styles, several times the cost of the whole body, while a report
 * refers to a handful of styles: the part is indexed by a byte search for its w:style elements
 * (not even decoded as a whole), and a style is parsed (with the XML parser, from its own
 * element) the first time it is asked for.
 * What a style gives: heading level (by name — Heading 1, 标题 1 — or outline level), bold,
 * hidden, and numbering (numId/ilvl), each inherited along w:basedOn.
 */
import { IngestError } from '../errors';
import { decodePart, intAttr, isOn, prefixMap, XmlStream, type Attributes, type XmlSink } from './xml';
import { startTagAttributes, XmlSyntaxError } from './xml-scanner';

export interface StyleProps {
  readonly headingLevel?: number;
  readonly bold?: boolean;
  readonly hidden?: boolean;
  /** numId "0" switches inherited numbering off. */
  readonly numId?: string;
  readonly ilvl?: number;
}

interface RawStyle {
  readonly id: string;
  name?: string;
  basedOn?: string;
  outlineLevel?: number;
  bold?: boolean;
  hidden?: boolean;
  numId?: string;
  ilvl?: number;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const MAX_CHAIN = 16;
/** Property-change records hold the formatting before a tracked change: not the current one. */
const SKIPPED = new Set(['w:rPrChange', 'w:pPrChange', 'w:tblStylePr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:numberingChange']);

function headingFromName(name: string | undefined): number | undefined {
  const m = name ? HEADING_NAME.exec(name.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** Reads one w:style element's properties. */
class StyleSink implements XmlSink {
  readonly style: RawStyle;
  private path: string[] = [];
  private skip = 0;

  constructor(id: string) {
    this.style = { id };
  }

  open(name: string, attrs: Attributes): void {
    if (this.skip || SKIPPED.has(name)) {
      this.skip++;
      return;
    }
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    const val = attrs.get('w:val');
    const s = this.style;
    if (parent === 'w:style') {
      if (name === 'w:name') s.name = val;
      else if (name === 'w:basedOn') s.basedOn = val;
    } else if (parent === 'w:pPr' && name === 'w:outlineLvl') s.outlineLevel = intAttr(val);
    else if (parent === 'w:numPr') {
      if (name === 'w:numId') s.numId = val;
      else if (name === 'w:ilvl') s.ilvl = intAttr(val);
    } else if (parent === 'w:rPr') {
      if (name === 'w:b') s.bold = isOn(val);
      else if (name === 'w:vanish') s.hidden = isOn(val);
    }
  }

  close(): void {
    if (this.skip) this.skip--;
    else this.path.pop();
  }

  text(): void {}
}

interface Span {
  readonly start: number;
  readonly end: number;
}

export class Styles {
  private readonly spans = new Map<string, Span | null>();
  private readonly raw = new Map<string, RawStyle | null>();
  private readonly resolved = new Map<string, StyleProps>();
  private readonly prefixes: Map<string, string> | undefined;
  /** The part as UTF-8 bytes: searched as bytes, only the styles asked for are decoded. */
  private readonly xml: Buffer;
  private readonly open: Buffer;
  private readonly close: Buffer;
  private readonly attr: string;
  private indexed = false;

  constructor(
    bytes: Uint8Array,
    private readonly part: string,
    private readonly file: string,
  ) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    this.xml = utf16 ? Buffer.from(decodePart(bytes), 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.xml.includes('<!DOCTYPE') || this.xml.includes('<!ENTITY'))
      throw new IngestError('XML_DTD', file, `${part} 含有 DTD/实体声明`);
    const head = this.xml.toString('utf8', 0, Math.min(this.xml.length, 16384));
    const root = /<([\w.-]+:)?styles\b[^>]*>/.exec(head);
    const declared = root ? rootPrefixes(root[0], part, file) : null;
    this.prefixes = declared ?? undefined;
    const prefix = declared ? ([...declared].find(([, c]) => c === 'w')?.[0] ?? 'w') : 'w';
    const p = prefix ? `${prefix}:` : '';
    this.open = Buffer.from(`<${p}style`);
    this.close = Buffer.from(`</${p}style>`);
    this.attr = `${p}styleId`;
  }

  /** Where the w:style element with this id is: found by its id attribute, as bytes. */
  private locate(id: string): Span | undefined {
    let span = this.spans.get(id);
    if (span !== undefined) return span ?? undefined;
    const needle = Buffer.from(`${this.attr}="${id.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`);
    const at = this.xml.indexOf(needle);
    const start = at > 0 && isSpace(this.xml[at - 1]) ? this.xml.lastIndexOf(this.open, at) : -1;
    span = start >= 0 && this.xml.indexOf(0x3e, start) > at ? this.extent(start) : null;
    if (!span && !this.indexed) {
      // Written some other way (single quotes, spaces around =, an entity): read every style tag.
      this.index();
      span = this.spans.get(id) ?? null;
    }
    this.spans.set(id, span);
    return span ?? undefined;
  }

  /** A w:style element's extent from its start; null if `start` is not a style tag. */
  private extent(start: number): Span | null {
    const xml = this.xml;
    const after = xml[start + this.open.length];
    const tagEnd = xml.indexOf(0x3e, start);
    // `<w:styles` and `<w:styleLink` share the prefix; a style tag continues with space, > or /.
    if (tagEnd < 0 || !(isSpace(after) || after === 0x3e || after === 0x2f)) return null;
    if (xml[tagEnd - 1] === 0x2f) return { start, end: tagEnd + 1 };
    const closeAt = xml.indexOf(this.close, tagEnd);
    return { start, end: closeAt < 0 ? xml.length : closeAt + this.close.length };
  }

  /** Every w:style element by id (first one wins), for ids the direct search missed. */
  private index(): void {
    this.indexed = true;
    const idAttr = new RegExp(`\\s${this.attr}\\s*=\\s*(["'])(.*?)\\1`);
    const decode = (text: string) =>
      text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    for (let at = this.xml.indexOf(this.open); at >= 0;) {
      const span = this.extent(at);
      if (!span) {
        at = this.xml.indexOf(this.open, at + 1);
        continue;
      }
      const tag = this.xml.toString('utf8', at, this.xml.indexOf(0x3e, at) + 1);
      const id = idAttr.exec(tag)?.[2];
      if (id !== undefined && !this.spans.get(decode(id))) this.spans.set(decode(id), span);
      at = this.xml.indexOf(this.open, span.end);
    }
  }

  private rawStyle(id: string): RawStyle | null {
    let style = this.raw.get(id);
    if (style !== undefined) return style;
    const span = this.locate(id);
    style = null;
    if (span) {
      const sink = new StyleSink(id);
      const stream = new XmlStream(sink, this.part, this.file, this.prefixes);
      try {
        stream.write(this.xml.toString('utf8', span.start, span.end));
        stream.close();
        style = sink.style;
      } catch (err) {
        // A damaged style only loses its formatting; the text of the document is unaffected.
        if (!(err instanceof IngestError) || err.code !== 'BAD_XML') throw err;
      }
    }
    this.raw.set(id, style);
    return style;
  }

  /** The style with everything it inherits along w:basedOn (cycles cut). */
  props(id: string): StyleProps {
    let props = this.resolved.get(id);
    if (props) return props;
    const chain: RawStyle[] = [];
    for (
      let s = this.rawStyle(id);
      s && chain.length < MAX_CHAIN && !chain.includes(s);
      s = s.basedOn ? this.rawStyle(s.basedOn) : null
    )
      chain.push(s);
    const first = <K extends keyof RawStyle>(key: K): RawStyle[K] | undefined => chain.find((s) => s[key] !== undefined)?.[key];
    const outline = first('outlineLevel');
    const numbered = chain.find((s) => s.numId !== undefined);
    const headingLevel =
      headingFromName(chain[0]?.name) ??
      (outline !== undefined && outline >= 0 && outline <= 8 ? outline + 1 : undefined) ??
      chain.map((s) => headingFromName(s.name)).find((l) => l !== undefined);
    props = {
      headingLevel,
      bold: first('bold'),
      hidden: first('hidden'),
      numId: numbered?.numId,
      ilvl: numbered?.ilvl,
    };
    this.resolved.set(id, props);
    return props;
  }
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** The prefixes the part's root element declares (prefixMap); damage in its attributes is a damaged part. */
function rootPrefixes(tag: string, part: string, file: string): Map<string, string> | null {
  try {
    const attrs = startTagAttributes(tag);
    return attrs ? prefixMap(attrs) : null;
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new IngestError('BAD_XML', file, `${part}: ${err.message}`);
    throw err;
  }
}
