// @ts-check
// How values and states read on the page.
/** @typedef {import('../page-data').Report} Report */
/** @typedef {import('../page-data').Finding['severity']} Severity */

/** @type {Readonly<Record<string, string>>} */
export const STATE_LABEL = {
  queued: '等待上传',
  uploading: '上传中',
  reading: '正在读取…',
  ok: '读取成功',
  errors: '有错误',
  failed: '无法读取',
  refused: '未处理',
  duplicate: '已在工作区',
};

/** @type {Readonly<Record<Severity, string>>} */
export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' };

/** @param {number} bytes */
export function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A number as a clerk writes it: no exponent, no binary noise.
 * @param {number} value
 */
export function number(value) {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** @type {Readonly<Record<string, string>>} */
const STATUS_NOTE = {
  blank: '空白',
  placeholder: '占位符（视为空白）',
  text: '不是数字',
  missing: '报告中没有找到这个单元格',
};

/**
 * What a value cell shows and its explanation: the number read, else the text as printed.
 * @param {Report} report
 * @param {string} key
 * @returns {{ text: string, note: string, status: string }}
 */
export function cellDisplay(report, key) {
  const reported = report.cells[key];
  // A corrected cell shows the correction; the reported text is in its title (tables.js).
  const cell = reported?.corrected ? { raw: reported.corrected.text, status: reported.corrected.status } : reported;
  const value = report.fields[key];
  if (!cell) return { text: '', note: STATUS_NOTE.missing, status: 'missing' };
  if (typeof value === 'number') {
    const shown = number(value);
    const note = cell.raw !== shown ? `原文：${cell.raw}${cell.unit ? `（读作 ${shown}）` : ''}` : '';
    return { text: shown, note, status: cell.status };
  }
  return { text: cell.raw, note: STATUS_NOTE[cell.status] ?? '', status: cell.status };
}

/**
 * A file name from a Content-Disposition header (RFC 5987 filename* first).
 * @param {string | null} header
 * @param {string} fallback
 */
export function dispositionName(header, fallback) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header ?? '');
  return plain ? plain[1] : fallback;
}
