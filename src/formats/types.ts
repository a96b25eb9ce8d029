/**
 * The declarative description of an official report format, as written in templates/.
 * Everything that knows a table's layout (recognition, validation, Excel, DOCX, the web page)
 * reads it from here; nothing restates it.
 */

/** The version of an official format: the <version> of a templates/format-<version>.json file. */
export type FormatVersion = string;
export type ValueType = 'int' | 'decimal';
export type Unit = '件' | '项' | '万元';
export type PartId = 't2' | 't3' | 't4';

/** A printed label plus the other wordings that real reports use for it. */
export interface LabelSpec {
  readonly label: string;
  readonly variants?: readonly string[];
  /** Name used in messages, e.g. 本年新收 for 一、本年新收政府信息公开申请数量. */
  readonly short?: string;
}

export interface ValueSpec {
  readonly type?: ValueType;
  readonly unit?: Unit;
  /** The column may hold negative numbers (本年增/减). */
  readonly signed?: boolean;
}

/** A header node; leaves are value columns. `id` takes part in the field key when present. */
export interface ColumnNode extends LabelSpec, ValueSpec {
  readonly id?: string;
  /** Grid columns a leaf occupies in the official layout (2021 table 二 single-value columns span 3). */
  readonly span?: number;
  readonly children?: readonly ColumnNode[];
}

/** A row label node; leaves are data rows. A node without label is an unlabelled data row (table 四). */
export interface RowNode extends Partial<LabelSpec> {
  readonly id?: string;
  readonly children?: readonly RowNode[];
}

export interface TableSpec {
  /** e.g. t2.item1, t3, t4 */
  readonly id: string;
  readonly part: PartId;
  readonly title: string;
  /** A row spanning the table above the header (第二十条第（一）项). */
  readonly caption?: LabelSpec;
  /** The top-left header cell above the row labels (信息内容, the 勾稽关系 note). */
  readonly corner?: LabelSpec;
  readonly labelColumns: number;
  readonly defaults: Required<Pick<ValueSpec, 'type' | 'unit'>>;
  readonly columns: readonly ColumnNode[];
  readonly rows: readonly RowNode[];
}

export interface PartSpec {
  readonly id: PartId;
  /** 二, 三, 四 */
  readonly no: string;
  readonly title: string;
  /** The section (1..6) the part belongs to. */
  readonly section: number;
}

/** Where a sum or carry applies: every leaf column / leaf row of a table, or a fixed list. */
export type Over = { readonly columnsOf: string } | { readonly rowsOf: string } | { readonly list: readonly string[] };

/** left = right, each side a sum of key templates; `{}` is replaced by each item of `over`, `*` matches one key segment. */
export interface SumSpec {
  readonly rule: string;
  readonly over: Over;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

/** this year's `to` = last year's `from` + Σ plus − Σ minus (plus/minus read from this year). */
export interface CarrySpec {
  readonly rule: string;
  readonly over: Over;
  readonly from: string;
  readonly to: string;
  readonly plus?: readonly string[];
  readonly minus?: readonly string[];
}

export interface SectionSpec {
  readonly no: number;
  readonly id: string;
  readonly heading: string;
  readonly variants: readonly string[];
  readonly keywords: readonly string[];
  readonly prompt: string;
}

export interface MetaSpec {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'int' | 'date';
  readonly note?: string;
}

export interface FormatSpec {
  readonly version: FormatVersion;
  readonly notice: string;
  readonly years: { readonly from: number; readonly to?: number };
  readonly meta: readonly MetaSpec[];
  readonly sections: readonly SectionSpec[];
  readonly parts: readonly PartSpec[];
  readonly tables: readonly TableSpec[];
  readonly sums: readonly SumSpec[];
  readonly carry: readonly CarrySpec[];
}
