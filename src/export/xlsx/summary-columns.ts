/**
 * The columns of the batch summary: a few leading columns about the file, then one column per
 * field key of both official formats side by side. Headers come from the field catalog: table /
 * row / column labels, with the format named where a key belongs to one format only.
 */
import { FORMAT_VERSIONS, getFormat, type FieldDef } from '../../formats/model';
import type { FormatVersion } from '../../formats/types';
import type { Severity } from '../../report/types';
import { units } from './sizing';
import { xlsxStyle } from './style';

export type ColumnRole = 'lead' | 'count' | 'field';

export interface SummaryColumn {
  /** Machine-readable name written in the key row: the field key, or source.*, status, issues.*. */
  readonly key: string;
  readonly role: ColumnRole;
  /** Header labels, top to bottom; a single label spans all header levels. */
  readonly headers: readonly string[];
  readonly width: number;
  readonly type?: FieldDef['type'];
  /** The formats that have this field (field columns only). */
  readonly formats: readonly FormatVersion[];
  /** meta or t2/t3/t4 for field columns. */
  readonly part?: FieldDef['part'];
  /** The severity a count column counts. */
  readonly severity?: Severity;
}

/** Header levels above the key row. */
export const HEADER_LEVELS = 3;

/** Every field key of every format, in one order: the newest format's, others' keys slotted in. */
export function mergedFieldKeys(): string[] {
  const versions = [...FORMAT_VERSIONS].reverse();
  const order = getFormat(versions[0]).fields.map((f) => f.key);
  for (const v of versions.slice(1)) {
    const keys = getFormat(v).fields.map((f) => f.key);
    keys.forEach((key, i) => {
      if (order.includes(key)) return;
      // Before the next key this format shares, so a format's extra rows stay next to their table.
      const next = keys.slice(i + 1).find((k) => order.includes(k));
      order.splice(next === undefined ? order.length : order.indexOf(next), 0, key);
    });
  }
  return order;
}

function definitions(key: string, version?: FormatVersion): FieldDef[] {
  return (version ? [version] : FORMAT_VERSIONS).map((v) => getFormat(v).byKey.get(key)).filter((f): f is FieldDef => !!f);
}

/** A label as the newest format prints it, with an older wording added when it differs. */
function label(defs: readonly FieldDef[], pick: (f: FieldDef) => string): string {
  const [newest, ...older] = [...defs].reverse();
  const others = older.filter((f) => pick(f) !== pick(newest)).map((f) => `${f.format}版：${pick(f)}`);
  return others.length ? `${pick(newest)}（${others.join('；')}）` : pick(newest);
}

/**
 * The column label without the path segments every column of its table shares (申请人情况/ of
 * table 三): the table header above already says it, and the label fits a narrow column.
 */
function columnLabel(f: FieldDef): string {
  const paths = getFormat(f.format)
    .fields.filter((x) => x.table === f.table)
    .map((x) => x.columnLabel.split('/'));
  let common = 0;
  while (paths.every((p) => p.length > common + 1 && p[common] === paths[0][common])) common++;
  return f.columnLabel.split('/').slice(common).join('/');
}

function tableHeader(f: FieldDef): string {
  const part = getFormat(f.format).spec.parts.find((p) => p.id === f.part)!;
  return `${xlsxStyle().sheets.partPrefix}${part.no} ${f.tableLabel}`;
}

/** The leaf label with its unit when the label does not say it (采购总金额 → 采购总金额（万元）). */
function withUnit(label: string, f: FieldDef): string {
  return f.unit === '万元' && !label.includes('万元') ? `${label}（万元）` : label;
}

function fieldColumn(key: string, version?: FormatVersion): SummaryColumn {
  const defs = definitions(key, version);
  const formats = defs.map((f) => f.format);
  const only = !version && formats.length < FORMAT_VERSIONS.length ? `（${formats.join('、')}版格式）` : '';
  const w = xlsxStyle().width;
  if (defs[0].part === 'meta') {
    return {
      key,
      role: 'field',
      headers: [label(defs, (f) => f.rowLabel)],
      width: metaWidth(defs[0]),
      type: defs[0].type,
      formats,
      part: 'meta',
    };
  }
  const column = label(defs, (f) => withUnit(columnLabel(f), f));
  return {
    key,
    role: 'field',
    headers: [label(defs, tableHeader), label(defs, (f) => f.rowLabel) + only, column],
    width: Math.min(w.valueMax, Math.max(w.valueMin, units(column) / 3 + w.padding)),
    type: defs[0].type,
    formats,
    part: defs[0].part,
  };
}

function metaWidth(f: FieldDef): number {
  return xlsxStyle().summary.metaWidths[f.key] ?? xlsxStyle().width.valueMax;
}

const lead = (key: string, header: string, width: number): SummaryColumn => ({
  key,
  role: 'lead',
  headers: [header],
  width,
  formats: [],
});

function count(severity: Severity): SummaryColumn {
  return {
    key: `issues.${severity}`,
    role: 'count',
    headers: [`${xlsxStyle().severity[severity].label}数`],
    width: 7,
    formats: [],
    severity,
  };
}

/**
 * All columns of a one-row-per-report sheet, left to right: of both formats side by side, or of
 * one format (明细, one sheet per format), where 计入汇总 takes the place of 读取状态.
 */
export function summaryColumns(version?: FormatVersion): SummaryColumn[] {
  const { leadingFields } = xlsxStyle().summary;
  const fields = mergedFieldKeys().filter((k) => !version || getFormat(version).byKey.has(k));
  return [
    lead('row.no', '序号', 6),
    lead('source.file', '文件', version ? 24 : 30),
    ...leadingFields.map((k) => fieldColumn(k, version)),
    version ? lead('counted', '计入汇总', 9) : lead('status', '读取状态', 10),
    count('error'),
    count('warning'),
    count('info'),
    ...fields.filter((k) => !leadingFields.includes(k)).map((k) => fieldColumn(k, version)),
  ];
}
