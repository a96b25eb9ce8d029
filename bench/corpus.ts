/**
 * A varied corpus of generated reports for the benchmark: both formats, and the layout quirks of
 * real reports (Word-numbered headings, variant headings, table 二 one table per block, table 三
 * split over two tables, titles on two lines, units and blanks in cells), picked per seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getFormat } from '../src/formats/model';
import { buildDocx, p, table, type FxBlock, type FxCell } from '../test/helpers/docx-fixture';
import { consistentValues, OFFICIAL_HEADINGS, reportBlocks, rng, type FxReport } from '../test/helpers/report-fixture';

const AGENCIES = ['某某市生态环境局', '某某县人民政府', '某某区住房和城乡建设局', '某某镇人民政府', '某某经济开发区管理委员会', '某某市人力资源和社会保障局'];

function perBlock(rows: FxCell[][]): FxBlock[] {
  const starts = rows.map((r, i) => (r.length === 1 && r[0].text.startsWith('第二十条') ? i : -1)).filter((i) => i >= 0);
  return starts.map((s, k) => table(rows.slice(s, starts[k + 1])));
}

function splitWithHeader(rows: FxCell[][]): FxBlock[] {
  const at = rows.findIndex((r) => r.some((c) => c.text === '（四）无法提供'));
  const first = rows.slice(0, at).map((r) => r.map((c) => (c.text === '三、本年度办理结果' ? { ...c, rowSpan: at - 5 } : c)));
  const second = [...rows.slice(0, 3), [{ text: '三、本年度办理结果', rowSpan: rows.length - at - 1 }, ...rows[at]], ...rows.slice(at + 1)];
  return [table(first), p(''), table(second)];
}

function variantHeadings(random: () => number): string[] {
  return getFormat('2021').spec.sections.map((s) => {
    const all = [s.heading, ...s.variants];
    return all[Math.floor(random() * all.length)];
  });
}

export function corpusReport(seed: number): FxReport {
  const random = rng(seed * 7919);
  const version = seed % 2 ? '2019' : '2021';
  const agency = AGENCIES[seed % AGENCIES.length];
  const year = version === '2019' ? 2019 + (seed % 2) : 2021 + (seed % 4);
  const values = consistentValues(version, seed, 1 + (seed % 9));
  if (random() < 0.3) values['t3.received.natural'] = '';
  if (version === '2019' && random() < 0.5) values['t2.procurement.amount'] = `${Math.round(random() * 900000)}元`;
  const tables: FxReport['tables'] = {};
  if (random() < 0.4) tables.t2 = perBlock;
  if (random() < 0.3) tables.t3 = splitWithHeader;
  return {
    version, agency, year, values, tables,
    autoNumberedHeadings: random() < 0.3,
    headings: random() < 0.4 ? variantHeadings(random) : OFFICIAL_HEADINGS,
    title: random() < 0.3 ? [agency, `${year}年政府信息公开工作年度报告`] : undefined,
    closing: [agency, random() < 0.5 ? `${year + 1}年1月${10 + (seed % 20)}日` : `${year + 1}-01-${10 + (seed % 20)}`],
  };
}

/** Writes `count` reports into `dir`; returns their paths. */
export async function writeCorpus(dir: string, count: number): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const file = path.join(dir, `report-${String(seed).padStart(4, '0')}.docx`);
    fs.writeFileSync(file, await buildDocx(reportBlocks(corpusReport(seed))));
    files.push(file);
  }
  return files;
}
