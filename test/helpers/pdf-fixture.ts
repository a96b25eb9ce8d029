/**
 * Hand-built PDFs for the PDF reader's tests: a tiny writer (objects, xref, trailer) with pages
 * drawn from a few operations — Courier text (6 pt per character at 10 pt, so a test knows where
 * every line ends), ruling lines as thin filled rectangles or strokes, a picture covering the page
 * (a scan), text in a font whose characters map to private-use code points, an /Encrypt dictionary.
 */

export type PdfOp =
  | {
      readonly text: string;
      readonly x: number;
      readonly y: number;
      readonly size?: number;
      readonly font?: 'courier' | 'unmapped';
    }
  | { readonly line: readonly [number, number, number, number] }
  | { readonly image: true };

export interface PdfFixture {
  readonly pages: readonly (readonly PdfOp[])[];
  readonly encrypted?: boolean;
}

const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);

function content(ops: readonly PdfOp[]): string {
  return ops
    .map((op) => {
      if ('text' in op)
        return `BT /${op.font === 'unmapped' ? 'F2' : 'F1'} ${op.size ?? 10} Tf ${op.x} ${op.y} Td (${escape(op.text)}) Tj ET`;
      if ('line' in op) {
        const [x0, y0, x1, y1] = op.line;
        return `${x0} ${y0} m ${x1} ${y1} l S`;
      }
      return 'q 612 0 0 792 0 0 cm /Im1 Do Q';
    })
    .join('\n');
}

/** Private-use glyph names for codes 32–126: text in this font comes out as U+E000… */
const UNMAPPED = `<< /Type /Encoding /Differences [32 ${Array.from({ length: 95 }, (_, i) => `/uniE${(i + 0x100).toString(16).toUpperCase().padStart(3, '0')}`).join(' ')}] >>`;

export function buildPdf(fixture: PdfFixture): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>');
  const f2 = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding ${UNMAPPED} >>`);
  const image = add(
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream',
  );
  const kids = fixture.pages.map((ops) => {
    const body = content(ops);
    const stream = add(`<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = fixture.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'28bf4e5e4e758a41'.repeat(4)}> /U <${'1f2e3d4c5b6a7988'.repeat(4)}> /P -44 >>`)
    : undefined;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = '<0123456789abcdef0123456789abcdef>';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A ruled table: column edges xs, row edges ys (top to bottom), with inner lines left out where `skip` says. */
export function ruledTable(
  xs: readonly number[],
  ys: readonly number[],
  skip: (line: { dir: 'h' | 'v'; index: number; from: number }) => boolean = () => false,
): PdfOp[] {
  const ops: PdfOp[] = [];
  ys.forEach((y, r) =>
    xs.slice(1).forEach((x, c) => {
      if (!skip({ dir: 'h', index: r, from: c })) ops.push({ line: [xs[c], y, x, y] });
    }),
  );
  xs.forEach((x, c) =>
    ys.slice(1).forEach((y, r) => {
      if (!skip({ dir: 'v', index: c, from: r })) ops.push({ line: [x, ys[r], x, y] });
    }),
  );
  return ops;
}

/** Text centred vertically in row r, starting 4 pt into column c. */
export function cellText(xs: readonly number[], ys: readonly number[], r: number, c: number, text: string): PdfOp {
  return { text, x: xs[c] + 4, y: (ys[r] + ys[r + 1]) / 2 - 3 };
}
