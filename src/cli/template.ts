/** `nianbao template --agency <名称> --year <年度> [--from <上年报告>] [--out dir]` */
import * as fs from 'node:fs';
import { processPath } from '../core/pipeline';
import { insideFolder } from '../export/names';
import { writeReportDocx } from '../export/docx';
import { writeReportXlsx } from '../export/xlsx/report-workbook';
import { blankReport, carryForward, type CarryResult } from '../report/next-year';
import type { Report } from '../report/types';
import { parse, UsageError } from './args';
import { printFailure } from './output';

export const HELP = `nianbao template --agency <机关名称> --year <年度> [--to docx|xlsx] [--from <上年度报告>] [--out output] [--reader docx|mammoth]
  生成该年度的标准格式年度报告模板（DOCX）：标题、机关名称、年度已填好，各部分标题下有编写提示，
  表格为该年度应使用的格式（2021年及以后为国办公开办函〔2021〕30号格式）。
  --to xlsx 生成空白的 Excel 填报工作簿（表二、表三、表四为官方样式），可下发各单位填写后直接导入汇总；
            此时 --agency 可省略（由填报单位在“概况”中填写）。
  --from    上年度报告文件：按列预填“上年结转政府信息公开申请数量”（取上年“结转下年度继续办理”），
            2021年格式的“现行有效件数”以上年数为起点
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
    console.log(`  ! 上年度报告的年度为 ${last.meta.year}，不是 ${year - 1}，请核对 / the --from report is for ${last.meta.year}`);
  }
  for (const c of result.carried) console.log(`  预填 ${c.where}：${c.value}${c.fromBlank ? '（上年为空白，按0计）' : ''}`);
  for (const g of result.gaps) console.log(`  ! 未预填 ${g.where}：${g.reason}`);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    agency: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    out: { type: 'string', short: 'o', default: 'output' },
    reader: { type: 'string' },
    to: { type: 'string', default: 'docx' },
  });
  if (values.to !== 'docx' && values.to !== 'xlsx') throw new UsageError(`--to 只能是 docx 或 xlsx / --to must be docx or xlsx: ${values.to}`);
  if (positionals.length) throw new UsageError(`多余的参数 / unexpected arguments: ${positionals.join(' ')}`);
  const agency = values.agency?.trim() ?? '';
  if (!agency && values.to !== 'xlsx') throw new UsageError('请用 --agency 指定机关名称 / give --agency');
  const year = parseYear(values.year);
  if (values.reader && values.reader !== 'docx' && values.reader !== 'mammoth') throw new UsageError('--reader 只能是 docx 或 mammoth');

  let report = blankReport(agency, year);
  let carry: { last: Report; result: CarryResult } | undefined;
  if (values.from) {
    const last = await processPath(values.from, { reader: values.reader as 'docx' | 'mammoth' | undefined });
    if (!last.ok) {
      printFailure(last.error);
      return 2;
    }
    const result = carryForward(last.report, report);
    report = result.report;
    carry = { last: last.report, result };
  }
  fs.mkdirSync(values.out!, { recursive: true });
  const target = insideFolder(values.out!, `${report.meta.title}.${values.to}`);
  if (values.to === 'xlsx') await writeReportXlsx(report, target);
  else await writeReportDocx(report, target, { prompts: true });
  console.log(`✓ ${report.meta.title}（${report.meta.format}年格式）→ ${target}`);
  if (carry) printCarry(carry.last, year, carry.result);
  return 0;
}
