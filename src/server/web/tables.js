// @ts-check
// Draws an official table from the layout the server derives from the format description
// (partLayout): every header cell with its merges, every value cell with the field key it holds.
// The page knows no table layout of its own.
import { el } from './dom.js';
import { cellDisplay, SEVERITY_LABEL } from './format.js';

/** @typedef {import('../page-data').Finding} Finding */
/** @typedef {import('../page-data').Report} Report */
/** @typedef {import('../page-data').PagePart} PagePart */
/** @typedef {import('../page-data').PageFormat} PageFormat */
/** @typedef {import('../page-data').PageField} PageField */
/** @typedef {import('../page-data').LayoutCell} LayoutCell */
/** @typedef {Map<string, Finding[]>} FindingsByKey */

/** @type {Readonly<Record<Finding['severity'], number>>} */
const RANK = { error: 3, warning: 2, info: 1 };

/** @type {WeakMap<Finding, string>} */
const FINDING_ID = new WeakMap();

/**
 * Findings by field key. Each finding also gets the id of its entry in the findings list, so a
 * cell can point at what is wrong with it (aria-describedby) and not only colour itself.
 * @param {readonly Finding[]} issues
 * @returns {FindingsByKey}
 */
export function findingsByKey(issues) {
  const map = new Map();
  issues.forEach((f, i) => {
    FINDING_ID.set(f, `finding-${i}`);
    for (const key of f.fields) {
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(f);
    }
  });
  return map;
}

/**
 * The element id of a finding's entry in the findings list.
 * @param {Finding} finding
 */
export function findingId(finding) {
  return FINDING_ID.get(finding) ?? '';
}

/**
 * The finding marks of a value: the worst severity as a class, and the findings' list entries as its description.
 * @param {readonly Finding[]} findings
 * @returns {{ severity: Finding['severity'] | null, describedBy: string | null }}
 */
export function findingMarks(findings) {
  if (!findings.length) return { severity: null, describedBy: null };
  return { severity: worst(findings), describedBy: findings.map(findingId).filter(Boolean).join(' ') || null };
}

/**
 * @param {readonly Finding[]} findings
 * @returns {Finding['severity']}
 */
function worst(findings) {
  return findings.reduce((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), /** @type {Finding['severity']} */ ('info'));
}

/** @param {LayoutCell} cell */
function headerCell(cell) {
  return el('th', {
    class: `layout-${cell.role}`,
    colspan: cell.colSpan > 1 ? cell.colSpan : null,
    rowspan: cell.rowSpan > 1 ? cell.rowSpan : null,
    scope: cell.role === 'row' ? 'row' : cell.role === 'column' ? 'col' : null,
    text: cell.text,
  });
}

/**
 * @param {LayoutCell & { key: string }} cell
 * @param {Report} report
 * @param {FindingsByKey} byKey
 * @param {Readonly<Record<string, string>>} edits
 * @param {PageField | undefined} field
 */
function valueCell(cell, report, byKey, edits, field) {
  const shown = cellDisplay(report, cell.key);
  const findings = byKey.get(cell.key) ?? [];
  const marks = findingMarks(findings);
  const classes = ['value', `status-${shown.status}`];
  if (marks.severity) classes.push(`sev-${marks.severity}`);
  if (cell.key in edits) classes.push('edited');
  const notes = [
    field?.where,
    ...findings.map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}`),
    shown.note,
    cell.key in edits ? `已更正（原文：${edits[cell.key] || '空白'}）` : null,
    '点击可更正',
  ].filter(Boolean);
  return el('td', {
    class: classes.join(' '),
    colspan: cell.colSpan > 1 ? cell.colSpan : null,
    tabindex: '0',
    title: notes.join('\n'),
    'aria-describedby': marks.describedBy,
    data: { key: cell.key, where: field?.where ?? cell.key },
    text: shown.text,
  });
}

/**
 * The table of one part. Cells are appended row by row in column order; the browser's table
 * layout places them around the merged cells above, exactly as in the printed table.
 * Returns the table and its value cells by key (for highlighting and scrolling).
 * @param {PagePart} part
 * @param {Report} report
 * @param {PageFormat} format
 * @param {FindingsByKey} byKey
 * @param {Readonly<Record<string, string>>} edits
 * @returns {{ table: HTMLTableElement, cells: Map<string, HTMLElement> }}
 */
export function renderPart(part, report, format, byKey, edits) {
  const rows = Array.from({ length: part.layout.height }, () => el('tr'));
  /** @type {Map<string, HTMLElement>} */
  const cells = new Map();
  const sorted = [...part.layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of sorted) {
    if (cell.role === 'value' && cell.key !== undefined) {
      const td = valueCell({ ...cell, key: cell.key }, report, byKey, edits, format.fields[cell.key]);
      cells.set(cell.key, td);
      rows[cell.row].append(td);
    } else rows[cell.row].append(headerCell(cell));
  }
  const table = el('table', { class: `official part-${part.id}`, data: { part: part.id } }, [el('tbody', {}, rows)]);
  return { table, cells };
}
