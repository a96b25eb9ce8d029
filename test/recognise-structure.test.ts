/**
 * Sections as their authors structure them: only a top-level heading starts a section; sub-items
 * (（一）主动公开情况 inside 一, with the very words of section 二) stay sub-headings of their section,
 * typed or numbered by Word, in DOCX and in a web page; bold-only sub-headings; a section printed out
 * of order kept where it stands and reported; inline enumerations (一是…；二是…) stay text; each table
 * anchored where the author put it.
 */
import type { FormatVersion } from '../src/formats/types';
import type { Report } from '../src/report/types';
import { buildDocx, p, table, type FxBlock, type FxParagraph } from './helpers/docx-fixture';
import { fieldDiff, readReport } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';
import { blocksToHtml, partTable, structureOf, structuredBlocks } from './helpers/structure';

type Numbering = 'typed' | 'word';

/** The sub-items of 一 the official guidance asks for, in the wording each format's time used. */
const OVERVIEW_ITEMS: Record<FormatVersion, readonly string[]> = {
  2019: ['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息管理', '平台建设', '监督保障'],
  2021: ['主动公开情况', '依申请公开情况', '政府信息管理', '政府信息公开平台建设', '监督保障'],
};
const NUMERALS = '一二三四五六';
const OFFICIAL = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];

function section(no: number, numbering: Numbering): FxParagraph {
  const words = OFFICIAL[no - 1];
  return numbering === 'word' ? p(words, { bold: true, autoNumber: true }) : p(`${NUMERALS[no - 1]}、${words}`, { bold: true });
}

function subItem(i: number, words: string, numbering: Numbering): FxParagraph {
  return numbering === 'word' ? p(words, { autoNumber: 'sub' }) : p(`（${NUMERALS[i]}）${words}`);
}

const itemText = (words: string) => `本年度${words}工作扎实推进，各项任务均按计划完成。`;

/** The six sections, each a list of blocks starting with its heading. */
function sections(version: FormatVersion, numbering: Numbering): FxBlock[][] {
  return [
    [
      section(1, numbering),
      p('本年度，本机关认真贯彻落实《条例》，全面推进政务公开。'),
      ...OVERVIEW_ITEMS[version].flatMap((w, i) => [subItem(i, w, numbering), p(itemText(w))]),
    ],
    [section(2, numbering), p('本年度主动公开政府信息情况如下表：'), partTable(version, 't2')],
    [section(3, numbering), p('本年度收到和处理政府信息公开申请情况如下表：'), partTable(version, 't3')],
    [section(4, numbering), partTable(version, 't4'), p('本年度未发生因政府信息公开被纠错的情况。')],
    [
      section(5, numbering),
      subItem(0, '存在的主要问题', numbering),
      p('一是公开内容不够全面；二是解读形式比较单一。'),
      subItem(1, '改进措施', numbering),
      p('1.加强业务培训'),
      p('（1）每季度组织一次专题培训'),
      p('下一步，将持续提升公开质量。'),
    ],
    [section(6, numbering), p('本年度未收取信息处理费。')],
  ];
}

function expected(version: FormatVersion, numbering: Numbering): string[] {
  const heading = (no: number) => `S${no} ${numbering === 'word' ? '' : `${NUMERALS[no - 1]}、`}${OFFICIAL[no - 1]}`;
  return [
    heading(1),
    'P 本年度，本机关认真贯彻落实《条例》，全面推进政务公开。',
    ...OVERVIEW_ITEMS[version].flatMap((w, i) => [`H2 （${NUMERALS[i]}）${w}`, `P ${itemText(w)}`]),
    heading(2),
    'P 本年度主动公开政府信息情况如下表：',
    'T t2',
    heading(3),
    'P 本年度收到和处理政府信息公开申请情况如下表：',
    'T t3',
    heading(4),
    'T t4',
    'P 本年度未发生因政府信息公开被纠错的情况。',
    heading(5),
    'H2 （一）存在的主要问题',
    'P 一是公开内容不够全面；二是解读形式比较单一。',
    'H2 （二）改进措施',
    'H3 1.加强业务培训',
    'H4 （1）每季度组织一次专题培训',
    'P 下一步，将持续提升公开质量。',
    heading(6),
    'P 本年度未收取信息处理费。',
  ];
}

const yearOf = (version: FormatVersion) => (version === '2019' ? 2020 : 2022);
const sectionRules = (r: Report) => r.issues.filter((f) => f.rule.startsWith('SECTION_')).map((f) => `${f.rule}: ${f.message}`);

async function readDocx(blocks: readonly FxBlock[]): Promise<Report> {
  return readReport(await buildDocx(blocks), 'structure.docx');
}

async function readHtml(blocks: readonly FxBlock[]): Promise<Report> {
  return readReport(Buffer.from(blocksToHtml(blocks), 'utf8'), 'structure.html');
}

describe.each(['2019', '2021'] as const)('sub-items with the words of other sections inside 一 (%s format)', (version) => {
  const year = yearOf(version);

  it.each([
    ['typed （一）… sub-items, in a DOCX', 'typed', readDocx],
    ['sub-items numbered by Word (second level, （%2）), in a DOCX', 'word', readDocx],
    ['typed （一）… sub-items, in a web page', 'typed', readHtml],
  ] as const)('keeps %s, under 一, with no section finding', async (_, numbering, read) => {
    const r = await read(structuredBlocks(year, sections(version, numbering)));
    expect(structureOf(r)).toEqual(expected(version, numbering));
    expect(sectionRules(r)).toEqual([]);
  });

  it('gives the narrative of 一 to section 一, and its paragraphs as plain text with numbering', async () => {
    const r = await readDocx(structuredBlocks(year, sections(version, 'word')));
    expect(r.sections[0].paragraphs.slice(0, 3)).toEqual([
      '本年度，本机关认真贯彻落实《条例》，全面推进政务公开。',
      `（一）${OVERVIEW_ITEMS[version][0]}`,
      itemText(OVERVIEW_ITEMS[version][0]),
    ]);
    expect(r.sections[1].paragraphs).toEqual(['本年度主动公开政府信息情况如下表：']);
  });
});

describe('headings known by their look, order and inline enumerations', () => {
  it('takes bold lines on their own as sub-headings, and a bold 主动公开情况 inside 一 is not section 二', async () => {
    const blocks = sections('2021', 'typed');
    blocks[0] = [
      section(1, 'typed'),
      p('主动公开情况', { bold: true }),
      p('全年主动公开政府信息1200条。'),
      p('监督保障', { bold: true }),
      p('开展自查两次。'),
    ];
    const r = await readDocx(structuredBlocks(2022, blocks));
    expect(structureOf(r).slice(0, 6)).toEqual([
      'S1 一、总体情况',
      'H2 主动公开情况',
      'P 全年主动公开政府信息1200条。',
      'H2 监督保障',
      'P 开展自查两次。',
      'S2 二、主动公开政府信息情况',
    ]);
    expect(sectionRules(r)).toEqual([]);
  });

  it('takes Word heading styles as levels: Heading 2 without numbering is a sub-heading of its section', async () => {
    const blocks = sections('2021', 'typed');
    blocks[5] = [section(6, 'typed'), p('信息处理费', { heading: 2 }), p('本年度未收取信息处理费。')];
    const r = await readDocx(structuredBlocks(2022, blocks));
    expect(structureOf(r).slice(-3)).toEqual(['S6 六、其他需要报告的事项', 'H2 信息处理费', 'P 本年度未收取信息处理费。']);
  });

  it('keeps a section printed out of order where it stands, with its own content, and reports it', async () => {
    const blocks = sections('2021', 'typed');
    const r = await readDocx(structuredBlocks(2022, [blocks[0], blocks[1], blocks[2], blocks[4], blocks[3], blocks[5]]));
    expect(r.sections.map((s) => s.heading)).toEqual(OFFICIAL.map((w, i) => `${NUMERALS[i]}、${w}`));
    expect(r.sections[3].blocks?.map((b) => b.kind)).toEqual(['table', 'paragraph']);
    expect(r.sections[4].paragraphs[0]).toBe('（一）存在的主要问题');
    const t4 = Object.entries(consistentValues('2021', 3)).filter(([k]) => k.startsWith('t4.'));
    expect(fieldDiff(r.fields, Object.fromEntries(t4))).toEqual([]);
    expect(sectionRules(r)).toEqual([
      'SECTION_ORDER: 第五部分“五、存在的主要问题及改进情况”印在第四部分“四、政府信息公开行政复议、行政诉讼情况”之前，规范顺序为一至六',
    ]);
  });

  it('keeps 一是…；二是… and a line starting 一是 as paragraph text, never as headings', async () => {
    const blocks = sections('2021', 'typed');
    blocks[4] = [section(5, 'typed'), p('一是公开内容不够全面'), p('二是解读形式比较单一，下一步将加以改进。')];
    const r = await readDocx(structuredBlocks(2022, blocks));
    expect(r.sections[4].blocks).toEqual([
      { kind: 'paragraph', text: '一是公开内容不够全面' },
      { kind: 'paragraph', text: '二是解读形式比较单一，下一步将加以改进。' },
    ]);
  });

  it('keeps a table that is not an official one (联系方式) with its cells, where it stands', async () => {
    const blocks = sections('2021', 'typed');
    blocks[5] = [
      section(6, 'typed'),
      p('联系方式如下：'),
      table([
        ['联系电话', '0591-1234567'],
        ['电子邮箱', 'gk@example.gov.cn'],
      ]),
    ];
    const r = await readDocx(structuredBlocks(2022, blocks));
    const last = r.sections[5].blocks?.[1];
    expect(last).toMatchObject({ kind: 'table', kept: { width: 2, height: 2 } });
    expect(last?.kind === 'table' && last.kept?.cells.map((c) => c.text)).toEqual([
      '联系电话',
      '0591-1234567',
      '电子邮箱',
      'gk@example.gov.cn',
    ]);
  });
});

describe('a section heading run into its text', () => {
  const runIn = (): FxBlock[][] => [
    [p('一、总体情况 本年度报告根据《条例》要求编制。（一）政府信息主动公开情况 全年新增主动公开政府信息50条。')],
    [p('二、主动公开政府信息情况'), partTable('2021', 't2')],
    [p('三、收到和处理政府信息公开申请情况'), partTable('2021', 't3')],
    [p('四、政府信息公开行政复议、行政诉讼情况'), partTable('2021', 't4')],
    [p('五、存在的主要问题及改进情况：一、存在的主要问题：公开内容不够全面。'), p('二、改进措施：加强业务培训。')],
    [p('六、其他需要报告的事项。本年度未收取信息处理费。')],
  ];
  const EXPECTED = [
    'S1 一、总体情况',
    'P 本年度报告根据《条例》要求编制。（一）政府信息主动公开情况 全年新增主动公开政府信息50条。',
    'S2 二、主动公开政府信息情况',
    'T t2',
    'S3 三、收到和处理政府信息公开申请情况',
    'T t3',
    'S4 四、政府信息公开行政复议、行政诉讼情况',
    'T t4',
    'S5 五、存在的主要问题及改进情况',
    'P 一、存在的主要问题：公开内容不够全面。',
    'P 二、改进措施：加强业务培训。',
    'S6 六、其他需要报告的事项',
    'P 本年度未收取信息处理费。',
  ];

  it.each([
    ['a web page', readHtml],
    ['a DOCX', readDocx],
  ] as const)('in %s starts its section, its text after a space, 。 or ： the section’s first paragraph', async (_, read) => {
    const r = await read(structuredBlocks(2022, runIn()));
    expect(structureOf(r)).toEqual(EXPECTED);
    expect(sectionRules(r)).toEqual([]);
  });
});

describe('a sub-item closed by a stop or a colon', () => {
  it('is a heading on a line of its own when it names a topic; a run-in head and a list item stay text', async () => {
    const one = [
      p('一、总体情况'),
      p('（一）主动公开情况。'),
      p('不断优化政府信息公开，增强信息公开实效。'),
      p('（二）依申请公开方面：'),
      p('依法依规办理政府信息公开申请。'),
      p('（三）政府信息管理情况。健全信息发布审核机制，严格落实三审三校制度。'),
      p('（四）本年度共收到申请5件。'),
      p('1.加强培训。'),
    ];
    const blocks = structuredBlocks(2022, [one, ...sections('2021', 'typed').slice(1)]);
    const r = await readHtml(blocks);
    expect(structureOf(r).slice(0, 9)).toEqual([
      'S1 一、总体情况',
      'H2 （一）主动公开情况',
      'P 不断优化政府信息公开，增强信息公开实效。',
      'H2 （二）依申请公开方面',
      'P 依法依规办理政府信息公开申请。',
      'P （三）政府信息管理情况。健全信息发布审核机制，严格落实三审三校制度。',
      'P （四）本年度共收到申请5件。',
      'P 1.加强培训。',
      'S2 二、主动公开政府信息情况',
    ]);
    expect(sectionRules(r)).toEqual([]);
  });
});
