/**
 * The DOCX reader's XML scanner (ingest/docx/xml-scanner.ts). It replaced saxes, so saxes (still a
 * dev dependency, for the benchmark's floor) is the reference: on well-formed parts, cut into
 * chunks anywhere, the scanner reports the same elements, attributes and text — written parts and
 * random ones (fast-check). What saxes refuses as not well-formed, the scanner refuses too; a
 * damaged random part is refused or read as saxes reads it. A DTD is never read.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { XmlDoctype, XmlScanner, XmlSyntaxError } from '../src/ingest/docx/xml-scanner';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Adjacent text events joined: where a chunk ends must not change what is read. */
function pushText(events: Event[], text: string): void {
  const last = events[events.length - 1];
  if (last?.[0] === 'text') last[1] += text;
  else events.push(['text', text]);
}

function scan(chunks: readonly string[]): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner({
    open: (name, attrs) => events.push(['open', name, Object.fromEntries(attrs.entries())]),
    close: (name) => events.push(['close', name]),
    text: (text) => pushText(events, text),
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return events;
}

function saxes(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => events.push(['open', tag.name, { ...(tag.attributes as Record<string, string>) }]));
  parser.on('closetag', (tag) => events.push(['close', tag.name]));
  parser.on('text', (text) => {
    // saxes reports white space outside the root element; the scanner, like the reader, drops it.
    if (events.length && !(events[events.length - 1][0] === 'close' && depth(events) === 0)) pushText(events, text);
  });
  parser.on('cdata', (text) => pushText(events, text));
  parser.write(xml).close();
  return events;
}

function depth(events: readonly Event[]): number {
  let d = 0;
  for (const e of events) d += e[0] === 'open' ? 1 : e[0] === 'close' ? -1 : 0;
  return d;
}

function error(chunks: readonly string[]): Error {
  try {
    scan(chunks);
  } catch (err) {
    if (err instanceof Error) return err;
  }
  throw new Error(`expected ${JSON.stringify(chunks.join(''))} to be refused`);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const WELL_FORMED: readonly string[] = [
  // A paragraph as Word writes it.
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve"> 收到申请 12 件 </w:t></w:r></w:p></w:body></w:document>`,
  // Entities and character references in text and attributes; single quotes; white space in tags.
  `<w:document ${W}><w:p w:rsidR='00A1' ><w:t>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#20013;&#x6587; &#x1F600;</w:t><w:x a="1 &amp; 2" b = '&lt;' /></w:p></w:document>`,
  // Comments, processing instructions and CDATA inside; line ends to normalise.
  `<w:document ${W}><!-- a comment with <w:p> in it --><?mso-application progid="Word.Document"?><w:t>a\r\nb\rc</w:t><w:t><![CDATA[<not a tag> & no entity]]></w:t><w:v a="x\r\ny\tz"/></w:document>`,
  // Names with dots, hyphens, digits and non-Latin letters; an empty element; deep nesting.
  `<a:b-c.d1 ${W}><名称 属性="值"/><e></e><f><g><h>深</h></g></f></a:b-c.d1>`,
];

describe('XmlScanner against saxes', () => {
  it.each(WELL_FORMED.map((xml, i) => [i, xml]))('reads well-formed part %i as saxes does, cut anywhere', (_i, xml) => {
    const expected = saxes(xml);
    expect(scan([xml])).toEqual(expected);
    for (let cut = 1; cut < xml.length; cut++) expect(scan([xml.slice(0, cut), xml.slice(cut)])).toEqual(expected);
    // One character at a time: every token waits for its end.
    expect(scan([...xml])).toEqual(expected);
  });

  it('normalises line ends in text and attribute values as XML requires', () => {
    const events = scan([`<r><t a="x\r\ny\tz&#10;">a\r\nb\rc&#13;</t></r>`]);
    expect(events).toEqual([
      ['open', 'r', {}],
      ['open', 't', { a: 'x y z\n' }],
      ['text', 'a\nb\nc\r'],
      ['close', 't'],
      ['close', 'r'],
    ]);
  });
});

const NOT_WELL_FORMED: readonly [string, string][] = [
  ['an end tag that closes another element', '<a><b></a></b>'],
  ['an element left open', '<a><b></b>'],
  ['a second root element', '<a/><b/>'],
  ['text before the root', 'x<a/>'],
  ['text after the root', '<a/>x'],
  ['no root at all', '   '],
  ['a bare ampersand', '<a>A & B</a>'],
  ['an entity XML does not define', '<a>&nbsp;</a>'],
  ['a character reference to a control character', '<a>&#1;</a>'],
  ['an attribute given twice', '<a x="1" x="2"/>'],
  ['an undefined entity in an attribute', '<a x="&nbsp;"/>'],
  ['an attribute without quotes', '<a x=1/>'],
  ['a name starting with a digit', '<1a/>'],
  ['a lone <', '<a>1 < 2</a>'],
  ['an unclosed comment', '<a><!-- …</a>'],
];

describe('XmlScanner refuses what is not well-formed', () => {
  it.each(NOT_WELL_FORMED)('%s', (_what, xml) => {
    // saxes agrees that it is not XML …
    expect(() => saxes(xml)).toThrow();
    // … and the scanner says so with its position, whole or cut anywhere.
    expect(error([xml])).toBeInstanceOf(XmlSyntaxError);
    expect(error([xml]).message).toMatch(/\(character \d+\)$/);
    for (let cut = 1; cut < xml.length; cut++) expect(error([xml.slice(0, cut), xml.slice(cut)])).toBeInstanceOf(XmlSyntaxError);
  });

  it('refuses a DTD before any of it is read, wherever the chunk ends', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>';
    for (let cut = 1; cut < xml.length; cut++) expect(error([xml.slice(0, cut), xml.slice(cut)])).toBeInstanceOf(XmlDoctype);
  });

  it('checks the attributes of an element when they are read, and only then', () => {
    /** The w:val of every <c>; other elements' attributes are never asked for. */
    const valuesOfC = (xml: string) => {
      const values: (string | undefined)[] = [];
      const scanner = new XmlScanner({
        open: (n, attrs) => n === 'c' && values.push(attrs.get('w:val')),
        close: () => {},
        text: () => {},
      });
      scanner.write(xml);
      scanner.close();
      return values;
    };
    // Nobody reads <b>'s attributes: the damage in its rsid does not stop the reading of the part.
    expect(valuesOfC('<a><b w:rsid="&bad;" w:val="1"/><c w:val="2"/></a>')).toEqual(['2']);
    expect(() => valuesOfC('<a><c w:rsid="&bad;" w:val="1"/></a>')).toThrow(
      new XmlSyntaxError('undefined entity &bad; (character 3)'),
    );
  });

  it('says where the damage is, counted across chunks', () => {
    expect(error(['<a><b>', '</c></a>']).message).toBe('end tag </c> closes <b> (character 6)');
  });

  it('gives up on markup that never ends instead of holding the rest of the part', () => {
    const chunks = ['<a>', '<b x="', ...Array.from({ length: 20 }, () => 'y'.repeat(100_000))];
    expect(error(chunks).message).toMatch(/^markup not closed within 1 MiB/);
  });
});

// Random parts: elements with prefixed and plain names, attributes in either quotes, text with
// every kind of reference, Chinese, line ends, comments, processing instructions and CDATA.
const xmlName = fc.tuple(
  fc.constantFrom('', 'w:', 'a:', 'w14:'),
  fc.constantFrom('p', 'r', 't', 'tbl', 'tc', 'x-y', 'a.b', 'v1', '段落'),
);
const attrValue = fc.array(
  fc.constantFrom('a', '中', ' ', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#20013;', '&#x1F600;', '\t', '\r\n', '>'),
  {
    maxLength: 6,
  },
);
const textPiece = fc.constantFrom(
  '收到',
  'A',
  ' ',
  '12',
  '&amp;',
  '&lt;',
  '&#10;',
  '&#x6587;',
  '\r\n',
  '\r',
  '\n',
  '>',
  '[x]',
  '"',
  "'",
);
type Node = { name: string; attrs: [string, string, string][]; children: (Node | string)[] };
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node; child: Node | string }>((tie) => ({
  node: fc.record({
    name: xmlName.map(([p, n]) => p + n),
    attrs: fc.uniqueArray(
      fc.tuple(
        xmlName.map(([p, n]) => p + n),
        attrValue.map((v) => v.join('')),
        fc.constantFrom('"', "'"),
      ),
      { selector: (a) => a[0], maxLength: 3 },
    ),
    children: fc.array(tie('child'), { maxLength: 4 }),
  }),
  child: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(textPiece, { minLength: 1, maxLength: 5 }).map((t) => t.join('')),
    fc.constantFrom('<!-- 注释 -->', '<?pi data?>', '<![CDATA[<b>&</b>]]>'),
    tie('node'),
  ),
})).node;

function serialise(n: Node): string {
  const attrs = n.attrs
    .map(([k, v, q]) => ` ${k}=${q}${q === '"' ? v.replace(/"/g, '&quot;') : v.replace(/'/g, '&apos;')}${q}`)
    .join('');
  const inner = n.children.map((c) => (typeof c === 'string' ? c : serialise(c))).join('');
  return inner ? `<${n.name}${attrs}>${inner}</${n.name}>` : `<${n.name}${attrs}/>`;
}

describe('XmlScanner on random parts', () => {
  it('reads what saxes reads, however the part is cut into chunks', () => {
    fc.assert(
      fc.property(node, fc.array(fc.nat(), { maxLength: 4 }), (root, cuts) => {
        const xml = `<?xml version="1.0"?>\r\n${serialise(root)}\n`;
        const at = [...new Set(cuts.map((c) => c % xml.length))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => xml.slice(from, [...at, xml.length][i]));
        expect(scan(chunks)).toEqual(saxes(xml));
      }),
      { numRuns: 1000 },
    );
  });

  it('damaged parts end in a syntax error or are read as saxes reads them, never in anything else', () => {
    fc.assert(
      fc.property(
        node,
        fc.nat(),
        fc.constantFrom('', '<', '&', '>', '"', '</x>', '<!', '<!DOCTYPE x>'),
        (root, where, insert) => {
          const whole = serialise(root);
          const cut = where % (whole.length + 1);
          const xml = whole.slice(0, cut) + insert + whole.slice(cut + (insert ? 0 : 1));
          let ours: Event[] | Error;
          try {
            ours = scan([xml]);
          } catch (err) {
            expect(err instanceof XmlSyntaxError || err instanceof XmlDoctype).toBe(true);
            return;
          }
          expect(ours).toEqual(saxes(xml));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('XmlScanner on long text', () => {
  it('passes a long run of text on in pieces, read as saxes reads it wherever the chunks end', () => {
    // More than 1 MiB of characters without markup (held whole, they would be refused as a token
    // that never ends): references, CR LF and ]] fall on every kind of boundary.
    const unit = '收到申请&amp;办结\r\n，其中]]&#x6587;件。';
    const text = unit.repeat(Math.ceil(1_100_000 / unit.length));
    const xml = `<w:t>${text}</w:t>`;
    const expected = saxes(xml);
    for (const size of [4093, 65_537, 100_003]) {
      const chunks: string[] = [];
      for (let at = 0; at < xml.length; at += size) chunks.push(xml.slice(at, at + size));
      expect(scan(chunks)).toEqual(expected);
    }
  });
});
