// @ts-check
// The list of dropped files. Each file has one row, created once and then updated in place, so
// 200 files dropped at once cost 200 small updates, never a redraw of the whole list. The counts
// line is redrawn at most once a frame.
import { el } from './dom.js';
import { fileSize, STATE_LABEL } from './format.js';

/** @typedef {import('../page-data').UploadAnswer} UploadAnswer */
/** @typedef {{ zh: string, en?: string }} RowError */
/**
 * One file of the list: what the server said of it and the elements that show it.
 * @typedef {{ id: string | null, name: string, size: number, state: string, summary: UploadAnswer | null,
 *   error: RowError | null, li: HTMLLIElement, nameEl: HTMLElement, stateEl: HTMLElement, infoEl: HTMLElement,
 *   bar: HTMLElement, barEl: HTMLElement }} FileRow
 */
/** @typedef {{ total: number, ok: number, errors: number, failed: number, duplicate: number, busy: number }} Counts */

/**
 * The list is a listbox: one option per file, selected with a click, Enter or Space, and moved
 * through with the arrow keys, so a screen reader announces it as a list of files to choose from.
 */
export class FileList {
  /**
   * @param {HTMLElement} listEl
   * @param {HTMLElement} statusEl
   * @param {(row: FileRow) => void} onSelect
   */
  constructor(listEl, statusEl, onSelect) {
    this.listEl = listEl;
    this.statusEl = statusEl;
    this.onSelect = onSelect;
    /** @type {Set<FileRow>} */
    this.rows = new Set();
    /** @type {Map<string, FileRow>} */
    this.byId = new Map();
    /** @type {FileRow | null} */
    this.selected = null;
    this.countsPending = false;
  }

  /**
   * Rows for files about to be uploaded, appended in one go.
   * @param {readonly File[]} files
   */
  addFiles(files) {
    const fragment = document.createDocumentFragment();
    const rows = files.map((file) => {
      const row = this.makeRow(file.name, file.size);
      fragment.append(row.li);
      return row;
    });
    this.listEl.append(fragment);
    this.scheduleCounts();
    return rows;
  }

  /**
   * A row for a report the server already holds (page reloaded).
   * @param {UploadAnswer} summary
   */
  addStored(summary) {
    const row = this.makeRow(summary.name, summary.size);
    this.listEl.append(row.li);
    this.setSummary(row, summary);
    return row;
  }

  /**
   * @param {string} name
   * @param {number} size
   * @returns {FileRow}
   */
  makeRow(name, size) {
    const bar = el('span', { class: 'bar-fill' });
    const nameEl = el('span', { class: 'file-name', text: name, title: name });
    const stateEl = el('span', { class: 'state queued', text: STATE_LABEL.queued });
    const infoEl = el('span', { class: 'file-info', text: fileSize(size) });
    const barEl = el('span', { class: 'bar', hidden: true }, [bar]);
    const li = el(
      'li',
      {
        class: 'file',
        role: 'option',
        'aria-selected': 'false',
        tabindex: '-1',
        data: { state: 'queued' },
        on: {
          click: () => this.select(row),
          keydown: (e) => this.key(e, row),
        },
      },
      [el('div', { class: 'file-line' }, [nameEl, stateEl]), el('div', { class: 'file-line sub' }, [infoEl, barEl])],
    );
    /** @type {FileRow} */
    const row = { id: null, name, size, state: 'queued', summary: null, error: null, li, nameEl, stateEl, infoEl, bar, barEl };
    if (!this.rows.size) li.tabIndex = 0;
    this.rows.add(row);
    return row;
  }

  /**
   * Enter or Space selects; the arrow keys, Home and End move among the files shown (the filter hides some).
   * @param {KeyboardEvent} e
   * @param {FileRow} row
   */
  key(e, row) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.select(row);
      return;
    }
    const shown = [...this.listEl.querySelectorAll('li.file')].filter(
      (li) => li instanceof HTMLElement && li.offsetParent !== null,
    );
    const at = shown.indexOf(row.li);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: shown.length - 1 }[e.key];
    const next = to === undefined ? undefined : shown[Math.max(0, Math.min(shown.length - 1, to))];
    if (!(next instanceof HTMLElement)) return;
    e.preventDefault();
    this.tabTo(next);
    next.focus();
  }

  /**
   * One row at a time is in the tab order (roving tabindex): Tab leaves the list, the arrows move in it.
   * @param {HTMLElement} li
   */
  tabTo(li) {
    for (const other of this.listEl.querySelectorAll('li.file[tabindex="0"]'))
      if (other !== li && other instanceof HTMLElement) other.tabIndex = -1;
    li.tabIndex = 0;
  }

  /**
   * @param {FileRow} row
   * @param {string} state
   * @param {string} [label]
   */
  setState(row, state, label = STATE_LABEL[state]) {
    row.state = state;
    row.li.dataset.state = state;
    row.stateEl.className = `state ${state}`;
    row.stateEl.textContent = label;
    this.scheduleCounts();
  }

  /**
   * @param {FileRow} row
   * @param {number} fraction
   */
  setProgress(row, fraction) {
    if (row.state !== 'uploading') this.setState(row, 'uploading');
    row.barEl.hidden = false;
    row.bar.style.width = `${Math.round(fraction * 100)}%`;
    row.stateEl.textContent = `${STATE_LABEL.uploading} ${Math.round(fraction * 100)}%`;
    if (fraction >= 1) this.setState(row, 'reading');
  }

  /**
   * The server's answer for the file (or its state after an edit).
   * @param {FileRow} row
   * @param {UploadAnswer} summary
   */
  setSummary(row, summary) {
    row.summary = summary;
    row.barEl.hidden = true;
    if (summary.state === 'duplicate') {
      row.error = { zh: summary.message };
      this.setState(row, 'duplicate');
      row.infoEl.textContent = summary.message;
      row.infoEl.title = summary.message;
      return;
    }
    if (summary.state === 'refused') {
      row.error = summary.error;
      this.setState(row, 'refused');
      row.infoEl.textContent = summary.error.zh;
      return;
    }
    if (row.id !== summary.id) {
      row.id = summary.id;
      row.li.dataset.id = summary.id;
      this.byId.set(summary.id, row);
    }
    row.error = summary.error ?? null;
    this.setState(row, summary.state);
    row.infoEl.textContent = rowInfo(summary);
    row.infoEl.title = row.infoEl.textContent;
  }

  /**
   * A file the server never answered for (network failure, refused request).
   * @param {FileRow} row
   * @param {string} message
   */
  setFailed(row, message) {
    row.barEl.hidden = true;
    row.error = { zh: message };
    this.setState(row, 'refused', STATE_LABEL.failed);
    row.infoEl.textContent = message;
    row.infoEl.title = message;
  }

  /** @param {FileRow} row */
  remove(row) {
    const wasFocusable = row.li.tabIndex === 0;
    row.li.remove();
    this.rows.delete(row);
    if (row.id) this.byId.delete(row.id);
    if (this.selected === row) this.selected = null;
    const first = this.listEl.querySelector('li.file');
    if (wasFocusable && first instanceof HTMLElement) first.tabIndex = 0;
    this.scheduleCounts();
  }

  clearAll() {
    this.listEl.replaceChildren();
    this.rows.clear();
    this.byId.clear();
    this.selected = null;
    this.scheduleCounts();
  }

  /** @param {FileRow} row */
  select(row) {
    if (this.selected) {
      this.selected.li.classList.remove('selected');
      this.selected.li.setAttribute('aria-selected', 'false');
    }
    this.selected = row;
    row.li.classList.add('selected');
    row.li.setAttribute('aria-selected', 'true');
    this.tabTo(row.li);
    this.onSelect(row);
  }

  scheduleCounts() {
    if (this.countsPending) return;
    this.countsPending = true;
    requestAnimationFrame(() => {
      this.countsPending = false;
      this.drawCounts();
    });
  }

  /** @returns {Counts} */
  counts() {
    const n = { total: 0, ok: 0, errors: 0, failed: 0, duplicate: 0, busy: 0 };
    for (const row of this.rows) {
      n.total++;
      if (row.state === 'ok') n.ok++;
      else if (row.state === 'errors') n.errors++;
      else if (row.state === 'failed' || row.state === 'refused') n.failed++;
      else if (row.state === 'duplicate') n.duplicate++;
      else n.busy++;
    }
    return n;
  }

  drawCounts() {
    const n = this.counts();
    this.statusEl.textContent = n.total
      ? `共 ${n.total} 个文件：读取成功 ${n.ok}，有错误 ${n.errors}，无法读取 ${n.failed}${n.duplicate ? `，已在工作区 ${n.duplicate}` : ''}${n.busy ? `，处理中 ${n.busy}` : ''}`
      : '';
    this.statusEl.dataset.busy = String(n.busy);
    document.dispatchEvent(new CustomEvent('counts', { detail: n }));
  }
}

/** @param {import('../page-data').EntrySummary} summary */
function rowInfo(summary) {
  if (summary.state === 'failed') return summary.error?.zh ?? '无法读取';
  const who = [summary.agency, summary.year ? `${summary.year}年` : null].filter(Boolean).join(' ');
  const found = [
    summary.errors ? `错误 ${summary.errors}` : null,
    summary.warnings ? `警告 ${summary.warnings}` : null,
    summary.edited ? `已更正 ${summary.edited}` : null,
    summary.duplicate ? (summary.duplicate.counts ? '重复报送（计入）' : '重复报送（未计入）') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return [who || fileSize(summary.size), found || '未发现问题'].join('　');
}
