/**
 * A CLI that never loses a file: an input is never overwritten (not even when converting a folder
 * into itself), a file we cannot read is listed as 无法读取 rather than skipped, an empty folder is
 * an error, and an export that fails is that export's failure — the file's other outputs are written.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir, withoutProgress } from './helpers/cli';
import { buildDocx } from './helpers/docx-fixture';
import { consistentValues, reportBlocks } from './helpers/report-fixture';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort())
    out[name] = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, name)))
      .digest('hex');
  return out;
}

/**
 * A folder of a clerk's files: a report, her own JSON notes of the same name, a broken PDF and a
 * text note. The PDF is a kind we read, so it fails when read (named as the pool names it); the
 * JSON and the text are kinds we do not read, listed with their paths.
 */
function clerkFolder(): string {
  const dir = tempDir('nianbao-safety-');
  fs.copyFileSync(SAMPLE, path.join(dir, '年报.docx'));
  fs.writeFileSync(path.join(dir, '年报.json'), '{"clerk": "her own notes"}');
  fs.writeFileSync(path.join(dir, '扫描件.pdf'), '%PDF-1.4\n% a scanned report\n');
  fs.writeFileSync(path.join(dir, '说明.txt'), '报送说明');
  return dir;
}

describe('convert never overwrites an input', () => {
  it('converting a folder into itself leaves every input byte-identical and says which outputs were renamed', () => {
    const dir = clerkFolder();
    const before = hashes(dir);
    const r = runCli(['convert', dir, '--out', dir, '--to', 'json,xlsx']);
    expect(
      withoutProgress(r.stderr)
        .split('\n')
        .filter((l) => l.startsWith('✗'))
        .sort(),
    ).toEqual(
      [
        `✗ 文件“${path.join(dir, '年报.json')}”无法读取：不支持的文件类型，请提供 .docx、.html 或 .pdf 格式的年度报告`,
        '✗ 文件“扫描件.pdf”无法读取：PDF 文件已损坏或不完整，无法读取；请提供 Word（.docx）或网页（.html）版本（没有任何 PDF 对象）',
        `✗ 文件“${path.join(dir, '说明.txt')}”无法读取：不支持的文件类型，请提供 .docx、.html 或 .pdf 格式的年度报告`,
      ].sort(),
    );
    expect(hashes(dir)).toMatchObject(before);
    expect(fs.readdirSync(dir).sort()).toEqual([...Object.keys(before), '年报（转换）.json', '年报（转换）.xlsx'].sort());
    expect(r.stdout).toContain(
      '! 输出 年报.json 会覆盖输入文件，改为写出 年报（转换）.json（输入文件保持不变）\n' +
        '  年报.json is an input file; writing 年报（转换）.json instead (the input is left untouched)',
    );
    expect(r.code).toBe(2);
  });

  it("convert X --out <X's folder> --to docx writes the regenerated report beside the original, not over it", () => {
    const dir = tempDir('nianbao-safety-');
    const input = path.join(dir, '忻州.docx');
    fs.copyFileSync(SAMPLE, input);
    const r = runCli(['convert', input, '--out', dir, '--to', 'docx']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['忻州.docx', '忻州（转换）.docx']);
  });
});

describe('convert never writes through a link onto an input', () => {
  it('an output folder reached through a symbolic link, and an output name that is a hard link to an input, are both seen as the input', () => {
    const dir = tempDir('nianbao-safety-');
    const input = path.join(dir, '忻州.docx');
    fs.copyFileSync(SAMPLE, input);
    // The output folder is the input's folder under another name.
    const alias = path.join(tempDir('nianbao-safety-'), '输出');
    fs.symlinkSync(dir, alias);
    const viaLink = runCli(['convert', input, '--out', alias, '--to', 'docx']);
    expect(viaLink.code).toBe(0);
    expect(fs.readFileSync(input).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['忻州.docx', '忻州（转换）.docx']);
    // An output name that is another name of the input's own data (a hard link).
    const out = tempDir('nianbao-safety-');
    fs.linkSync(input, path.join(out, '忻州.docx'));
    const viaHardLink = runCli(['convert', input, '--out', out, '--to', 'docx']);
    expect(viaHardLink.code).toBe(0);
    expect(fs.readFileSync(input).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(['忻州.docx', '忻州（转换）.docx']);
  });
});

describe('convert lists every file it cannot read', () => {
  it('lists a broken PDF, a text note and a JSON file in a folder as 无法读取 with the reason, and converts the report', () => {
    const dir = clerkFolder();
    const out = tempDir();
    const r = runCli(['convert', dir, '--out', out]);
    const stderr = withoutProgress(r.stderr);
    expect(stderr).toContain('✗ 文件“扫描件.pdf”无法读取：PDF 文件已损坏或不完整');
    expect(stderr).toContain(`✗ 文件“${path.join(dir, '说明.txt')}”无法读取：不支持的文件类型`);
    expect(stderr).toContain(`✗ 文件“${path.join(dir, '年报.json')}”无法读取：不支持的文件类型`);
    expect(stderr).toContain(`Cannot read "${path.join(dir, '说明.txt')}": unsupported file type`);
    expect(r.stdout).toContain(`共 4 个文件：成功 1，无法读取 3；输出在 ${out}`);
    expect(fs.readdirSync(out)).toEqual(['年报.json']);
    expect(r.code).toBe(2);
  });

  it('an empty folder is an error, in Chinese and English', () => {
    const empty = tempDir('nianbao-empty-');
    const r = runCli(['convert', empty, '--out', tempDir()]);
    expect(withoutProgress(r.stderr)).toBe(
      `✗ 文件“${empty}”无法读取：文件夹中没有任何文件\n  Cannot read "${empty}": the folder holds no files\n`,
    );
    expect(r.stdout).toContain('共 1 个文件：成功 0，无法读取 1；');
    expect(r.code).toBe(2);
  });
});

describe('an export that fails is reported as an export failure', () => {
  it('names the file and the output in Chinese and English, and still writes the other formats', () => {
    const dir = tempDir('nianbao-export-');
    fs.copyFileSync(SAMPLE, path.join(dir, '年报.docx'));
    const out = path.join(dir, 'out');
    // A folder where the DOCX should go: writing it fails, as a full disk or a locked file would.
    fs.mkdirSync(path.join(out, '年报.docx'), { recursive: true });
    const r = runCli(['convert', path.join(dir, '年报.docx'), '--out', out, '--to', 'json,docx,xlsx']);
    const target = path.join(out, '年报.docx');
    expect(withoutProgress(r.stderr)).toMatch(
      new RegExp(
        `^✗ 文件“年报\\.docx”已读取，但无法写出 DOCX（${target}）：EISDIR.*\\n` +
          `  Read "年报\\.docx", but could not write its DOCX \\(${target}\\): EISDIR.*\\n$`,
      ),
    );
    expect(r.stderr).not.toContain('无法读取：');
    expect(fs.readdirSync(out).sort()).toEqual(['年报.docx', '年报.json', '年报.xlsx']);
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(r.stdout).toContain('共 1 个文件：成功 0，无法读取 0，已读取但有输出无法写出 1；');
    expect(r.code).toBe(2);
  });
});

describe('outputs of inputs that share a name', () => {
  it('--name agency-year names each output after the body and year its report states', async () => {
    const dir = tempDir('nianbao-names-');
    for (const [folder, agency] of [
      ['甲', '某某市生态环境局'],
      ['乙', '某某市水利局'],
    ]) {
      fs.mkdirSync(path.join(dir, folder));
      const blocks = reportBlocks({ version: '2021', agency, year: 2022, values: consistentValues('2021', 9) });
      fs.writeFileSync(path.join(dir, folder, '年度报告.docx'), await buildDocx(blocks));
    }
    fs.copyFileSync(SAMPLE, path.join(dir, '甲', '某某市生态环境局2022年度.docx'));
    const out = path.join(dir, 'out');
    const r = runCli(['convert', dir, '--out', out, '--name', 'agency-year', '--to', 'json,xlsx']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(
      [
        '忻州经济开发区2020年度.json',
        '忻州经济开发区2020年度.xlsx',
        '某某市水利局2022年度.json',
        '某某市水利局2022年度.xlsx',
        '某某市生态环境局2022年度.json',
        '某某市生态环境局2022年度.xlsx',
      ].sort(),
    );
    const json = JSON.parse(fs.readFileSync(path.join(out, '某某市水利局2022年度.json'), 'utf8'));
    expect(json.source.file).toBe(path.join(dir, '乙', '年度报告.docx'));
  });
});
