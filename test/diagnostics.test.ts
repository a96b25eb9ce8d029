/**
 * One diagnostics channel: what a reader notes about a file (hidden text left out, a file converted
 * by LibreOffice, page chrome dropped…) reaches report.issues as a catalogued finding, and from
 * there every output; nothing between the reader and the user drops it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCUMENT_NOTE_CODES } from '../src/document/types';
import { ruleCatalogue } from '../src/validate';
import { runCli, tempDir, withoutProgress } from './helpers/cli';
import { blocksXml, para, rawDocx, run } from './helpers/raw-docx';
import { consistentValues, reportBlocks } from './helpers/report-fixture';

const HIDDEN = {
  rule: 'DOCX_HIDDEN_TEXT', severity: 'info', title: '文档中有隐藏文字，未读取', message: '忽略了 2 处隐藏文字（w:vanish）', fields: [],
};

/** A whole 2021 report whose section 一 carries two runs of hidden text (w:vanish). */
function reportWithHiddenText(): Uint8Array {
  const hidden = para(run('本机关') + run('（内部：待领导审定）', '<w:vanish/>') + run('依法公开政府信息。') + run('删去', '<w:vanish/>'));
  const body = blocksXml(reportBlocks({ version: '2021', agency: '某某市生态环境局', year: 2022, values: consistentValues('2021', 5) }));
  return rawDocx(body.replace('</w:p>', `</w:p>${hidden}`));
}

describe('the reader\'s notes reach the report', () => {
  it('a DOCX with hidden text shows a DOCX_HIDDEN_TEXT finding in its JSON', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'hidden.docx'), reportWithHiddenText());
    const out = path.join(dir, 'out');
    const r = runCli(['convert', path.join(dir, 'hidden.docx'), '--out', out, '--to', 'json']);
    expect(withoutProgress(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'hidden.json'), 'utf8'));
    const { title: _title, ...finding } = HIDDEN;
    expect(json.issues.filter((f: { rule: string }) => f.rule === 'DOCX_HIDDEN_TEXT')).toEqual([finding]);
    expect(json.diagnostics.filter((f: { rule: string }) => f.rule === 'DOCX_HIDDEN_TEXT')).toEqual([finding]);
  });

  it('check lists the note with its catalogue title', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'hidden.docx'), reportWithHiddenText());
    const r = runCli(['check', path.join(dir, 'hidden.docx'), '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.files[0].issues.filter((f: { rule: string }) => f.rule === 'DOCX_HIDDEN_TEXT')).toEqual([HIDDEN]);
  });

  it('every note a reader can make is a rule of the catalogue, and every ingest rule is such a note', () => {
    const ingest = ruleCatalogue().filter((r) => r.source === 'ingest').map((r) => r.id);
    expect(ingest.sort()).toEqual([...DOCUMENT_NOTE_CODES].sort());
  });
});
