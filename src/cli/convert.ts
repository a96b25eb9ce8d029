/** `nianbao convert <files or folders…> --out <dir> --to json[,xlsx,docx]` */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BatchTask } from '../batch/worker';
import { EXPORTERS, exporterNamed } from '../export';
import { migrationTargets } from '../formats/load';
import type { FormatVersion } from '../formats/types';
import { parse, READERS, UsageError } from './args';
import { jobsOption, runBatch } from './batch-run';
import { collectInputs } from './files';
import { failureLines, summaryLine } from './output';
import { agencyYearStem, moveOutputs, NAMINGS, temporaryStem } from './name-by-report';
import { defaultStems, OutputFolder, outputNames } from './output-names';

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
  --name    输出文件的命名：file（默认，沿用输入文件名）或 agency-year（机关名称+年度，如“某某市生态环境局2022年度.json”；
            未识别出机关名称或年度的报告沿用输入文件名）
输入文件从不被覆盖：输出与某个输入文件同名时（例如 --out 为输入所在的文件夹且 --to docx），
改名为“<文件名>（转换）”并提示。不同文件夹中的同名文件，输出名后加上所在文件夹以示区别，如
“报告（甲）.json”“报告（乙）.json”。文件夹中无法读取的文件（如图片、压缩包）逐个列为“无法读取”；
空文件夹视为错误。
在终端中运行时显示进度条，否则每隔几秒输出一行进度。每个文件处理完即写出结果，中途中断也保留已完成的部分。
退出码：0 全部成功；2 有文件无法读取或有输出无法写出（其余文件照常转换）。`;

const OPTIONS = {
  out: { type: 'string', short: 'o', default: 'output' },
  to: { type: 'string', default: 'json' },
  reader: { type: 'string' },
  'target-format': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  verbose: { type: 'boolean', short: 'v' },
  name: { type: 'string', default: 'file' },
} as const;

function parseFormats(to: string): string[] {
  const formats = to
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !exporterNamed(f));
  const known = Object.keys(EXPORTERS).join(', ');
  if (unknown.length || !formats.length) {
    throw new UsageError(
      `未知的输出格式“${unknown.join(', ')}”，可选：${known}\nunknown output format "${unknown.join(', ')}"; choose from: ${known}`,
    );
  }
  return formats;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, { reader: READERS, 'target-format': migrationTargets(), name: NAMINGS });
  const targetFormat = values['target-format'] as FormatVersion | undefined;
  const formats = parseFormats(values.to);
  if (!positionals.length) throw new UsageError('请指定要转换的文件或文件夹 / give files or folders to convert');
  const pool = jobsOption(values.jobs);
  const inputs = collectInputs(positionals);
  const outDir = values.out;
  fs.mkdirSync(outDir, { recursive: true });
  const readable = inputs.filter((i) => !i.error).map((i) => i.file);
  const folder = new OutputFolder(
    inputs.map((i) => i.file),
    outDir,
    formats.map((f) => EXPORTERS[f].extension),
  );
  const byReport = values.name === 'agency-year';
  const names = byReport ? { stems: readable.map((_, k) => temporaryStem(k)), notes: [] } : outputNames(readable, folder);
  const stemOf = new Map(readable.map((file, k) => [file, names.stems[k]]));
  // With --name agency-year, a report whose body or year was not read keeps its file's name.
  const fallback = new Map(byReport ? defaultStems(readable).map((stem, k) => [readable[k], stem]) : []);
  for (const note of names.notes) console.log(note);
  const task = (file: string): BatchTask => ({
    file,
    name: path.basename(file),
    options: { reader: values.reader as 'docx' | 'mammoth' | undefined },
    convert: { outDir, stem: stemOf.get(file)!, formats, targetFormat },
  });
  const listEach = values.verbose || inputs.length <= LIST_EACH_UP_TO;
  let unreadable = 0;
  let unwritten = 0;
  await runBatch(
    inputs,
    task,
    (result, _i, batch) => {
      if (!result.ok) {
        unreadable++;
        batch.say(failureLines(result.error), 'err');
        return;
      }
      const exportErrors = result.exportErrors ?? [];
      let written = result.written ?? [];
      if (byReport) {
        const wanted = agencyYearStem(result.report.meta) ?? fallback.get(result.file)!;
        const moved = moveOutputs(written, stemOf.get(result.file)!, wanted, folder);
        written = moved.written;
        if (moved.note) batch.say(moved.note);
      }
      if (exportErrors.length) unwritten++;
      if (listEach || exportErrors.length) {
        batch.say([summaryLine(result.report, written), ...(result.notes ?? []).map((n) => `  ! ${n}`)].join('\n'));
      }
      for (const e of exportErrors) batch.say(failureLines(e), 'err');
    },
    pool,
  );
  const done = inputs.length - unreadable;
  console.log(
    `共 ${inputs.length} 个文件：成功 ${done - unwritten}，无法读取 ${unreadable}` +
      `${unwritten ? `，已读取但有输出无法写出 ${unwritten}` : ''}；输出在 ${outDir}`,
  );
  return unreadable || unwritten ? 2 : 0;
}
