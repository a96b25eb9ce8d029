import { getFormat } from '../src/formats/model';
import { fieldDiff, readFixture } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';

describe('standard reports built in code', () => {
  for (const version of ['2019', '2021'] as const) {
    it(`reads every field of a ${version}-format report`, async () => {
      const values = consistentValues(version, 7);
      const report = await readFixture({ version, agency: '某某市生态环境局', year: version === '2019' ? 2020 : 2023, values });
      expect(report.meta.format).toBe(version);
      expect(fieldDiff(report.fields, values)).toEqual([]);
      const tableKeys = getFormat(version)
        .fields.filter((f) => f.part !== 'meta')
        .map((f) => f.key);
      expect(tableKeys.filter((k) => report.cells[k].status !== 'number')).toEqual([]);
      expect(report.meta).toMatchObject({
        agency: '某某市生态环境局',
        title: expect.stringContaining('政府信息公开工作年度报告'),
      });
      expect(report.sections.every((s) => s.heading === s.official)).toBe(true);
    });
  }

  it('decides the format by the table labels, not by the year (2019 tables in a 2022 report)', async () => {
    const values = consistentValues('2019', 3);
    const report = await readFixture({ version: '2019', year: 2022, values });
    expect(report.meta.year).toBe(2022);
    expect(report.meta.format).toBe('2019');
    expect(fieldDiff(report.fields, values)).toEqual([]);
  });
});
