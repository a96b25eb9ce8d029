// @ts-check
// Uploads with bounded concurrency: a few files travel at a time (the server reads them in its
// worker pool), the rest wait in order. A busy server (503) is retried after a pause.
import { uploadFile } from './api.js';

const RETRIES = 5;

/** @typedef {import('./file-list.js').FileRow} FileRow */
/** @typedef {{ file: File, row: FileRow, tries: number }} Job */

export class UploadQueue {
  /**
   * @param {import('../page-data').PageConfig['limits']} limits
   * @param {import('./file-list.js').FileList} list
   * @param {(row: FileRow, answer: import('../page-data').UploadAnswers) => void} onAnswer
   */
  constructor(limits, list, onAnswer) {
    this.limits = limits;
    this.list = list;
    this.onAnswer = onAnswer;
    /** @type {Job[]} */
    this.waiting = [];
    this.running = 0;
  }

  /** @param {readonly File[]} files */
  add(files) {
    const rows = this.list.addFiles(files);
    files.forEach((file, i) => {
      const row = rows[i];
      if (file.size > this.limits.maxFileBytes) {
        this.list.setFailed(row, `文件超过 ${Math.round(this.limits.maxFileBytes / 1024 / 1024)} MB 的大小限制，未上传`);
      } else this.waiting.push({ file, row, tries: 0 });
    });
    this.pump();
  }

  pump() {
    while (this.running < this.limits.pageUploadConcurrency && this.waiting.length) {
      const job = /** @type {Job} */ (this.waiting.shift());
      this.running++;
      this.send(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /**
   * @param {Job} job
   * @returns {Promise<void>}
   */
  async send(job) {
    try {
      const body = await uploadFile(job.file, (f) => this.list.setProgress(job.row, f));
      this.list.setSummary(job.row, body.files[0]);
      this.onAnswer(job.row, body);
    } catch (err) {
      const error = /** @type {import('./api.js').ApiError} */ (err);
      if (error.status === 503 && job.tries++ < RETRIES) {
        await new Promise((r) => setTimeout(r, 1000 * job.tries));
        return this.send(job);
      }
      this.list.setFailed(job.row, error.message);
    }
  }
}
