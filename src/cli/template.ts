/** `nianbao template --agency <名称> --year <年度> [--from <上年报告>] [--out dir]`, or `--from` alone. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { processPath } from '../core/pipeline';
import { insideFolder } from '../export/names';
import { writeReportDocx } from '../export/docx';
import { writeReportXlsx } from '../export/xlsx/report-workbook';
import { blankReport, carryForward, type CarryResult } from '../report/next-year';
import type { Report } from '../report/types';
import { parse, READERS, UsageError } from './args';
import { printFailure } from './output';

export const HELP = `nianbao template (--agency <机关名称> --year <年度> | --from <上年度报告>) [--to docx|xlsx] [--out output] [--reader docx|mammoth]
  生成该年度的标准格式年度报告模板（DOCX）：标题、机关名称、年度已填好，各部分标题下有编写提示，
  表格为该年度应使用的格式（2021年及以后为国办公开办函〔2021〕30号格式）。
  --to xlsx 生成空白的 Excel 填报工作簿（表二、表三、表四为官方样式），可下发各单位填写后直接导入汇总；
            此时 --agency 可省略（由填报单位在“概况”中填写）。
  --from    上年度报告文件：按列预填“上年结转政府信息公开申请数量”（取上年“结转下年度继续办理”），
            2021年格式的“现行有效件数”以上年数为起点；未给 --agency、--year 时，机关名称取自该报告，
            年度为该报告的下一年度
  --out     输出文件夹（默认 output）
退出码：0 成功；2 上年度报告无法读取。`;

const MIN_YEAR = 2008;
const MAX_YEAR = 2100;

function parseYear(text: string | undefined): number {
  const year = Number(text);
  if (!text || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new UsageError(`--year 应为 ${MIN_YEAR}–${MAX_YEAR} 之间的年份 / --year must be a year: ${text ?? ''}`);
  }
  return year;
}

function printCarry(last: Report, year: number, result: CarryResult): void {
  if (last.meta.year !== null && last.meta.year !== year - 1) {
    console.log(
      `  ! 上年度报告的年度为 ${last.meta.year}，不是 ${year - 1}，请核对 / the --from report is for ${last.meta.year}`,
    );
  }
  for (const c of result.carried) console.log(`  预填 ${c.where}：${c.value}${c.fromBlank ? '（上年为空白，按0计）' : ''}`);
  for (const g of result.gaps) console.log(`  ! 未预填 ${g.where}：${g.reason}`);
}

const OPTIONS = {
  agency: { type: 'string' },
  year: { type: 'string' },
  from: { type: 'string' },
  out: { type: 'string', short: 'o', default: 'output' },
  reader: { type: 'string' },
  to: { type: 'string', default: 'docx' },
} as const;

const TARGETS = ['docx', 'xlsx'] as const;

/** Last year's report, read; or a failure already printed. */
async function readLast(file: string, reader: string | undefined): Promise<Report | undefined> {
  const last = await processPath(file, { reader: reader as 'docx' | 'mammoth' | undefined });
  if (last.ok) return last.report;
  printFailure(last.error);
  return undefined;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, { reader: READERS, to: TARGETS });
  const blankWorkbook = values.to === 'xlsx' && !values.from;
  if (positionals.length) throw new UsageError(`多余的参数 / unexpected arguments: ${positionals.join(' ')}`);
  if (!values.agency?.trim() && !values.from && !blankWorkbook)
    throw new UsageError(
      "请用 --agency 指定机关名称，或用 --from 给出上年度报告 / give --agency, or last year's report with --from",
    );
  if (values.year === undefined && !values.from) throw new UsageError('请用 --year 指定年度 / give --year');
  const givenYear = values.year === undefined ? undefined : parseYear(values.year);
  const last = values.from ? await readLast(values.from, values.reader) : undefined;
  if (values.from && !last) return 2;
  // With --from, the body and the year are those of last year's report unless given.
  const agency = values.agency?.trim() || last?.meta.agency || (blankWorkbook ? '' : undefined);
  if (agency === undefined) {
    throw new UsageError(
      `上年度报告中未识别出机关名称，请用 --agency 指定 / no body's name found in ${values.from}; give --agency`,
    );
  }
  const year = givenYear ?? (last?.meta.year ? last.meta.year + 1 : undefined);
  if (!year) throw new UsageError(`上年度报告中未识别出年度，请用 --year 指定 / no year found in ${values.from}; give --year`);

  let report = blankReport(agency, year);
  let carry: CarryResult | undefined;
  if (last) {
    carry = carryForward(last, report);
    report = carry.report;
  }
  fs.mkdirSync(values.out, { recursive: true });
  let target = insideFolder(values.out, `${report.meta.title}.${values.to}`);
  // Never write over last year's report, whatever it is named.
  if (values.from && path.resolve(values.from) === target)
    target = insideFolder(values.out, `${report.meta.title}（模板）.${values.to}`);
  if (values.to === 'xlsx') await writeReportXlsx(report, target);
  else await writeReportDocx(report, target, { prompts: true });
  console.log(`✓ ${report.meta.title}（${report.meta.format}年格式）→ ${target}`);
  if (last && carry) printCarry(last, year, carry);
  return 0;
}
