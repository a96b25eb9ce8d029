/**
 * DOCX files written as raw WordprocessingML, for what the `docx` package cannot emit (gridBefore,
 * w:fldSimple, complex fields, tracked changes, text boxes, content controls, hostile packages).
 * Tests keep the XML of the quirk in plain sight; this helper only wraps it in a minimal package:
 * [Content_Types].xml, _rels/.rels, word/document.xml and, when given, styles.xml / numbering.xml.
 */
import { zipSync, strToU8 } from 'fflate';
import type { FxBlock, FxCell, FxTable } from './docx-fixture';

export const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'mc:Ignorable="w14"',
].join(' ');

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export interface RawPackage {
  /** The children of w:body. */
  readonly body: string;
  /** The children of w:styles. */
  readonly styles?: string;
  /** The children of w:numbering. */
  readonly numbering?: string;
  /** More entries, or replacements of the generated ones (path → content). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Leave an entry out (e.g. 'word/document.xml'). */
  readonly omit?: readonly string[];
}

export function documentXml(body: string, namespaces = NAMESPACES): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${namespaces}><w:body>${body}</w:body></w:document>`;
}

function contentTypes(pkg: RawPackage): string {
  const part = (name: string, type: string) =>
    `<Override PartName="/word/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    part('document', 'document.main') +
    (pkg.styles !== undefined ? part('styles', 'styles') : '') +
    (pkg.numbering !== undefined ? part('numbering', 'numbering') : '') +
    '</Types>'
  );
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function documentRels(pkg: RawPackage): string {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    (pkg.styles !== undefined ? rel('rId1', 'styles', 'styles.xml') : '') +
    (pkg.numbering !== undefined ? rel('rId2', 'numbering', 'numbering.xml') : '') +
    '</Relationships>'
  );
}

/** The package's entries as text or bytes, before zipping. */
export function packageEntries(pkg: RawPackage | string): Record<string, string | Uint8Array> {
  const p: RawPackage = typeof pkg === 'string' ? { body: pkg } : pkg;
  const entries: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': contentTypes(p),
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': documentXml(p.body),
    'word/_rels/document.xml.rels': documentRels(p),
  };
  if (p.styles !== undefined)
    entries['word/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${p.styles}</w:styles>`;
  if (p.numbering !== undefined)
    entries['word/numbering.xml'] = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}>${p.numbering}</w:numbering>`;
  Object.assign(entries, p.files ?? {});
  for (const name of p.omit ?? []) delete entries[name];
  return entries;
}

/** A real DOCX (zip, deflated) of the package. */
export function rawDocx(pkg: RawPackage | string): Uint8Array {
  const entries = packageEntries(pkg);
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 6 });
}

// ---- Small pieces of WordprocessingML, so that a test's XML stays short and readable ----

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run of text; `rPr` is the inside of w:rPr (e.g. '<w:b/>'). */
export function run(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph; `content` is runs (a plain string becomes one run), `pPr` the inside of w:pPr. */
export function para(content: string, pPr = ''): string {
  const inner = content.startsWith('<') ? content : run(content);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
}

/** A cell; `content` is paragraphs (a plain string becomes one paragraph), `tcPr` the inside of w:tcPr. */
export function tc(content: string, tcPr = ''): string {
  const inner = content.startsWith('<') ? content : para(content);
  return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
}

export function tr(cells: string, trPr = ''): string {
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
}

export function tbl(rows: string, columns = 0): string {
  const grid = columns ? `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>` : '';
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>${grid}${rows}</w:tbl>`;
}

/** A numbering definition: abstract `id` with the given w:lvl elements, and w:num `id` using it. */
export function numberingDef(id: number, levels: string, numExtra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum><w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/>${numExtra}</w:num>`;
}

export function lvl(ilvl: number, numFmt: string, lvlText: string, start = 1, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${esc(lvlText)}"/>${extra}</w:lvl>`;
}

export function numPr(numId: number, ilvl = 0): string {
  return `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
}

// ---- Whole fixtures (FxBlock, as test/helpers/docx-fixture) written as raw XML ----

/** A fixture cell that may bring its own paragraphs as raw XML (fields, numbering, hidden runs…). */
export interface RawCell extends FxCell {
  /** The cell's content (w:p elements) instead of a paragraph of `text`. */
  readonly xml?: string;
}

export interface RawTableOptions {
  /**
   * Rows (by index) written the way some converters do: the merged cells reaching down into the
   * row from above at its start are not written as w:vMerge continuations but skipped with
   * w:gridBefore, so the cells above end there and the row starts further right.
   */
  readonly leadingMergesAsGridBefore?: (row: number) => boolean;
  /** Wrap each cell (e.g. in a content control); gets the w:tc XML. */
  readonly wrapCell?: (xml: string, row: number) => string;
}

/**
 * A table of origin cells (rowSpan/colSpan) in Word's form: w:gridSpan for columns, and a
 * w:vMerge continuation cell in each row an origin reaches down into.
 */
export function tableXml(rows: readonly (readonly RawCell[])[], options: RawTableOptions = {}): string {
  const covered: { col: number; colSpan: number; until: number }[] = [];
  let width = 0;
  const out: string[] = [];
  rows.forEach((cells, r) => {
    const reachingAt = (col: number) => covered.find((c) => c.col === col && c.until >= r);
    let col = 0;
    let before = 0;
    if (options.leadingMergesAsGridBefore?.(r)) {
      for (let c = reachingAt(col); c; c = reachingAt(col)) {
        c.until = r - 1;
        col += c.colSpan;
      }
      before = col;
    }
    const parts: string[] = [];
    const next = [...cells];
    const emit = (xml: string) => parts.push(options.wrapCell ? options.wrapCell(xml, r) : xml);
    while (next.length || covered.some((c) => c.col >= col && c.until >= r)) {
      const reaching = reachingAt(col);
      if (reaching) {
        emit(tc('<w:p/>', `${reaching.colSpan > 1 ? `<w:gridSpan w:val="${reaching.colSpan}"/>` : ''}<w:vMerge/>`));
        col += reaching.colSpan;
        continue;
      }
      const c = next.shift();
      if (!c) break;
      const colSpan = c.colSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      const tcPr = `${colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : ''}${rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : ''}`;
      emit(
        tc(
          c.xml ??
            c.text
              .split('\n')
              .map((line) => para(line ? run(line) : ''))
              .join(''),
          tcPr,
        ),
      );
      if (rowSpan > 1) covered.push({ col, colSpan, until: r + rowSpan - 1 });
      col += colSpan;
    }
    width = Math.max(width, col);
    out.push(tr(parts.join(''), before ? `<w:gridBefore w:val="${before}"/>` : ''));
  });
  return tbl(out.join(''), width);
}

/** The numbering (w:numId 90) of auto-numbered headings in blocksXml: 一、 二、 … */
export const HEADING_NUMBERING = `<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>`;

/** FxBlocks as body XML (bold runs, centred paragraphs, auto-numbered headings; tables through tableXml). */
export function blocksXml(blocks: readonly FxBlock[], options: RawTableOptions | ((t: FxTable) => RawTableOptions) = {}): string {
  return blocks
    .map((b) => {
      if (b.kind === 'table') return tableXml(b.rows, typeof options === 'function' ? options(b) : options) + '<w:p/>';
      const runs = b.text
        .split('\n')
        .map((line, i) => (i ? '<w:r><w:br/></w:r>' : '') + run(line, b.bold ? '<w:b/>' : ''))
        .join('');
      return para(runs, (b.autoNumber ? numPr(90) : '') + (b.center ? '<w:jc w:val="center"/>' : ''));
    })
    .join('');
}

// ---- Hostile packages ----

export interface StoredEntry {
  readonly name: string;
  /** The entry's data as stored in the zip (already deflated when method is 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** Inflated size written into the headers (may lie). */
  readonly declaredSize: number;
}

/** A zip written by hand, so a test can make it lie about sizes. CRCs are left 0. */
export function handZip(entries: readonly StoredEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, e.method, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.declaredSize, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(10, e.method, true);
    central.setUint32(20, e.data.length, true);
    central.setUint32(24, e.declaredSize, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, e.data);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

class BitWriter {
  private readonly bytes: number[] = [];
  private bit = 0;

  /** `n` bits of `value`, least significant first (header fields, extra bits). */
  bits(value: number, n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.bit === 0) this.bytes.push(0);
      if ((value >> i) & 1) this.bytes[this.bytes.length - 1] |= 1 << this.bit;
      this.bit = (this.bit + 1) & 7;
    }
  }

  /** A Huffman code, most significant bit first. */
  code(code: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.bits((code >> i) & 1, 1);
  }

  align(): void {
    this.bit = 0;
  }

  /** Bits written so far. */
  get bitCount(): number {
    return this.bit === 0 ? this.bytes.length * 8 : (this.bytes.length - 1) * 8 + this.bit;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/**
 * Raw deflate data that inflates to `prefix` followed by about `spaces` spaces, at the best ratio
 * deflate allows (~1032:1): a stored block with the prefix, then one dynamic-Huffman block whose
 * code gives the match "258 bytes at distance 1" two bits, so the bulk of the data is zero bytes.
 */
export function deflateBomb(prefix: Uint8Array, spaces: number): Uint8Array {
  const w = new BitWriter();
  // Stored block (not final) with the prefix.
  w.bits(0, 1);
  w.bits(0, 2);
  w.align();
  w.bits(prefix.length, 16);
  w.bits(~prefix.length & 0xffff, 16);
  const head = Buffer.concat([w.toBytes(), prefix]);

  const d = new BitWriter();
  d.bits(1, 1); // final
  d.bits(2, 2); // dynamic Huffman
  d.bits(286 - 257, 5); // HLIT
  d.bits(1 - 1, 5); // HDIST: one distance code
  d.bits(18 - 4, 4); // HCLEN: code length codes up to symbol 1 in the permuted order
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  const clLength: Record<number, number> = { 18: 2, 1: 2, 2: 2, 17: 3, 0: 3 };
  for (const sym of order) d.bits(clLength[sym] ?? 0, 3);
  // Canonical code-length codes: 1→00, 2→01, 18→10, 0→110, 17→111.
  const cl = (sym: 1 | 2 | 18): void => d.code({ 1: 0b00, 2: 0b01, 18: 0b10 }[sym], 2);
  const zeros = (n: number): void => {
    cl(18);
    d.bits(n - 11, 7);
  };
  zeros(32); // literals 0..31
  cl(2); // ' ' (32): 2 bits
  zeros(138); // 33..170
  zeros(85); // 171..255
  cl(2); // end of block (256): 2 bits
  zeros(28); // 257..284
  cl(1); // length 258 (285): 1 bit
  cl(1); // distance code 0 (distance 1): 1 bit
  // Codes: 285 → 0, ' ' → 10, 256 → 11; distance 0 → 0.
  d.code(0b10, 2);
  const header = d.toBytes();
  const matches = Math.ceil((spaces - 1) / 258);
  // Each match is two zero bits; the end-of-block code follows them.
  const eob = d.bitCount + matches * 2;
  const body = new Uint8Array(Math.ceil((eob + 2) / 8));
  body.set(header);
  // 256 is code 11: two one bits at the end.
  body[eob >> 3] |= 1 << (eob & 7);
  body[(eob + 1) >> 3] |= 1 << ((eob + 1) & 7);
  return Buffer.concat([head, body]);
}
