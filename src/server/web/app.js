// @ts-check
// The page: wires the drop zone and file picker to the upload queue, the file list to the report
// view, and the top buttons to the batch downloads. Everything the page knows about formats,
// rules and limits comes from /api/config.
import { deleteJson, download, getJson, postJson } from './api.js';
import { wireUndoKey } from './corrections.js';
import { CrossYearPanel } from './cross-year.js';
import { byId as $, toast } from './dom.js';
import { FileList } from './file-list.js';
import { Overview } from './overview.js';
import { ReportView } from './report-view.js';
import { UploadQueue } from './upload-queue.js';
import { YearView } from './year.js';

/** @typedef {import('../page-data').PageConfig} PageConfig */
/** @typedef {import('../page-data').ReportsAnswer} ReportsAnswer */
/** @typedef {import('../page-data').ChooseAnswer} ChooseAnswer */
/** @typedef {import('./file-list.js').Counts} Counts */

/** @param {PageConfig['limits']} limits */
function limitsText(limits) {
  /** @param {number} n */
  const mb = (n) => `${Math.round(n / 1024 / 1024)} MB`;
  return `单个文件最大 ${mb(limits.maxFileBytes)}；工作区最多保存 ${limits.maxReports} 份报告。`;
}

async function start() {
  /** @type {PageConfig} */
  const config = await getJson('/api/config');
  $('limits').textContent = limitsText(config.limits);
  const pairs = new CrossYearPanel(
    $('cross-year'),
    $('pair-list'),
    (id) => {
      const row = list.byId.get(id);
      if (row) list.select(row);
    },
    (summaries) => {
      // A pair formed by a later upload can add findings to a report already listed (or open).
      for (const summary of summaries) {
        const row = list.byId.get(summary.id);
        const shown = row?.summary?.state === 'refused' || row?.summary?.state === 'duplicate' ? null : row?.summary;
        if (!row || (shown?.errors === summary.errors && shown?.warnings === summary.warnings)) continue;
        list.setSummary(row, summary);
        if (list.selected === row) view.refresh(row);
      }
    },
  );
  const view = new ReportView($('detail'), config, {
    onChanged: (detail) => {
      const row = list.byId.get(detail.summary.id);
      if (row) list.setSummary(row, detail.summary);
      pairs.refresh();
    },
    onRemove: async (id) => {
      const name = list.byId.get(id)?.name ?? '这个文件';
      if (!confirm(`确定从工作区移除“${name}”吗？它的读取结果和所有更正记录都会被删除（已下载的文件不受影响）。`)) return;
      try {
        await deleteJson(`/api/reports/${id}`);
        const row = list.byId.get(id);
        if (row) list.remove(row);
        view.showEmpty();
        pairs.refresh();
      } catch (err) {
        toast(/** @type {Error} */ (err).message);
      }
    },
    onChoose: async (id) => {
      try {
        /** @type {ChooseAnswer} */
        const { reports } = await postJson(`/api/reports/${id}/choose`, {});
        for (const summary of reports) {
          const row = list.byId.get(summary.id);
          if (row) list.setSummary(row, summary);
        }
        const row = list.byId.get(id);
        if (row) view.refresh(row);
      } catch (err) {
        toast(err instanceof Error ? err.message : String(err));
      }
    },
  });
  const list = new FileList($('file-list'), $('batch-status'), (row) => view.show(row));
  const queue = new UploadQueue(config.limits, list, (row) => {
    pairs.refresh();
    if (list.selected === row) view.show(row);
  });

  /** @type {ReportsAnswer} */
  const stored = await getJson('/api/reports');
  for (const summary of stored.reports) list.addStored(summary);
  $('workspace').textContent = `工作区：${stored.workspace}`;
  $('workspace').title = '上传的原始文件、读取结果和更正记录都保存在这个文件夹中，年报通重新启动后仍在';
  /** @param {string} id */
  const open = (id) => {
    const row = list.byId.get(id);
    if (row) list.select(row);
  };
  const overview = new Overview($('detail'), config, open);
  const year = new YearView($('detail'), open);
  const leaveReport = () => {
    view.showEmpty();
    if (list.selected) list.selected.li.classList.remove('selected');
    list.selected = null;
  };
  $('show-overview').addEventListener('click', () => {
    leaveReport();
    overview.show();
  });
  $('show-year').addEventListener('click', () => {
    leaveReport();
    year.show();
  });
  wireUndoKey(() => view.undo());
  pairs.refresh();

  wireDrop(queue);
  // Filtering is a style on the list, so 200 rows are never rebuilt to show a subset.
  const filter = /** @type {HTMLSelectElement} */ ($('list-filter'));
  filter.addEventListener('change', () => {
    $('file-list').dataset.filter = filter.value;
  });
  document.addEventListener('counts', (e) => {
    const n = /** @type {CustomEvent<Counts>} */ (e).detail;
    /** @type {HTMLButtonElement} */ ($('download-summary')).disabled = !(n.ok + n.errors);
    /** @type {HTMLButtonElement} */ ($('clear-all')).disabled = !n.total || n.busy > 0;
  });
  $('download-summary').addEventListener('click', () =>
    download('/api/summary.xlsx', '汇总表.xlsx').catch((err) => toast(err.message)),
  );
  $('clear-all').addEventListener('click', async () => {
    if (!confirm('清空后，已上传的报告和所做的更正都会被删除（已下载的文件不受影响）。确定清空吗？')) return;
    try {
      await deleteJson('/api/reports');
      list.clearAll();
      view.showEmpty();
      pairs.refresh();
    } catch (err) {
      toast(/** @type {Error} */ (err).message);
    }
  });
}

/**
 * The drop zone is a plain area with a file picker in it (one control, reachable by keyboard); files
 * dropped anywhere on the page are taken.
 * @param {UploadQueue} queue
 */
function wireDrop(queue) {
  const zone = $('drop-zone');
  const input = /** @type {HTMLInputElement} */ ($('file-input'));
  /** @param {Iterable<File> | null | undefined} files */
  const take = (files) => {
    const list = [...(files ?? [])];
    if (list.length) queue.add(list);
  };
  input.addEventListener('change', () => {
    take(input.files);
    input.value = '';
  });
  // Files dropped anywhere on the page are taken, so a near miss never makes the browser open the file.
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    zone.classList.add('over');
  });
  document.addEventListener('dragleave', () => {
    if (--depth <= 0) {
      depth = 0;
      zone.classList.remove('over');
    }
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    zone.classList.remove('over');
    take(e.dataTransfer?.files ?? []);
  });
}

start().catch((err) => toast(`页面初始化失败：${err.message}`));
