/** The bundled sample gives exactly the findings it really has (samples/*.expected.json `expect_rules`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getFormat } from '../src/formats/model';
import { readReport } from './helpers/pipeline';

const SAMPLES = path.join(__dirname, '../samples');
const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'xinzhou-jkq-2020.expected.json'), 'utf8'));

describe('the sample report (忻州经济开发区 2020): blank applicant columns, older section headings', () => {
  it('gives BLANK_CELL and SECTION_HEADING only, and no error', async () => {
    const report = await readReport(fs.readFileSync(path.join(SAMPLES, 'xinzhou-jkq-2020.docx')), 'xinzhou-jkq-2020.docx');
    expect([...new Set(report.issues.map((f) => f.rule))].sort()).toEqual([...expected.expect_rules].sort());
    expect(report.issues.filter((f) => f.severity === 'error')).toEqual([]);

    const [blank] = report.issues.filter((f) => f.rule === 'BLANK_CELL');
    const nullKeys = Object.keys(expected.fields).filter((k) => expected.fields[k] === null);
    expect([...blank.fields].sort()).toEqual(nullKeys.sort());
    expect(blank.message).toContain('“自然人”“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他组织”列（整列）');

    const headings = report.issues.filter((f) => f.rule === 'SECTION_HEADING');
    const official = getFormat('2019').spec.sections;
    expect(headings.map((f) => f.message)).toEqual(
      report.sections
        .filter((s) => s.heading !== s.official)
        .map((s) => `第${official[s.no - 1].heading.charAt(0)}部分标题“${s.heading}”与规范表述“${s.official}”不一致`),
    );
    expect(headings).toHaveLength(4);
  });
});
