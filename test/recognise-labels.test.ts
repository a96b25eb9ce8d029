/**
 * Row labels as authors type them: glued to their group with no separator (（六）其他处理3.其他),
 * split over several lines with NBSP padding or one character a line, the vertical group label
 * printed twice (as pingtan-2019 prints 三、本年度办理结果). Each test bends table 三 of a real
 * DOCX and checks every field; a row that is present but not matched is named with its values.
 */
import type { FxCell } from './helpers/docx-fixture';
import { cell, table } from './helpers/docx-fixture';
import { fieldDiff, readFixture } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';

const v2021 = consistentValues('2021', 21);
const v2019 = consistentValues('2019', 22);

const GROUP = '三、本年度办理结果';
const isValue = (c: FxCell) => /^\d+$/.test(c.text) || c.text === '';

/**
 * Table 三 with its label columns flattened into one: each row's labels joined by `joiner`, the
 * group (（三）不予公开) repeated before each of its items, as authors who type the table do.
 */
function flattened(joiner: string) {
  return (rows: FxCell[][]) => {
    let group = '';
    const out = rows.map((r, i) => {
      if (i < 3) return i === 0 ? [cell(r[0].text, { rowSpan: 3 }), ...r.slice(1)] : r;
      const texts = r
        .filter((c) => !isValue(c))
        .map((c) => c.text)
        .filter((t) => t !== GROUP);
      const values = r.slice(r.length - 7);
      if (texts.length === 2) group = texts[0];
      const label = texts.length === 2 ? texts.join(joiner) : /^\d\./.test(texts[0]) ? `${group}${joiner}${texts[0]}` : texts[0];
      return [cell(label), ...values];
    });
    return [table(out)];
  };
}

/** Every label cell of table 三 rewritten by `bend` (values untouched). */
function relabelled(bend: (text: string) => string) {
  return (rows: FxCell[][]) => [
    table(rows.map((r, i) => r.map((c) => (i >= 3 && !isValue(c) ? { ...c, text: bend(c.text) } : c)))),
  ];
}

describe('row labels glued to their group', () => {
  it('reads （三）不予公开1.属于国家秘密 and （六）其他处理3.其他 typed with no separator', async () => {
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: flattened('') } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
    expect(report.issues.map((i) => i.rule)).not.toContain('LABEL_UNMATCHED');
  });

  it('reads them glued in a 2019-format report', async () => {
    const report = await readFixture({ version: '2019', values: v2019, tables: { t3: flattened('') } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });
});

describe('row labels split over several lines', () => {
  it('reads labels printed one character a line', async () => {
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: relabelled((t) => [...t].join('\n')) } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });

  it('reads labels broken into several lines padded with NBSP', async () => {
    const pad = (t: string) => {
      const half = Math.ceil(t.length / 2);
      return `\u00a0\u00a0${t.slice(0, half)}\u00a0\n\u00a0${t.slice(half)}\u00a0\u00a0`;
    };
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: relabelled(pad) } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });
});

describe('the vertical group label printed twice', () => {
  it('reads 三、本年度办理结果 split into two merged cells (rowspan 10, then the rest)', async () => {
    const twice = (rows: FxCell[][]) => {
      const first = rows.findIndex((r) => r[0]?.text === GROUP);
      const span = rows[first][0].rowSpan!;
      const out = rows.map((r, i) =>
        i === first
          ? [cell(GROUP, { rowSpan: 10 }), ...r.slice(1)]
          : i === first + 10
            ? [cell(GROUP, { rowSpan: span - 10 }), ...r]
            : r,
      );
      return [table(out)];
    };
    const report = await readFixture({ version: '2019', values: v2019, tables: { t3: twice } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });
});

describe('a row present but not matched', () => {
  it('is named with its printed label and values (ROW_UNREAD), and its cells are not reported missing', async () => {
    const typo = relabelled((t) => (t === '1.属于国家秘密' ? '1.属于国家秘秘密' : t));
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: typo } });
    const keys = Object.keys(v2021).filter((k) => k.startsWith('t3.denied.secret.'));
    const values = keys.map((k) => String(v2021[k]));
    expect(
      report.issues.filter((i) => i.rule === 'ROW_UNREAD' || i.rule === 'TABLE_MISSING' || i.rule === 'LABEL_UNMATCHED'),
    ).toEqual([
      {
        rule: 'ROW_UNREAD',
        severity: 'warning',
        message: `第2个表格第8行“三、本年度办理结果 / （三）不予公开 / 1.属于国家秘秘密”（数值：${values.join('、')}）的名称与收到和处理政府信息公开申请情况的标准行对不上，数值未读取；该表没有读到的行：“不予公开/属于国家秘密”，请核对该行的名称`,
        fields: keys,
      },
    ]);
    expect(keys.map((k) => report.fields[k])).toEqual([null, null, null, null, null, null, null]);
  });

  it('is named as an extra row (LABEL_UNMATCHED) when the table lacks none of its rows', async () => {
    const extra = (rows: FxCell[][]) => {
      const at = rows.findIndex((r) => r.some((c) => c.text === '（七）总计'));
      return [
        table([
          ...rows.slice(0, at + 1),
          [cell('其中：网上申请', { colSpan: 3 }), '1', '0', '0', '0', '0', '0', '1'],
          ...rows.slice(at + 1),
        ]),
      ];
    };
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: extra } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
    expect(report.issues.filter((i) => i.rule === 'LABEL_UNMATCHED' || i.rule === 'ROW_UNREAD')).toEqual([
      {
        rule: 'LABEL_UNMATCHED',
        severity: 'info',
        message: '第2个表格第28行“其中：网上申请”（数值：1、0、0、0、0、0、1）不是标准表格中的行，已忽略',
        fields: [],
      },
    ]);
  });
});
