/**
 * Field accuracy over varied generated reports: both formats, a random mix of layout quirks per
 * report (test/helpers/corpus.ts), read by both DOCX readers.
 */
import { buildDocx } from './helpers/docx-fixture';
import { corpusReport } from './helpers/corpus';
import { readReport } from './helpers/pipeline';
import { reportBlocks } from './helpers/report-fixture';

const REPORTS = 80;

describe('field accuracy on varied reports', () => {
  for (const reader of ['docx', 'mammoth'] as const) {
    it(`reads every field of ${REPORTS} reports with mixed quirks (${reader} reader)`, async () => {
      let fields = 0;
      const wrong: string[] = [];
      for (let seed = 1; seed <= REPORTS; seed++) {
        const { fixture, expected } = corpusReport(seed);
        const report = await readReport(await buildDocx(reportBlocks(fixture)), `corpus-${seed}.docx`, reader);
        for (const [key, value] of Object.entries(expected)) {
          fields++;
          if (report.fields[key] !== value)
            wrong.push(`#${seed} ${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(report.fields[key])}`);
        }
      }
      console.log(
        `${reader}: ${fields - wrong.length}/${fields} fields right (${((100 * (fields - wrong.length)) / fields).toFixed(2)}%)`,
      );
      expect(wrong).toEqual([]);
    }, 120_000);
  }
});
