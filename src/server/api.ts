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
import { readUpload } from './multipart';
import { assignReport, importRoster, rosterError, rosterFromLastYear, yearView } from './year';

export interface Context {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: readonly string[];
}

export type Handler = (ctx: Context) => Promise<void> | void;

export class Api {
  private config: ReturnType<typeof pageConfig> | undefined;
  private yearLock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ReportStore,
    private readonly uploads: Uploads,
  ) {}

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
    return {
      summary: this.store.summary(entry),
      report,
      edits: report ? correctedKeys(report) : {},
      journal: await this.store.journal(entry),
    };
  }

  private readable(params: readonly string[]): Entry {
    const entry = this.entry(params[0]);
    if (!entry.info)
      throw httpErrors.unreadable(
        '这个文件无法读取，没有可修改的表格',
        'this file could not be read; there is no table to correct',
      );
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
    if (
      typeof body?.key !== 'string' ||
      typeof body.raw !== 'string' ||
      (body.note !== undefined && typeof body.note !== 'string')
    ) {
      throw httpErrors.badEdit(
        '请求须包含 key 与 raw 两个文本字段（note 可选）',
        'the body must hold the text fields key and raw (note optional)',
      );
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

  /** Reads the report's original again; its corrections are replayed over the new reading. */
  readonly reread: Handler = async ({ res, params }) => {
    const entry = this.entry(params[0]);
    await this.uploads.reread(entry);
    sendJson(res, 200, await this.detail(entry));
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
    if (!report)
      throw httpErrors.unreadable('这个文件无法读取，没有可下载的数据', 'this file could not be read; nothing to download');
    const file = await reportDownload(report, entry.record.name, params[1]);
    if (!file) throw httpErrors.notFound();
    sendDownload(res, file);
  };

  /** The year view: every roster body with its status (see year.ts). `?year=2023`, default the newest year. */
  readonly year: Handler = async ({ req, res }) => {
    sendJson(res, 200, await yearView(this.store, yearParam(req, false)));
  };

  /** Roster changes of one year, one at a time (each rewrites the year's roster file). */
  private yearWrite<T>(task: () => Promise<T>): Promise<T> {
    const run = this.yearLock.then(task, task);
    this.yearLock = run.catch(() => undefined);
    return run;
  }

  /** A roster file (.xlsx/.csv) uploaded for `?year=`. */
  readonly importRoster: Handler = async ({ req, res }) => {
    const year = yearParam(req, true)!;
    const files = await readUpload(req);
    const file = files[0];
    if (!file) throw httpErrors.noFiles();
    try {
      await this.yearWrite(() => importRoster(this.store, year, file.bytes, file.name));
    } catch (err) {
      throw rosterError(err) ?? err;
    }
    sendJson(res, 200, await yearView(this.store, year));
  };

  /** Last year's reporters as the roster of `?year=`. */
  readonly rosterFromLastYear: Handler = async ({ req, res }) => {
    const year = yearParam(req, true)!;
    if (!(await this.yearWrite(() => rosterFromLastYear(this.store, year)))) {
      throw httpErrors.unreadable(
        `工作区中没有 ${year - 1} 年度的报告，无法作为名单`,
        `no ${year - 1} reports in the workspace to take as the roster`,
      );
    }
    sendJson(res, 200, await yearView(this.store, year));
  };

  /** `{report, body}`: a report assigned by hand to a roster body of `?year=` (body null: undo). */
  readonly assign: Handler = async ({ req, res }) => {
    const year = yearParam(req, true)!;
    const body = (await readJson(req)) as { report?: unknown; body?: unknown } | null;
    if (typeof body?.report !== 'string' || (body.body !== null && typeof body.body !== 'string')) {
      throw httpErrors.badEdit('请求须包含 report 与 body 两个字段', 'the body must hold the fields report and body');
    }
    this.entry(body.report);
    const done = await this.yearWrite(() => assignReport(this.store, year, body.report as string, body.body as string | null));
    if (!done)
      throw httpErrors.badEdit(
        '名单中没有这个单位（或本年度还没有名单）',
        'no such body in the roster (or no roster for the year)',
      );
    sendJson(res, 200, await yearView(this.store, year));
  };

  readonly summary: Handler = async ({ res }) => {
    sendDownload(res, await summaryDownload(this.store));
  };
}

/** `?year=2023` of a request; required for a change. */
function yearParam(req: IncomingMessage, required: boolean): number | null {
  const text = new URL(req.url ?? '/', 'http://x').searchParams.get('year');
  const year = text === null ? NaN : Number(text);
  if (Number.isInteger(year) && year >= 2008 && year <= 2100) return year;
  if (required || text !== null)
    throw httpErrors.badEdit('请指定报告年度（例如 year=2023）', 'give the report year (e.g. year=2023)');
  return null;
}

function sendDownload(res: ServerResponse, file: Download): void {
  send(res, 200, file.contentType, file.bytes, {
    'Content-Disposition': attachmentHeader(file.fileName),
    'Cache-Control': 'no-store',
  });
}
