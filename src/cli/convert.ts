/** `nianbao convert <files or folders…> --out <dir> --to json[,xlsx,docx]` */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BatchTask } from '../batch/worker';
import { EXPORTERS, exporterNamed } from '../export';
import { NameAllocator, outputStem } from '../export/names';
import { migrationTargets } from '../formats/load';
import type { FormatVersion } from '../formats/types';
import { parse, UsageError } from './args';
import { jobsOption, runBatch } from './batch-run';
import { collectFiles } from './files';
import { failureLines, summaryLine } from './output';

/** Above this many files only failures are listed, unless --verbose. */
const LIST_EACH_UP_TO = 20;

export const HELP = `nianbao convert <文件或文件夹…> [--out output] [--to json,xlsx,docx] [--reader docx|mammoth]
  把年度报告转换为结构化数据，每个文件写出 <out>/<文件名>.<格式>。
  --out     输出文件夹（默认 output）
  --to      输出格式，逗号分隔：${Object.keys(EXPORTERS).join(', ')}（默认 json）
  --reader  DOCX 读取器：docx（默认）或 mammoth（参考实现）
  --target-format ${migrationTargets().join('|')}  把较早格式的表格转换为该年格式；无对应栏目的数据逐项列出
  --jobs N  同时处理的文件数（默认为 CPU 核数）
  --verbose 文件较多时也逐个列出结果（默认超过 ${LIST_EACH_UP_TO} 个文件时只列出失败的文件）
在终端中运行时显示进度条。每个文件处理完即写出结果，中途中断也保留已完成的部分。
退出码：0 全部成功；2 有文件无法读取。`;

function parseFormats(to: string): string[] {
  const formats = to.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !exporterNamed(f));
  if (unknown.length) throw new UsageError(`未知的输出格式 / unknown output format: ${unknown.join(', ')}`);
  return formats;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o', default: 'output' },
    to: { type: 'string', default: 'json' },
    reader: { type: 'string' },
    'target-format': { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    verbose: { type: 'boolean', short: 'v' },
  });
  const targetFormat = values['target-format'];
  const targets = migrationTargets().join('|');
  if (targetFormat !== undefined && !migrationTargets().includes(targetFormat)) throw new UsageError(`--target-format 只能是 ${targets} / --target-format must be ${targets}`);
  const formats = parseFormats(values.to!);
  if (values.reader && values.reader !== 'docx' && values.reader !== 'mammoth') throw new UsageError(`--reader 只能是 docx 或 mammoth`);
  if (!positionals.length) throw new UsageError('请指定要转换的文件或文件夹 / give files or folders to convert');
  const pool = jobsOption(values.jobs);
  const { files, missing } = collectFiles(positionals);
  const outDir = values.out!;
  fs.mkdirSync(outDir, { recursive: true });
  const names = new NameAllocator();
  const tasks: BatchTask[] = files.map((file) => ({
    file,
    name: path.basename(file),
    options: { reader: values.reader as 'docx' | 'mammoth' | undefined },
    convert: { outDir, stem: names.allocate(outputStem(file)), formats, targetFormat: targetFormat as FormatVersion | undefined },
  }));
  for (const m of missing) console.error(`✗ ${m}：找不到文件或文件夹 / not found`);
  const listEach = values.verbose || files.length <= LIST_EACH_UP_TO;
  let failed = missing.length;
  await runBatch(tasks, (result, _i, batch) => {
    if (!result.ok) {
      failed++;
      batch.say(failureLines(result.error), 'err');
    } else if (listEach) {
      batch.say([summaryLine(result.report, result.written ?? []), ...(result.notes ?? []).map((n) => `  ! ${n}`)].join('\n'));
    }
  }, pool);
  const total = files.length + missing.length;
  console.log(`共 ${total} 个文件：成功 ${total - failed}，失败 ${failed}；输出在 ${outDir}`);
  return failed ? 2 : 0;
}
