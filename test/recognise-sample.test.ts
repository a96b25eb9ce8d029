import * as fs from 'node:fs';
import * as path from 'node:path';
import { fieldDiff, readReport } from './helpers/pipeline';

const SAMPLES = path.join(__dirname, '../samples');
const sample = fs.readFileSync(path.join(SAMPLES, 'xinzhou-jkq-2020.docx'));
const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'xinzhou-jkq-2020.expected.json'), 'utf8'));

describe('the bundled sample report (忻州经济开发区 2020, 2019 format)', () => {
  for (const reader of ['docx', 'mammoth'] as const) {
    it(`gives exactly the fields of its expected.json (${reader} reader)`, async () => {
      const report = await readReport(sample, 'xinzhou-jkq-2020.docx', reader);
      expect(fieldDiff(report.fields, expected.fields)).toEqual([]);
      expect(Object.keys(report.fields).sort()).toEqual(Object.keys(expected.fields).sort());
    });
  }

  it('keeps the raw text and source cell of every value', async () => {
    const report = await readReport(sample, 'xinzhou-jkq-2020.docx', 'mammoth');
    expect(report.cells['t2.licensing.change']).toEqual({ raw: '+13', status: 'number', source: { table: 0, row: 7, col: 2 } });
    expect(report.cells['t2.procurement.amount']).toMatchObject({
      raw: '424.47万元',
      unit: '万元',
      source: { table: 0, col: 2 },
    });
    expect(report.cells['t2.procurement.items']).toMatchObject({ raw: '21项', unit: '项' });
    expect(report.cells['t3.received.natural']).toMatchObject({ status: 'blank', source: { table: 1, row: 3, col: 3 } });
    expect(report.cells['t4.suitAfterReview.total']).toMatchObject({ raw: '0', source: { table: 2, row: 3, col: 14 } });
  });

  it('finds the six sections under their older headings, and the signature block', async () => {
    const report = await readReport(sample, 'xinzhou-jkq-2020.docx', 'mammoth');
    expect(report.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息情况',
      '四、行政复议和行政诉讼情况',
      '五、存在的主要问题和改进措施',
      '六、其他报告事项',
    ]);
    expect(report.sections[4].paragraphs).toHaveLength(2);
    expect(report.sections[5].paragraphs.join('')).not.toContain('管理委员会');
    expect(report.preamble[0]).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(report.tables.map((t) => t.spec)).toEqual(['t2.item1', 't2.item5', 't2.item6', 't2.item8', 't2.item9', 't3', 't4']);
  });
});
