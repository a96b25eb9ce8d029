/**
 * `nianbao summary <files or folders…> -o output/汇总.xlsx [--reader docx|mammoth]`: one workbook for
 * a whole batch. Files are read in worker threads (a file that hangs or crashes becomes a row with
 * its error), results are written to the workbook in the order of the files as they arrive, and
 * only light records stay in memory for the cross-year check at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultThreads, ReportPool } from '../batch/pool';
import type { FileResult } from '../core/pipeline';
import { crossYear } from '../validate';
import { parse, READERS, UsageError } from './args';
import { collectInputs, type Input } from './files';
import { printFailure } from './output';
import { Progress } from './progress';

export const HELP = `nianbao summary <文件或文件夹…> [-o output/汇总.xlsx] [--reader docx|mammoth]
  把一批年度报告汇总为一个 Excel 工作簿：每份报告一行，每个字段一列（2019、2021 两种格式并列），
  末行为合计（SUM 公式）；另有“问题清单”“跨年核对”和“无法读取”工作表。
  -o, --out  输出的 .xlsx 文件（默认 output/汇总.xlsx）
  --reader   DOCX 读取器：docx（默认）或 mammoth（参考实现）
文件夹中不能读取的文件（如 PDF、Excel、图片）逐个列入“无法读取”；空文件夹视为错误。
退出码：0 全部读取；2 有文件无法读取（已列入汇总表，其余文件照常汇总）；1 汇总表无法写入。`;

type Reader = 'docx' | 'mammoth';

/**
 * Results in the order of `inputs`, at most `ahead` read ahead of the one being written; an input
 * already known to fail (not found, an empty folder, a kind we do not read) is a row like any.
 */
async function* inOrder(inputs: readonly Input[], pool: ReportPool, reader: Reader | undefined, ahead: number): AsyncGenerator<FileResult> {
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const submit = () => {
    const { file, error } = inputs[next++];
    pending.push(error ? Promise.resolve({ ok: false, file, error }) : pool.run({ file, name: path.basename(file), options: { reader } }));
  };
  while (next < inputs.length && pending.length < ahead) submit();
  while (pending.length) {
    const result = await pending.shift()!;
    if (next < inputs.length) submit();
    yield result;
  }
}

function options(argv: string[]) {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o', default: path.join('output', '汇总.xlsx') },
    reader: { type: 'string' },
  }, { reader: READERS });
  if (!positionals.length) throw new UsageError('请指定要汇总的文件或文件夹 / give files or folders to summarise');
  if (path.extname(values.out!).toLowerCase() !== '.xlsx') throw new UsageError(`输出文件须以 .xlsx 结尾 / the output must be an .xlsx file: ${values.out}`);
  return { out: values.out!, reader: values.reader as Reader | undefined, inputs: positionals };
}

export async function run(argv: string[]): Promise<number> {
  const { out, reader, inputs } = options(argv);
  const isOut = (file: string) => path.resolve(file) === path.resolve(out);
  // A summary written earlier into a folder being summarised is our own output, not an input.
  const files = collectInputs(inputs).filter((f) => !(f.error?.code === 'UNSUPPORTED_TYPE' && isOut(f.file)));
  if (files.some((f) => isOut(f.file))) {
    throw new UsageError(`汇总表 ${out} 是输入文件之一，不会覆盖它；请用 -o 另选文件名\nthe summary ${out} is one of the inputs and will not be overwritten; choose another name with -o`);
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // Loaded here so that `nianbao --help` does not load exceljs.
  const { SummaryWriter } = require('../export/xlsx') as typeof import('../export/xlsx');
  const writer = new SummaryWriter(out);
  const progress = new Progress(files.length);
  const pool = new ReportPool({ threads: Math.min(files.filter((f) => !f.error).length || 1, defaultThreads()) });
  try {
    const add = async (result: FileResult) => {
      await writer.add(result);
      progress.tick(result.ok);
      if (!result.ok) {
        progress.clear();
        printFailure(result.error);
        progress.redraw();
      }
    };
    for await (const result of inOrder(files, pool, reader, pool.threads * 2)) await add(result);
    progress.finish();
    const stats = await writer.finish(crossYear(writer.yearRecords()));
    console.log(`汇总表：${out}（报告 ${stats.reports} 份，无法读取 ${stats.failed} 个，问题 ${stats.findings} 条，跨年配对 ${stats.pairs} 组）`);
    return stats.failed ? 2 : 0;
  } catch (err) {
    await writer.abort();
    if (err !== writer.failure) throw err;
    progress.clear();
    console.error(`✗ ${(err as Error).message}`);
    return 1;
  } finally {
    await pool.destroy();
  }
}
