/**
 * Reports built section by section (headings, sub-items, paragraphs, tables where the author put
 * them), as DOCX (docx-fixture) or as a plain HTML page, and the section structure of a Report as
 * lines that a test compares whole: `S2 二、主动公开政府信息情况`, `H2 （一）主动公开情况`, `P …`, `T t2`.
 */
import type { FormatVersion, PartId } from '../../src/formats/types';
import type { Report } from '../../src/report/types';
import { p, table, type FxBlock } from './docx-fixture';
import { consistentValues, officialRows } from './report-fixture';

/** The official table of a part with consistent values. */
export function partTable(version: FormatVersion, part: PartId, seed = 3): FxBlock {
  return table(officialRows(version, part, consistentValues(version, seed)));
}

/** Title, preamble, the given sections in the given order, signature. */
export function structuredBlocks(year: number, sections: readonly (readonly FxBlock[])[]): FxBlock[] {
  return [
    p(`某某县人民政府${year}年政府信息公开工作年度报告`, { center: true, bold: true }),
    p('根据《中华人民共和国政府信息公开条例》规定，现公布本年度报告。'),
    ...sections.flat(),
    p('某某县人民政府'),
    p(`${year + 1}年1月28日`),
  ];
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The blocks as a web page: bold as <strong>, heading styles as <h1>/<h2>, tables with their spans. */
export function blocksToHtml(blocks: readonly FxBlock[]): string {
  const body = blocks.map((b) => {
    if (b.kind === 'table') {
      const rows = b.rows.map(
        (r) =>
          `<tr>${r.map((c) => `<td${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan ? ` colspan="${c.colSpan}"` : ''}>${escape(c.text)}</td>`).join('')}</tr>`,
      );
      return `<table border="1">${rows.join('')}</table>`;
    }
    if (b.heading) return `<h${b.heading}>${escape(b.text)}</h${b.heading}>`;
    return b.bold ? `<p><strong>${escape(b.text)}</strong></p>` : `<p>${escape(b.text)}</p>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>${body.join('\n')}</body></html>`;
}

/**
 * The section structure as lines: each found section's heading, then its blocks; consecutive
 * anchors of one part (a table split in several) count once, another table by its first cell.
 */
export function structureOf(report: Report): string[] {
  const out: string[] = [];
  for (const s of report.sections) {
    if (s.heading === null) continue;
    out.push(`S${s.no} ${s.heading}`);
    for (const b of s.blocks ?? []) {
      const line =
        b.kind === 'heading'
          ? `H${b.level} ${b.numbering}${b.text}`
          : b.kind === 'paragraph'
            ? `P ${b.text}`
            : `T ${b.part ?? `other ${b.kept?.cells[0]?.text ?? ''}`}`;
      if (line !== out[out.length - 1] || !line.startsWith('T t')) out.push(line);
    }
  }
  return out;
}
