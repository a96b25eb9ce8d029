// @ts-check
// 年度名单: every body of the year's roster with what became of it (已报送 / 未报送 / 逾期 / 有错误 /
// 已更正), counts that filter the list, reports no body was matched to (assigned by hand here), and
// the roster itself: imported from an Excel or CSV file, or taken from last year's reporters.
import { getJson, postForm, postJson } from './api.js';
import { clear, el, toast } from './dom.js';

/** @typedef {import('../page-data').YearView} YearAnswer */
/** @typedef {NonNullable<YearAnswer['view']>} RosterYear */
/** @typedef {import('../page-data').BodyStatus} BodyStatus */

/** @type {readonly BodyStatus[]} */
const STATUSES = ['未报送', '有错误', '逾期', '已更正', '已报送'];
/** @type {Readonly<Record<BodyStatus, string>>} */
const STATUS_CLASS = { 未报送: 'absent', 有错误: 'errors', 逾期: 'late', 已更正: 'edited', 已报送: 'ok' };

export class YearView {
  /**
   * @param {HTMLElement} root
   * @param {(id: string) => void} onOpen opens a report
   */
  constructor(root, onOpen) {
    this.root = root;
    this.onOpen = onOpen;
    /** @type {YearAnswer | null} */
    this.data = null;
    /** @type {BodyStatus | null} */
    this.filter = null;
  }

  /** @param {number | null} [year] the year to show, by default the one shown (the newest at first) */
  async show(year = this.data?.year) {
    try {
      /** @type {YearAnswer} */
      const data = await getJson(`/api/year${year ? `?year=${year}` : ''}`);
      this.data = data;
      this.draw();
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err));
    }
  }

  /**
   * Shows the year view a roster change answers with.
   * @param {Promise<YearAnswer>} request
   */
  async change(request) {
    try {
      this.data = await request;
      this.draw();
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err));
    }
  }

  draw() {
    if (!this.data) return;
    const { year, years, roster, view } = this.data;
    const yearSelect = el(
      'select',
      { 'aria-label': '年度' },
      years.map((y) => el('option', { value: String(y), text: `${y}年度` })),
    );
    if (year) yearSelect.value = String(year);
    yearSelect.addEventListener('change', () => this.show(Number(yearSelect.value)));
    const blocks = [
      el('div', { class: 'report-head' }, [
        el('h1', { text: year ? `${year}年度报送情况` : '年度报送情况' }),
        years.length ? yearSelect : null,
      ]),
      year ? this.rosterBar(year, roster) : el('p', { class: 'hint', text: '工作区中还没有读取成功的报告。' }),
      view ? this.countsBar(view) : null,
      view ? this.bodies(view) : null,
      view ? this.unmatched(view, year) : null,
    ];
    // append() would write a null as the text “null”.
    clear(this.root).append(...blocks.filter((b) => b !== null));
  }

  /**
   * @param {number} year
   * @param {YearAnswer['roster']} roster
   */
  rosterBar(year, roster) {
    const input = el('input', { type: 'file', accept: '.xlsx,.csv', class: 'roster-input' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      const form = new FormData();
      form.append('roster', file, file.name);
      this.change(postForm(`/api/year/roster?year=${year}`, form));
    });
    return el('div', { class: 'roster-bar' }, [
      el('span', { text: roster ? `名单：${roster.source}（${roster.bodies} 个单位）` : '本年度尚未导入报送名单。' }),
      el('label', { class: 'pick' }, [roster ? '重新导入名单…' : '导入名单（Excel 或 CSV，含“单位名称”列）…', input]),
      el('button', {
        type: 'button',
        text: `用 ${year - 1} 年度报送单位作为名单`,
        on: { click: () => this.change(postJson(`/api/year/roster-from-last?year=${year}`, {})) },
      }),
    ]);
  }

  /** @param {RosterYear} view */
  countsBar(view) {
    /** @param {BodyStatus | null} status @param {number} n */
    const chip = (status, n) =>
      el('button', {
        type: 'button',
        class: `chip status-${status ? STATUS_CLASS[status] : 'all'}${this.filter === status ? ' active' : ''}`,
        'aria-pressed': String(this.filter === status),
        text: `${status ?? '全部'} ${n}`,
        on: {
          click: () => {
            this.filter = this.filter === status ? null : status;
            this.draw();
          },
        },
      });
    return el('div', { class: 'year-counts' }, [
      chip(null, view.lines.length),
      ...STATUSES.map((s) => chip(s, view.counts[s] ?? 0)),
    ]);
  }

  /** @param {RosterYear} view */
  bodies(view) {
    const names = new Map((this.data?.reports ?? []).map((r) => [r.id, r.name]));
    const lines = view.lines
      .map((line, i) => ({ line, no: i + 1 }))
      .filter(({ line }) => !this.filter || line.status === this.filter);
    const rows = lines.map(({ line, no }) =>
      el('tr', { data: { status: line.status } }, [
        el('td', { class: 'num', text: String(no) }),
        el('td', { text: line.body.name }),
        el('td', { text: line.body.category ?? '' }),
        el('td', {}, [el('span', { class: `body-status status-${STATUS_CLASS[line.status]}`, text: line.status })]),
        el(
          'td',
          {},
          line.reports.map((r) =>
            el('button', {
              type: 'button',
              class: 'link',
              text: `${names.get(r.id) ?? r.id}${line.duplicate ? (line.counted?.id === r.id ? '（计入）' : '（重复，未计入）') : ''}`,
              on: { click: () => this.onOpen(r.id) },
            }),
          ),
        ),
        el('td', { text: line.counted?.date ?? '' }),
        el('td', { text: line.body.due ?? '' }),
        el('td', { class: 'num', text: line.counted ? `${line.counted.errors} / ${line.counted.warnings}` : '' }),
      ]),
    );
    const head = el(
      'tr',
      {},
      ['序号', '单位', '类别', '状态', '报告', '发布日期', '应报送日期', '错误 / 警告'].map((t) =>
        el('th', { scope: 'col', text: t }),
      ),
    );
    return el('div', { class: 'table-wrap' }, [
      el('table', { class: 'overview year-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)]),
    ]);
  }

  /**
   * @param {RosterYear} view
   * @param {number | null} year
   */
  unmatched(view, year) {
    if (!view.unmatched.length) return null;
    const names = new Map((this.data?.reports ?? []).map((r) => [r.id, r.name]));
    const options = [
      el('option', { value: '', text: '选择名单中的单位…' }),
      ...view.lines.map((l) => el('option', { value: l.body.name, text: l.body.name })),
    ];
    return el('section', { class: 'unmatched' }, [
      el('h2', { text: `未能对应到名单的报告（${view.unmatched.length}）` }),
      el('p', { class: 'hint', text: '这些报告的发布机关与名单中的单位名称对不上，请手工指定它属于哪个单位。' }),
      el(
        'ul',
        {},
        view.unmatched.map((r) => {
          const pick = el(
            'select',
            { 'aria-label': `${names.get(r.id)} 属于哪个单位` },
            options.map((o) => o.cloneNode(true)),
          );
          return el('li', { data: { id: r.id } }, [
            el('button', {
              type: 'button',
              class: 'link',
              text: names.get(r.id) ?? r.id,
              on: { click: () => this.onOpen(r.id) },
            }),
            el('span', { class: 'hint', text: `（${r.agency ?? '未识别发布机关'}）` }),
            pick,
            el('button', {
              type: 'button',
              text: '指定',
              on: {
                click: () =>
                  pick.value && this.change(postJson(`/api/year/assign?year=${year}`, { report: r.id, body: pick.value })),
              },
            }),
          ]);
        }),
      ),
    ]);
  }
}
