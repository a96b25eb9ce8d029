/**
 * The Document: what every reader (DOCX, HTML, …) produces and recognition consumes. Plain data,
 * serialisable as JSON. Tables are rectangular grids in which merged cells are expanded: every grid
 * position points at the cell it belongs to, so a label spanning three rows is seen in all three.
 */

export interface Paragraph {
  readonly kind: 'paragraph';
  /** Display text (see text/normalise cleanText); line breaks inside the paragraph kept as \n. */
  readonly text: string;
  /** Every run bold, or a heading style. */
  readonly bold: boolean;
  /** 1..9 when the paragraph has a heading style (Heading 1, 标题 1, h1…). */
  readonly headingLevel?: number;
  /** The numbering text Word would print before the paragraph (一、, （一）), when known. */
  readonly numbering?: string;
  /** The level of that automatic numbering in its list (1 = the list's first level). */
  readonly numberingLevel?: number;
}

export interface TableCell {
  /** Display text; the paragraphs and line breaks of the cell joined with \n. */
  readonly text: string;
  /** Top-left grid position of the cell. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** 1-based page the cell was read from, set by readers of paged files (PDF). */
  readonly page?: number;
}

export interface Table {
  readonly kind: 'table';
  /** Ordinal of the table in the document (0-based, document order, nested tables included). */
  readonly index: number;
  readonly width: number;
  readonly height: number;
  readonly cells: readonly TableCell[];
  /** grid[r][c] = index into cells, or -1 where the source row was short. */
  readonly grid: readonly (readonly number[])[];
  /** Set for a table that sits inside a cell of another table. */
  readonly parent?: number;
}

export type Block = Paragraph | Table;

/**
 * Every note a reader can make. Each code is a rule of templates/rules.json ("source": "ingest"),
 * so recognition carries the note into report.issues with a title, as mammoth's Result{value,
 * messages} carries its messages: a note a reader makes cannot be lost on the way to the user.
 */
export const DOCUMENT_NOTE_CODES = [
  'DOCX_HIDDEN_TEXT',
  'DOCX_SYMBOL',
  'DOCX_PART',
  'DOCX_ALTCHUNK',
  'DOCX_IMAGES',
  'MAMMOTH',
  'CONVERTED',
  'WEB_PAGE_CHROME',
  'WEB_PAGE_TITLE',
  'WEB_PAGE_IMAGES',
  'WEB_PAGE_ATTACHMENT',
  'PDF_PAGE_WITHOUT_TEXT',
  'TRADITIONAL_CHINESE',
] as const;

export type DocumentNoteCode = (typeof DOCUMENT_NOTE_CODES)[number];

export interface DocumentMessage {
  readonly type: 'warning' | 'info';
  readonly code: DocumentNoteCode;
  readonly message: string;
  /** Files the note names (a page's attachments). */
  readonly files?: readonly string[];
}

export interface Document {
  readonly blocks: readonly Block[];
  /** Which reader produced it: docx (direct), mammoth, html, … */
  readonly reader: string;
  readonly messages: readonly DocumentMessage[];
}

/** The cell at a grid position, or undefined for a hole. */
export function cellAt(table: Table, row: number, col: number): TableCell | undefined {
  const i = table.grid[row]?.[col];
  return i === undefined || i < 0 ? undefined : table.cells[i];
}
