/**
 * Real reports deviate from the official layout. Each test bends one thing, builds a real DOCX,
 * and checks every field still comes out right.
 */
import { cell, p, table, type FxBlock, type FxCell, type FxTable } from './helpers/docx-fixture';
import { fieldDiff, readBlocks, readFixture } from './helpers/pipeline';
import { consistentValues, reportBlocks, type Values } from './helpers/report-fixture';

const v2019 = consistentValues('2019', 11);
const v2021 = consistentValues('2021', 12);

/** Rows of origin cells → the texts of the first cell of each row (to find rows by label). */
function rowIndex(rows: FxCell[][], label: string): number {
  return rows.findIndex((r) => r.some((c) => c.text === label));
}

describe('headings', () => {
  it('finds headings whose 一、 comes from Word numbering and is missing from the text', async () => {
    const report = await readFixture({ version: '2021', values: v2021, autoNumberedHeadings: true });
    expect(report.sections.map((s) => s.heading)).toEqual([
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]);
    expect(report.sections.every((s) => s.paragraphs.length === 1)).toBe(true);
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });

  it('accepts the common variant wordings of the headings', async () => {
    const headings = [
      '一、概述',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '五、存在的主要问题和改进措施',
      '六、其他需要说明的事项',
    ];
    const report = await readFixture({ version: '2021', values: v2021, headings });
    expect(report.sections.map((s) => s.heading)).toEqual(headings);
  });

  it('accepts a numbered heading with unusual wording by its keyword', async () => {
    const headings = [
      '一、总体情况',
      '二、主动公开政府信息工作',
      '三、政府信息公开申请办理情况',
      '四、复议诉讼情况',
      '五、问题与改进',
      '六、其他事项',
    ];
    const report = await readFixture({ version: '2021', values: v2021, headings });
    expect(report.sections.map((s) => s.heading)).toEqual(headings);
  });

  it('does not take a numbered sentence in the body for a heading', async () => {
    const report = await readFixture({
      version: '2021',
      values: v2021,
      sectionText: { 1: ['二、主动公开方面，全年共发布信息1200条，较去年有所增长。', '三是加强申请办理。'] },
    });
    expect(report.sections[1].heading).toBe('二、主动公开政府信息情况');
    expect(report.sections[0].paragraphs).toHaveLength(2);
  });
});

describe('table 二 (主动公开)', () => {
  /** Splits the stacked table 二 into one table per block, the caption row kept inside each. */
  const perBlock = (rows: FxCell[][]): FxBlock[] => {
    const starts = rows.map((r, i) => (r.length === 1 && r[0].text.startsWith('第二十条') ? i : -1)).filter((i) => i >= 0);
    return starts.map((s, k) => table(rows.slice(s, starts[k + 1])));
  };

  it('reads 主动公开 published as one table per block', async () => {
    const report = await readFixture({ version: '2019', values: v2019, tables: { t2: perBlock } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
    expect(report.tables.filter((t) => t.spec.startsWith('t2')).map((t) => t.tables[0])).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads blocks whose caption is a paragraph above the table, not a row', async () => {
    const captionsOutside = (rows: FxCell[][]) =>
      perBlock(rows).flatMap((b) => {
        const t = b as FxTable;
        return [p(t.rows[0][0].text), table(t.rows.slice(1))];
      });
    const report = await readFixture({ version: '2021', values: v2021, tables: { t2: captionsOutside } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });

  it('reads 本年新/制作数量 split over two header rows, the other headers merged down', async () => {
    const split = (rows: FxCell[][]) => {
      const header = rowIndex(rows, '本年新制作数量');
      rows.splice(
        header,
        1,
        [cell('信息内容', { rowSpan: 2 }), cell('本年新'), cell('本年新'), cell('对外公开总数量', { rowSpan: 2 })],
        [cell('制作数量'), cell('公开数量')],
      );
      return [table(rows)];
    };
    const report = await readFixture({ version: '2019', values: v2019, tables: { t2: split } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });

  it('reads a header split over two rows with blank cells instead of merges', async () => {
    const split = (rows: FxCell[][]) => {
      const header = rowIndex(rows, '本年新制作数量');
      rows.splice(
        header,
        1,
        [cell('信息内容'), cell('本年新'), cell('本年新'), cell('对外公开')],
        [cell(''), cell('制作数量'), cell('公开数量'), cell('总数量')],
      );
      return [table(rows)];
    };
    const report = await readFixture({ version: '2019', values: v2019, tables: { t2: split } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });

  it('reads header labels broken by a line break or spaces', async () => {
    const broken = (rows: FxCell[][]) => [
      table(
        rows.map((r) =>
          r.map((c) =>
            c.text === '本年制发件数'
              ? { ...c, text: '本年\n制发件数' }
              : c.text === '现行有效件数'
                ? { ...c, text: '现行 有效 件数' }
                : c,
          ),
        ),
      ),
    ];
    const report = await readFixture({ version: '2021', values: v2021, tables: { t2: broken } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });

  it('matches headers and row labels carrying bracketed notes by their core text', async () => {
    const noted = (rows: FxCell[][]) => [
      table(
        rows.map((r) =>
          r.map((c) =>
            c.text === '本年增/减'
              ? { ...c, text: '本年增/减（指本年度增加或减少的项目数量，减少用负值表示）' }
              : c.text === '规章'
                ? { ...c, text: '规章（设区的市级以上人民政府应提供）' }
                : c,
          ),
        ),
      ),
    ];
    const report = await readFixture({ version: '2019', values: v2019, tables: { t2: noted } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });

  it('reads 2019 labels (规范性文件) in a 2021-format report', async () => {
    const old = (rows: FxCell[][]) => [
      table(rows.map((r) => r.map((c) => (c.text === '行政规范性文件' ? { ...c, text: '规范性文件' } : c)))),
    ];
    const report = await readFixture({ version: '2021', values: v2021, tables: { t2: old } });
    expect(report.meta.format).toBe('2021');
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });

  it('reads single-value columns whose three grid cells were not merged (value in any of them)', async () => {
    const unmerged = (rows: FxCell[][]) => [
      table(
        rows.map((r) =>
          r.flatMap((c) => {
            if (c.colSpan !== 3) return [c];
            return r.indexOf(c) === 1 && /^\d/.test(c.text)
              ? [cell(''), cell(c.text), cell('')]
              : [cell(c.text), cell(''), cell('')];
          }),
        ),
      ),
    ];
    const report = await readFixture({ version: '2021', values: v2021, tables: { t2: unmerged } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });
});

describe('table 三 (申请)', () => {
  it('reads the applications table split across two tables with its header repeated', async () => {
    const split = (rows: FxCell[][]) => {
      const at = rowIndex(rows, '（四）无法提供');
      const header = rows.slice(0, 3);
      // The vertical label 三、本年度办理结果 is cut at the page break: each part gets its own.
      const first = rows.slice(0, at).map((r) => r.map((c) => (c.text === '三、本年度办理结果' ? { ...c, rowSpan: at - 5 } : c)));
      const second = [
        ...header,
        [cell('三、本年度办理结果', { rowSpan: rows.length - at - 1 }), ...rows[at]],
        ...rows.slice(at + 1),
      ];
      return [table(first), p(''), table(second)];
    };
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: split } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
    expect(report.tables.find((t) => t.spec === 't3')!.tables).toEqual([1, 2]);
  });

  it('reads the continuation of a split table that does not repeat the header', async () => {
    const split = (rows: FxCell[][]) => {
      const at = rowIndex(rows, '（五）不予处理');
      const first = rows.slice(0, at).map((r) => r.map((c) => (c.text === '三、本年度办理结果' ? { ...c, rowSpan: at - 5 } : c)));
      const second = [[cell('', { rowSpan: rows.length - at - 1 }), ...rows[at]], ...rows.slice(at + 1)];
      return [table(first), table(second)];
    };
    const report = await readFixture({ version: '2019', values: v2019, tables: { t3: split } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });

  it('reads label columns merged into one column (（三）不予公开 1.属于国家秘密 in one cell)', async () => {
    const flat = (rows: FxCell[][]) => {
      let group = '';
      const out = rows.map((r, i) => {
        if (i < 3) return i === 0 ? [cell(r[0].text, { rowSpan: 3 }), ...r.slice(1)] : r;
        const labels = r.filter((c) => !/^\d+$/.test(c.text) && c.text !== '');
        const values = r.slice(r.length - 7);
        const texts = labels.map((c) => c.text).filter((t) => t !== '三、本年度办理结果');
        if (texts.length === 2) group = texts[0];
        const label = texts.length === 2 ? texts.join(' ') : /^\d\./.test(texts[0]) ? `${group} ${texts[0]}` : texts[0];
        return [cell(label), ...values];
      });
      return [table(out)];
    };
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: flat } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });

  it('ignores an extra 序号 column on the left and an empty column on the right', async () => {
    const extra = (rows: FxCell[][]) => [
      table(
        rows.map((r, i) => [
          ...(i === 0 ? [cell('序号', { rowSpan: 3 })] : i < 3 ? [] : [cell(String(i - 2))]),
          ...r,
          ...(i === 0 ? [cell('备注', { rowSpan: 3 })] : i < 3 ? [] : [cell('')]),
        ]),
      ),
    ];
    const report = await readFixture({ version: '2019', values: v2019, tables: { t3: extra } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });

  it('reads applicant columns with units in the header (自然人（件）)', async () => {
    const units = (rows: FxCell[][]) => [
      table(
        rows.map((r) => r.map((c) => (['自然人', '商业企业', '总计'].includes(c.text) ? { ...c, text: `${c.text}（件）` } : c))),
      ),
    ];
    const report = await readFixture({ version: '2021', values: v2021, tables: { t3: units } });
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
  });
});

describe('table 四 (复议诉讼)', () => {
  it('tells 结果维持 under 行政复议 from 结果维持 under each kind of 行政诉讼', async () => {
    const report = await readFixture({ version: '2021', values: v2021 });
    for (const g of ['review', 'suitDirect', 'suitAfterReview']) {
      expect(report.fields[`t4.${g}.upheld`]).toBe(v2021[`t4.${g}.upheld`]);
    }
  });

  it('assigns the repeated leaf headers in order when the group header row is missing', async () => {
    const leaves = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const noGroups = (rows: FxCell[][]) => [table([[...leaves, ...leaves, ...leaves].map((t) => cell(t)), rows[3]])];
    const report = await readFixture({ version: '2019', values: v2019, tables: { t4: noGroups } });
    expect(fieldDiff(report.fields, v2019)).toEqual([]);
  });
});

describe('cell values', () => {
  const raw: Values = {
    't2.licensing.change': '+13',
    't2.otherServices.change': '-12',
    't2.penalty.change': '－3',
    't2.licensing.decisions': '1,575',
    't2.penalty.decisions': '１２',
    't2.procurement.items': '21项',
    't2.procurement.amount': '251000元',
    't2.fees.prior': '1 项',
    't2.licensing.prior': '\u00a0',
    't2.otherServices.prior': '/',
    't2.penalty.prior': '—',
    't2.enforcement.prior': '-',
    't2.enforcement.decisions': '无',
    't2.rules.made': '见附件',
  };
  const expected: Values = {
    't2.licensing.change': 13,
    't2.otherServices.change': -12,
    't2.penalty.change': -3,
    't2.licensing.decisions': 1575,
    't2.penalty.decisions': 12,
    't2.procurement.items': 21,
    't2.procurement.amount': 25.1,
    't2.fees.prior': 1,
    't2.licensing.prior': null,
    't2.otherServices.prior': null,
    't2.penalty.prior': null,
    't2.enforcement.prior': null,
    't2.enforcement.decisions': null,
    't2.rules.made': null,
  };

  it('reads signs, full-width digits, thousands separators and units; 元 becomes 万元', async () => {
    const report = await readFixture({ version: '2019', values: { ...v2019, ...raw } });
    expect(fieldDiff(report.fields, expected)).toEqual([]);
    expect(report.cells['t2.procurement.amount']).toMatchObject({ raw: '251000元', unit: '元', status: 'number' });
    expect(report.cells['t2.penalty.change']).toMatchObject({ raw: '－3', status: 'number' });
  });

  it('keeps blanks, NBSP, /, —, -, 无 as null with the raw text, and flags text that is not a number', async () => {
    const report = await readFixture({ version: '2019', values: { ...v2019, ...raw } });
    expect(report.cells['t2.licensing.prior'].status).toBe('blank');
    for (const k of ['t2.otherServices.prior', 't2.penalty.prior', 't2.enforcement.prior', 't2.enforcement.decisions']) {
      expect(report.cells[k]).toMatchObject({ status: 'placeholder', raw: raw[k] });
    }
    expect(report.cells['t2.rules.made']).toMatchObject({ status: 'text', raw: '见附件' });
  });
});

describe('title, agency, date and signature', () => {
  const base = { version: '2021' as const, values: v2021 };

  it('joins a title printed on two lines and takes the agency from it', async () => {
    const report = await readFixture({ ...base, title: ['某某市人力资源和社会保障局', '2022年政府信息公开工作年度报告'] });
    expect(report.meta).toMatchObject({
      title: '某某市人力资源和社会保障局2022年政府信息公开工作年度报告',
      agency: '某某市人力资源和社会保障局',
      year: 2022,
    });
  });

  it.each([
    ['2023年1月28日', '2023-01-28'],
    ['2023-01-28', '2023-01-28'],
    ['2023.1.28', '2023-01-28'],
    ['二〇二三年一月二十八日', '2023-01-28'],
    ['２０２３年１月２８日', '2023-01-28'],
    ['二〇二三年元月二十八日', '2023-01-28'],
    ['2023年元月28日', '2023-01-28'],
  ])('reads the date %s', async (written, iso) => {
    const report = await readFixture({ ...base, closing: ['某某县人民政府办公室', written] });
    expect(report.meta.publishDate).toBe(iso);
    expect(report.meta.issuer).toBe('某某县人民政府办公室');
  });

  it('reads an issuer on the same line as the date', async () => {
    const report = await readFixture({ ...base, closing: ['某某县司法局    2023年1月20日'] });
    expect(report.meta).toMatchObject({ issuer: '某某县司法局', publishDate: '2023-01-20' });
  });

  it('reads a title with 关于 and a year in Chinese numerals', async () => {
    const report = await readFixture({ ...base, title: ['某某镇人民政府关于二〇二二年度政府信息公开工作年度报告'] });
    expect(report.meta).toMatchObject({ agency: '某某镇人民政府', year: 2022 });
  });
});

describe('documents that are not annual reports', () => {
  it('says so instead of inventing fields', async () => {
    const blocks = [
      p('关于召开年度工作会议的通知'),
      p('各单位：定于下周召开会议，请准时参加。'),
      table([
        ['姓名', '单位'],
        ['张三', '办公室'],
      ]),
    ];
    await expect(readBlocks(blocks)).rejects.toThrow(/不是政府信息公开工作年度报告/);
  });

  it('still reads a report whose tables are all there but whose headings are missing', async () => {
    const blocks = reportBlocks({ version: '2021', values: v2021, headings: ['', '', '', '', '', ''] }).filter(
      (b) => b.kind !== 'p' || b.text !== '',
    );
    const report = await readBlocks(blocks);
    expect(fieldDiff(report.fields, v2021)).toEqual([]);
    expect(report.sections.every((s) => s.heading === null)).toBe(true);
  });
});

describe('table 四 left blank', () => {
  it.each([
    ['blank', ''],
    ['slashes', '/'],
  ])('reads a review/litigation row of %s as present but empty', async (_name, text) => {
    const values: Values = { ...v2021 };
    for (const k of Object.keys(values)) if (k.startsWith('t4.')) values[k] = text;
    const report = await readFixture({ version: '2021', values });
    expect(report.tables.map((t) => t.spec)).toContain('t4');
    expect(report.cells['t4.review.total'].status).toBe(text ? 'placeholder' : 'blank');
    expect(report.fields['t4.review.total']).toBeNull();
  });
});

describe('headings in words of their own', () => {
  it('takes a numbered heading by its keywords (五、工作不足与下一步打算)', async () => {
    const headings = [
      '一、2022年政府信息公开工作情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、工作不足与下一步打算',
      '六、其他需要报告的事项',
    ];
    const report = await readFixture({ version: '2021', values: v2021, headings });
    expect(report.sections.map((s) => s.heading)).toEqual(headings);
  });
});

describe('a heading joined to its text by a soft line break', () => {
  it('takes the first line as the heading and the rest as the start of the section', async () => {
    const blocks = reportBlocks({ version: '2021', values: v2021 }).map((b) =>
      b.kind === 'p' && b.text === '五、存在的主要问题及改进情况'
        ? p('五、存在的主要问题及改进情况\n一是公开内容不够全面。二是解读形式单一。')
        : b,
    );
    const report = await readBlocks(blocks);
    expect(report.sections[4].heading).toBe('五、存在的主要问题及改进情况');
    expect(report.sections[4].paragraphs[0]).toBe('一是公开内容不够全面。二是解读形式单一。');
  });
});

describe('the signature block', () => {
  it('reads an issuer and date set in a borderless table after section 六', async () => {
    const blocks = [
      ...reportBlocks({ version: '2021', values: v2021, closing: [] }),
      table([['某某市交通运输局'], ['2023年1月20日']]),
    ];
    const report = await readBlocks(blocks);
    expect(report.meta).toMatchObject({ issuer: '某某市交通运输局', publishDate: '2023-01-20' });
  });
});

describe('navigation text', () => {
  it('is not taken for a report title: a page of breadcrumbs is not a report', async () => {
    const blocks = [
      p('当前位置：首页 > 政务公开 > 政府信息公开年报'),
      p('关于开展政务公开工作的通知'),
      p('各单位：请做好相关工作。'),
    ];
    await expect(readBlocks(blocks)).rejects.toThrow(/不是政府信息公开工作年度报告/);
  });
});
