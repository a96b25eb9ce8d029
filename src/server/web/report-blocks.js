// The lists of a report view: its findings, its corrected cells and its narrative sections.
// Plain functions from data to elements; what a click does is passed in.
import { el } from './dom.js';
import { SEVERITY_LABEL } from './format.js';

const SEVERITY_ORDER = ['error', 'warning', 'info'];

/** Findings, errors first; one that names cells on the page can be clicked to go to them. */
export function findingsBlock(issues, rules, canLocate, locate) {
  const sorted = [...issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const list = el('ol', { class: 'findings' }, sorted.map((f) => {
    const locatable = canLocate(f);
    return el('li', {
      class: `finding sev-${f.severity}${locatable ? ' locatable' : ''}`, tabindex: locatable ? '0' : null,
      data: { rule: f.rule }, title: locatable ? '点击定位到相关单元格' : null,
      on: locatable ? { click: () => locate(f), keydown: (e) => { if (e.key === 'Enter') locate(f); } } : {},
    }, [
      el('span', { class: `badge sev-${f.severity}`, text: SEVERITY_LABEL[f.severity] }),
      el('span', { class: 'rule-title', text: rules[f.rule]?.title ?? f.rule }),
      el('span', { class: 'message', text: f.message }),
    ]);
  }));
  const heading = el('h2', { text: issues.length ? `发现的问题（${issues.length}）` : '发现的问题' });
  return el('section', { class: 'findings-block' }, [heading, issues.length ? list : el('p', { class: 'all-good', text: '未发现问题。' })]);
}

/** The text a value shows for correcting: the clerk's text if corrected, else as read, or a meta value ('' when absent). */
export function editableText(report, key) {
  const cell = report.cells[key];
  return cell?.corrected?.text ?? cell?.raw ?? (report.fields[key] == null ? '' : String(report.fields[key]));
}

/** The cells the clerk corrected: text as read → text now, each with a way back. */
export function editsBlock(edits, report, format, restore) {
  const keys = Object.keys(edits);
  if (!keys.length) return null;
  return el('section', { class: 'edits-block' }, [
    el('h2', { text: `已更正的内容（${keys.length}）` }),
    el('ul', { class: 'edits' }, keys.map((key) => el('li', {}, [
      el('span', { text: `${format.fields[key]?.where ?? key}：` }),
      el('del', { text: edits[key] || '空白' }), ' → ', el('ins', { text: editableText(report, key) || '空白' }),
      el('button', { type: 'button', class: 'link', text: '恢复原文', on: { click: () => restore(key, edits[key]) } }),
    ]))),
  ]);
}

/** The six sections as printed, folded; a section not found says so. */
export function sectionsBlock(report) {
  return el('section', { class: 'sections' }, [
    el('h2', { text: '报告正文' }),
    ...report.sections.map((s) => el('details', { data: { section: String(s.no) } }, [
      el('summary', { text: s.heading ?? `${s.official}（未找到）`, class: s.heading ? null : 'missing' }),
      ...s.paragraphs.map((p) => el('p', { text: p })),
    ])),
  ]);
}
