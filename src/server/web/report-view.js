// @ts-check
// The selected report: its meta data, downloads, findings and the official tables with the
// findings marked, its sections, and what was corrected. Drawn anew only when the selection
// changes or the report is corrected, never on upload events of other files.
import { download, getJson, postJson } from './api.js';
import { attachEditor } from './cell-editor.js';
import { clear, el, toast } from './dom.js';
import { STATE_LABEL } from './format.js';
import { blankCount, correctionTools, journalBlock } from './corrections.js';
import { editableText, editsBlock, findingsBlock, sectionsBlock } from './report-blocks.js';
import { findingMarks, findingsByKey, renderPart } from './tables.js';

/** @typedef {import('../page-data').PageConfig} PageConfig */
/** @typedef {import('../page-data').PageFormat} PageFormat */
/** @typedef {import('../page-data').PagePart} PagePart */
/** @typedef {import('../page-data').ReportDetail} ReportDetail */
/** @typedef {import('../page-data').EntrySummary} EntrySummary */
/** @typedef {import('../page-data').Finding} Finding */
/** @typedef {import('../page-data').Report} Report */
/** @typedef {import('./file-list.js').FileRow} FileRow */
/** @typedef {import('./tables.js').FindingsByKey} FindingsByKey */
/** @typedef {ReportDetail & { report: Report }} ShownDetail */
/**
 * What the view asks of the page: a report was corrected, the clerk removes a file, or chooses which of
 * duplicates counts.
 * @typedef {{ onChanged: (detail: ReportDetail) => void, onRemove: (id: string) => void, onChoose: (id: string) => void }} ViewHooks
 */

const REREAD_LABEL = '重新读取';

/** @type {Readonly<Record<string, string>>} */
const DOWNLOAD_LABEL = { '.xlsx': 'Excel 表格', '.docx': 'Word 文档（标准格式）', '.json': 'JSON 数据' };

export class ReportView {
  /**
   * @param {HTMLElement} root
   * @param {PageConfig} config
   * @param {ViewHooks} hooks
   */
  constructor(root, config, hooks) {
    this.root = root;
    this.config = config;
    this.hooks = hooks;
    /** @type {ShownDetail | null} */
    this.detail = null;
    /** @type {Map<string, HTMLElement>} */
    this.cells = new Map();
    this.token = 0;
    attachEditor(
      root,
      (key) => (this.detail ? editableText(this.detail.report, key) : ''),
      (key, raw, td) => this.save(key, raw, td),
    );
  }

  /** @param {FileRow} row */
  async show(row) {
    const token = ++this.token;
    if (!row.id || row.state === 'failed') return this.drawFailure(row);
    if (row.state === 'queued' || row.state === 'uploading' || row.state === 'reading') return this.drawWaiting(row);
    try {
      /** @type {ReportDetail} */
      const detail = await getJson(`/api/reports/${row.id}`);
      if (token === this.token) this.draw(detail);
    } catch (err) {
      toast(/** @type {Error} */ (err).message);
    }
  }

  /**
   * Draws the shown report again with what the server now knows, unless the clerk is typing in it.
   * @param {FileRow} row
   */
  refresh(row) {
    if (this.root.querySelector('input.cell-input')) return;
    const scroll = this.root.scrollTop;
    this.show(row).then(() => {
      this.root.scrollTop = scroll;
    });
  }

  showEmpty() {
    this.token++;
    this.detail = null;
    clear(this.root).append(el('div', { class: 'welcome' }, [el('p', { text: '请从左侧选择一个文件。' })]));
  }

  /** @param {FileRow} row */
  drawWaiting(row) {
    this.detail = null;
    clear(this.root).append(
      el('div', { class: 'report-head' }, [
        el('h1', { text: row.name }),
        el('p', { class: 'hint', text: `${STATE_LABEL[row.state]}，完成后点击文件查看。` }),
      ]),
    );
  }

  /** @param {FileRow} row */
  drawFailure(row) {
    const summary = row.summary?.state === 'duplicate' ? null : row.summary;
    this.drawFailed(row.name, row.id ?? null, row.error ?? summary?.error ?? { zh: '无法读取' });
  }

  /**
   * A file that could not be read: why, in Chinese and English; a stored one can be read again or removed.
   * @param {string} name
   * @param {string | null} id
   * @param {{ zh: string, en?: string }} error
   * @param {string} [note]
   */
  drawFailed(name, id, error, note) {
    this.detail = null;
    clear(this.root).append(
      el('div', { class: 'report-head' }, [
        el('h1', { text: name }),
        el('span', { class: 'state failed', text: STATE_LABEL.failed }),
        note ? el('span', { class: 'recheck', role: 'status', text: note }) : null,
      ]),
      el('div', { class: 'failure' }, [
        el('p', { class: 'failure-zh', text: error.zh }),
        error.en ? el('p', { class: 'failure-en', text: error.en }) : null,
      ]),
      ...(id ? [el('p', {}, [this.rereadButton(id), this.removeButton(id)])] : []),
    );
  }

  /**
   * Reads the stored original again with this version of the reader; the server replays the
   * corrections over the new reading, so none is lost. Says what changed.
   * @param {string} id
   * @param {HTMLButtonElement} button
   */
  async reread(id, button) {
    const before = this.detail?.summary.id === id ? this.detail.summary : null;
    button.disabled = true;
    button.textContent = '正在重新读取…';
    try {
      /** @type {ReportDetail} */
      const detail = await postJson(`/api/reports/${id}/reread`, {});
      this.hooks.onChanged(detail);
      const { summary, report } = detail;
      if (report) this.draw(detail, null, rereadNote(before, summary));
      else this.drawFailed(summary.name, id, summary.error ?? { zh: '无法读取' }, '已重新读取，仍无法读取');
    } catch (err) {
      button.disabled = false;
      button.textContent = REREAD_LABEL;
      toast(err instanceof Error ? err.message : String(err));
    }
  }

  /**
   * @param {string} key
   * @param {string} raw
   * @param {HTMLElement} td
   */
  async save(key, raw, td) {
    if (!this.detail) return;
    const id = this.detail.summary.id;
    td.classList.add('saving');
    try {
      const before = this.detail.summary;
      /** @type {ReportDetail} */
      const detail = await postJson(`/api/reports/${id}/cells`, { key, raw });
      if (this.detail?.summary.id !== id) return;
      this.draw(detail, key, recheckNote(before, detail.summary));
      this.hooks.onChanged(detail);
    } catch (err) {
      td.classList.remove('saving');
      toast(/** @type {Error} */ (err).message);
    }
  }

  /** 空白填 0: one journal entry for every blank cell. */
  fillZero() {
    if (!this.detail) return Promise.resolve();
    return this.act(`/api/reports/${this.detail.summary.id}/fill-zero`, {});
  }

  /**
   * Undoes one journal entry, or the newest (Ctrl+Z) when none is named; says so when there is nothing to undo.
   * @param {string} [entryId]
   */
  undo(entryId) {
    if (!this.detail?.report) return Promise.resolve();
    return this.act(`/api/reports/${this.detail.summary.id}/undo`, entryId ? { entry: entryId } : {}, (d) =>
      d.undone ? null : '没有可撤销的更正',
    );
  }

  /**
   * Posts a correction action and redraws with the answer.
   * @param {string} url
   * @param {object} body
   * @param {(d: ReportDetail & { undone?: boolean }) => string | null} [message]
   */
  async act(url, body, message) {
    if (!this.detail) return;
    const id = this.detail.summary.id;
    const before = this.detail.summary;
    try {
      /** @type {ReportDetail & { undone?: boolean }} */
      const detail = await postJson(url, body);
      if (this.detail?.summary.id !== id) return;
      const said = message?.(detail);
      if (said) toast(said);
      this.draw(detail, null, recheckNote(before, detail.summary));
      this.hooks.onChanged(detail);
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err));
    }
  }

  /**
   * Draws a report; `focusKey` keeps the view where the clerk was editing, `note` says what the re-check found.
   * @param {ReportDetail} detail
   * @param {string | null} [focusKey]
   * @param {string} [note]
   */
  draw(detail, focusKey, note) {
    const scroll = this.root.scrollTop;
    const { report, summary } = detail;
    if (!report) return;
    this.detail = { ...detail, report };
    const format = this.config.formats[report.meta.format];
    const byKey = findingsByKey(report.issues);
    this.cells = new Map();
    const parts = format.parts.map((part) => this.partBlock(part, report, format, byKey, detail.edits));
    const blocks = [
      this.head(report, summary, note),
      this.metaBlock(report, format, byKey),
      this.downloads(summary),
      duplicateNote(summary, this.hooks.onChoose),
      correctionTools(report, detail.journal ?? [], blankCount(report), {
        fillZero: () => this.fillZero(),
        undo: () => this.undo(),
      }),
      findingsBlock(
        report.issues,
        this.config.rules,
        (f) => f.section != null || f.fields.some((k) => this.cells.has(k)),
        (f) => this.locate(f),
      ),
      editsBlock(detail.edits, report, format, (key, raw) => this.save(key, raw, this.cells.get(key) ?? el('td'))),
      journalBlock(detail.journal ?? [], format, (entryId) => this.undo(entryId)),
      ...parts,
      sectionsBlock(report, format),
    ];
    clear(this.root).append(...blocks.filter((b) => b !== null));
    if (focusKey) {
      this.root.scrollTop = scroll;
      const td = this.cells.get(focusKey);
      td?.focus({ preventScroll: true });
      td?.classList.add('flash');
    }
  }

  /**
   * The title bar stays at the top while the tables scroll, so the effect of a correction is always in view.
   * @param {Report} report
   * @param {EntrySummary} summary
   * @param {string} [note]
   */
  head(report, summary, note) {
    const toFindings = () => this.root.querySelector('.findings-block')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    return el('div', { class: 'report-head sticky' }, [
      el('h1', { text: report.meta.title ?? summary.name }),
      el('span', { class: `state ${summary.state}`, text: STATE_LABEL[summary.state] }),
      el('button', {
        type: 'button',
        class: 'link counts',
        title: '查看问题列表',
        text: `错误 ${summary.errors} · 警告 ${summary.warnings}`,
        on: { click: toFindings },
      }),
      note ? el('span', { class: 'recheck', role: 'status', text: note }) : null,
      this.rereadButton(summary.id),
      this.removeButton(summary.id),
    ]);
  }

  /** @param {string} id */
  rereadButton(id) {
    /** @type {HTMLButtonElement} */
    const button = el('button', {
      type: 'button',
      class: 'link reread',
      text: REREAD_LABEL,
      title: '用当前版本的年报通重新读取保存的原件；人工更正会保留并重新核对',
      on: { click: () => this.reread(id, button) },
    });
    return button;
  }

  /** @param {string} id */
  removeButton(id) {
    return el('button', {
      type: 'button',
      class: 'link remove',
      text: '移除此文件',
      on: { click: () => this.hooks.onRemove(id) },
    });
  }

  /**
   * Title, agency, year, date…: each but the format (which the tables decide) can be corrected.
   * @param {Report} report
   * @param {PageFormat} format
   * @param {FindingsByKey} byKey
   */
  metaBlock(report, format, byKey) {
    const items = [];
    for (const [key, field] of Object.entries(format.fields)) {
      if (!key.startsWith('meta.')) continue;
      let value = report.fields[key];
      const editable = key !== 'meta.format';
      if (!editable) value = `${value} 版（${format.notice}）`;
      const findings = byKey.get(key) ?? [];
      const marks = findingMarks(findings);
      const dd = el('dd', {
        text: value ?? '（未识别）',
        class: [value == null ? 'missing' : '', editable ? 'value' : ''].filter(Boolean).join(' ') || null,
        data: editable ? { key, where: field.where } : {},
        tabindex: editable ? '0' : null,
        'aria-describedby': marks.describedBy,
        title: [field.where, ...findings.map((f) => f.message), editable ? '点击更正' : ''].filter(Boolean).join('\n'),
      });
      const dt = el('dt', { text: field.where });
      items.push(el('div', { class: `meta-item${marks.severity ? ` sev-${marks.severity}` : ''}` }, [dt, dd]));
      this.cells.set(key, dd);
    }
    items.push(
      el('div', { class: 'meta-item' }, [
        el('dt', { text: '来源文件' }),
        el('dd', { text: `${report.source.name}（${report.source.reader}）` }),
      ]),
    );
    return el('dl', { class: 'meta' }, items);
  }

  /** @param {EntrySummary} summary */
  downloads(summary) {
    const buttons = this.config.downloads.map((d) =>
      el('button', {
        type: 'button',
        class: 'download',
        data: { kind: d.kind },
        title: d.description,
        text: `下载 ${DOWNLOAD_LABEL[d.extension] ?? d.kind}`,
        on: {
          click: () =>
            download(`/api/reports/${summary.id}/download/${d.kind}`, summary.name + d.extension).catch((e) => toast(e.message)),
        },
      }),
    );
    return el('div', { class: 'downloads' }, [
      ...buttons,
      el('span', { class: 'hint', text: '下载的文件使用更正后的数据。点击表格中的数字或上方的标题、机关、年度、日期可以更正。' }),
    ]);
  }

  /**
   * Scrolls to a finding's cells, or opens the section it is about, and flashes them.
   * @param {Finding} finding
   */
  locate(finding) {
    const section = finding.section != null ? this.root.querySelector(`details[data-section="${finding.section}"]`) : null;
    if (section instanceof HTMLDetailsElement) section.open = true;
    /** @type {HTMLElement[]} */
    const targets = section instanceof HTMLElement ? [section] : finding.fields.flatMap((k) => this.cells.get(k) ?? []);
    if (!targets.length) return;
    targets[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const t of targets) {
      t.classList.remove('flash');
      void t.offsetWidth; // restart the animation when the same cell is flashed again
      t.classList.add('flash');
    }
  }

  /**
   * @param {PagePart} part
   * @param {Report} report
   * @param {PageFormat} format
   * @param {FindingsByKey} byKey
   * @param {Readonly<Record<string, string>>} edits
   */
  partBlock(part, report, format, byKey, edits) {
    const { table, cells } = renderPart(part, report, format, byKey, edits);
    for (const [k, td] of cells) this.cells.set(k, td);
    return el('section', { class: 'part' }, [
      el('h2', { text: `${part.no}、${part.title}` }),
      el('div', { class: 'table-wrap' }, [table]),
    ]);
  }
}

/**
 * 重复报送: another file of the same body and year is in the workspace; which one counts, and a way to change it.
 * @param {EntrySummary} summary
 * @param {(id: string) => void} choose
 */
function duplicateNote(summary, choose) {
  const dup = summary.duplicate;
  if (!dup) return null;
  return el('div', { class: `duplicate-note${dup.counts ? ' counts' : ''}`, role: 'note' }, [
    el('b', { text: '重复报送：' }),
    `工作区中有同一单位同一年度的报告 ${dup.of} 份。`,
    dup.counts ? '这一份计入汇总。' : '这一份目前不计入汇总。',
    dup.counts
      ? null
      : el('button', { type: 'button', class: 'choose', text: '改为计入这一份', on: { click: () => choose(summary.id) } }),
  ]);
}

/**
 * What the counts became, in words: `verb` (已重新核对, 已重新读取) and each count, with its old one if it changed.
 * @param {string} verb
 * @param {EntrySummary | null} before
 * @param {EntrySummary} after
 */
function countsNote(verb, before, after) {
  /** @param {string} label @param {number | undefined} a @param {number} b */
  const change = (label, a, b) => (a === undefined || a === b ? `${label} ${b}` : `${label} ${a} → ${b}`);
  return `${verb}：${change('错误', before?.errors, after.errors)}，${change('警告', before?.warnings, after.warnings)}`;
}

/**
 * What a re-check after a correction changed.
 * @param {EntrySummary} before
 * @param {EntrySummary} after
 */
const recheckNote = (before, after) => countsNote('已重新核对', before, after);

/**
 * What reading the original again changed (nothing to compare with after a failure).
 * @param {EntrySummary | null} before
 * @param {EntrySummary} after
 */
const rereadNote = (before, after) => countsNote('已重新读取', before, after);
