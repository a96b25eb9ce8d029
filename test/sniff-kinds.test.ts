/**
 * The kind of a file is decided by its content: offices rename files (a web page saved as .doc, a
 * PDF or a text file renamed .docx), so the name only breaks ties. Misnamed files get a message
 * that says what the file really is.
 */
import iconv from 'iconv-lite';
import { sniff } from '../src/ingest/sniff';
import { readBytes } from './helpers/pipeline';
import { buildDocx, p } from './helpers/docx-fixture';
import { encryptedDocx } from './helpers/cfb-fixture';
import { generatePage, toMht } from './helpers/html-fixture';

const ascii = (s: string) => Buffer.from(s, 'latin1');

describe('sniffing by content', () => {
  it('knows zip, OLE and PDF by their signatures whatever the name', async () => {
    expect(sniff(await buildDocx([p('x')]), 'report.doc')).toBe('zip');
    expect(sniff(encryptedDocx(), 'report.docx')).toBe('ole');
    expect(sniff(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'report.docx')).toBe('pdf');
  });

  it('knows a web page by its markup, after a BOM, an XML declaration or comments', () => {
    expect(sniff(ascii('\xEF\xBB\xBF<!DOCTYPE html><html><body>x</body></html>'), 'a.docx')).toBe('html');
    expect(
      sniff(
        ascii(
          '<?xml version="1.0" encoding="gb2312"?>\n<!-- saved from url=(0061)http://www.example.gov.cn/ -->\n<HTML xmlns:o="urn:schemas-microsoft-com:office:office"><HEAD>',
        ),
        'a.doc',
      ),
    ).toBe('html');
    expect(sniff(ascii('\r\n\r\n  <meta http-equiv="Content-Type" content="text/html; charset=gb2312"><table>'), 'a.htm')).toBe(
      'html',
    );
    expect(
      sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>报告</body></html>', 'utf16le')]), 'a.htm'),
    ).toBe('html');
  });

  it('knows a copied article fragment saved as .html that starts with text', () => {
    expect(sniff(Buffer.from('某某局2021年政府信息公开工作年度报告<br>\n<p>一、总体情况</p>', 'utf8'), '复制.html')).toBe('html');
    expect(sniff(Buffer.from('某某局2021年政府信息公开工作年度报告<br>\n<p>一、总体情况</p>', 'utf8'), '复制.txt')).toBe('text');
  });

  it('tells Word 2003 XML (converted by LibreOffice) from a Word web page carrying a <w:WordDocument> island', () => {
    expect(
      sniff(
        ascii(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">',
        ),
        'a.doc',
      ),
    ).toBe('wordml');
    expect(
      sniff(
        ascii(
          '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head>',
        ),
        'a.doc',
      ),
    ).toBe('html');
  });

  it('knows a saved web archive (MHTML) by its MIME headers, even named .html or .doc', () => {
    const page = generatePage({ version: '2021', seed: 1 });
    for (const saver of ['blink', 'ie', 'word'] as const) {
      const mht = toMht(page.html, { saver, transfer: 'quoted-printable', charset: 'utf-8' });
      expect(sniff(mht, 'report.html')).toBe('mht');
      expect(sniff(mht, 'report.doc')).toBe('mht');
    }
  });

  it('knows RTF (Word "save as RTF", often named .doc)', () => {
    expect(sniff(ascii('{\\rtf1\\ansi\\ansicpg936\\deff0'), 'report.doc')).toBe('rtf');
  });

  it('calls plain text (UTF-8 or GBK) text, and binary junk unknown', () => {
    expect(sniff(Buffer.from('某某局2021年政府信息公开工作年度报告\n一、总体情况\n', 'utf8'), 'report.docx')).toBe('text');
    expect(sniff(iconv.encode('某某局2021年政府信息公开工作年度报告\r\n', 'gbk'), 'report.docx')).toBe('text');
    expect(sniff(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x10, 0x00, 0x7f]), 'report.docx')).toBe('unknown');
  });
});

describe('misnamed files get a message saying what they are', () => {
  it('a text file renamed .docx', async () => {
    const result = await readBytes(Buffer.from('某某局2021年政府信息公开工作年度报告\n', 'utf8'), '年度报告.docx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TEXT_FILE');
    expect(result.error.zh).toContain('年度报告.docx');
    expect(result.error.zh).toContain('纯文本');
    expect(result.error.en).toMatch(/plain text/);
  });

  it('a PDF renamed .docx', async () => {
    const result = await readBytes(ascii('%PDF-1.4\n1 0 obj << >> endobj\n'), '年度报告.docx');
    expect(result.ok ? '' : result.error.code).toBe('PDF');
  });

  it('a web page saved as .doc is read as the web page it is', async () => {
    const page = generatePage({ version: '2019', seed: 4 });
    const result = await readBytes(page.bytes, '年度报告.doc');
    expect(result.ok && result.report.source.reader).toBe('html');
    expect(result.ok && result.report.fields['t3.total.total']).toBe(page.expected['t3.total.total']);
  });
});
