/**
 * Chinese government pages come in UTF-8 and GB2312/GBK/GB18030, declared by a BOM, <meta charset>,
 * <meta http-equiv>, an XML declaration, or not at all — and sometimes declared wrongly by a CMS
 * template. The bytes decide when the declaration is missing or impossible.
 */
import iconv from 'iconv-lite';
import { decodeHtml, decodeText } from '../src/ingest/html-file';
import { fieldDiff, readReport } from './helpers/pipeline';
import { CHARSETS, encodePage, generatePage } from './helpers/html-fixture';

const TEXT = '忻州市生态环境局2020年政府信息公开工作年度报告：行政许可、規章（繁）、𠮷（GB18030 四字节）';

function html(head: string): string {
  return `<html><head>${head}<title>t</title></head><body><p>${TEXT}</p></body></html>`;
}

describe('decoding web pages', () => {
  it('decodes GBK declared by <meta charset="gbk">', () => {
    expect(decodeHtml(iconv.encode(html('<meta charset="gbk">'), 'gb18030'))).toContain(TEXT);
  });

  it('decodes GB2312 declared by <meta http-equiv="Content-Type" content="text/html; charset=gb2312">', () => {
    expect(
      decodeHtml(iconv.encode(html('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">'), 'gb18030')),
    ).toContain(TEXT);
  });

  it('decodes GB18030 (four-byte characters included) declared in an XML declaration', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="GB18030"?>${html('')}`, 'gb18030');
    expect(decodeHtml(bytes)).toContain('𠮷');
  });

  it('decodes GBK that declares nothing, by its bytes', () => {
    expect(decodeHtml(iconv.encode(html(''), 'gbk').subarray(0))).toContain('忻州市生态环境局');
  });

  it('decodes GBK under a template that wrongly declares UTF-8', () => {
    expect(decodeHtml(iconv.encode(html('<meta charset="utf-8">'), 'gb18030'))).toContain(TEXT);
  });

  it('decodes UTF-8 under a template that wrongly declares gb2312', () => {
    expect(
      decodeHtml(Buffer.from(html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'utf8')),
    ).toContain(TEXT);
  });

  it('decodes UTF-8 and UTF-16 by their byte-order marks', () => {
    expect(
      decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html('<meta charset="gbk">'), 'utf8')])),
    ).toContain(TEXT);
    expect(decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html(''), 'utf16le')]))).toContain(TEXT);
  });

  it('decodes a MIME part by the charset the part declares', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk').subarray(0, 20), 'gb2312')).toBe('忻州市生态环境局2020');
  });
});

describe('the same report whatever the encoding of its page', () => {
  for (const charset of CHARSETS) {
    it(`gives every field from a page encoded as ${charset}`, async () => {
      const page = generatePage({ version: '2021', seed: 41, charset });
      expect(page.bytes).toEqual(encodePage(page.html, charset));
      const report = await readReport(page.bytes, 'gbk.htm');
      expect(fieldDiff(report.fields, page.expected)).toEqual([]);
      expect(report.meta.agency).toBe(page.spec.agency);
    });
  }
});
