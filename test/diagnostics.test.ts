/**
 * One diagnostics channel: what a reader notes about a file (hidden text left out, a file converted
 * by LibreOffice, page chrome dropped…) reaches report.issues as a catalogued finding, and from
 * there every output; nothing between the reader and the user drops it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/core/pipeline';
import { DOCUMENT_NOTE_CODES } from '../src/document/types';
import { editReport } from '../src/core/edit';
import { migrateReport } from '../src/report/migrate';
import { ruleCatalogue } from '../src/validate';
import { runCli, tempDir, withoutProgress } from './helpers/cli';
import { readReport } from './helpers/pipeline';
import { blocksXml, para, rawDocx, run } from './helpers/raw-docx';
import { consistentValues, reportBlocks } from './helpers/report-fixture';

const HIDDEN = {
  rule: 'DOCX_HIDDEN_TEXT',
  severity: 'info',
  title: '文档中有隐藏文字，未读取',
  message: '忽略了 2 处隐藏文字（w:vanish）',
  fields: [],
};

/** A whole report whose section 一 carries two runs of hidden text (w:vanish). */
function reportWithHiddenText(version: '2019' | '2021' = '2021'): Uint8Array {
  const hidden = para(
    run('本机关') + run('（内部：待领导审定）', '<w:vanish/>') + run('依法公开政府信息。') + run('删去', '<w:vanish/>'),
  );
  const body = blocksXml(
    reportBlocks({
      version,
      agency: '某某市生态环境局',
      year: version === '2021' ? 2022 : 2020,
      values: consistentValues(version, 5),
    }),
  );
  return rawDocx(body.replace('</w:p>', `</w:p>${hidden}`));
}

describe("the reader's notes reach the report", () => {
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
    const ingest = ruleCatalogue()
      .filter((r) => r.source === 'ingest')
      .map((r) => r.id);
    expect(ingest.sort()).toEqual([...DOCUMENT_NOTE_CODES].sort());
  });

  it('the note survives a correction of a cell and a migration of a 2019-format report to 2021', async () => {
    const report = await readReport(reportWithHiddenText('2019'), 'hidden.docx');
    const note = (r: { issues: readonly { rule: string }[] }) => r.issues.filter((f) => f.rule === 'DOCX_HIDDEN_TEXT').length;
    expect(note(report)).toBe(1);
    expect(note(editReport(report, 't3.received.natural', '7'))).toBe(1);
    expect(note(checkReport(migrateReport(report, '2021').report))).toBe(1);
  });
});
