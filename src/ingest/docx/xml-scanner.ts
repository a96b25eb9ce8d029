/**
 * A streaming XML scanner for the parts of a DOCX. Text, end tags, comments and processing
 * instructions are found with indexOf, start tags with one sticky regular expression, so the
 * scanning runs in V8's compiled string and regular-expression code from the first file on. A
 * character-by-character parser (saxes, used before) runs slowly until the JIT has compiled it,
 * which is most of a single file's reading time.
 *
 * It checks what a reader relies on: names are XML names, tags nest and match, one root element,
 * no text outside it (nor ]]> in it), only the five predefined entities and character references
 * to XML characters, attribute values quoted, comments without --, instructions with a target.
 * A DTD is refused outright (see XmlStream). Line ends and attribute values are normalised as
 * XML requires. Attributes are parsed when one of the element
 * is first asked for (most never are); only then are their references and uniqueness checked.
 */

/**
 * An element's attributes. The scanner parses them only when one is asked for: most elements'
 * attributes (rsids, fonts, sizes, borders) are never read.
 */
export interface Attributes {
  get(name: string): string | undefined;
  /** Every attribute, in document order. */
  entries(): (readonly [string, string])[];
}

/** Attributes already parsed (or built). */
export class AttributeMap implements Attributes {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  entries(): (readonly [string, string])[] {
    return [...this.values];
  }
}

export interface ScanSink {
  open(name: string, attrs: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

/** Not well-formed XML; the message says what and where (characters from the part's start). */
export class XmlSyntaxError extends Error {}

/** A `<!DOCTYPE`: the caller refuses it before anything of it is read. */
export class XmlDoctype extends Error {}

// XML names (ASCII and any letter beyond Latin-1's symbols), with at most one prefix.
const N = '[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*';
const NAME = `${N}(?::${N})?`;
/** XML's white space (not JavaScript's \s, which takes in U+3000 and the like). */
const S = '[ \\t\\r\\n]';
/** A start tag at the current position: 1 name, 2 attributes, 3 "/" when it closes itself. */
const START_TAG = new RegExp(`<(${NAME})((?:${S}+${NAME}${S}*=${S}*(?:"[^"<]*"|'[^'<]*'))*)${S}*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`${S}*(${NAME})${S}*=${S}*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
const INSTRUCTION = new RegExp(`^<\\?${NAME}(?:${S}[\\s\\S]*)?\\?>$`);
const NOT_XML_SPACE = /[^ \t\r\n]/;
const REFERENCE = /&(#?[0-9A-Za-z]{1,10});|&/g;
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const NO_ATTRIBUTES: Attributes = new AttributeMap(new Map());
/** Text without markup longer than this goes to the sink in pieces rather than being held. */
const TEXT_PIECE = 1 << 16;
/** A token still unfinished after this many characters is not a token of a real part. */
const MAX_PENDING = 1 << 20;
const DECLARATIONS = ['<!--', '<![CDATA[', '<!DOCTYPE'];
const LT = 0x3c;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

/**
 * Where a long run of text may be cut before its end is known: not inside a reference that may be
 * unfinished, between CR and LF, or inside ]]>.
 */
function textCut(text: string, from: number): number {
  let cut = text.length;
  const amp = text.lastIndexOf('&');
  if (amp >= from && cut - amp <= 12) cut = amp;
  while (cut > from && (text[cut - 1] === '\r' || text[cut - 1] === ']')) cut--;
  return cut;
}

/** Where the markup ending in `close` that starts at `at` ends, or -1 when the text stops first. */
function endOf(text: string, at: number, close: string): number {
  const i = text.indexOf(close, at);
  return i < 0 ? -1 : i + close.length;
}

export class XmlScanner {
  /** Text not yet scanned: the start of a token cut by the end of the last chunk. */
  private pending = '';
  /** Characters of the part scanned before `pending`, for error positions. */
  private offset = 0;
  private readonly open: string[] = [];
  private rootSeen = false;

  constructor(private readonly sink: ScanSink) {}

  /** Scans the next piece of the part; a token cut at its end waits for the next piece. */
  write(chunk: string): void {
    this.scan(this.pending ? this.pending + chunk : chunk, false);
  }

  /** Scans what is left and checks that the document is complete. */
  close(): void {
    this.scan(this.pending, true);
    if (this.open.length) this.fail(`unclosed element <${this.open[this.open.length - 1]}>`, 0);
    if (!this.rootSeen) this.fail('no root element', 0);
  }

  private scan(text: string, final: boolean): void {
    let at = 0;
    while (at < text.length) {
      const end = text.charCodeAt(at) === LT ? this.markup(text, at, final) : this.textUpTo(text, at, final);
      if (end < 0) break; // cut by the chunk's end: wait for the next
      at = end;
    }
    this.pending = text.slice(at);
    this.offset += at;
    if (!this.pending) return;
    if (final) this.malformed(this.pending, 0);
    if (this.pending.length > MAX_PENDING) this.fail('markup not closed within 1 MiB', 0);
  }

  /** Character data up to the next `<`; returns where it ends, or -1 if it may go on. */
  private textUpTo(text: string, at: number, final: boolean): number {
    let end = text.indexOf('<', at);
    if (end < 0) {
      end = final ? text.length : text.length - at > TEXT_PIECE ? textCut(text, at) : -1;
      if (end <= at) return -1;
    }
    this.characters(text.slice(at, end), at);
    return end;
  }

  /** The markup starting with `<` at `at`; returns where it ends, or -1 if the text stops first. */
  private markup(text: string, at: number, final: boolean): number {
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      const end = text.indexOf('>', at + 2);
      if (end >= 0) this.endTag(text.slice(at + 2, end).trimEnd(), at);
      return end < 0 ? -1 : end + 1;
    }
    if (next === BANG) return this.declaration(text, at);
    if (next === QUESTION) return this.instruction(text, at);
    START_TAG.lastIndex = at;
    const m = START_TAG.exec(text);
    if (m) {
      // The sink may scan another part (a w:altChunk) with the same expressions: nothing of
      // theirs is read after it is called.
      this.startTag(m[1], m[2], at);
      if (m[3]) this.endTag(m[1], at);
      return at + m[0].length;
    }
    // Not a start tag: one cut by the chunk's end waits for the rest; anything else is an error.
    const cut = !final && (at + 1 === text.length || NAME_START.test(text[at + 1]));
    return cut ? -1 : this.malformed(text, at);
  }

  /** `<?target …?>` (the XML declaration among them): skipped, its target a name. */
  private instruction(text: string, at: number): number {
    const end = endOf(text, at + 2, '?>');
    if (end >= 0 && !INSTRUCTION.test(text.slice(at, end))) this.malformed(text, at);
    return end;
  }

  /** `<!--…-->`: skipped; `--` may not stand inside. */
  private comment(text: string, at: number): number {
    const end = endOf(text, at + 4, '-->');
    if (end >= 0 && (text.slice(at + 4, end - 3).includes('--') || text[end - 4] === '-')) this.malformed(text, at);
    return end;
  }

  private malformed(text: string, at: number): never {
    return this.fail(`malformed markup ${JSON.stringify(text.slice(at, at + 30))}`, at);
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; a `<!DOCTYPE` is refused. */
  private declaration(text: string, at: number): number {
    const head = text.slice(at, at + 9);
    if (head.startsWith('<!--')) return this.comment(text, at);
    if (head === '<![CDATA[') {
      const end = text.indexOf(']]>', at + 9);
      if (end < 0) return -1;
      if (!this.open.length) this.fail('CDATA outside the root element', at);
      this.sink.text(lineEnds(text.slice(at + 9, end)));
      return end + 3;
    }
    if (head === '<!DOCTYPE') throw new XmlDoctype();
    if (head.length < 9 && DECLARATIONS.some((d) => d.startsWith(head))) return -1; // cut short
    return this.malformed(text, at);
  }

  private startTag(name: string, rawAttributes: string, at: number): void {
    if (!this.open.length) {
      if (this.rootSeen) this.fail(`a second root element <${name}>`, at);
      this.rootSeen = true;
    }
    this.open.push(name);
    this.sink.open(name, rawAttributes ? new TagAttributes(rawAttributes, (message) => this.fail(message, at)) : NO_ATTRIBUTES);
  }

  /** Closes the innermost element, which must be `name`; a self-closing tag closes at once. */
  private endTag(name: string, at: number): void {
    const top = this.open.pop();
    if (top !== name) {
      this.fail(top === undefined ? `end tag </${name}> with no element open` : `end tag </${name}> closes <${top}>`, at);
    }
    this.sink.close(name);
  }

  private characters(raw: string, at: number): void {
    if (!this.open.length) {
      if (NOT_XML_SPACE.test(raw)) this.fail(this.rootSeen ? 'text after the root element' : 'text before the root element', at);
      return;
    }
    if (raw.includes(']]>')) this.fail(']]> in text', at);
    const lines = lineEnds(raw);
    this.sink.text(lines.includes('&') ? references(lines, (message) => this.fail(message, at)) : lines);
  }

  private fail(message: string, at: number): never {
    throw new XmlSyntaxError(`${message} (character ${this.offset + at})`);
  }
}

type Fail = (message: string) => never;

/**
 * The attributes of one start tag given whole (a part's root, `<w:styles xmlns:w="…">`, found
 * without scanning the part); undefined when the text is not a start tag. Damage in them throws
 * an XmlSyntaxError when they are read.
 */
export function startTagAttributes(tag: string): Attributes | undefined {
  START_TAG.lastIndex = 0;
  const m = START_TAG.exec(tag);
  if (!m) return undefined;
  const fail: Fail = (message) => {
    throw new XmlSyntaxError(message);
  };
  return m[2] ? new TagAttributes(m[2], fail) : NO_ATTRIBUTES;
}

/** CR LF and a lone CR are LF, as an XML processor sees them. */
function lineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The attributes of a start tag, parsed (and checked) when the first is asked for. */
class TagAttributes implements Attributes {
  private parsed: Map<string, string> | undefined;

  constructor(
    private readonly raw: string,
    private readonly fail: Fail,
  ) {}

  get(name: string): string | undefined {
    return (this.parsed ??= parseAttributes(this.raw, this.fail)).get(name);
  }

  entries(): (readonly [string, string])[] {
    return [...(this.parsed ??= parseAttributes(this.raw, this.fail))];
  }
}

function parseAttributes(raw: string, fail: Fail): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  while (ATTRIBUTE.lastIndex < raw.length) {
    const m = ATTRIBUTE.exec(raw);
    if (!m) break; // only trailing white space is left: START_TAG matched the whole list
    if (out.has(m[1])) fail(`attribute ${m[1]} given twice`);
    out.set(m[1], attributeValue(m[2] ?? m[3], fail));
  }
  return out;
}

function attributeValue(raw: string, fail: Fail): string {
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n?|[\n\t]/g, ' ') : raw;
  return spaced.includes('&') ? references(spaced, fail) : spaced;
}

/** Replaces entity and character references; anything else after `&` is an error. */
function references(text: string, fail: Fail): string {
  return text.replace(REFERENCE, (whole: string, body: string | undefined) => {
    if (body === undefined) return fail('a bare & (write &amp;)');
    if (body[0] !== '#') return PREDEFINED.get(body) ?? fail(`undefined entity &${body};`);
    const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (!isXmlChar(code)) fail(`character reference ${whole} is not an XML character`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
