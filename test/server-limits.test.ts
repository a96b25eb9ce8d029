/**
 * The server under hostile and broken requests: size and count limits, malformed multipart,
 * uploads in parallel and too many at once, a file that runs over its time budget, a full store,
 * requests from other sites. After every one of them the server still answers.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../src/server';
import { SERVER_LIMITS } from '../src/server/limits';
import { getJson, multipartBody, rawRequest, reportDocx, upload } from './helpers/server';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'));

let server: RunningServer;
let base: string;
let host: string;
/**
 * A web page with a 40,000-row table: about 6 s of reading on a developer machine, far over this
 * server's 1.5 s budget (an HTML string is built in no time, unlike a DOCX of that size).
 */
function slowPage(rows = 40_000): Buffer {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>${i}</td><td>行政许可</td><td>12</td><td>3</td></tr>`).join('');
  return Buffer.from(
    `<html><head><meta charset="utf-8"></head><body><p>某某县2022年政府信息公开工作年度报告</p><table><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>${body}</table></body></html>`,
  );
}

async function stillServing(): Promise<void> {
  const res = await getJson(base, '/api/reports');
  expect(res.status).toBe(200);
  // A file the workspace does not hold yet (the sample may be there already: it would be named a duplicate).
  const again = await upload(base, [
    { name: '之后.docx', bytes: await reportDocx({ version: '2021', agency: '某某县之后局', year: 2022 }) },
  ]);
  expect(again.body.files[0]).toMatchObject({ state: 'ok' });
}

beforeAll(async () => {
  // A short time budget so that the test's slow file is stopped quickly.
  server = await startServer({ port: 0, pool: { threads: 1, timeoutMs: 1500 } });
  base = server.url;
  host = new URL(base).host;
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => server.store.clear());

describe('nianbao serve: size and count limits', () => {
  it('fails a file over the per-file limit with a message, and reads the other files of the request', async () => {
    const big = Buffer.alloc(SERVER_LIMITS.maxFileBytes + 1024, 0x41);
    const res = await upload(base, [
      { name: '太大.docx', bytes: big },
      { name: 'sample.docx', bytes: SAMPLE },
    ]);
    expect(res.status).toBe(200);
    const [tooLarge, sample] = res.body.files;
    expect(tooLarge).toMatchObject({ state: 'failed', error: { code: 'TOO_LARGE', file: '太大.docx' } });
    expect(tooLarge.error.zh).toMatch(/超过大小限制.*单个文件最大 50 MB/);
    expect(sample).toMatchObject({ state: 'ok' });
    await stillServing();
  });

  it('refuses a request that declares more than the request limit before reading it', async () => {
    const res = await rawRequest(base, {
      headers: {
        Host: host,
        'Content-Type': 'multipart/form-data; boundary=b',
        'Content-Length': SERVER_LIMITS.maxRequestBytes + 1,
      },
      chunks: ['--b\r\n'],
    }).catch((err: Error) => ({ status: -1, text: err.message }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.zh).toMatch(/一次上传的文件总大小超过 200 MB/);
    await stillServing();
  });

  it('stops reading a streamed request as soon as it passes the request limit', async () => {
    const url = new URL('/api/reports', base);
    const answer = await new Promise<{ status: number; text: string; sent: number }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), sent }));
        },
      );
      req.on('error', reject);
      let sent = 0;
      const chunk = Buffer.alloc(1024 * 1024, 0x42);
      req.write('--b\r\nContent-Disposition: form-data; name="files"; filename="无尽.docx"\r\n\r\n');
      // Keeps sending far past the limit; the server must answer without waiting for the end.
      const pump = (): void => {
        while (sent < 4 * SERVER_LIMITS.maxRequestBytes && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.code).toBe('REQUEST_TOO_LARGE');
    expect(answer.sent).toBeLessThan(4 * SERVER_LIMITS.maxRequestBytes);
    await stillServing();
  });

  it('refuses more files in one request than the file-count limit, with a message', async () => {
    const files = Array.from({ length: SERVER_LIMITS.maxFilesPerRequest + 1 }, (_, i) => ({
      name: `f${i}.docx`,
      body: 'x',
      filename: `f${i}.docx`,
    }));
    const body = multipartBody(
      'b',
      files.map((f) => ({ name: 'files', filename: f.filename, body: f.body })),
    );
    const res = await rawRequest(base, {
      headers: { Host: host, 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': body.length },
      chunks: [body],
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.zh).toBe(`一次最多上传 ${SERVER_LIMITS.maxFilesPerRequest} 个文件，请分批上传`);
    expect((await getJson(base, '/api/reports')).body.reports).toEqual([]);
    await stillServing();
  });
});

describe('nianbao serve: malformed requests', () => {
  const cases: [string, Record<string, string>, (string | Buffer)[], number, RegExp][] = [
    [
      'a body cut off before its closing boundary',
      { 'Content-Type': 'multipart/form-data; boundary=b' },
      [multipartBody('b', [{ name: 'files', filename: 'a.docx', body: SAMPLE.subarray(0, 2000) }], false)],
      400,
      /上传请求格式不正确/,
    ],
    [
      'a boundary that never appears',
      { 'Content-Type': 'multipart/form-data; boundary=other' },
      [multipartBody('b', [{ name: 'files', filename: 'a.docx', body: 'abc' }])],
      400,
      /上传请求格式不正确|请求中没有文件/,
    ],
    ['multipart without a boundary', { 'Content-Type': 'multipart/form-data' }, ['--x\r\n\r\n'], 400, /上传请求格式不正确/],
    [
      'a part with broken headers',
      { 'Content-Type': 'multipart/form-data; boundary=b' },
      ['--b\r\nContent-Disposition\r\n\u0000\u0001\r\n\r\nabc\r\n--b--\r\n'],
      400,
      /上传请求格式不正确|请求中没有文件/,
    ],
    [
      'a form without any file',
      { 'Content-Type': 'multipart/form-data; boundary=b' },
      [multipartBody('b', [{ name: 'note', body: 'hello' }])],
      400,
      /请求中没有文件/,
    ],
    ['JSON instead of multipart', { 'Content-Type': 'application/json' }, ['{"files": []}'], 415, /multipart\/form-data/],
    [
      'random bytes',
      { 'Content-Type': 'multipart/form-data; boundary=b' },
      [Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
      400,
      /上传请求格式不正确|请求中没有文件/,
    ],
  ];

  it.each(cases)('answers %s with a message and keeps serving', async (_name, headers, chunks, status, message) => {
    const res = await rawRequest(base, { headers: { Host: host, ...headers }, chunks });
    expect(res.status).toBe(status);
    const body = JSON.parse(res.text);
    expect(body.error.zh).toMatch(message);
    expect(body.error.en).toBeTruthy();
    await stillServing();
  });

  it('survives a client that hangs up in the middle of an upload', async () => {
    const url = new URL('/api/reports', base);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': 100_000 },
      });
      req.on('error', () => resolve());
      req.write('--b\r\nContent-Disposition: form-data; name="files"; filename="a.docx"\r\n\r\nPK');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    await stillServing();
  });

  it('answers unknown paths and methods with a message, not a crash', async () => {
    expect((await rawRequest(base, { method: 'GET', path: '/api/nothing', headers: { Host: host } })).status).toBe(404);
    expect((await rawRequest(base, { method: 'PUT', path: '/api/reports', headers: { Host: host } })).status).toBe(405);
    expect((await rawRequest(base, { method: 'GET', path: '/api/reports/%E0%A4%A', headers: { Host: host } })).status).toBe(404);
    await stillServing();
  });
});

describe('nianbao serve: uploads at once', () => {
  it('reads concurrent uploads, each file once, each with its own answer', async () => {
    const files = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => ({
        name: `第${i}号.docx`,
        bytes:
          i === 4 ? Buffer.from('%PDF-1.4 not a report') : await reportDocx({ version: '2021', agency: `机关${i}`, year: 2022 }),
      })),
    );
    const answers = await Promise.all(files.map((f) => upload(base, [f])));
    expect(answers.map((a) => a.status)).toEqual(files.map(() => 200));
    expect(answers.map((a) => a.body.files[0].name)).toEqual(files.map((f) => f.name));
    expect(answers.map((a) => a.body.files[0].state)).toEqual(files.map((_, i) => (i === 4 ? 'failed' : 'ok')));
    expect(answers[4].body.files[0].error.code).toBe('PDF');
    const list = await getJson(base, '/api/reports');
    expect(new Set(list.body.reports.map((r: { id: string }) => r.id)).size).toBe(10);
    await stillServing();
  });

  it('answers "busy" when more uploads arrive at once than it takes, and serves again when they end', async () => {
    const url = new URL('/api/reports', base);
    const open: http.ClientRequest[] = [];
    const answers: Promise<number>[] = [];
    for (let i = 0; i < SERVER_LIMITS.maxConcurrentUploads; i++) {
      answers.push(
        new Promise((resolve) => {
          const req = http.request(
            {
              host: url.hostname,
              port: url.port,
              path: url.pathname,
              method: 'POST',
              headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': 1_000_000 },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', () => resolve(-1));
          req.write('--b\r\nContent-Disposition: form-data; name="files"; filename="slow.docx"\r\n\r\nPK');
          open.push(req);
        }),
      );
    }
    // Let the server take all of them before the next one arrives.
    await new Promise((r) => setTimeout(r, 300));
    const extra = await upload(base, [{ name: 'extra.docx', bytes: SAMPLE }]);
    expect(extra.status).toBe(503);
    expect(extra.body.error.zh).toMatch(/服务器正忙/);
    for (const req of open) req.destroy();
    await Promise.all(answers);
    await new Promise((r) => setTimeout(r, 100));
    await stillServing();
  });

  it('stops a file that runs over its time budget; the other files of the request are read', async () => {
    const res = await upload(base, [
      { name: '四万行.html', bytes: slowPage() },
      { name: 'sample.docx', bytes: SAMPLE },
    ]);
    expect(res.body.files[0]).toMatchObject({ name: '四万行.html', state: 'failed', error: { code: 'TIMEOUT' } });
    expect(res.body.files[1].state).toBe('ok');
    await stillServing();
  });
});

describe('nianbao serve: the store cap', () => {
  it('refuses files past the cap with a message and keeps every report already held', async () => {
    const small = await startServer({ port: 0, pool: { threads: 1 }, capacity: 3 });
    try {
      const files = await Promise.all(
        Array.from({ length: 5 }, async (_, i) => ({
          name: `第${i}份.docx`,
          bytes: await reportDocx({ version: '2021', agency: `某某县第${i}局`, year: 2022 }),
        })),
      );
      const res = await upload(small.url, files);
      const states = res.body.files.map((f: { state: string }) => f.state);
      expect(states.filter((s: string) => s === 'ok')).toHaveLength(3);
      const refused = res.body.files.filter((f: { state: string }) => f.state === 'refused');
      expect(refused).toHaveLength(2);
      expect(refused[0].error.zh).toMatch(/^文件“第\d份.docx”：工作区已保存 5000 份报告，达到上限，本文件未处理/);
      expect((await getJson(small.url, '/api/reports')).body.reports).toHaveLength(3);
      await fetch(new URL('/api/reports', small.url), { method: 'DELETE' });
      expect((await upload(small.url, [files[0]])).body.files[0].state).toBe('ok');
    } finally {
      await small.close();
    }
  });
});

describe('nianbao serve: requests from elsewhere', () => {
  it('refuses a Host that does not name this machine (DNS rebinding) on loopback', async () => {
    const res = await rawRequest(base, { method: 'GET', path: '/api/reports', headers: { Host: 'evil.example:80' } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).error.zh).toMatch(/主机名不是本机/);
  });

  it('refuses a change requested by another web site', async () => {
    const body = multipartBody('b', [{ name: 'files', filename: 'a.docx', body: SAMPLE }]);
    const res = await rawRequest(base, {
      headers: {
        Host: host,
        Origin: 'http://evil.example',
        'Content-Type': 'multipart/form-data; boundary=b',
        'Content-Length': body.length,
      },
      chunks: [body],
    });
    expect(res.status).toBe(403);
    const del = await rawRequest(base, { method: 'DELETE', headers: { Host: host, Origin: 'null' } });
    expect(del.status).toBe(403);
    const same = await rawRequest(base, {
      headers: {
        Host: host,
        Origin: `http://${host}`,
        'Content-Type': 'multipart/form-data; boundary=b',
        'Content-Length': body.length,
      },
      chunks: [body],
    });
    expect(same.status).toBe(200);
  });
});
