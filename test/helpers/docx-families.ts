/**
 * The report families built with the docx package that the differential tests read two ways
 * (direct reader against mammoth; DOCX against the PDF LibreOffice prints of it): standard
 * reports of both formats and the layout quirks each reading must survive. One list, so both
 * tests read the same families.
 */
import type { FormatVersion } from '../../src/formats/types';
import { p, table } from './docx-fixture';
import { consistentValues, type FxReport } from './report-fixture';

export interface ReportFamily {
  readonly name: string;
  readonly report: FxReport;
}

/** A consistent report of one body, its values from `seed`. */
export function familyReport(version: FormatVersion, seed: number, more: Partial<FxReport> = {}): FxReport {
  return {
    version,
    values: consistentValues(version, seed),
    agency: '某某市生态环境局',
    year: version === '2019' ? 2020 : 2022,
    ...more,
  };
}

/** Standard reports for the seeds given, then one report per quirk (seeds 7–10). */
export function docxFamilies(seeds2019: readonly number[], seeds2021: readonly number[]): ReportFamily[] {
  const family = (name: string, report: FxReport): ReportFamily => ({ name, report });
  return [
    ...seeds2019.map((seed) => family(`standard 2019 report, seed ${seed}`, familyReport('2019', seed))),
    ...seeds2021.map((seed) => family(`standard 2021 report, seed ${seed}`, familyReport('2021', seed))),
    family('2021 report with auto-numbered headings', familyReport('2021', 7, { autoNumberedHeadings: true })),
    family(
      '2019 report with table 二 as one table per block',
      familyReport('2019', 8, {
        tables: {
          t2: (rows) => {
            const starts = rows
              .map((r, i) => (r.length === 1 && r[0].text.startsWith('第二十条') ? i : -1))
              .filter((i) => i >= 0);
            return starts.map((s, k) => table(rows.slice(s, starts[k + 1])));
          },
        },
      }),
    ),
    family(
      '2021 report with title and signature split by soft line breaks',
      familyReport('2021', 9, {
        title: ['某某市生态环境局\n2022年政府信息公开工作年度报告'],
        closing: ['某某市生态环境局\n2023年1月28日'],
      }),
    ),
    family(
      '2021 report with table 三 split over two tables, header repeated',
      familyReport('2021', 10, {
        // Split before 四、结转下年度继续办理, the one place no merged label spans.
        tables: { t3: (rows) => [table(rows.slice(0, -1)), p('（续表）'), table([...rows.slice(0, 3), ...rows.slice(-1)])] },
      }),
    ),
  ];
}
