/**
 * Label indexes over a format's tables, built once per format: captions, header labels (leaf and
 * group columns, the corner cell) and row labels. Recognition looks cells up here by content.
 */
import { LabelIndex, labelKeys, specKeys } from '../formats/labels';
import { getFormat, type Format, type LeafColumn, type LeafRow, type TableModel } from '../formats/model';
import type { ColumnNode, FormatVersion, LabelSpec, RowNode } from '../formats/types';

export interface SpecIndex {
  readonly model: TableModel;
  readonly leafColumns: LabelIndex<LeafColumn>;
  /** Every header label of the table (leaf and group columns, the corner): evidence of a header row. */
  readonly headerLabels: LabelIndex<LabelSpec>;
  readonly leafRows: LabelIndex<LeafRow>;
  /** The data row of a table without row labels (table 四). */
  readonly unlabelledRow?: LeafRow;
}

export interface FormatIndex {
  readonly format: Format;
  readonly specs: readonly SpecIndex[];
  readonly captions: LabelIndex<SpecIndex>;
}

function indexSpec(model: TableModel): SpecIndex {
  const leafColumns = new LabelIndex<LeafColumn>();
  for (const leaf of model.leafColumns) leafColumns.add(leaf.node, leaf);
  const headerLabels = new LabelIndex<LabelSpec>();
  const addHeaders = (nodes: readonly ColumnNode[]) =>
    nodes.forEach((n) => {
      headerLabels.add(n, n);
      if (n.children) addHeaders(n.children);
    });
  addHeaders(model.spec.columns);
  if (model.spec.corner) headerLabels.add(model.spec.corner, model.spec.corner);
  const leafRows = new LabelIndex<LeafRow>({ stripNumbering: true });
  let unlabelledRow: LeafRow | undefined;
  for (const leaf of model.leafRows) {
    if (leaf.node.label) leafRows.add(leaf.node as LabelSpec, leaf);
    else unlabelledRow = leaf;
  }
  return { model, leafColumns, headerLabels, leafRows, ...(unlabelledRow ? { unlabelledRow } : {}) };
}

const cache = new Map<FormatVersion, FormatIndex>();

export function formatIndex(version: FormatVersion): FormatIndex {
  let index = cache.get(version);
  if (!index) {
    const format = getFormat(version);
    const specs = format.tables.map(indexSpec);
    const captions = new LabelIndex<SpecIndex>();
    for (const s of specs) if (s.model.spec.caption) captions.add(s.model.spec.caption, s);
    index = { format, specs, captions };
    cache.set(version, index);
  }
  return index;
}

/** Whether a text is one of a node's labels (exact keys; numbering ignored for rows). */
export function textMatchesNode(text: string, node: LabelSpec | RowNode, stripNumbering: boolean): boolean {
  if (!node.label) return false;
  const keys = new Set(specKeys(node as LabelSpec, { stripNumbering }));
  return labelKeys(text, { stripNumbering }).some((k) => keys.has(k));
}
