// Talking to the server. Every failure becomes an Error whose message is the server's Chinese
// message (or a plain Chinese description of a network failure).
import { dispositionName } from './format.js';

async function failure(response) {
  try {
    const body = await response.json();
    if (body?.error?.zh) return Object.assign(new Error(body.error.zh), { status: response.status, code: body.error.code });
  } catch { /* not JSON */ }
  return Object.assign(new Error(`服务器返回错误（${response.status}）`), { status: response.status });
}

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

export const getJson = (url) => request('GET', url);
export const postJson = (url, body) => request('POST', url, body);
export const deleteJson = (url) => request('DELETE', url);

/** Posts a form with a file (a roster) and returns the server's JSON answer. */
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
 */
export function uploadFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const body = xhr.response;
      if (xhr.status === 200 && body?.files?.length) resolve(body);
      else reject(Object.assign(new Error(body?.error?.zh ?? `服务器返回错误（${xhr.status}）`), { status: xhr.status }));
    };
    xhr.onerror = () => reject(Object.assign(new Error('上传中断：无法连接年报通服务器'), { status: 0 }));
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}

/** Fetches a download and hands it to the browser under the server's file name. */
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
