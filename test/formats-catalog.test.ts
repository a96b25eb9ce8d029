import * as fs from 'node:fs';
import * as path from 'node:path';
import { partLayout } from '../src/formats/layout';
import { FORMAT_VERSIONS, getFormat, type FieldDef } from '../src/formats/model';

/** The field catalog as the format descriptions derive it, in the columns of fields.csv. */
function derivedCatalog(): Set<string> {
  const lines = new Set<string>();
  const same = (a: FieldDef, b: FieldDef | undefined) =>
    !!b &&
    a.tableLabel === b.tableLabel &&
    a.rowLabel === b.rowLabel &&
    a.columnLabel === b.columnLabel &&
    a.type === b.type &&
    a.unit === b.unit;
  for (const version of FORMAT_VERSIONS) {
    const other = getFormat(version === '2019' ? '2021' : '2019');
    for (const f of getFormat(version).fields) {
      const format = same(f, other.byKey.get(f.key)) ? 'both' : version;
      lines.add([f.key, format, f.tableLabel, f.rowLabel, f.columnLabel, f.type, f.unit ?? ''].join(','));
    }
  }
  return lines;
}

describe('the format descriptions in templates/', () => {
  it('derive exactly the public field catalog of templates/fields.csv (keys, labels, types, units)', () => {
    const csv = fs.readFileSync(path.join(__dirname, '../templates/fields.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    expect([...derivedCatalog()].sort()).toEqual([...new Set(csv)].sort());
  });

  it.each([
    ['2019', 't2', 4, 18],
    ['2019', 't3', 10, 26],
    ['2019', 't4', 15, 4],
    ['2021', 't2', 4, 14],
    ['2021', 't3', 10, 28],
    ['2021', 't4', 15, 4],
  ] as const)(
    'lay out the %s format table %s as the official %i×%i grid, every cell covered once',
    (version, part, width, height) => {
      const layout = partLayout(getFormat(version), part);
      expect([layout.width, layout.height]).toEqual([width, height]);
      const covered = new Map<string, number>();
      for (const c of layout.cells) {
        for (let r = c.row; r < c.row + c.rowSpan; r++)
          for (let k = c.col; k < c.col + c.colSpan; k++) covered.set(`${r},${k}`, (covered.get(`${r},${k}`) ?? 0) + 1);
      }
      expect(covered.size).toBe(width * height);
      expect([...covered.values()].every((n) => n === 1)).toBe(true);
      const keys = layout.cells.filter((c) => c.role === 'value').map((c) => c.key);
      expect(keys.sort()).toEqual(
        getFormat(version)
          .fields.filter((f) => f.part === part)
          .map((f) => f.key)
          .sort(),
      );
    },
  );

  it('merge table 三 as FORMAT.md says: the note 3×3, 三、本年度办理结果 down 20 rows (2019) or 22 (2021)', () => {
    for (const [version, rows] of [
      ['2019', 20],
      ['2021', 22],
    ] as const) {
      const cells = partLayout(getFormat(version), 't3').cells;
      expect(cells.find((c) => c.role === 'corner')).toMatchObject({ rowSpan: 3, colSpan: 3 });
      expect(cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ rowSpan: rows, colSpan: 1 });
      expect(cells.find((c) => c.text === '（三）不予公开')).toMatchObject({ rowSpan: 8 });
      expect(cells.find((c) => c.text === '申请人情况')).toMatchObject({ colSpan: 7 });
    }
  });
});
