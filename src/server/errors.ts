/**
 * What the API answers when a request cannot be served: an HTTP status and a message in Chinese
 * (shown on the page) and English. Nothing here is about a file's content; per-file reading errors
 * are FileResults.
 */
import { megabytes, SERVER_LIMITS } from './limits';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'HttpError';
  }

  toJSON(): { code: string; zh: string; en: string; message: string } {
    return { code: this.code, zh: this.zh, en: this.en, message: this.message };
  }
}

const L = SERVER_LIMITS;

export const httpErrors = {
  notFound: () => new HttpError(404, 'NOT_FOUND', '找不到请求的页面或数据', 'not found'),
  reportNotFound: () =>
    new HttpError(
      404,
      'REPORT_NOT_FOUND',
      '找不到这份报告（可能已被清空，请刷新页面）',
      'no such report (it may have been cleared; reload the page)',
    ),
  methodNotAllowed: () => new HttpError(405, 'METHOD_NOT_ALLOWED', '不支持的请求方法', 'method not allowed'),
  badHost: () =>
    new HttpError(403, 'BAD_HOST', '拒绝访问：请求的主机名不是本机', 'forbidden: the Host header does not name this machine'),
  crossOrigin: () => new HttpError(403, 'CROSS_ORIGIN', '拒绝访问：请求来自其他网站', 'forbidden: cross-origin request'),
  notMultipart: () =>
    new HttpError(415, 'NOT_MULTIPART', '上传请求必须是 multipart/form-data 格式', 'an upload must be multipart/form-data'),
  badMultipart: (detail: string) =>
    new HttpError(400, 'BAD_MULTIPART', `上传请求格式不正确，无法解析（${detail}）`, `malformed multipart request (${detail})`),
  noFiles: () => new HttpError(400, 'NO_FILES', '请求中没有文件', 'the request holds no files'),
  requestTooLarge: () =>
    new HttpError(
      413,
      'REQUEST_TOO_LARGE',
      `一次上传的文件总大小超过 ${megabytes(L.maxRequestBytes)}，请分批上传`,
      `the upload exceeds ${megabytes(L.maxRequestBytes)}; upload in smaller batches`,
    ),
  tooManyFiles: () =>
    new HttpError(
      413,
      'TOO_MANY_FILES',
      `一次最多上传 ${L.maxFilesPerRequest} 个文件，请分批上传`,
      `at most ${L.maxFilesPerRequest} files per upload; upload in smaller batches`,
    ),
  busy: () =>
    new HttpError(
      503,
      'BUSY',
      '服务器正忙（同时上传的请求过多），请稍后重试',
      'the server is busy (too many uploads at once); retry shortly',
    ),
  badJson: () => new HttpError(400, 'BAD_JSON', '请求内容不是有效的 JSON', 'the request body is not valid JSON'),
  jsonTooLarge: () => new HttpError(413, 'JSON_TOO_LARGE', '请求内容过大', 'request body too large'),
  badEdit: (zh: string, en: string) => new HttpError(400, 'BAD_EDIT', zh, en),
  unreadable: (zh: string, en: string) => new HttpError(409, 'UNREADABLE', zh, en),
  noReports: () =>
    new HttpError(409, 'NO_REPORTS', '还没有读取成功的报告，无法生成汇总表', 'no report has been read yet; nothing to summarise'),
  internal: () =>
    new HttpError(500, 'INTERNAL', '服务器内部错误，请重试；如果反复出现，请重新启动年报通', 'internal server error'),
};

/** Store full: per file, so the files that fit are still kept. */
export function storeFullMessage(): { zh: string; en: string } {
  return {
    zh: `工作区已保存 ${L.maxReports} 份报告，达到上限，本文件未处理；请移除不需要的报告，或用 --workspace 换一个工作区`,
    en: `the workspace holds ${L.maxReports} reports, the limit; this file was not processed — remove reports you no longer need, or use another workspace (--workspace)`,
  };
}
