// @ts-check
// The 跨年度核对 panel: the pairs the server formed among the loaded reports (same agency,
// consecutive years) with their cross-year findings, and the reports it could not pair and why.
// Fetched at most every SETTLE_MS (not with every answer), and redrawn only when it changed.
import { getJson } from './api.js';
import { clear, el, toast } from './dom.js';

const SETTLE_MS = 400;

/** @typedef {import('../page-data').CrossYearAnswer} CrossYearAnswer */
/** @typedef {CrossYearAnswer['pairs'][number]} Pair */
/** @typedef {CrossYearAnswer['unpaired'][number]} Unpaired */

export class CrossYearPanel {
  /**
   * @param {HTMLElement} section
   * @param {HTMLElement} listEl
   * @param {(id: string) => void} onPick opens a report
   * @param {(summaries: CrossYearAnswer['summaries']) => void} onSummaries
   */
  constructor(section, listEl, onPick, onSummaries) {
    this.section = section;
    this.listEl = listEl;
    this.onPick = onPick;
    this.onSummaries = onSummaries;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer = null;
    this.loading = false;
    this.again = false;
    this.drawn = '';
  }

  /** Asks for the pairs a moment later; many answers in a row make one request, not one each. */
  refresh() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.load();
    }, SETTLE_MS);
  }

  async load() {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      /** @type {CrossYearAnswer} */
      const answer = await getJson('/api/cross-year');
      this.onSummaries(answer.summaries);
      this.draw(answer);
    } catch (err) {
      toast(/** @type {Error} */ (err).message);
    } finally {
      this.loading = false;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    }
  }

  /** @param {CrossYearAnswer} answer */
  draw({ pairs, unpaired }) {
    const signature = JSON.stringify([
      pairs.map((p) => [p.earlier.id, p.later.id, p.findings.length]),
      unpaired.map((u) => [u.id, u.reason]),
    ]);
    if (signature === this.drawn) return;
    this.drawn = signature;
    this.section.hidden = !pairs.length && !unpaired.length;
    const problems = pairs.filter((p) => p.findings.length).length;
    const summary = this.section.querySelector('summary');
    if (summary)
      summary.textContent = `跨年度核对：${pairs.length} 对${problems ? `，${problems} 对有问题` : ''}${unpaired.length ? `，${unpaired.length} 份未配对` : ''}`;
    clear(this.listEl).append(...pairs.map((p) => this.pairItem(p)), ...unpaired.map((u) => this.unpairedItem(u)));
  }

  /**
   * A pair or unpaired report: a list item holding a button that opens the later report.
   * @param {string} className
   * @param {string} title
   * @param {string} id
   * @param {HTMLElement[]} children
   */
  item(className, title, id, children) {
    return el('li', { class: className }, [
      el('button', { type: 'button', class: 'pair-open', title, on: { click: () => this.onPick(id) } }, children),
    ]);
  }

  /** @param {Pair} pair */
  pairItem(pair) {
    const errors = pair.findings.filter((f) => f.severity === 'error').length;
    const label = `${pair.later.agency ?? pair.agencyKey}：${pair.earlier.year} 年 → ${pair.later.year} 年`;
    const state = pair.findings.length ? `${pair.findings.length} 个问题${errors ? `（错误 ${errors}）` : ''}` : '衔接一致';
    const severity = errors ? ' sev-error' : pair.findings.length ? ' sev-warning' : '';
    return this.item(`pair${severity}`, `${pair.earlier.file} → ${pair.later.file}`, pair.later.id, [
      el('span', { class: 'pair-name', text: label }),
      el('span', { class: 'pair-state', text: state }),
    ]);
  }

  /** @param {Unpaired} u */
  unpairedItem(u) {
    return this.item('pair unpaired', u.file, u.id, [
      el('span', { class: 'pair-name', text: `${u.file}` }),
      el('span', { class: 'pair-state', text: `未配对：${u.note}` }),
    ]);
  }
}
