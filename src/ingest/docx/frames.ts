/**
 * The open elements the body walker keeps track of, as plain records on an explicit stack (no
 * recursion, however deep tables nest). Containers receive finished paragraphs and tables: the
 * body, a table cell, a text box.
 */
import type { Block, Paragraph, Table } from '../../document/types';
import type { StyleProps } from './styles';
import type { MergeMark, WordCell, WordRow } from './table-builder';

export interface RunFrame {
  readonly depth: number;
  inProps: boolean;
  bold?: boolean;
  hidden?: boolean;
  style?: string;
  /** Bold and hidden with the styles applied, worked out at the run's first text. */
  effective?: { readonly bold: boolean; readonly hidden: boolean };
}

/** Text carried from a paragraph whose mark was deleted (tracked change) into the next one. */
export interface Carry {
  readonly pieces: string[];
  readonly allBold: boolean;
  readonly visible: boolean;
}

export interface ParagraphFrame {
  readonly kind: 'p';
  readonly depth: number;
  pieces: string[];
  allBold: boolean;
  visible: boolean;
  inProps: boolean;
  inMarkProps: boolean;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
  markDeleted: boolean;
  style?: StyleProps;
  numbering?: string;
  /** 1-based level of the automatic numbering (w:ilvl + 1). */
  numberingLevel?: number;
  run?: RunFrame;
  /** Blocks of text boxes anchored in this paragraph: they follow it. */
  after: Block[];
}

export interface ContainerBase {
  readonly depth: number;
  readonly blocks: Block[];
  carry?: Carry;
}

export interface BodyFrame extends ContainerBase {
  readonly kind: 'body';
}

export interface TextboxFrame extends ContainerBase {
  readonly kind: 'txbx';
}

export interface CellFrame extends ContainerBase {
  readonly kind: 'tc';
  readonly table: TableFrame;
  readonly lines: string[];
  inProps: boolean;
  span: number;
  vMerge: MergeMark;
  hMerge: MergeMark;
}

export type Container = BodyFrame | TextboxFrame | CellFrame;

export interface RowFrame {
  readonly kind: 'tr';
  readonly depth: number;
  readonly table: TableFrame;
  readonly cells: WordCell[];
  inProps: boolean;
  gridBefore: number;
  deleted: boolean;
}

export interface TableFrame {
  readonly kind: 'tbl';
  readonly depth: number;
  /** Provisional ordinal (order of opening); renumbered by block order at the end. */
  readonly id: number;
  readonly parent?: number;
  readonly rows: WordRow[];
  origins: number;
  /** A table holding tables is (also) page layout: its cells' content is emitted after it. */
  hasNested: boolean;
}

export type Frame = ParagraphFrame | Container | RowFrame | TableFrame;

export function addParagraph(container: Container, paragraph: Paragraph): void {
  container.blocks.push(paragraph);
  if (container.kind === 'tc') container.lines.push((paragraph.numbering ?? '') + paragraph.text);
}

export function addTable(container: Container, table: Table, layout: readonly Block[]): void {
  // A loop, not push(...layout): a layout table may hold more blocks than a call takes arguments.
  container.blocks.push(table);
  for (const b of layout) container.blocks.push(b);
  if (container.kind === 'tc') container.table.hasNested = true;
}
