/**
 * A report page saved from the browser (Chrome/Edge "网页，单个文件", IE) or from Word ("单个文件网页")
 * is an MHTML file: MIME multipart/related, parts in quoted-printable or base64, a charset per part.
 * The page part is found by its content and read like any web page.
 */
import { fieldDiff, readBytes, readReport } from './helpers/pipeline';
import { generatePage, toMht } from './helpers/html-fixture';

describe('MHTML web archives', () => {
  it('reads a page saved by Chrome/Edge (Blink: quoted-printable UTF-8, folded headers)', async () => {
    const page = generatePage({ version: '2021', seed: 51 });
    const report = await readReport(
      toMht(page.html, { saver: 'blink', transfer: 'quoted-printable', charset: 'utf-8' }),
      '年报.mhtml',
    );
    expect(fieldDiff(report.fields, page.expected)).toEqual([]);
    expect(report.source.reader).toBe('mht');
  });

  it('reads a page saved by IE: base64 GB2312 declared on the part, the stylesheet part first', async () => {
    const page = generatePage({ version: '2019', seed: 52, charset: 'gb2312-http-equiv' });
    const report = await readReport(toMht(page.html, { saver: 'ie', transfer: 'base64', charset: 'gb2312' }), '年报.mht');
    expect(fieldDiff(report.fields, page.expected)).toEqual([]);
  });

  it('reads a Word "single file web page" (.mht of Word HTML, quoted-printable GB2312)', async () => {
    const page = generatePage({ version: '2021', seed: 53, quirks: ['word-html'] });
    const report = await readReport(
      toMht(page.html, { saver: 'word', transfer: 'quoted-printable', charset: 'gb2312' }),
      '年报.mht',
    );
    expect(fieldDiff(report.fields, page.expected)).toEqual([]);
  });

  it('takes the frame that holds the report when the saved top page is only a frame set', async () => {
    const page = generatePage({ version: '2021', seed: 54 });
    const shell =
      '<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body><div class="nav">政府信息公开年报</div><iframe src="cid:frame-2"></iframe></body></html>';
    const boundary = '----MultipartBoundary--frames----';
    const part = (id: string, html: string) =>
      `--${boundary}\r\nContent-Type: text/html\r\nContent-ID: <${id}>\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html, 'utf8').toString('base64')}\r\n`;
    const mht = Buffer.from(
      `From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tstart="<frame-1>";\r\n\tboundary="${boundary}"\r\n\r\n${part('frame-1', shell)}${part('frame-2', page.html)}--${boundary}--\r\n`,
      'latin1',
    );
    const report = await readReport(mht, 'frames.mht');
    expect(fieldDiff(report.fields, page.expected)).toEqual([]);
  });

  it('finds the page inside a nested multipart/alternative', async () => {
    const page = generatePage({ version: '2019', seed: 55 });
    const inner = 'inner-boundary';
    const outer = 'outer-boundary';
    const mht = Buffer.from(
      [
        'MIME-Version: 1.0',
        `Content-Type: multipart/related; boundary="${outer}"`,
        '',
        `--${outer}`,
        `Content-Type: multipart/alternative; boundary=${inner}`,
        '',
        `--${inner}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        '纯文本版本',
        '',
        `--${inner}`,
        'Content-Type: text/html; charset="utf-8"',
        'Content-Transfer-Encoding: 8bit',
        '',
        page.html,
        '',
        `--${inner}--`,
        `--${outer}--`,
        '',
      ].join('\r\n'),
      'utf8',
    );
    const report = await readReport(mht, 'nested.mht');
    expect(fieldDiff(report.fields, page.expected)).toEqual([]);
  });

  it('says so, naming the file, when the archive holds no page', async () => {
    const mht = Buffer.from(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n',
      'latin1',
    );
    const result = await readBytes(mht, '残缺.mht');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('MHT_NO_HTML');
      expect(result.error.zh).toContain('残缺.mht');
      expect(result.error.en).toContain('text/html');
    }
  });
});
