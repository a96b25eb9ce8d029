/**
 * A section's content as its author structured it: sub-headings (level, numbering as printed,
 * words), paragraphs, and where each table stands (an official part, or another table kept
 * whole). `sectionText` (report/section-text.ts) gives the plain paragraphs older readers of the model use.
 */
import type { Block, Table } from '../document/types';
import type { PartId } from '../formats/types';
import type { SectionBlock, TableBlock, TableMatch } from '../report/types';
import { outlineHeading } from './outline';

/** Which official part each Document table was read as (a table read for several gives the first). */
export function partsByTable(matches: readonly TableMatch[]): Map<number, PartId> {
  const out = new Map<number, PartId>();
  for (const m of matches) {
    const part = m.spec.split('.')[0] as PartId;
    for (const t of m.tables) if (!out.has(t)) out.set(t, part);
  }
  return out;
}

function tableBlock(t: Table, parts: ReadonlyMap<number, PartId>): TableBlock {
  const part = parts.get(t.index);
  if (part) return { kind: 'table', table: t.index, part };
  const cells = t.cells.map(({ text, row, col, rowSpan, colSpan }) => ({ text, row, col, rowSpan, colSpan }));
  return { kind: 'table', table: t.index, kept: { width: t.width, height: t.height, cells } };
}

/** The blocks of Document blocks [from, to), skipping `skip` (title, signature), tables nested in cells left to their table. */
export function sectionBlocks(
  blocks: readonly Block[],
  from: number,
  to: number,
  skip: ReadonlySet<number>,
  parts: ReadonlyMap<number, PartId>,
): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (skip.has(i)) continue;
    if (b.kind === 'table') {
      if (b.parent === undefined) out.push(tableBlock(b, parts));
      continue;
    }
    if (!b.text.trim()) continue;
    const heading = outlineHeading(b);
    if (!heading) {
      out.push({ kind: 'paragraph', text: b.text });
      continue;
    }
    out.push({ kind: 'heading', level: heading.level, numbering: heading.numbering, text: heading.text });
    if (heading.rest) out.push({ kind: 'paragraph', text: heading.rest });
  }
  return out;
}
