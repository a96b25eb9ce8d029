// @ts-check
// The lists of a report view: its findings, its corrected cells and its narrative sections.
// Plain functions from data to elements; what a click does is passed in.
import { el } from './dom.js';
import { SEVERITY_LABEL } from './format.js';
import { findingId } from './tables.js';

/** @typedef {import('../page-data').Finding} Finding */
/** @typedef {import('../page-data').Report} Report */
/** @typedef {import('../page-data').PageConfig} PageConfig */
/** @typedef {import('../page-data').PageFormat} PageFormat */

const SEVERITY_ORDER = ['error', 'warning', 'info'];

/**
 * Findings, errors first; one that names cells on the page can be clicked to go to them. Each
 * entry has the id the cells it names point at (findingsByKey must have seen the same issues).
 * @param {readonly Finding[]} issues
 * @param {PageConfig['rules']} rules
 * @param {(f: Finding) => boolean} canLocate
 * @param {(f: Finding) => void} locate
 */
export function findingsBlock(issues, rules, canLocate, locate) {
  const sorted = [...issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const list = el(
    'ol',
    { class: 'findings' },
    sorted.map((f) => {
      const locatable = canLocate(f);
      return el(
        'li',
        {
          id: findingId(f) || null,
          class: `finding sev-${f.severity}${locatable ? ' locatable' : ''}`,
          tabindex: locatable ? '0' : null,
          data: { rule: f.rule },
          title: locatable ? '点击定位到相关单元格' : null,
          on: locatable
            ? {
                click: () => locate(f),
                keydown: (e) => {
                  if (e.key === 'Enter') locate(f);
                },
              }
            : {},
        },
        [
          el('span', { class: `badge sev-${f.severity}`, text: SEVERITY_LABEL[f.severity] }),
          el('span', { class: 'rule-title', text: rules[f.rule]?.title ?? f.rule }),
          el('span', { class: 'message', text: f.message }),
        ],
      );
    }),
  );
  const heading = el('h2', { text: issues.length ? `发现的问题（${issues.length}）` : '发现的问题' });
  return el('section', { class: 'findings-block' }, [
    heading,
    issues.length ? list : el('p', { class: 'all-good', text: '未发现问题。' }),
  ]);
}

/**
 * The text a value shows for correcting: the clerk's text if corrected, else as read, or a meta value ('' when absent).
 * @param {Report} report
 * @param {string} key
 */
export function editableText(report, key) {
  const cell = report.cells[key];
  return cell?.corrected?.text ?? cell?.raw ?? (report.fields[key] == null ? '' : String(report.fields[key]));
}

/**
 * The cells the clerk corrected: text as read → text now, each with a way back.
 * @param {Readonly<Record<string, string>>} edits
 * @param {Report} report
 * @param {PageFormat} format
 * @param {(key: string, raw: string) => void} restore
 */
export function editsBlock(edits, report, format, restore) {
  const keys = Object.keys(edits);
  if (!keys.length) return null;
  return el('section', { class: 'edits-block' }, [
    el('h2', { text: `已更正的内容（${keys.length}）` }),
    el(
      'ul',
      { class: 'edits' },
      keys.map((key) =>
        el('li', {}, [
          el('span', { text: `${format.fields[key]?.where ?? key}：` }),
          el('del', { text: edits[key] || '空白' }),
          ' → ',
          el('ins', { text: editableText(report, key) || '空白' }),
          el('button', { type: 'button', class: 'link', text: '恢复原文', on: { click: () => restore(key, edits[key]) } }),
        ]),
      ),
    ),
  ]);
}

/** @typedef {import('../page-data').SectionBlock} SectionBlock */
/** @typedef {import('../page-data').KeptTable} KeptTable */

/**
 * A table that is not an official one, cell texts in their rows (merges not drawn).
 * @param {KeptTable} kept
 */
function keptTable(kept) {
  /** @type {HTMLTableCellElement[][]} */
  const rows = Array.from({ length: kept.height }, () => []);
  for (const c of kept.cells)
    rows[c.row]?.push(
      el('td', { text: c.text, colspan: c.colSpan > 1 ? c.colSpan : null, rowspan: c.rowSpan > 1 ? c.rowSpan : null }),
    );
  return el('table', { class: 'kept-table' }, [
    el(
      'tbody',
      {},
      rows.map((cells) => el('tr', {}, cells)),
    ),
  ]);
}

/** @type {readonly ('h2' | 'h3' | 'h4' | 'h5' | 'h6')[]} */
const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * One block of a section: a sub-heading by its level (h3 for （一）…), a paragraph, or where a table stands.
 * @param {SectionBlock} b
 * @param {PageFormat} format
 */
function sectionBlockElement(b, format) {
  if (b.kind === 'heading')
    return el(HEADING_TAGS[Math.min(Math.max(b.level - 1, 1), 4)], {
      class: `sub-heading level-${b.level}`,
      text: b.numbering + b.text,
    });
  if (b.kind === 'paragraph') return el('p', { text: b.text });
  const part = b.part && format.parts.find((p) => p.id === b.part);
  if (part) return el('p', { class: 'table-anchor', text: `〔表${part.no}，见下方表格〕` });
  return b.kept ? keptTable(b.kept) : null;
}

/**
 * The six sections as printed, folded, with their sub-items as headings; a section not found says so.
 * @param {Report} report
 * @param {PageFormat} format
 */
export function sectionsBlock(report, format) {
  return el('section', { class: 'sections' }, [
    el('h2', { text: '报告正文' }),
    ...report.sections.map((s) =>
      el('details', { data: { section: String(s.no) } }, [
        el('summary', { text: s.heading ?? `${s.official}（未找到）`, class: s.heading ? null : 'missing' }),
        ...(s.blocks ? s.blocks.map((b) => sectionBlockElement(b, format)) : s.paragraphs.map((p) => el('p', { text: p }))),
      ]),
    ),
  ]);
}
