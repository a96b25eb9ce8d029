/**
 * A report that arrives corrected (a workbook read back) is split into what the body reported and
 * the changes that correct it; replaying the changes gives the corrected report back, cell for cell.
 */
import { applyChanges, splitCorrections } from '../src/core/edit';
import { readFixture } from './helpers/pipeline';
import { quirkyValues } from './helpers/xlsx';
import { corrected } from './helpers/summary-fixture';

describe('splitCorrections', () => {
  it('gives the reported reading and the changes whose replay is the corrected report', async () => {
    const read = await readFixture({ version: '2021', year: 2023, agency: '某某县林业局', values: quirkyValues('2021', 4) });
    const report = corrected(corrected(read, 't3.received.natural', 41, '电话核实'), 't4.review.total', 0);
    const { reported, changes } = splitCorrections(report);
    expect(changes).toEqual([
      { key: 't3.received.natural', text: '41', at: '2025-02-01T09:30:00.000Z', note: '电话核实' },
      { key: 't4.review.total', text: '0', at: '2025-02-01T09:30:00.000Z' },
    ]);
    expect(reported.fields).toEqual(read.fields);
    expect(reported.cells).toEqual(read.cells);
    expect(reported.issues).toEqual(read.issues);
    const again = applyChanges(reported, changes);
    expect(again.fields).toEqual(report.fields);
    expect(again.cells).toEqual(report.cells);
  });

  it('leaves a report without corrections as it is', async () => {
    const read = await readFixture({ version: '2019', year: 2020 });
    const { reported, changes } = splitCorrections(read);
    expect([reported, changes]).toEqual([read, []]);
  });
});
