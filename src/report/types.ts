/**
 * The Report: what recognition makes of a Document, and what validation and every export read.
 * Plain data, serialisable as JSON. `fields` uses exactly the keys of the field catalog
 * (templates/fields.csv) for the report's format; `cells` says where each value came from.
 */
import type { FormatVersion, PartId } from '../formats/types';

export type FieldValue = number | string | null;

/**
 * number: a number was read; blank: the cell is empty; placeholder: '/', '—', '-', '无';
 * text: something that is not a number (kept raw, value null); missing: no cell was found.
 */
export type CellStatus = 'number' | 'blank' | 'placeholder' | 'text' | 'missing';

/** A cell of the Document: the table's ordinal and the grid position of the cell's top-left corner. */
export interface CellSource {
  readonly table: number;
  readonly row: number;
  readonly col: number;
  /** 1-based page of a paged file (PDF) the cell was printed on. */
  readonly page?: number;
}

export interface FieldCell {
  /** The cell text exactly as read (display-cleaned), before any parsing. */
  readonly raw: string;
  readonly status: CellStatus;
  readonly source?: CellSource;
  /** A unit printed in the cell (件, 项, 元, 万元…); 元 values are converted to 万元. */
  readonly unit?: string;
  /**
   * A clerk's correction. `raw` and `status` above stay as the body reported them; `fields[key]`
   * holds the corrected value, so every total uses it, and every export can show both.
   */
  readonly corrected?: Correction;
}

/** A correction of one cell: what the clerk typed, how it reads, when, and why. */
export interface Correction {
  /** The text as typed (display-cleaned). */
  readonly text: string;
  readonly value: FieldValue;
  readonly status: CellStatus;
  /** ISO 8601 time of the correction. */
  readonly at: string;
  readonly note?: string;
}

/** A heading inside a section: （一）主动公开情况 is level 2, numbering '（一）', text '主动公开情况'. */
export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1..4 by the numbering as printed (一、 > （一） > 1. > （1）), else by style or bold. */
  readonly level: number;
  /** The numbering as printed (typed or Word's automatic numbering), '' when there is none. */
  readonly numbering: string;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
}

/** A table cell kept for a table that is not an official one (e.g. a 联系方式 table). */
export interface KeptCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** Where a table stands in the section: an official part (t2, t3, t4) or another table kept whole. */
export interface TableBlock {
  readonly kind: 'table';
  /** The Document table ordinal. */
  readonly table: number;
  /** The official part read from this table, if any. */
  readonly part?: PartId;
  /** The cells of a table that is not an official part, so that it can be regenerated. */
  readonly kept?: { readonly width: number; readonly height: number; readonly cells: readonly KeptCell[] };
}

export type SectionBlock = HeadingBlock | ParagraphBlock | TableBlock;

export interface Section {
  /** 1..6 */
  readonly no: number;
  readonly id: string;
  /** The official heading of the section. */
  readonly official: string;
  /** The heading as printed, or null when the section was not found. */
  readonly heading: string | null;
  /**
   * Narrative paragraphs of the section, table captions included, tables excluded: the text of
   * `blocks` (a heading with its numbering), kept for readers of text only.
   */
  readonly paragraphs: readonly string[];
  /** The section as its author structured it, in order (absent in reports made before blocks existed). */
  readonly blocks?: readonly SectionBlock[];
  /** Place of the heading among the headings found, in document order (0-based), when found. */
  readonly printedAt?: number;
}

export interface ReportMeta {
  readonly title: string | null;
  readonly agency: string | null;
  readonly issuer: string | null;
  readonly year: number | null;
  readonly format: FormatVersion;
  /** ISO date yyyy-mm-dd */
  readonly publishDate: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

/** A finding of validation or a diagnostic of recognition; `rule` is a stable id (RULES.md). */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** Chinese message naming rows and columns as the printed table does. */
  readonly message: string;
  /** Field keys concerned, so a UI or a workbook can point at the cells. */
  readonly fields: readonly string[];
  /** The narrative section (1–6) a finding is about, so a UI can open it. */
  readonly section?: number;
}

/** Which Document table was read as which part of the format. */
export interface TableMatch {
  /** TableSpec id: t2.item1, t3, t4 */
  readonly spec: string;
  /** Document table ordinals the spec's rows were found in (a split table gives several). */
  readonly tables: readonly number[];
  readonly rows: number;
}

export interface SourceInfo {
  /** The path or name the user gave. */
  readonly file: string;
  readonly name: string;
  readonly size: number;
  /** Which reader produced the Document (docx, mammoth, html, mht, doc…). */
  readonly reader: string;
}

export interface Report {
  readonly source: SourceInfo;
  readonly meta: ReportMeta;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly cells: Readonly<Record<string, FieldCell>>;
  /** Paragraphs between the title and section 一 (根据《条例》…现将…报告如下). */
  readonly preamble: readonly string[];
  readonly sections: readonly Section[];
  readonly tables: readonly TableMatch[];
  /** What recognition noticed (unmatched rows, conflicting duplicates…). */
  readonly diagnostics: readonly Finding[];
  /** Everything to show the user: validation findings, then the diagnostics. */
  readonly issues: readonly Finding[];
}
