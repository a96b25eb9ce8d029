/**
 * Hostile and broken DOCX packages against the direct reader: every one ends in a clear
 * IngestError naming the file (Chinese and English), found before the damage is done — a zip bomb
 * is stopped by the declared size or after one inflate step, a DTD is refused before any entity
 * could expand, deep nesting never recurses. Big but honest input (a 20,000-row table) is read.
 */
import { deflateSync, Inflate, strToU8, zipSync } from 'fflate';
import { readDocx } from '../src/ingest/docx';
import { IngestError } from '../src/ingest/errors';
import { LIMITS } from '../src/ingest/limits';
import type { Table } from '../src/document/types';
import { readBytes } from './helpers/pipeline';
import { deflateBomb, documentXml, handZip, NAMESPACES, packageEntries, para, rawDocx, tbl, tc, tr } from './helpers/raw-docx';

function failure(bytes: Uint8Array, file = 'hostile.docx'): IngestError {
  try {
    readDocx(bytes, file);
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

/** A package whose entries are stored as given, with word/document.xml replaced. */
function withDocument(document: Uint8Array | string, extra: Record<string, string> = {}): Uint8Array {
  const entries = packageEntries({ body: '', files: { 'word/document.xml': document, ...extra } });
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files);
}

const GiB = 1024 * 1024 * 1024;
const PREFIX = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>`);

/** The other entries of a minimal package, stored, so that a bomb can replace document.xml. */
function bombPackage(bomb: Uint8Array, declaredSize: number): Uint8Array {
  const others = Object.entries(packageEntries('')).filter(([name]) => name !== 'word/document.xml');
  return handZip([
    ...others.map(([name, text]) => ({
      name,
      data: strToU8(text as string),
      method: 0 as const,
      declaredSize: strToU8(text as string).length,
    })),
    { name: 'word/document.xml', data: bomb, method: 8, declaredSize },
  ]);
}

describe('direct reader: zip bombs', () => {
  const bomb = deflateBomb(PREFIX, GiB);

  it('builds a real bomb: about 1 MB that inflates to 1 GiB of spaces', () => {
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    // Inflate only the first 40 MB to see that it is what it claims.
    let seen = 0;
    let spaces = true;
    const inflater = new Inflate((chunk) => {
      for (let i = seen ? 0 : PREFIX.length; i < chunk.length; i += 4099) if (chunk[i] !== 0x20) spaces = false;
      seen += chunk.length;
    });
    for (let at = 0; seen < 40 * 1024 * 1024; at += 16384) inflater.push(bomb.subarray(at, at + 16384));
    expect(spaces).toBe(true);
    expect(seen).toBeGreaterThan(40 * 1024 * 1024);
  });

  it('refuses a document.xml that declares 1 GiB, before inflating anything', () => {
    const err = failure(bombPackage(bomb, GiB), 'bomb-declared.docx');
    expect(err.code).toBe('TOO_LARGE');
    expect(err.zh).toContain('bomb-declared.docx');
    expect(err.zh).toContain('word/document.xml');
    expect(err.en).toContain('bomb-declared.docx');
  });

  it('stops a document.xml that declares 4 KB but inflates to 1 GiB at the size limit, keeping none of it', () => {
    const before = process.memoryUsage().arrayBuffers;
    const err = failure(bombPackage(bomb, 4096), 'bomb-lying.docx');
    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toMatch(/疑似压缩炸弹/);
    // One inflate step of 16 KB compressed is at most ~17 MB: nowhere near the gigabyte.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a zip that lists more entries than a DOCX ever has', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= LIMITS.maxZipEntries; i++) files[`word/media/image${i}.png`] = new Uint8Array(0);
    Object.assign(
      files,
      Object.fromEntries(Object.entries(packageEntries(para('正文'))).map(([k, v]) => [k, strToU8(v as string)])),
    );
    expect(failure(zipSync(files, { level: 0 })).code).toBe('TOO_LARGE');
  });
});

describe('direct reader: XML entities and DTDs', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>' +
    `<w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;

  it('refuses billion laughs (internal entities) in document.xml with XML_DTD', () => {
    const err = failure(withDocument(laughs), 'laughs.docx');
    expect(err.code).toBe('XML_DTD');
    expect(err.zh).toContain('laughs.docx');
    expect(err.en).toMatch(/DTD/);
  });

  it('refuses an external entity (file:///etc/passwd) and never shows its content', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      `<w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    const err = failure(withDocument(xxe), 'xxe.docx');
    expect(err.code).toBe('XML_DTD');
    expect(err.message).not.toMatch(/root:/);
  });

  it('refuses an entity reference without a DTD as broken XML (only the five XML entities exist)', () => {
    expect(failure(withDocument(documentXml('<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>'))).code).toBe('BAD_XML');
  });

  it('refuses a DTD in styles.xml, numbering.xml and the relationships too', () => {
    const styles = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><w:styles ${NAMESPACES}><w:style w:styleId="x"><w:name w:val="&a;"/></w:style></w:styles>`;
    const withStyles = rawDocx({ body: para('标题', '<w:pStyle w:val="x"/>'), styles: '', files: { 'word/styles.xml': styles } });
    expect(failure(withStyles).code).toBe('XML_DTD');
    const numbering = `<?xml version="1.0"?><!DOCTYPE n [<!ENTITY b "%1、">]><w:numbering ${NAMESPACES}/>`;
    const withNumbering = rawDocx({
      body: para('标题', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
      numbering: '',
      files: { 'word/numbering.xml': numbering },
    });
    expect(failure(withNumbering).code).toBe('XML_DTD');
    const rels =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY t "word/document.xml">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
    expect(failure(rawDocx({ body: para('x'), files: { '_rels/.rels': rels } })).code).toBe('XML_DTD');
  });
});

describe('direct reader: broken packages', () => {
  const good = rawDocx(para('正文'));

  it('reports a truncated zip as CORRUPT_ZIP', () => {
    for (const keep of [0.3, 0.7, 0.98]) {
      const err = failure(good.subarray(0, Math.floor(good.length * keep)), 'truncated.docx');
      expect([err.code, err.zh.includes('truncated.docx')]).toEqual(['CORRUPT_ZIP', true]);
    }
  });

  it('reports damaged deflate data as CORRUPT_ZIP', () => {
    const bad = handZip([
      { name: 'word/document.xml', data: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x12]), method: 8, declaredSize: 100 },
    ]);
    expect(failure(bad).code).toBe('CORRUPT_ZIP');
  });

  /** The minimal package with document.xml deflated for real but its size recorded as `declared(actual, compressed)`. */
  function misrecorded(declared: (actual: number, compressed: number) => number): Uint8Array {
    const xml = strToU8(documentXml(para('正文'.repeat(200))));
    const data = deflateSync(xml);
    const others = Object.entries(packageEntries('')).filter(([name]) => name !== 'word/document.xml');
    return handZip([
      ...others.map(([name, text]) => ({
        name,
        data: strToU8(text as string),
        method: 0 as const,
        declaredSize: strToU8(text as string).length,
      })),
      { name: 'word/document.xml', data, method: 8, declaredSize: declared(xml.length, data.length) },
    ]);
  }

  it('reports a size record smaller than what the data inflates to as damage (CORRUPT_ZIP), not as a bomb', () => {
    const err = failure(
      misrecorded((actual) => Math.floor(actual / 2)),
      'size-damaged.docx',
    );
    expect(err.code).toBe('CORRUPT_ZIP');
    expect(err.zh).toMatch(/size-damaged\.docx[\s\S]*word\/document\.xml.*不符/);
  });

  it('reports a size record no deflate data of that length could reach as damage (CORRUPT_ZIP)', () => {
    const err = failure(
      misrecorded((_, compressed) => compressed * 5000),
      'size-impossible.docx',
    );
    expect(err.code).toBe('CORRUPT_ZIP');
    expect(err.zh).toContain('目录已损坏');
  });

  it('reports a zip without word/document.xml as NOT_DOCX', () => {
    const err = failure(rawDocx({ body: '', omit: ['word/document.xml'] }), 'no-body.docx');
    expect(err.code).toBe('NOT_DOCX');
    expect(err.en).toContain('no-body.docx');
  });

  it('finds the body where _rels/.rels says, whatever its name or letter case', () => {
    const entries = packageEntries(para('别处的正文'));
    const moved = zipSync({
      '[Content_Types].xml': strToU8(entries['[Content_Types].xml'] as string),
      '_rels/.rels': strToU8((entries['_rels/.rels'] as string).replace('word/document.xml', 'word/main.xml')),
      'Word/Main.XML': strToU8(entries['word/document.xml'] as string),
    });
    expect(readDocx(moved, 'moved.docx').blocks).toEqual([{ kind: 'paragraph', text: '别处的正文', bold: false }]);
  });

  it('reports a document.xml that is not XML, or is cut off, as BAD_XML', () => {
    expect(failure(withDocument('这不是 XML')).code).toBe('BAD_XML');
    expect(failure(withDocument(documentXml(para('完整')).slice(0, -40))).code).toBe('BAD_XML');
    expect(failure(withDocument(new Uint8Array([0x00, 0x01, 0x02, 0xfe]))).code).toBe('BAD_XML');
  });

  it('gives the pipeline a per-file error result, not an exception', async () => {
    const result = await readBytes(good.subarray(0, 50), '坏文件.docx');
    expect(result).toMatchObject({ ok: false, error: { code: 'CORRUPT_ZIP', file: '坏文件.docx' } });
  });
});

describe('direct reader: big and deep tables', () => {
  it('reads a 20,000-row table', () => {
    const rows = Array.from(
      { length: 20000 },
      (_, i) => `<w:tr><w:tc><w:p><w:r><w:t>${i}</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>`,
    ).join('');
    const doc = readDocx(rawDocx(tbl(rows)), 'long.docx');
    const table = doc.blocks[0] as Table;
    expect([table.height, table.width, table.cells[2 * 19999].text]).toEqual([20000, 2, '19999']);
  });

  it('refuses tables nested deeper than the limit without recursing (5,000 levels)', () => {
    const depth = 5000;
    const body = '<w:tbl><w:tr><w:tc>'.repeat(depth) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    const err = failure(rawDocx(body), 'deep.docx');
    expect(err.code).toBe('TOO_LARGE');
    expect(err.zh).toContain(`${LIMITS.maxTableDepth}`);
  });

  it('reads tables nested right up to the limit, each with its parent', () => {
    const depth = LIMITS.maxTableDepth;
    const body = '<w:tbl><w:tr><w:tc>'.repeat(depth) + para('最内层') + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    const tables = readDocx(rawDocx(body), 'deep-ok.docx').blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(depth);
    expect(tables.every((t, i) => (i === 0 ? t.parent === undefined : t.parent === i - 1))).toBe(true);
    expect(tables[depth - 1].cells[0].text).toBe('最内层');
  });

  it('reads thousands of tables side by side inside one table', () => {
    const cells = Array.from({ length: 3000 }, (_, i) => tc(tbl(tr(tc(`内${i}`))))).join('');
    const tables = readDocx(rawDocx(tbl(tr(cells))), 'many.docx').blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(3001);
    expect(tables[3000]).toMatchObject({ index: 3000, parent: 0 });
  });

  it('clamps hostile spans (w:gridSpan and w:gridBefore of 10⁹) to the column limit instead of looping', () => {
    const doc = readDocx(
      rawDocx(
        tbl(
          tr(tc('宽', '<w:gridSpan w:val="1000000000"/>') + tc('外')) +
            tr(tc('远'), '<w:gridBefore w:val="1000000000"/>') +
            tr(tc('a') + tc('b')),
        ),
      ),
      'spans.docx',
    );
    const table = doc.blocks[0] as Table;
    expect(table.width).toBe(LIMITS.maxTableColumns);
    expect(table.cells.map((c) => [c.text, c.col])).toEqual([
      ['宽', 0],
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('refuses a table with more rows than the limit', () => {
    const row = '<w:tr><w:tc><w:p/></w:tc></w:tr>';
    const err = failure(withDocument(documentXml(`<w:tbl>${row.repeat(LIMITS.maxTableRows + 1)}</w:tbl>`)), 'rows.docx');
    expect(err.code).toBe('TOO_LARGE');
  });
});
