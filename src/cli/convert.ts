/** `nianbao convert <files or folders…> --out <dir> --to json[,xlsx,docx]` */
import * as fs from 'node:fs';
import { checkReport, processPath } from '../core/pipeline';
import { EXPORTERS } from '../export';
import { insideFolder, NameAllocator, outputStem } from '../export/names';
import { parse, UsageError } from './args';
import { collectFiles } from './files';
import { droppedMessages, migrateReport } from '../report/migrate';
import { printFailure, summaryLine } from './output';

export const HELP = `nianbao convert <文件或文件夹…> [--out output] [--to json,xlsx,docx] [--reader docx|mammoth]
  把年度报告转换为结构化数据，每个文件写出 <out>/<文件名>.<格式>。
  --out     输出文件夹（默认 output）
  --to      输出格式，逗号分隔：${Object.keys(EXPORTERS).join(', ')}（默认 json）
  --reader  DOCX 读取器：docx（默认）或 mammoth（参考实现）
  --target-format 2021  把2019年格式的表格转换为2021年格式；无对应栏目的数据逐项列出
退出码：0 全部成功；2 有文件无法读取。`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o', default: 'output' },
    to: { type: 'string', default: 'json' },
    reader: { type: 'string' },
    'target-format': { type: 'string' },
  });
  const targetFormat = values['target-format'];
  if (targetFormat !== undefined && targetFormat !== '2021') throw new UsageError('--target-format 只能是 2021 / --target-format must be 2021');
  const formats = values.to!.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !EXPORTERS[f]);
  if (unknown.length) throw new UsageError(`未知的输出格式 / unknown output format: ${unknown.join(', ')}`);
  if (values.reader && values.reader !== 'docx' && values.reader !== 'mammoth') throw new UsageError(`--reader 只能是 docx 或 mammoth`);
  if (!positionals.length) throw new UsageError('请指定要转换的文件或文件夹 / give files or folders to convert');
  const { files, missing } = collectFiles(positionals);
  fs.mkdirSync(values.out!, { recursive: true });
  const names = new NameAllocator();
  let failed = missing.length;
  for (const m of missing) console.error(`✗ ${m}：找不到文件或文件夹 / not found`);
  for (const file of files) {
    const result = await processPath(file, { reader: values.reader as 'docx' | 'mammoth' | undefined });
    if (!result.ok) {
      failed++;
      printFailure(result.error);
      continue;
    }
    const report = targetFormat ? checkReport(migrateReport(result.report, targetFormat).report) : result.report;
    const stem = names.allocate(outputStem(file));
    const written: string[] = [];
    for (const f of formats) {
      const exporter = EXPORTERS[f];
      const target = insideFolder(values.out!, stem + exporter.extension);
      await exporter.write(report, target);
      written.push(target);
    }
    console.log(summaryLine(report, written));
    for (const line of droppedMessages(report)) console.log(`  ! ${line}`);
  }
  console.log(`共 ${files.length + missing.length} 个文件：成功 ${files.length + missing.length - failed}，失败 ${failed}`);
  return failed ? 2 : 0;
}
