// @ts-check
// 总览: every report of the workspace in one table (body, year, state, errors and warnings, a few
// key figures), sortable by any column and filtered by text, year and state. A row opens the report.
import { getJson } from './api.js';
import { clear, el, toast } from './dom.js';
import { number, STATE_LABEL } from './format.js';

/** @typedef {import('../page-data').EntrySummary} EntrySummary */
/** @typedef {import('../page-data').PageConfig} PageConfig */
/** @typedef {import('../page-data').KeyFigure} KeyFigure */
/** @typedef {import('../page-data').ReportsAnswer} ReportsAnswer */
/** @typedef {{ label: string, test: (r: EntrySummary) => boolean }} Filter */
/**
 * A column: its value (what it sorts by), the text shown when it is not the value, and the class of a state badge.
 * @typedef {{ label: string, value: (r: EntrySummary) => string | number | null, text?: (r: EntrySummary) => string,
 *   cls?: (r: EntrySummary) => string, num?: boolean }} Column
 */

/** @type {Readonly<Record<string, Filter>>} */
const FILTERS = {
  all: { label: '全部', test: () => true },
  errors: { label: '有错误', test: (r) => r.state === 'errors' },
  warnings: { label: '有警告', test: (r) => r.warnings > 0 },
  edited: { label: '已更正', test: (r) => r.edited > 0 },
  duplicate: { label: '重复报送', test: (r) => Boolean(r.duplicate) },
  failed: { label: '无法读取', test: (r) => r.state === 'failed' },
};

/**
 * @param {readonly KeyFigure[]} figures
 * @returns {Column[]}
 */
function columns(figures) {
  return [
    { label: '单位', value: (r) => r.agency ?? '' },
    { label: '年度', value: (r) => r.year ?? 0, text: (r) => (r.year ? String(r.year) : '') },
    { label: '文件', value: (r) => r.name },
    { label: '状态', value: (r) => STATE_LABEL[r.state], cls: (r) => `state ${r.state}` },
    { label: '错误', value: (r) => r.errors, num: true },
    { label: '警告', value: (r) => r.warnings, num: true },
    { label: '已更正', value: (r) => r.edited, num: true },
    ...figures.map(/** @returns {Column} */ (f) => ({ label: f.label, value: (r) => r.figures?.[f.key] ?? null, num: true })),
    { label: '重复报送', value: (r) => (r.duplicate ? (r.duplicate.counts ? '计入' : '未计入') : '') },
  ];
}

export class Overview {
  /**
   * @param {HTMLElement} root
   * @param {PageConfig} config
   * @param {(id: string) => void} onOpen opens a report
   */
  constructor(root, config, onOpen) {
    this.root = root;
    this.columns = columns(config.keyFigures ?? []);
    this.onOpen = onOpen;
    this.sort = { col: 0, dir: 1 };
    this.filter = { text: '', state: 'all', year: '' };
    /** @type {readonly EntrySummary[]} */
    this.reports = [];
  }

  async show() {
    try {
      /** @type {ReportsAnswer} */
      const answer = await getJson('/api/reports');
      this.reports = answer.reports;
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err));
      return;
    }
    this.draw();
  }

  rows() {
    const text = this.filter.text.trim();
    const col = this.columns[this.sort.col];
    return this.reports
      .filter((r) => FILTERS[this.filter.state].test(r))
      .filter((r) => !this.filter.year || String(r.year) === this.filter.year)
      .filter((r) => !text || `${r.agency ?? ''} ${r.name}`.includes(text))
      .sort((a, b) => {
        const [x, y] = [col.value(a), col.value(b)];
        if (x === y) return a.seq - b.seq;
        if (x === null || x === '') return 1;
        if (y === null || y === '') return -1;
        return (x < y ? -1 : 1) * this.sort.dir;
      });
  }

  draw() {
    const years = [...new Set(this.reports.map((r) => r.year).filter(/** @returns {y is number} */ (y) => Boolean(y)))].sort(
      (a, b) => b - a,
    );
    const shown = this.rows();
    const search = el('input', {
      type: 'search',
      class: 'ov-search',
      placeholder: '按单位或文件名筛选',
      value: this.filter.text,
      'aria-label': '按单位或文件名筛选',
    });
    search.addEventListener('input', () => {
      this.filter.text = search.value;
      this.drawBody();
    });
    this.body = el('tbody');
    this.countEl = el('span', { class: 'hint' });
    const head = el(
      'tr',
      {},
      this.columns.map((c, i) =>
        el('th', {
          scope: 'col',
          class: c.num ? 'num' : null,
          tabindex: '0',
          'aria-sort': this.sort.col === i ? (this.sort.dir > 0 ? 'ascending' : 'descending') : null,
          text: c.label + (this.sort.col === i ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : ''),
          on: {
            click: () => this.sortBy(i),
            keydown: (e) => {
              if (e.key === 'Enter') this.sortBy(i);
            },
          },
        }),
      ),
    );
    clear(this.root).append(
      el('div', { class: 'report-head' }, [el('h1', { text: '报告总览' }), this.countEl]),
      el('div', { class: 'ov-filters' }, [
        search,
        select(
          '年度',
          [['', '全部年度'], ...years.map(/** @returns {[string, string]} */ (y) => [String(y), `${y}年度`])],
          this.filter.year,
          (v) => {
            this.filter.year = v;
            this.drawBody();
          },
        ),
        select(
          '状态',
          Object.entries(FILTERS).map(([k, f]) => [k, f.label]),
          this.filter.state,
          (v) => {
            this.filter.state = v;
            this.drawBody();
          },
        ),
      ]),
      el('div', { class: 'table-wrap' }, [el('table', { class: 'overview' }, [el('thead', {}, [head]), this.body])]),
    );
    this.drawBody(shown);
  }

  /** @param {EntrySummary[]} [shown] */
  drawBody(shown = this.rows()) {
    if (!this.countEl || !this.body) return;
    this.countEl.textContent = `共 ${this.reports.length} 份，显示 ${shown.length} 份`;
    this.body.replaceChildren(
      ...shown.map((r) =>
        el(
          'tr',
          {
            class: `ov-row${r.duplicate && !r.duplicate.counts ? ' set-aside' : ''}`,
            tabindex: '0',
            data: { id: r.id },
            title: '点击打开这份报告',
            on: {
              click: () => this.onOpen(r.id),
              keydown: (e) => {
                if (e.key === 'Enter') this.onOpen(r.id);
              },
            },
          },
          this.columns.map((c) => {
            const v = c.value(r);
            const text = c.text ? c.text(r) : v === null ? '' : typeof v === 'number' ? number(v) : String(v);
            return el('td', { class: [c.num ? 'num' : '', c.cls ? 'state-cell' : ''].filter(Boolean).join(' ') || null }, [
              c.cls ? el('span', { class: c.cls(r), text }) : text,
            ]);
          }),
        ),
      ),
    );
  }

  /** @param {number} i */
  sortBy(i) {
    this.sort = { col: i, dir: this.sort.col === i ? -this.sort.dir : 1 };
    this.draw();
  }
}

/**
 * @param {string} label
 * @param {readonly (readonly [string, string])[]} options value and text of each option
 * @param {string} value
 * @param {(value: string) => void} onChange
 */
function select(label, options, value, onChange) {
  const s = el(
    'select',
    { 'aria-label': label },
    options.map(([v, t]) => el('option', { value: v, text: t })),
  );
  s.value = value;
  s.addEventListener('change', () => onChange(s.value));
  return s;
}
