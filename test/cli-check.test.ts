/**
 * `nianbao check` run as a user would: a readable report per file grouped by severity, the
 * cross-year pairs of the batch, --json for machines, and exit codes 0 / 1 (an error-severity
 * finding) / 2 (a file could not be read; the rest is still checked).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDocx } from './helpers/docx-fixture';
import { runCli, tempDir, withoutProgress } from './helpers/cli';
import { consistentValues, reportBlocks, type Values } from './helpers/report-fixture';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');
const AGENCY = '某某市生态环境局';

async function writeReport(dir: string, name: string, year: number, values: Values): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildDocx(reportBlocks({ version: '2021', agency: AGENCY, year, values })));
  return file;
}

/**
 * Two consecutive years of one agency, each consistent and carried on (现行有效件数 too), except that
 * 上年结转 of 自然人 is one more than last year's 结转下年度.
 */
async function twoYears(dir: string): Promise<void> {
  const earlier = consistentValues('2021', 21);
  const later = consistentValues('2021', 22);
  const n = (k: string) => later[k] as number;
  const columns = Object.keys(later)
    .filter((k) => k.startsWith('t3.carriedOver.') && !k.endsWith('.total'))
    .map((k) => k.split('.')[2]);
  for (const col of columns) {
    const over = (earlier[`t3.carriedForward.${col}`] as number) + (col === 'natural' ? 1 : 0);
    // Keep 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 in the later table itself.
    const received = n(`t3.received.${col}`) + n(`t3.carriedOver.${col}`) - over;
    later[`t3.carriedForward.${col}`] = n(`t3.carriedForward.${col}`) + Math.max(0, -received);
    later[`t3.received.${col}`] = Math.max(0, received);
    later[`t3.carriedOver.${col}`] = over;
  }
  for (const row of ['received', 'carriedOver', 'carriedForward']) {
    later[`t3.${row}.total`] = columns.reduce((sum, col) => sum + n(`t3.${row}.${col}`), 0);
  }
  for (const row of ['rules', 'normative']) {
    const inForce = (earlier[`t2.${row}.inForce`] as number) + n(`t2.${row}.issued`) - n(`t2.${row}.repealed`);
    later[`t2.${row}.repealed`] = n(`t2.${row}.repealed`) + Math.min(0, inForce);
    later[`t2.${row}.inForce`] = Math.max(0, inForce);
  }
  await writeReport(dir, `${AGENCY}2021.docx`, 2021, earlier);
  await writeReport(dir, `${AGENCY} 2022.docx`, 2022, later);
}

describe('nianbao check', () => {
  it('prints each file grouped by severity, the pairs it formed, and exits 1 on an error found across years', async () => {
    const dir = tempDir();
    fs.copyFileSync(SAMPLE, path.join(dir, 'a-sample.docx'));
    await twoYears(dir);
    const r = runCli(['check', dir]);
    expect(withoutProgress(r.stderr)).toBe('');
    expect(r.stdout).toContain('━━ ' + path.join(dir, 'a-sample.docx'));
    expect(r.stdout).toMatch(
      /忻州经济开发区 · 2020年度 · 2019版格式 · 错误 0 · 警告 5 · 提示 0\n  警告（5）\n    · \[数据单元格空白（应填 0）\] 表三有 138 个/,
    );
    expect(r.stdout).toContain('  ✓ 没有发现问题');
    expect(r.stdout).toMatch(/配对 1 组：\n  某某市生态环境局：2021年 .*2021\.docx → 2022年 .* 2022\.docx（错误 2/);
    expect(r.stdout).toMatch(
      /错误 · \[上年结转与上年度报告的结转下年度不符\] 表三申请人情况“自然人”列：上年结转 \d+ ≠ 2021年报告的结转下年度 \d+（相差 1）/,
    );
    expect(r.stdout).toContain('共 3 个文件：已核对 3（有错误 1 份），无法读取 0；跨年度配对 1 组。');
    expect(r.code).toBe(1);
  });

  it('--json gives every finding with its title and the pairs; an unreadable file is listed and gives exit code 2', async () => {
    const dir = tempDir();
    fs.copyFileSync(SAMPLE, path.join(dir, 'a-sample.docx'));
    fs.writeFileSync(path.join(dir, 'b-broken.docx'), 'only text, renamed to .docx');
    await twoYears(dir);
    const r = runCli(['check', dir, '--json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ files: 4, checked: 3, unreadable: 1, pairs: 1, error: 2 });
    const broken = out.files.find((f: { file: string }) => f.file.endsWith('b-broken.docx'));
    expect(broken).toMatchObject({
      ok: false,
      error: { zh: expect.stringContaining('b-broken.docx'), en: expect.stringContaining('b-broken.docx') },
    });
    const sample = out.files.find((f: { file: string }) => f.file.endsWith('a-sample.docx'));
    expect(sample.counts).toEqual({ error: 0, warning: 5, info: 0 });
    expect(sample.issues[0]).toMatchObject({ rule: 'BLANK_CELL', severity: 'warning', title: '数据单元格空白（应填 0）' });
    expect(out.crossYear.pairs[0]).toMatchObject({ agencyKey: AGENCY, earlier: { year: 2021 }, later: { year: 2022 } });
    const later = out.files.find((f: { file: string }) => f.file.endsWith('2022.docx'));
    const crossErrors = later.crossYear.filter((f: { rule: string }) => f.rule !== 'YOY_JUMP');
    expect(crossErrors.map((f: { rule: string; fields: string[] }) => [f.rule, f.fields])).toEqual([
      ['CROSS_YEAR_CARRY', ['t3.carriedOver.natural']],
      ['CROSS_YEAR_CARRY', ['t3.carriedOver.total']],
    ]);
  });

  it('carries the same issues as convert’s JSON, and exits 0 without error-severity findings', () => {
    const out = tempDir();
    const converted = runCli(['convert', SAMPLE, '--out', out]);
    expect(converted.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'xinzhou-jkq-2020.json'), 'utf8'));
    const r = runCli(['check', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const checked = JSON.parse(r.stdout).files[0].issues.map(({ title: _title, ...f }: { title: string }) => f);
    expect(checked).toEqual(json.issues);
  });

  it('explains its exit codes in --help and its usage when called without files', () => {
    const help = runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/退出码[\s\S]*1 有“错误”级别的问题[\s\S]*2 有文件无法读取/);
    const bare = runCli(['check']);
    expect(bare.code).toBe(64);
    expect(bare.stderr).toContain('nianbao check');
  });

  it('prints the reports in the order given, whichever finishes first', async () => {
    const dir = tempDir();
    const values = consistentValues('2021', 4);
    const files = [await writeReport(dir, 'z.docx', 2022, values), SAMPLE, await writeReport(dir, 'a.docx', 2021, values)];
    const r = runCli(['check', ...files, path.join(dir, '不存在.docx')]);
    const blocks = [...r.stdout.matchAll(/^━━ (.*)$/gm)].map((m) => m[1]);
    expect(blocks).toEqual([...files, '跨年度核对（同一机关相邻年度的报告）']);
    expect(r.code).toBe(2);
  });

  it('--errors-only lists only error findings and only the reports that have them', async () => {
    const dir = tempDir();
    const wrong = consistentValues('2021', 7);
    wrong['t3.received.natural'] = (wrong['t3.received.natural'] as number) + 1;
    const file = await writeReport(dir, 'wrong.docx', 2022, wrong);
    const full = JSON.parse(runCli(['check', SAMPLE, file, '--json']).stdout);
    const errors = full.files[1].issues.filter((f: { severity: string }) => f.severity === 'error');
    const json = JSON.parse(runCli(['check', SAMPLE, file, '--json', '--errors-only']).stdout);
    expect(json.files.map((f: { issues: unknown[] }) => f.issues)).toEqual([[], errors]);
    expect(json.files[1].counts).toEqual(full.files[1].counts);
    const text = runCli(['check', SAMPLE, file, '--errors-only']);
    expect(text.stdout).not.toContain(SAMPLE);
    expect(text.stdout).toContain(`━━ ${file}`);
    expect(text.stdout).toContain(`  错误（${errors.length}）\n`);
    expect(text.stdout).not.toMatch(/警告（|提示（/);
    expect(text.code).toBe(1);
  });
});

describe('nianbao --help', () => {
  it('lists every command with a one-line description', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    const commands = [...r.stdout.matchAll(/^ {2}(\w+) +(\S.*)$/gm)].map((m) => m[1]);
    expect(commands).toEqual(['convert', 'summary', 'serve', 'template', 'check']);
    expect(r.stdout).toContain('  check     核对报告并列出问题（含跨年度核对）/ check reports and list their problems');
  });

  it('an unknown option is named with the valid ones, in Chinese and English', () => {
    const r = runCli(['check', '--error-only', 'x.docx']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(
      '未知参数 --error-only；可用的参数：--json, --errors-only, --reader, --jobs (-j)\n' +
        'unknown option --error-only; valid options: --json, --errors-only, --reader, --jobs (-j)',
    );
  });
});
