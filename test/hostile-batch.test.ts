/**
 * A batch of broken and hostile files, built here, converted with the real command: every bad
 * file gets its own clear error (Chinese and English, naming it), the good files are all
 * converted, and nothing is written outside the output folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { encryptedDocx } from './helpers/cfb-fixture';
import { runCli, tempDir } from './helpers/cli';
import { buildDocx, p, table } from './helpers/docx-fixture';
import { deflateBomb, handZip, NAMESPACES, packageEntries, para, rawDocx, run } from './helpers/raw-docx';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'));
const GiB = 1024 ** 3;

function withDocumentXml(xml: string): Uint8Array {
  const entries = unzipSync(SAMPLE);
  return zipSync({ ...entries, 'word/document.xml': strToU8(xml) });
}

function zipBomb(): Uint8Array {
  const prefix = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>`);
  const others = Object.entries(packageEntries('')).filter(([name]) => name !== 'word/document.xml');
  return handZip([
    ...others.map(([name, text]) => ({
      name,
      data: strToU8(text as string),
      method: 0 as const,
      declaredSize: (text as string).length,
    })),
    // Declares 4 KB, inflates to 1 GiB.
    { name: 'word/document.xml', data: deflateBomb(prefix, GiB), method: 8, declaredSize: 4096 },
  ]);
}

const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;

const NESTED = (() => {
  let xml = para(run('最里层'));
  for (let i = 0; i < 3000; i++) xml = `<w:tbl><w:tr><w:tc>${xml}</w:tc></w:tr></w:tbl>`;
  return xml;
})();

describe('a batch of broken and hostile files', () => {
  // The input folder sits in a private folder, so that what lands beside it can only be ours.
  const input = path.join(tempDir('nianbao-hostile-'), 'input');
  fs.mkdirSync(input);
  const out = path.join(input, 'out');
  const hostileName = '..\u0007奇怪:名字|报告.docx';
  const bad: Record<string, RegExp> = {
    '零字节.docx': /为空/,
    '文本改名.docx': /不是|不支持/,
    'PDF改名.docx': /PDF/,
    '截断.docx': /损坏|不完整/,
    '无正文.docx': /没有 Word 正文|word\/document\.xml/,
    '正文不是XML.docx': /XML/,
    '压缩炸弹.docx': /大小限制|超过/,
    '实体膨胀.docx': /DTD|实体|XML/,
    '加密.docx': /加密|密码/,
    '嵌套表格.docx': /超过|限制/,
    '不是年报.docx': /不是政府信息公开工作年度报告/,
  };
  let result: ReturnType<typeof runCli>;

  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {
      '零字节.docx': new Uint8Array(0),
      '文本改名.docx': strToU8('这只是一个文本文件，被改成了 .docx 的扩展名。'),
      'PDF改名.docx': strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
      '截断.docx': SAMPLE.subarray(0, Math.floor(SAMPLE.length / 2)),
      '无正文.docx': zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') }),
      '正文不是XML.docx': withDocumentXml('这不是 XML <<< &&& '),
      '压缩炸弹.docx': zipBomb(),
      '实体膨胀.docx': withDocumentXml(LAUGHS),
      '加密.docx': encryptedDocx(),
      '嵌套表格.docx': rawDocx({ body: NESTED }),
      '不是年报.docx': await buildDocx([
        p('关于召开年度工作会议的通知'),
        p('各科室：定于下周一召开会议。'),
        table([
          ['姓名', '科室'],
          ['张三', '办公室'],
        ]),
      ]),
      '正常.docx': SAMPLE,
      [hostileName]: SAMPLE,
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(input, name), bytes);
    result = runCli(['convert', input, '--out', out, '--to', 'json,xlsx,docx']);
  }, 120_000);

  it('names every bad file with its own reason, in Chinese and English', () => {
    for (const [name, reason] of Object.entries(bad)) {
      const block = result.stderr.split('✗ ').find((b) => b.includes(`“${name}”`));
      expect({ name, block: block ?? '(missing)' }).toEqual({ name, block: expect.stringMatching(reason) });
      expect(block).toContain(`"${name}"`);
    }
    expect(result.stderr).not.toMatch(/WORKER_FAILED|意外退出|at .*\.ts:\d+/);
  });

  it('converts every good file, whatever its name, and exits 2', () => {
    expect(result.code).toBe(2);
    const written = fs.readdirSync(out).sort();
    expect(written).toHaveLength(6);
    expect(written).toEqual(expect.arrayContaining(['正常.json', '正常.xlsx', '正常.docx']));
    for (const name of written) expect(name).not.toMatch(/[\u0000-\u001f:|/\\]|^\./);
    expect(result.stdout).toContain(`共 ${Object.keys(bad).length + 2} 个文件：成功 2，无法读取 ${Object.keys(bad).length}；`);
  });

  it('writes nothing outside the output folder', () => {
    const outside = fs.readdirSync(input).filter((n) => !n.endsWith('.docx') && n !== 'out');
    expect(outside).toEqual([]);
    expect(fs.readdirSync(path.dirname(input))).toEqual(['input']);
  });
});
