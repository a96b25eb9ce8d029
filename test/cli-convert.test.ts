import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './helpers/cli';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

describe('nianbao convert', () => {
  it('writes <out>/<name>.json with fields, issues, sections and source for every readable file', () => {
    const input = tempDir();
    const out = tempDir();
    fs.copyFileSync(SAMPLE, path.join(input, '忻州 2020.docx'));
    const r = runCli(['convert', input, '--out', out, '--to', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(out, '忻州 2020.json'), 'utf8'));
    expect(json.fields['t2.licensing.decisions']).toBe(575);
    expect(json.fields['meta.agency']).toBe('忻州经济开发区');
    expect(json.cells['t2.licensing.change']).toMatchObject({ raw: '+13', source: { table: 0 } });
    expect(json.sections).toHaveLength(6);
    expect(json.source).toMatchObject({ name: '忻州 2020.docx', size: fs.statSync(SAMPLE).size });
    expect(Array.isArray(json.issues)).toBe(true);
  });

  it('names an unreadable file in Chinese and English, converts the rest, and exits non-zero', () => {
    const input = tempDir();
    const out = tempDir();
    fs.copyFileSync(SAMPLE, path.join(input, 'b-good.docx'));
    fs.writeFileSync(path.join(input, 'a-broken.docx'), 'this is only text, renamed to .docx');
    fs.writeFileSync(path.join(input, 'c-empty.docx'), '');
    const r = runCli(['convert', input, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a-broken.docx');
    expect(r.stderr).toMatch(/无法读取[\s\S]*Cannot read "a-broken.docx"/);
    expect(r.stderr).toMatch(/c-empty\.docx[\s\S]*为空/);
    expect(fs.readdirSync(out)).toEqual(['b-good.json']);
  });

  it('keeps two inputs with the same name in different folders apart, named after their folders', () => {
    const input = tempDir();
    const out = tempDir();
    fs.mkdirSync(path.join(input, 'x'));
    fs.mkdirSync(path.join(input, 'y'));
    fs.copyFileSync(SAMPLE, path.join(input, 'x', 'report.docx'));
    fs.copyFileSync(SAMPLE, path.join(input, 'y', 'report.docx'));
    const r = runCli(['convert', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['report（x）.json', 'report（y）.json']);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'report（y）.json'), 'utf8')).source.file).toBe(
      path.join(input, 'y', 'report.docx'),
    );
  });

  it('explains its usage when called without files', () => {
    const r = runCli(['convert']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('nianbao convert');
  });
});
