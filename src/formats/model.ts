/**
 * The format description with its derived parts: the leaf rows and columns of every table, and
 * the field definitions (key, labels, type, unit) that make up the field catalog.
 */
import { loadFormatSpec, templateFormatVersions } from './load';
import type {
  CarrySpec,
  ColumnNode,
  FormatSpec,
  FormatVersion,
  MetaSpec,
  Over,
  PartId,
  RowNode,
  TableSpec,
  Unit,
  ValueType,
} from './types';

/** The formats described in templates/ (format-<version>.json), oldest first: a new format is one more file. */
export const FORMAT_VERSIONS: readonly FormatVersion[] = templateFormatVersions();

export interface LeafColumn {
  readonly index: number;
  /** Ids along the path from the top header to this leaf: they form the column part of keys. */
  readonly ids: readonly string[];
  readonly path: readonly ColumnNode[];
  readonly node: ColumnNode;
  readonly type: ValueType;
  readonly unit: Unit;
  readonly signed: boolean;
}

export interface LeafRow {
  readonly index: number;
  readonly ids: readonly string[];
  readonly path: readonly RowNode[];
  readonly node: RowNode;
}

export interface TableModel {
  readonly spec: TableSpec;
  readonly leafColumns: readonly LeafColumn[];
  readonly leafRows: readonly LeafRow[];
  /** Header rows below the caption: the depth of the column tree. */
  readonly headerDepth: number;
}

export interface FieldDef {
  readonly key: string;
  readonly format: FormatVersion;
  readonly part: PartId | 'meta';
  /** TableSpec id (t2.item1, t3, t4) or 'meta'. */
  readonly table: string;
  readonly tableLabel: string;
  /** Row and column label paths as in the field catalog (fields.csv), joined with '/'. */
  readonly rowLabel: string;
  readonly columnLabel: string;
  readonly type: ValueType | 'text' | 'date';
  readonly unit?: Unit;
  readonly signed: boolean;
  /** Where the cell is, the way the printed table names it: 表三“（七）总计”行“自然人”列. */
  readonly where: string;
  /** Short name for sums in messages: 本年新收 (自然人). */
  readonly rowShort: string;
  readonly columnShort: string;
  readonly leafRow?: LeafRow;
  readonly leafColumn?: LeafColumn;
}

export interface Format {
  readonly version: FormatVersion;
  readonly spec: FormatSpec;
  readonly tables: readonly TableModel[];
  readonly fields: readonly FieldDef[];
  readonly byKey: ReadonlyMap<string, FieldDef>;
}

function leafColumns(spec: TableSpec): LeafColumn[] {
  const out: LeafColumn[] = [];
  const walk = (nodes: readonly ColumnNode[], path: ColumnNode[], inherited: Partial<LeafColumn>) => {
    for (const node of nodes) {
      const here = [...path, node];
      const value = {
        type: node.type ?? inherited.type ?? spec.defaults.type,
        unit: node.unit ?? inherited.unit ?? spec.defaults.unit,
        signed: node.signed ?? inherited.signed ?? false,
      };
      if (node.children?.length) walk(node.children, here, value);
      else out.push({ index: out.length, ids: idsOf(here), path: here, node, ...value });
    }
  };
  walk(spec.columns, [], {});
  return out;
}

function leafRows(spec: TableSpec): LeafRow[] {
  const out: LeafRow[] = [];
  const walk = (nodes: readonly RowNode[], path: RowNode[]) => {
    for (const node of nodes) {
      const here = [...path, node];
      if (node.children?.length) walk(node.children, here);
      else out.push({ index: out.length, ids: idsOf(here), path: here, node });
    }
  };
  walk(spec.rows, []);
  return out;
}

function idsOf(path: readonly { id?: string }[]): string[] {
  return path.map((n) => n.id).filter((id): id is string => !!id);
}

function depth(nodes: readonly { children?: readonly unknown[] }[]): number {
  let d = 0;
  for (const n of nodes) d = Math.max(d, 1 + depth((n.children ?? []) as { children?: unknown[] }[]));
  return d;
}

const keyCache = new WeakMap<LeafRow, WeakMap<LeafColumn, string>>();

export function fieldKey(spec: TableSpec, row: LeafRow, column: LeafColumn): string {
  let byColumn = keyCache.get(row);
  if (!byColumn) keyCache.set(row, (byColumn = new WeakMap()));
  let key = byColumn.get(column);
  if (key === undefined) {
    key = [spec.part, ...row.ids, ...column.ids].join('.');
    byColumn.set(column, key);
  }
  return key;
}

function labelPath(path: readonly { label?: string }[]): string {
  return path
    .map((n) => n.label)
    .filter(Boolean)
    .join('/');
}

function tableField(format: FormatSpec, table: TableModel, row: LeafRow, column: LeafColumn): FieldDef {
  const { spec } = table;
  const partNo = format.parts.find((p) => p.id === spec.part)?.no ?? '';
  const rowLabel = labelPath(row.path);
  const colLabels = column.path.map((n) => n.label);
  // Table 四 has no row labels: the catalog names its column groups as the row.
  const catalogRow = rowLabel || colLabels.slice(0, -1).join('/');
  const catalogColumn = rowLabel ? colLabels.join('/') : colLabels[colLabels.length - 1];
  const leafRowLabel = row.node.label ?? '';
  const leafColLabel = column.node.label;
  const where = rowLabel
    ? `表${partNo}${spec.part === 't2' ? `“${spec.title}”` : ''}“${leafRowLabel}”行“${leafColLabel}”列`
    : `表${partNo}“${colLabels.join('/')}”列`;
  return {
    key: fieldKey(spec, row, column),
    format: format.version,
    part: spec.part,
    table: spec.id,
    tableLabel: spec.title,
    rowLabel: catalogRow,
    columnLabel: catalogColumn,
    type: column.type,
    unit: column.unit,
    signed: column.signed,
    where,
    rowShort: row.node.short ?? (leafRowLabel || colLabels.slice(0, -1).join('/')),
    columnShort: column.node.short ?? leafColLabel,
    leafRow: row,
    leafColumn: column,
  };
}

function metaField(version: FormatVersion, m: MetaSpec): FieldDef {
  return {
    key: m.key,
    format: version,
    part: 'meta',
    table: 'meta',
    tableLabel: 'meta',
    rowLabel: m.label,
    columnLabel: m.note ?? '',
    type: m.type,
    signed: false,
    where: m.label,
    rowShort: m.label,
    columnShort: '',
  };
}

function buildFormat(version: FormatVersion): Format {
  const spec = loadFormatSpec(version);
  if (spec.version !== version) throw new Error(`templates: format-${version}.json says version ${spec.version}`);
  const tables: TableModel[] = spec.tables.map((t) => ({
    spec: t,
    leafColumns: leafColumns(t),
    leafRows: leafRows(t),
    headerDepth: depth(t.columns),
  }));
  const fields: FieldDef[] = spec.meta.map((m) => metaField(version, m));
  for (const table of tables) {
    for (const row of table.leafRows) {
      for (const column of table.leafColumns) fields.push(tableField(spec, table, row, column));
    }
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  if (byKey.size !== fields.length) throw new Error(`templates: duplicate field keys in format ${version}`);
  return { version, spec, tables, fields, byKey };
}

const cache = new Map<FormatVersion, Format>();

export function getFormat(version: FormatVersion): Format {
  let format = cache.get(version);
  if (!format) {
    format = buildFormat(version);
    cache.set(version, format);
  }
  return format;
}

export function isFormatVersion(v: unknown): v is FormatVersion {
  return typeof v === 'string' && FORMAT_VERSIONS.includes(v);
}

/** The newest format: what a report without a year is read against first, and what migration aims at. */
export function latestFormat(): FormatVersion {
  return FORMAT_VERSIONS[FORMAT_VERSIONS.length - 1];
}

/** The first year any official format covers; earlier reports have no format to compare with. */
export function firstFormatYear(): number {
  return getFormat(FORMAT_VERSIONS[0]).spec.years.from;
}

/** The format a report of this year must use (FORMAT_VERSION rule): the newest one in force that year. */
export function formatForYear(year: number): FormatVersion {
  const inForce = FORMAT_VERSIONS.filter((v) => getFormat(v).spec.years.from <= year);
  return inForce.length ? inForce[inForce.length - 1] : FORMAT_VERSIONS[0];
}

/** Expands a key template over the format's keys: `{}` is the item, `*` one key segment. */
export function expandTemplate(format: Format, template: string, item: string): string[] {
  const key = template.replace('{}', item);
  if (!key.includes('*')) return format.byKey.has(key) ? [key] : [];
  const re = new RegExp(
    `^${key
      .split('.')
      .map((s) => (s === '*' ? '[^.]+' : s.replace(/[$()*+?[\]\\^|]/g, '\\$&')))
      .join('\\.')}$`,
  );
  return format.fields.filter((f) => re.test(f.key)).map((f) => f.key);
}

/** One item of a carry: the keys it links (absent where a format lacks the field). */
export interface CarryItem {
  readonly item: string;
  /** Last year's key, in last year's format. */
  readonly from?: string;
  /** This year's key. */
  readonly to?: string;
  readonly plus: readonly string[];
  readonly minus: readonly string[];
  /** Every key of the item exists in its format. */
  readonly complete: boolean;
}

export type CompleteCarryItem = CarryItem & { readonly from: string; readonly to: string };

export function isComplete(item: CarryItem): item is CompleteCarryItem {
  return item.complete;
}

const carryCache = new WeakMap<CarrySpec, Map<string, CarryItem[]>>();

/** A carry of this year's format expanded over its items; `from` keys are looked up in last year's format. */
export function carryItems(lastYear: Format, thisYear: Format, spec: CarrySpec): CarryItem[] {
  let byPair = carryCache.get(spec);
  if (!byPair) carryCache.set(spec, (byPair = new Map()));
  const id = `${lastYear.version}>${thisYear.version}`;
  let items = byPair.get(id);
  if (!items) {
    items = overItems(thisYear, spec.over).map((item) => {
      const [from] = expandTemplate(lastYear, spec.from, item);
      const [to] = expandTemplate(thisYear, spec.to, item);
      const plus = (spec.plus ?? []).flatMap((t) => expandTemplate(thisYear, t, item));
      const minus = (spec.minus ?? []).flatMap((t) => expandTemplate(thisYear, t, item));
      const complete = !!from && !!to && plus.length === (spec.plus ?? []).length && minus.length === (spec.minus ?? []).length;
      return { item, ...(from ? { from } : {}), ...(to ? { to } : {}), plus, minus, complete };
    });
    byPair.set(id, items);
  }
  return items;
}

/** The items an `over` clause stands for. */
export function overItems(format: Format, over: Over): string[] {
  if ('list' in over) return [...over.list];
  const id = 'columnsOf' in over ? over.columnsOf : over.rowsOf;
  const table = format.tables.find((t) => t.spec.id === id);
  if (!table) throw new Error(`templates: unknown table ${id} in 'over'`);
  const leaves = 'columnsOf' in over ? table.leafColumns : table.leafRows;
  return leaves.map((l) => l.ids.join('.'));
}
