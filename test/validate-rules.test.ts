/**
 * One report per rule of docs/RULES.md that breaks it, built as a real DOCX and read by the real
 * pipeline: the finding has the rule id, the catalogue's severity, a message naming rows, columns
 * and figures as the printed table does, and the keys of the cells involved.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { partLayout } from '../src/formats/layout';
import { expandTemplate, getFormat, overItems } from '../src/formats/model';
import type { FormatVersion } from '../src/formats/types';
import type { Finding, Report } from '../src/report/types';
import { ruleCatalogue, validateReport } from '../src/validate';
import { table } from './helpers/docx-fixture';
import { readFixture } from './helpers/pipeline';
import { consistentValues, type FxReport, type Values } from './helpers/report-fixture';

function only(report: Report, rule: string): Finding[] {
  return report.issues.filter((f) => f.rule === rule);
}

/** Makes every sum of `rule` hold again by setting its left side (a total) to the right side's sum. */
function settle(version: FormatVersion, values: Values, rule: string): Values {
  const format = getFormat(version);
  for (const sum of format.spec.sums.filter((s) => s.rule === rule)) {
    for (const item of overItems(format, sum.over)) {
      const [left] = sum.left.flatMap((t) => expandTemplate(format, t, item));
      const right = sum.right.flatMap((t) => expandTemplate(format, t, item));
      values[left] = right.reduce((n, k) => n + ((values[k] as number) ?? 0), 0);
    }
  }
  return values;
}

function report(version: FormatVersion, patch: Partial<FxReport> = {}, change?: (v: Values) => void): Promise<Report> {
  const values = consistentValues(version, 11);
  change?.(values);
  return readFixture({ version, agency: '某某市生态环境局', values, ...patch });
}

describe('sum rules, evaluated from the format description', () => {
  it('T3_BALANCE names the column, both sides with their figures, and the difference', async () => {
    const r = await report('2019', {}, (v) => {
      const format = getFormat('2019');
      for (const k of expandTemplate(format, 't3.*.natural', '')) v[k] = 0;
      for (const k of expandTemplate(format, 't3.*.*.natural', '')) v[k] = 0;
      Object.assign(v, {
        't3.granted.natural': 13,
        't3.total.natural': 13,
        't3.carriedForward.natural': 1,
        't3.carriedOver.natural': 3,
        't3.received.natural': 12,
      });
      settle('2019', v, 'T3_ROW_TOTAL');
    });
    const natural = only(r, 'T3_BALANCE').find((f) => f.fields.includes('t3.received.natural'))!;
    expect(natural).toMatchObject({
      severity: 'error',
      message: '表三申请人情况“自然人”列：本年新收 12 + 上年结转 3 ≠ 办理结果总计 13 + 结转下年度 1（相差 1）',
    });
    expect([...natural.fields].sort()).toEqual([
      't3.carriedForward.natural',
      't3.carriedOver.natural',
      't3.received.natural',
      't3.total.natural',
    ]);
    // The 总计 column inherits the imbalance; no other column is wrong.
    expect(only(r, 'T3_BALANCE')).toHaveLength(2);
    expect(r.issues.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['T3_BALANCE', 'T3_BALANCE']);
  });

  it('T3_ROW_TOTAL names the row and lists the applicant columns', async () => {
    const r = await report('2021', {}, (v) => {
      v['t3.granted.total'] = (v['t3.granted.total'] as number) + 2;
    });
    const f = only(r, 'T3_ROW_TOTAL');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(
      /^表三“予以公开”行：总计 \d+ ≠ 自然人 \d+ \+ 商业企业 \d+ \+ 科研机构 \d+ \+ 社会公益组织 \d+ \+ 法律服务机构 \d+ \+ 其他组织 \d+（相差 2）$/,
    );
    expect(f[0].fields).toHaveLength(7);
  });

  it('T3_RESULT_TOTAL sums every result row of the 2021 format (其他处理 in three rows) and summarises zero terms', async () => {
    const r = await report('2021', {}, (v) => {
      const format = getFormat('2021');
      const results = [...expandTemplate(format, 't3.*.commercial', ''), ...expandTemplate(format, 't3.*.*.commercial', '')];
      for (const k of results) v[k] = 0;
      Object.assign(v, {
        't3.granted.commercial': 2,
        't3.other.misc.commercial': 1,
        't3.total.commercial': 4,
        't3.carriedForward.commercial': 0,
        't3.carriedOver.commercial': 0,
        't3.received.commercial': 4,
      });
      settle('2021', v, 'T3_ROW_TOTAL');
    });
    const f = only(r, 'T3_RESULT_TOTAL').find((x) => x.fields.includes('t3.total.commercial'))!;
    expect(f.message).toBe(
      '表三申请人情况“商业企业”列：办理结果总计 4 ≠ 予以公开 2 + 其他处理/其他 1 + 其余 19 项均为 0 或空白（相差 1）',
    );
    // （一）（二）, 8 of （三）, 3 of （四）, 5 of （五）, 3 of （六）, and the total.
    expect(f.fields).toHaveLength(1 + 2 + 8 + 3 + 5 + 3);
    expect(f.fields).toContain('t3.other.noFee.commercial');
  });

  it('T4_TOTAL names the column group', async () => {
    const r = await report('2019', {}, (v) =>
      Object.assign(v, {
        't4.review.upheld': 1,
        't4.review.corrected': 1,
        't4.review.other': 1,
        't4.review.pending': 1,
        't4.review.total': 5,
      }),
    );
    expect(only(r, 'T4_TOTAL')).toEqual([
      {
        rule: 'T4_TOTAL',
        severity: 'error',
        message: '表四“行政复议”：总计 5 ≠ 结果维持 1 + 结果纠正 1 + 其他结果 1 + 尚未审结 1（相差 1）',
        fields: ['t4.review.total', 't4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending'],
      },
    ]);
  });

  it('counts blanks as 0: applicant columns left blank with 0 in the 总计 column balance (as in the sample)', async () => {
    const r = await report('2019', {}, (v) => {
      const format = getFormat('2019');
      for (const c of format.tables.find((t) => t.spec.id === 't3')!.leafColumns) {
        const id = c.ids.join('.');
        for (const k of [...expandTemplate(format, `t3.*.${id}`, ''), ...expandTemplate(format, `t3.*.*.${id}`, '')])
          v[k] = id === 'total' ? 0 : null;
      }
    });
    expect(r.issues.filter((f) => f.severity === 'error')).toEqual([]);
    const blank = only(r, 'BLANK_CELL');
    expect(blank).toHaveLength(1);
    expect(blank[0].message).toBe(
      '表三有 138 个数据单元格未填数字，格式要求填 0，合计时按 0 计：“自然人”“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他组织”列（整列）',
    );
    expect(blank[0].fields).toHaveLength(138);
  });

  it('a sum with a blank cell says the blank counts as 0', async () => {
    const r = await report('2019', {}, (v) => {
      v['t4.suitDirect.pending'] = null;
      v['t4.suitDirect.total'] =
        (v['t4.suitDirect.upheld'] as number) +
        (v['t4.suitDirect.corrected'] as number) +
        (v['t4.suitDirect.other'] as number) +
        1;
    });
    expect(only(r, 'T4_TOTAL')[0].message).toMatch(
      /^表四“行政诉讼\/未经复议直接起诉”：总计 \d+ ≠ .* \+ 尚未审结 空白（相差 1）（空白按 0 计）$/,
    );
  });
});

describe('cell rules', () => {
  it('BLANK_CELL once per official table, listing its cells by row and column, placeholders named', async () => {
    const r = await report('2021', {}, (v) => {
      Object.assign(v, {
        't2.rules.issued': null,
        't2.licensing.decisions': '/',
        't3.partial.natural': '—',
        't3.partial.legal': null,
        't4.suitAfterReview.other': null,
      });
      v['t3.partial.total'] =
        (v['t3.partial.commercial'] as number) +
        (v['t3.partial.research'] as number) +
        (v['t3.partial.nonprofit'] as number) +
        (v['t3.partial.otherOrg'] as number);
    });
    const blank = only(r, 'BLANK_CELL');
    expect(blank.map((f) => f.message)).toEqual([
      '表二有 2 个数据单元格未填数字（含填“/”的），格式要求填 0，合计时按 0 计：第二十条第（一）项：“规章”行“本年制发件数”列；第二十条第（五）项：“行政许可”行“本年处理决定数量”列',
      '表三有 2 个数据单元格未填数字（含填“—”的），格式要求填 0，合计时按 0 计：“部分公开”行“自然人”“法律服务机构”列',
      '表四有 1 个数据单元格未填数字，格式要求填 0，合计时按 0 计：“行政诉讼/复议后起诉”“其他结果”',
    ]);
    expect(blank.every((f) => f.severity === 'warning')).toBe(true);
    expect(blank[1].fields).toEqual(['t3.partial.natural', 't3.partial.legal']);
  });

  it('NON_NUMERIC quotes the text as printed and names the cell', async () => {
    const r = await report('2019', {}, (v) => {
      v['t2.licensing.decisions'] = '见附件';
    });
    expect(only(r, 'NON_NUMERIC')).toEqual([
      {
        rule: 'NON_NUMERIC',
        severity: 'error',
        message: '表二“第二十条第（五）项”“行政许可”行“处理决定数量”列填写的“见附件”不是数字',
        fields: ['t2.licensing.decisions'],
      },
    ]);
  });

  it('NEGATIVE for a count, but not for the signed 本年增/减', async () => {
    const r = await report('2019', {}, (v) => {
      v['t2.penalty.decisions'] = -3;
      v['t2.penalty.change'] = -12;
    });
    expect(only(r, 'NEGATIVE')).toEqual([
      {
        rule: 'NEGATIVE',
        severity: 'error',
        message: '表二“第二十条第（六）项”“行政处罚”行“处理决定数量”列为 -3，数量不能为负数',
        fields: ['t2.penalty.decisions'],
      },
    ]);
  });
});

describe('TABLE_MISSING', () => {
  it('names a table that is not there, with all its keys', async () => {
    const r = await report('2021', { tables: { t4: () => [] } });
    const f = only(r, 'TABLE_MISSING');
    expect(f.map((x) => x.message)).toEqual(['未找到表四“政府信息公开行政复议、行政诉讼情况”（2021版格式）']);
    expect(f[0].fields).toHaveLength(15);
    expect(r.issues.filter((x) => x.severity === 'error').map((x) => x.rule)).toEqual(['TABLE_MISSING']);
  });

  it('names a block of table 二 that is not there', async () => {
    const format = getFormat('2019');
    const layout = partLayout(format, 't2');
    const drop = new Set(layout.cells.filter((c) => c.table === 't2.item9').map((c) => c.row));
    const r = await report('2019', { tables: { t2: (rows) => [table(rows.filter((_, i) => !drop.has(i)))] } });
    expect(only(r, 'TABLE_MISSING').map((x) => x.message)).toEqual(['未找到表二“第二十条第（九）项”（2019版格式）']);
  });

  it('names the rows missing from a table that is there, and does not judge sums it cannot see', async () => {
    const r = await report('2019', { tables: { t3: (rows) => [table(rows.slice(0, -1))] } });
    expect(only(r, 'TABLE_MISSING').map((x) => x.message)).toEqual(['表三不完整，缺少：“结转下年度”行（整行）']);
    expect(only(r, 'T3_BALANCE')).toEqual([]);
  });
});

describe('format, sections, title, date', () => {
  it('FORMAT_VERSION: a 2022 report in the 2019 format', async () => {
    const r = await report('2019', { year: 2022 });
    expect(only(r, 'FORMAT_VERSION').map((f) => f.message)).toEqual([
      '2022年度报告应使用2021版格式（国办公开办函〔2021〕30号），本报告的表格是2019版格式（国办公开办函〔2019〕60号）',
    ]);
  });

  it('SECTION_MISSING lists the sections not found', async () => {
    const headings = getFormat('2021').spec.sections.map((s) => (s.no === 5 ? '' : s.heading));
    const r = await report('2021', { headings, sectionText: { 5: [] } });
    expect(only(r, 'SECTION_MISSING').map((f) => f.message)).toEqual(['缺少章节：“五、存在的主要问题及改进情况”']);
  });

  it('SECTION_HEADING for older wording and for wording we do not know; none for Word-numbered official headings', async () => {
    const headings = getFormat('2019').spec.sections.map((s) => s.heading);
    headings[2] = '三、依申请公开政府信息情况';
    headings[4] = '五、工作不足与下一步打算';
    const r = await report('2019', { headings });
    expect(only(r, 'SECTION_HEADING').map((f) => f.message)).toEqual([
      '第三部分标题“三、依申请公开政府信息情况”与规范表述“三、收到和处理政府信息公开申请情况”不一致',
      '第五部分标题“五、工作不足与下一步打算”与规范表述“五、存在的主要问题及改进情况”不一致',
    ]);
    expect(only(r, 'SECTION_MISSING')).toEqual([]);
    const numbered = await report('2019', { autoNumberedHeadings: true });
    expect(numbered.issues).toEqual([]);
  });

  it('SECTION_EMPTY for 五 and 六 that say nothing', async () => {
    const r = await report('2021', { sectionText: { 5: ['暂无问题。'], 6: ['无。'] } });
    expect(only(r, 'SECTION_EMPTY').map((f) => f.message)).toEqual([
      '“五、存在的主要问题及改进情况”只有“暂无问题。”，不足 10 个字',
      '“六、其他需要报告的事项”只写了“无。”',
    ]);
    const none = await report('2021', { sectionText: { 6: [] } });
    expect(only(none, 'SECTION_EMPTY').map((f) => f.message)).toEqual(['“六、其他需要报告的事项”没有内容']);
  });

  it('TITLE: 年度工作报告 is named; a year in Chinese numerals is the same title', async () => {
    const work = await report('2021', { year: 2022, title: ['某某市生态环境局2022年政府信息公开工作年度工作报告'] });
    expect(only(work, 'TITLE').map((f) => f.message)).toEqual([
      '标题“某某市生态环境局2022年政府信息公开工作年度工作报告”写作“年度工作报告”，规范表述为“某某市生态环境局2022年政府信息公开工作年度报告”',
    ]);
    const chinese = await report('2021', { year: 2022, title: ['某某市生态环境局二〇二二年政府信息公开工作年度报告'] });
    expect(only(chinese, 'TITLE')).toEqual([]);
    const noAgency = await report('2021', { year: 2022, title: ['2022年政府信息公开工作年度报告'] });
    expect(only(noAgency, 'TITLE').map((f) => f.message)).toEqual([
      '标题“2022年政府信息公开工作年度报告”与规范格式不一致，应为“某某市生态环境局2022年政府信息公开工作年度报告”',
    ]);
  });

  it('PUBLISH_DEADLINE: 31 January for a department, 31 March for a county government, 31 January for a town', async () => {
    const dated = (agency: string, date: string) =>
      readFixture({ version: '2021', year: 2022, agency, closing: [agency, date] }).then((r) => only(r, 'PUBLISH_DEADLINE'));
    expect(await dated('某某市生态环境局', '2023年1月31日')).toEqual([]);
    expect((await dated('某某市生态环境局', '2023年2月1日')).map((f) => f.message)).toEqual([
      '报告日期 2023年2月1日 晚于法定时限：年度报告应于 2023年1月31日 前公布（《政府信息公开条例》第四十九条）',
    ]);
    expect(await dated('某某县人民政府', '2023年3月31日')).toEqual([]);
    expect((await dated('某某县人民政府', '2023年4月1日')).map((f) => f.message)).toEqual([
      '报告日期 2023年4月1日 晚于法定时限：县级以上人民政府的年度报告应于 2023年3月31日 前公布（《政府信息公开条例》第四十九条）',
    ]);
    expect(await dated('某某镇人民政府', '2023年2月10日')).toHaveLength(1);
  });
});

describe('the rule catalogue', () => {
  it('has every rule of RULES.md with a Chinese title, and findings carry its severity', async () => {
    const rulesMd = fs.readFileSync(path.join(__dirname, '../docs/RULES.md'), 'utf8');
    const documented = [...rulesMd.matchAll(/^\| `([A-Z0-9_]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
    expect(documented).toHaveLength(19);
    const catalogue = new Map(ruleCatalogue().map((r) => [r.id, r]));
    for (const [id, severity] of documented) {
      expect({ id, severity: catalogue.get(id)?.severity }).toEqual({ id, severity });
      expect(catalogue.get(id)!.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('robustness', () => {
  it('a rule that cannot run on an odd report becomes a finding instead of an exception', async () => {
    const r = await report('2021');
    const odd = { ...r, meta: { ...r.meta, format: '2017' as FormatVersion } };
    const findings = validateReport(odd);
    const failed = findings
      .filter((f) => f.rule === 'RULE_FAILED')
      .map((f) => /^核对规则 (\w+) 未能执行（.+），其结果缺失$/.exec(f.message)?.[1]);
    // The rules that read the format's tables fail; those about the title, sections and date still run.
    expect(failed).toEqual(['tableMissingFindings', 'formatVersionFindings', 'sumFindings', 'cellFindings', 'narrativeFindings']);
    expect(findings.every((f) => f.rule === 'RULE_FAILED' || f.severity !== 'error')).toBe(true);
  });
});
