// @ts-check
// Talking to the server. Every failure becomes an Error whose message is the server's Chinese
// message (or a plain Chinese description of a network failure).
import { dispositionName } from './format.js';

/** @typedef {import('../page-data').UploadAnswers} UploadAnswers */
/** @typedef {Error & { status?: number, code?: string }} ApiError */

/**
 * @param {string} message
 * @param {number} status
 * @param {string} [code]
 * @returns {ApiError}
 */
function apiError(message, status, code) {
  return Object.assign(new Error(message), { status, code });
}

/** @param {Response} response */
async function failure(response) {
  try {
    const body = await response.json();
    if (body?.error?.zh) return apiError(body.error.zh, response.status, body.error.code);
  } catch {
    /* not JSON */
  }
  return apiError(`服务器返回错误（${response.status}）`, response.status);
}

/**
 * The JSON answer, of the type the caller declares (the answers are named in page-data.ts).
 * @template T
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 * @returns {Promise<T>}
 */
async function request(method, url, body) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('无法连接年报通服务器，请确认它仍在运行');
  }
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** @template T @param {string} url @returns {Promise<T>} */
export const getJson = (url) => request('GET', url);
/** @template T @param {string} url @param {unknown} body @returns {Promise<T>} */
export const postJson = (url, body) => request('POST', url, body);
/** @template T @param {string} url @returns {Promise<T>} */
export const deleteJson = (url) => request('DELETE', url);

/**
 * Posts a form with a file (a roster) and returns the server's JSON answer, of the type the caller declares.
 * @template T
 * @param {string} url
 * @param {FormData} form
 * @returns {Promise<T>}
 */
export async function postForm(url, form) {
  let response;
  try {
    response = await fetch(url, { method: 'POST', body: form });
  } catch {
    throw new Error('无法连接年报通服务器，请确认它仍在运行');
  }
  if (!response.ok) throw await failure(response);
  return response.json();
}

/**
 * Uploads one file (XMLHttpRequest: fetch reports no upload progress). Resolves with the server's
 * answer for the file; rejects with an Error carrying the Chinese message and the HTTP status.
 * @param {File} file
 * @param {(fraction: number) => void} onProgress
 * @returns {Promise<UploadAnswers>}
 */
export function uploadFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const body = xhr.response;
      if (xhr.status === 200 && body?.files?.length) resolve(body);
      else reject(apiError(body?.error?.zh ?? `服务器返回错误（${xhr.status}）`, xhr.status));
    };
    xhr.onerror = () => reject(apiError('上传中断：无法连接年报通服务器', 0));
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}

/**
 * Fetches a download and hands it to the browser under the server's file name.
 * @param {string} url
 * @param {string} fallbackName
 */
export async function download(url, fallbackName) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error('无法连接年报通服务器，请确认它仍在运行');
  }
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const name = dispositionName(response.headers.get('Content-Disposition'), fallbackName);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
