// Draws an official table from the layout the server derives from the format description
// (partLayout): every header cell with its merges, every value cell with the field key it holds.
// The page knows no table layout of its own.
import { el } from './dom.js';
import { cellDisplay, SEVERITY_LABEL } from './format.js';

const RANK = { error: 3, warning: 2, info: 1 };

/** Findings by field key. */
export function findingsByKey(issues) {
  const map = new Map();
  for (const f of issues) for (const key of f.fields) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(f);
  }
  return map;
}

function worst(findings) {
  return findings.reduce((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info');
}

function headerCell(cell) {
  return el('th', {
    class: `layout-${cell.role}`,
    colspan: cell.colSpan > 1 ? cell.colSpan : null,
    rowspan: cell.rowSpan > 1 ? cell.rowSpan : null,
    scope: cell.role === 'row' ? 'row' : cell.role === 'column' ? 'col' : null,
    text: cell.text,
  });
}

function valueCell(cell, report, byKey, edits, field) {
  const shown = cellDisplay(report, cell.key);
  const findings = byKey.get(cell.key) ?? [];
  const classes = ['value', `status-${shown.status}`];
  if (findings.length) classes.push(`sev-${worst(findings)}`);
  if (cell.key in edits) classes.push('edited');
  const notes = [field?.where, ...findings.map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}`), shown.note,
    cell.key in edits ? `已更正（原文：${edits[cell.key] || '空白'}）` : null, '点击可更正'].filter(Boolean);
  return el('td', {
    class: classes.join(' '),
    colspan: cell.colSpan > 1 ? cell.colSpan : null,
    tabindex: '0',
    title: notes.join('\n'),
    data: { key: cell.key },
    text: shown.text,
  });
}

/**
 * The table of one part. Cells are appended row by row in column order; the browser's table
 * layout places them around the merged cells above, exactly as in the printed table.
 * Returns the table and its value cells by key (for highlighting and scrolling).
 */
export function renderPart(part, report, format, byKey, edits) {
  const rows = Array.from({ length: part.layout.height }, () => el('tr'));
  const cells = new Map();
  const sorted = [...part.layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of sorted) {
    if (cell.role === 'value') {
      const td = valueCell(cell, report, byKey, edits, format.fields[cell.key]);
      cells.set(cell.key, td);
      rows[cell.row].append(td);
    } else rows[cell.row].append(headerCell(cell));
  }
  const table = el('table', { class: `official part-${part.id}`, data: { part: part.id } }, [el('tbody', {}, rows)]);
  return { table, cells };
}
