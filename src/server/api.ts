/**
 * The JSON API of the page, over the same core the CLI uses: upload, list, one report, correct a
 * cell, remove, cross-year pairs, downloads. Each handler gets a parsed request and either answers
 * or throws an HttpError; the router turns anything thrown into an error answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correctedKeys, EditError } from '../core/edit';
import { attachmentHeader, reportDownload, type Download } from './downloads';
import { httpErrors } from './errors';
import { pageConfig } from './page-data';
import { readJson, send, sendJson } from './respond';
import type { Entry, ReportStore } from './store';
import { summaryDownload } from './summary';
import type { Uploads } from './uploads';

export interface Context {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: readonly string[];
}

export type Handler = (ctx: Context) => Promise<void> | void;

export class Api {
  private config: ReturnType<typeof pageConfig> | undefined;

  constructor(private readonly store: ReportStore, private readonly uploads: Uploads) {}

  private entry(id: string): Entry {
    const entry = this.store.get(id);
    if (!entry) throw httpErrors.reportNotFound();
    return entry;
  }

  /**
   * One report as the page shows it: summary, the corrected report with all findings, which cells
   * were corrected (key → text as reported) and the journal of corrections.
   */
  private async detail(entry: Entry) {
    const report = (await this.store.current(entry)) ?? null;
    return { summary: this.store.summary(entry), report, edits: report ? correctedKeys(report) : {}, journal: await this.store.journal(entry) };
  }

  private readable(params: readonly string[]): Entry {
    const entry = this.entry(params[0]);
    if (!entry.info) throw httpErrors.unreadable('这个文件无法读取，没有可修改的表格', 'this file could not be read; there is no table to correct');
    return entry;
  }

  /**
   * Cross-year pairs and the reports that could not be paired, for the page's 跨年度核对 panel,
   * with the summaries of the later reports: a pair formed by a later upload adds findings to a
   * report the page already lists.
   */
  readonly crossYear: Handler = ({ res }) => {
    const { pairs, unpaired } = this.store.crossYear();
    const later = [...new Set(pairs.map((p) => p.later.id))].flatMap((id) => {
      const entry = this.store.get(id);
      return entry ? [this.store.summary(entry)] : [];
    });
    sendJson(res, 200, { pairs, unpaired, summaries: later });
  };

  readonly getConfig: Handler = ({ res }) => {
    this.config ??= pageConfig();
    sendJson(res, 200, this.config);
  };

  readonly list: Handler = ({ res }) => {
    sendJson(res, 200, { workspace: this.store.root, reports: this.store.list().map((e) => this.store.summary(e)) });
  };

  readonly upload: Handler = async ({ req, res }) => {
    const files = await this.uploads.handle(req);
    sendJson(res, 200, { files });
  };

  readonly clear: Handler = async ({ res }) => {
    await this.store.clear();
    sendJson(res, 200, { reports: [] });
  };

  readonly get: Handler = async ({ res, params }) => {
    sendJson(res, 200, await this.detail(this.entry(params[0])));
  };

  readonly remove: Handler = async ({ res, params }) => {
    if (!(await this.store.remove(params[0]))) throw httpErrors.reportNotFound();
    sendJson(res, 200, { removed: params[0] });
  };

  readonly editCell: Handler = async ({ req, res, params }) => {
    const entry = this.readable(params);
    const body = (await readJson(req)) as { key?: unknown; raw?: unknown; note?: unknown } | null;
    if (typeof body?.key !== 'string' || typeof body.raw !== 'string' || (body.note !== undefined && typeof body.note !== 'string')) {
      throw httpErrors.badEdit('请求须包含 key 与 raw 两个文本字段（note 可选）', 'the body must hold the text fields key and raw (note optional)');
    }
    try {
      await this.store.edit(entry, body.key, body.raw, body.note as string | undefined);
    } catch (err) {
      if (err instanceof EditError) throw httpErrors.badEdit(err.zh, err.en);
      throw err;
    }
    sendJson(res, 200, await this.detail(entry));
  };

  /** 空白填 0: every blank cell of the report set to 0, one journal entry. */
  readonly fillZero: Handler = async ({ res, params }) => {
    const entry = this.readable(params);
    await this.store.fillZero(entry);
    sendJson(res, 200, await this.detail(entry));
  };

  /** Undoes one journal entry (`{entry: id}`), or the newest (Ctrl+Z) when none is named. */
  readonly undo: Handler = async ({ req, res, params }) => {
    const entry = this.readable(params);
    const body = (await readJson(req)) as { entry?: unknown } | null;
    const journalId = typeof body?.entry === 'string' ? body.entry : undefined;
    const undone = await this.store.undo(entry, journalId);
    sendJson(res, 200, { undone, ...(await this.detail(entry)) });
  };

  /** Of several files of one body and year (重复报送), this one counts in totals. */
  readonly choose: Handler = async ({ res, params }) => {
    const entry = this.readable(params);
    await this.store.choose(entry);
    sendJson(res, 200, { reports: this.store.list().map((e) => this.store.summary(e)) });
  };

  readonly download: Handler = async ({ res, params }) => {
    const entry = this.entry(params[0]);
    const report = await this.store.current(entry);
    if (!report) throw httpErrors.unreadable('这个文件无法读取，没有可下载的数据', 'this file could not be read; nothing to download');
    const file = await reportDownload(report, entry.record.name, params[1]);
    if (!file) throw httpErrors.notFound();
    sendDownload(res, file);
  };

  readonly summary: Handler = async ({ res }) => {
    sendDownload(res, await summaryDownload(this.store));
  };
}

function sendDownload(res: ServerResponse, file: Download): void {
  send(res, 200, file.contentType, file.bytes, { 'Content-Disposition': attachmentHeader(file.fileName), 'Cache-Control': 'no-store' });
}
