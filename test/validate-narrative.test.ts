/**
 * TEXT_TABLE_MISMATCH: totals stated in the text against the tables. A statement that contradicts
 * the table is reported; anything ambiguous (other bodies' totals, other years, comparisons,
 * several figures, figures we cannot read) is not — zero false alarms matter more than recall.
 * The report is a real DOCX read once; each case then puts its sentence into a section.
 */
import type { Report } from '../src/report/types';
import { validateReport } from '../src/validate';
import { narrativeFindings } from '../src/validate/narrative';
import { readFixture } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';

let base: Report;

/** The table figures every case is written against. */
const TABLE = {
  't3.received.total': 12,
  't3.carriedOver.total': 3,
  't3.total.total': 13,
  't4.review.upheld': 1,
  't4.review.corrected': 1,
  't4.review.other': 0,
  't4.review.pending': 0,
  't4.review.total': 2,
  't4.suitDirect.upheld': 0,
  't4.suitDirect.corrected': 0,
  't4.suitDirect.other': 1,
  't4.suitDirect.pending': 0,
  't4.suitDirect.total': 1,
  't4.suitAfterReview.upheld': 0,
  't4.suitAfterReview.corrected': 0,
  't4.suitAfterReview.other': 0,
  't4.suitAfterReview.pending': 0,
  't4.suitAfterReview.total': 0,
};

beforeAll(async () => {
  base = await readFixture({ version: '2021', year: 2022, agency: '某某市生态环境局', values: consistentValues('2021', 3) });
});

function withText(text: Record<number, string[]>, fields: Record<string, number | null> = {}): Report {
  return {
    ...base,
    fields: { ...base.fields, ...TABLE, ...fields },
    sections: base.sections.map((s) => (text[s.no] ? { ...s, paragraphs: text[s.no] } : s)),
  };
}

function mismatches(text: Record<number, string[]>, fields?: Record<string, number | null>): string[] {
  return validateReport(withText(text, fields))
    .filter((f) => f.rule === 'TEXT_TABLE_MISMATCH')
    .map((f) => f.message);
}

describe('statements that contradict the table are reported', () => {
  it('names the statement, the figure and the table cell', () => {
    const found = validateReport(withText({ 3: ['2022年，本机关共收到政府信息公开申请16件，均已按时答复。'] })).filter(
      (f) => f.rule === 'TEXT_TABLE_MISMATCH',
    );
    expect(found).toEqual([
      {
        rule: 'TEXT_TABLE_MISMATCH',
        severity: 'warning',
        message:
          '正文称政府信息公开申请 16 件（“2022年，本机关共收到政府信息公开申请16件，均已按时答复”），与表格不符：表三“一、本年新收政府信息公开申请数量”行“总计”列为 12',
        fields: ['t3.received.total'],
      },
    ]);
  });

  const RECEIVED = '与表格不符：表三“一、本年新收政府信息公开申请数量”行“总计”列为 12';
  const SUITS = '与表格不符：表四“行政诉讼/未经复议直接起诉/总计”列 1 + 表四“行政诉讼/复议后起诉/总计”列 0 = 1';

  it.each([
    ['本年度新收政府信息公开申请数量为 20 件。', 3, 20],
    ['全年共收到20件政府信息公开申请，均依法答复。', 1, 20],
    ['收到依申请公开政府信息申请二十件。', 3, 20],
    ['本年度未收到政府信息公开申请。', 3, 0],
    ['2022年区乡村振兴局无政府信息公开申请。', 1, 0],
    ['2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。', 3, 8],
    ['本机关收到公民、法人或者其他组织提出的政府信息公开申请共计 7 件。', 3, 7],
  ])('applications: %s', (sentence, section, figure) => {
    expect(narrativeFindings(withText({ [section]: [sentence] }))).toEqual([
      {
        rule: 'TEXT_TABLE_MISMATCH',
        severity: 'warning',
        fields: ['t3.received.total'],
        message: `正文称政府信息公开申请 ${figure} 件（“${sentence.replace(/。$/, '')}”），${RECEIVED}`,
      },
    ]);
  });

  it('quotes the statement as written, a full stop typed as "." included', () => {
    expect(narrativeFindings(withText({ 1: ['2022年，未收到依申请公开事项.'] })).map((f) => f.message)).toEqual([
      `正文称政府信息公开申请 0 件（“2022年，未收到依申请公开事项.”），${RECEIVED}`,
    ]);
  });

  it('review and litigation in one sentence are read separately', () => {
    const found = mismatches({ 4: ['本年度因政府信息公开工作被申请行政复议3件、被提起行政诉讼1件。'] });
    expect(found).toEqual([expect.stringMatching(/^正文称行政复议 3 件.*表四“行政复议\/总计”列为 2$/)]);
  });

  it('行政应诉 counts as litigation', () => {
    expect(narrativeFindings(withText({ 4: ['本年度政府信息公开行政应诉案件2件。'] }))).toEqual([
      {
        rule: 'TEXT_TABLE_MISMATCH',
        severity: 'warning',
        fields: ['t4.suitDirect.total', 't4.suitAfterReview.total'],
        message: `正文称行政诉讼 2 件（“本年度政府信息公开行政应诉案件2件”），${SUITS}`,
      },
    ]);
  });

  it('litigation is compared with both kinds of suit together', () => {
    expect(mismatches({ 4: ['涉及政府信息公开的行政诉讼案件共3件。'] })).toEqual([
      expect.stringContaining('表四“行政诉讼/未经复议直接起诉/总计”列 1 + 表四“行政诉讼/复议后起诉/总计”列 0 = 1'),
    ]);
  });

  it('a statement that none occurred contradicts a table that has some', () => {
    const quoted = '（“2022年未发生因政府信息公开被申请行政复议和提起行政诉讼的情况”），';
    expect(mismatches({ 4: ['2022年未发生因政府信息公开被申请行政复议和提起行政诉讼的情况。'] })).toEqual([
      `正文称行政复议 0 件${quoted}与表格不符：表四“行政复议/总计”列为 2`,
      `正文称行政诉讼 0 件${quoted}${SUITS}`,
    ]);
  });
});

describe('no finding where the text is ambiguous or agrees', () => {
  it.each([
    ['a total of the whole county', 1, '全县共收到政府信息公开申请156件。'],
    ['a comparison with last year', 3, '共收到政府信息公开申请15件，同比增长25%。'],
    ['last year’s figure', 3, '比上年增加3件，上年收到政府信息公开申请9件。'],
    ['another year', 1, '2019年收到政府信息公开申请30件。'],
    ['a quarter', 3, '第一季度收到政府信息公开申请3件。'],
    ['a part of the body', 3, '其中，县政府办公室收到政府信息公开申请5件。'],
    ['a number we cannot read', 3, '收到政府信息公开申请一百二十件。'],
    ['an approximate number', 3, '收到政府信息公开申请20余件。'],
    ['review and litigation together', 4, '因政府信息公开被申请行政复议和提起行政诉讼共5件。'],
    ['review and litigation each', 4, '行政复议、行政诉讼各3件。'],
    ['an outcome, not a count of cases', 4, '未发生行政复议被纠错的情况。'],
    ['a lost suit, not a count of suits', 4, '未发生败诉的行政诉讼。'],
    ['this body as the review authority', 1, '全年依法办理行政复议案件56件。'],
    ['review outside section 四 without 信息公开', 1, '全年发生行政复议案件8件。'],
    ['the count of active disclosure (no such field)', 2, '主动公开政府信息4826条。'],
    ['received plus carried over', 3, '全年受理政府信息公开申请15件。'],
    ['the finished count', 3, '本年度办理政府信息公开申请13件。'],
    ['person-times', 3, '收到政府信息公开申请20件次。'],
    ['overdue answers, not received ones', 3, '无逾期办理政府信息公开申请0件的情况。'],
    ['a subset of the applications', 3, '收到网上政府信息公开申请10件。'],
    ['a subset by subject', 3, '收到涉及国家秘密的政府信息公开申请3件。'],
  ])('%s: %s', (_what, section, sentence) => {
    expect(mismatches({ [section]: [sentence] })).toEqual([]);
  });

  it('two statements that disagree with each other', () => {
    expect(mismatches({ 1: ['全年共收到政府信息公开申请15件。'], 3: ['本年度共收到政府信息公开申请16件。'] })).toEqual([]);
  });

  it('a table cell left blank', () => {
    expect(mismatches({ 3: ['共收到政府信息公开申请15件。'] }, { 't3.received.total': null, 't3.total.total': null })).toEqual(
      [],
    );
  });

  it('statements that agree with the table', () => {
    expect(
      mismatches({
        1: ['全年共收到政府信息公开申请12件，因政府信息公开被申请行政复议2件。'],
        3: ['本年度新收政府信息公开申请十二件。'],
        4: ['被申请行政复议2件、被提起行政诉讼1件。'],
      }),
    ).toEqual([]);
  });
});
