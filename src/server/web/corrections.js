// @ts-check
// The journal of a report's corrections on the page: every action newest first (a typed value or
// 空白填 0), each with what was reported, what it became, when, and a way to undo it; the 空白填 0
// action; and Ctrl+Z, which undoes the newest action of the report shown.
import { el } from './dom.js';

/** @typedef {import('../page-data').Report} Report */
/** @typedef {import('../page-data').PageFormat} PageFormat */
/** @typedef {import('../page-data').JournalEntry} JournalEntry */
/** @typedef {import('../page-data').JournalChange} JournalChange */

/** @type {Readonly<Record<JournalEntry['kind'], string>>} */
const KIND_LABEL = { edit: '更正', 'fill-zero': '空白填 0' };

/** @param {string} iso */
function time(iso) {
  const d = new Date(iso);
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * @param {JournalChange} change
 * @param {PageFormat} format
 */
function changeText(change, format) {
  const where = format.fields[change.key]?.where ?? change.key;
  return `${where}：${change.before || '空白'} → ${change.text || '空白'}`;
}

/**
 * The toolbar of a report's corrections: 空白填 0 (with how many cells) and undo of the newest.
 * @param {Report} report
 * @param {readonly JournalEntry[]} journal
 * @param {number} blankCount
 * @param {{ fillZero: () => void, undo: () => void }} actions
 */
export function correctionTools(report, journal, blankCount, actions) {
  const active = journal.filter((e) => !e.undone);
  return el('div', { class: 'correction-tools' }, [
    el('button', {
      type: 'button',
      class: 'fill-zero',
      disabled: blankCount === 0,
      title: '把本报告表格中所有空白单元格填为 0（算作一次更正，可一次撤销）',
      text: `空白填 0（${blankCount} 个空白单元格）`,
      on: { click: actions.fillZero },
    }),
    el('button', {
      type: 'button',
      class: 'undo-last',
      disabled: active.length === 0,
      title: '撤销最近一次更正（Ctrl+Z）',
      text: '撤销上一步（Ctrl+Z）',
      on: { click: () => actions.undo() },
    }),
  ]);
}

/**
 * The journal, newest first.
 * @param {readonly JournalEntry[]} journal
 * @param {PageFormat} format
 * @param {(entryId: string) => void} undo
 */
export function journalBlock(journal, format, undo) {
  if (!journal.length) return null;
  const items = [...journal].reverse().map((entry) => {
    const changes =
      entry.changes.length > 3
        ? [
            `${entry.changes.length} 个单元格：${entry.changes
              .slice(0, 2)
              .map((c) => format.fields[c.key]?.where ?? c.key)
              .join('；')} 等`,
          ]
        : entry.changes.map((c) => changeText(c, format));
    return el('li', { class: `journal-entry${entry.undone ? ' undone' : ''}`, data: { entry: entry.id } }, [
      el('span', { class: 'journal-time', text: time(entry.at) }),
      el('span', { class: 'journal-kind', text: KIND_LABEL[entry.kind] ?? entry.kind }),
      el('span', { class: 'journal-changes', text: changes.join('；') }),
      entry.note && entry.kind === 'edit' ? el('span', { class: 'journal-note', text: `备注：${entry.note}` }) : null,
      entry.undone
        ? el('span', { class: 'hint', text: `已于 ${time(entry.undone)} 撤销` })
        : el('button', { type: 'button', class: 'link undo', text: '撤销', on: { click: () => undo(entry.id) } }),
    ]);
  });
  return el('section', { class: 'journal-block' }, [
    el('h2', { text: `更正记录（${journal.length}）` }),
    el('ol', { class: 'journal' }, items),
  ]);
}

/**
 * Blank table cells as they stand (a corrected cell counts as corrected).
 * @param {Report} report
 */
export function blankCount(report) {
  let n = 0;
  for (const [key, cell] of Object.entries(report.cells)) {
    if (!key.startsWith('meta.') && (cell.corrected?.status ?? cell.status) === 'blank') n++;
  }
  return n;
}

/**
 * Ctrl+Z (⌘Z) anywhere on the page but in a text field undoes the newest correction of the report shown.
 * @param {() => void} undoLast
 */
export function wireUndoKey(undoLast) {
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
      return;
    e.preventDefault();
    undoLast();
  });
}
