/**
 * Builds real DOCX files in tests with the `docx` package, so that each test shows the quirk it
 * pins: paragraphs (bold, heading style, Word auto-numbering) and tables given as rows of origin
 * cells with rowSpan/colSpan (docx adds the vMerge continuation cells itself, as Word would).
 */
import {
  AlignmentType,
  Document as DocxDocument,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export interface FxParagraph {
  readonly kind: 'p';
  readonly text: string;
  readonly bold?: boolean;
  readonly heading?: 1 | 2;
  /**
   * The paragraph's 一、 comes from Word numbering (chineseCounting, "%1、"), not from its text;
   * 'sub': its （一） does (the list's second level, "（%2）").
   */
  readonly autoNumber?: boolean | 'sub';
  readonly center?: boolean;
  /** A picture after the text (a 1×1 PNG), as a table pasted as a screenshot is. */
  readonly picture?: boolean;
}

export interface FxCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

export interface FxTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly FxCell[])[];
}

export type FxBlock = FxParagraph | FxTable;

export function p(text: string, options: Omit<FxParagraph, 'kind' | 'text'> = {}): FxParagraph {
  return { kind: 'p', text, ...options };
}

export function cell(text: string, span: { colSpan?: number; rowSpan?: number } = {}): FxCell {
  return { text, ...span };
}

/** A table from rows of cells; a string is a plain cell. */
export function table(rows: readonly (readonly (string | FxCell)[])[]): FxTable {
  return { kind: 'table', rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c))) };
}

function runs(text: string, bold?: boolean): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : undefined }));
}

/** The smallest PNG: one transparent pixel. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function picture(): ImageRun {
  return new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 400, height: 300 } });
}

function paragraph(b: FxParagraph): Paragraph {
  return new Paragraph({
    children: [...runs(b.text, b.bold), ...(b.picture ? [picture()] : [])],
    heading: b.heading === 1 ? HeadingLevel.HEADING_1 : b.heading === 2 ? HeadingLevel.HEADING_2 : undefined,
    alignment: b.center ? AlignmentType.CENTER : undefined,
    numbering: b.autoNumber ? { reference: 'sections', level: b.autoNumber === 'sub' ? 1 : 0 } : undefined,
  });
}

function docxTable(t: FxTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: t.rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (c) =>
              new TableCell({
                children: [new Paragraph({ children: runs(c.text) })],
                columnSpan: c.colSpan,
                rowSpan: c.rowSpan,
              }),
          ),
        }),
    ),
  });
}

export async function buildDocx(blocks: readonly FxBlock[]): Promise<Buffer> {
  const doc = new DocxDocument({
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: blocks.flatMap((b) => (b.kind === 'p' ? [paragraph(b)] : [docxTable(b), new Paragraph('')])),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
