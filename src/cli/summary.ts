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
import { readRosterFile, RosterError, type Roster } from '../roster';
import { crossYear } from '../validate';
import { parse, READERS, UsageError } from './args';
import { collectInputs, type Input } from './files';
import { printFailure } from './output';
import { Progress } from './progress';

export const HELP = `nianbao summary <文件或文件夹…> [-o output/汇总.xlsx] [--roster 名单.xlsx] [--title 标题] [--compiler 编制单位]
  把一批年度报告汇总为一个可打印的 Excel 工作簿：报送情况（按名单逐个单位列出已报送/未报送/逾期/
  有错误/已更正）、汇总表（表二、表三、表四的官方样式，数值为各单位合计，同一单位同一年度只计一份）、
  问题清单、明细（每份报告一行，每种格式一张表），以及跨年核对和无法读取。
  -o, --out    输出的 .xlsx 文件（默认 output/汇总.xlsx）
  --roster     应报送单位名单（.xlsx 或 .csv，第一张表，含“单位名称”列，可有“类别”“应报送日期”列）
  --title      工作簿标题，如“某某县2024年度政府信息公开工作年度报告汇总表”
  --compiler   编制单位（印在每张表的标题下方）
  --reader     DOCX 读取器：docx（默认）或 mammoth（参考实现）
文件夹中不能读取的文件（如图片、压缩包）逐个列入“无法读取”；空文件夹视为错误。
退出码：0 全部读取；2 有文件无法读取（已列入汇总表，其余文件照常汇总）；1 汇总表或名单无法使用。`;

type Reader = 'docx' | 'mammoth';

/**
 * Results in the order of `inputs`, at most `ahead` read ahead of the one being written; an input
 * already known to fail (not found, an empty folder, a kind we do not read) is a row like any.
 */
async function* inOrder(
  inputs: readonly Input[],
  pool: ReportPool,
  reader: Reader | undefined,
  ahead: number,
): AsyncGenerator<FileResult> {
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const submit = () => {
    const { file, error } = inputs[next++];
    pending.push(
      error ? Promise.resolve({ ok: false, file, error }) : pool.run({ file, name: path.basename(file), options: { reader } }),
    );
  };
  while (next < inputs.length && pending.length < ahead) submit();
  while (pending.length) {
    const result = await pending.shift()!;
    if (next < inputs.length) submit();
    yield result;
  }
}

function options(argv: string[]) {
  const { values, positionals } = parse(
    argv,
    {
      out: { type: 'string', short: 'o', default: path.join('output', '汇总.xlsx') },
      reader: { type: 'string' },
      roster: { type: 'string' },
      title: { type: 'string' },
      compiler: { type: 'string' },
    },
    { reader: READERS },
  );
  if (!positionals.length) throw new UsageError('请指定要汇总的文件或文件夹 / give files or folders to summarise');
  if (path.extname(values.out!).toLowerCase() !== '.xlsx')
    throw new UsageError(`输出文件须以 .xlsx 结尾 / the output must be an .xlsx file: ${values.out}`);
  const head = { title: values.title, compiler: values.compiler };
  return { out: values.out!, reader: values.reader as Reader | undefined, inputs: positionals, roster: values.roster, head };
}

/** The roster named by --roster, read before any report so that a bad roster stops at once. */
async function loadRoster(file: string | undefined): Promise<Roster | undefined | null> {
  if (!file) return undefined;
  try {
    return await readRosterFile(file);
  } catch (err) {
    if (!(err instanceof RosterError)) throw err;
    console.error(`✗ ${err.message}`);
    return null;
  }
}

export async function run(argv: string[]): Promise<number> {
  const { out, reader, inputs, head, roster: rosterFile } = options(argv);
  const roster = await loadRoster(rosterFile);
  if (roster === null) return 1;
  const isOut = (file: string) => path.resolve(file) === path.resolve(out);
  // A summary written earlier into a folder being summarised is our own output, not an input.
  const files = collectInputs(inputs).filter((f) => !(f.error?.code === 'UNSUPPORTED_TYPE' && isOut(f.file)));
  if (files.some((f) => isOut(f.file))) {
    throw new UsageError(
      `汇总表 ${out} 是输入文件之一，不会覆盖它；请用 -o 另选文件名\nthe summary ${out} is one of the inputs and will not be overwritten; choose another name with -o`,
    );
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // Loaded here so that `nianbao --help` does not load exceljs.
  const { SummaryWriter } = await import('../export/xlsx');
  const writer = new SummaryWriter(out, { ...head, roster });
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
    const absent = stats.absent === null ? '' : `，名单中未报送 ${stats.absent} 个单位`;
    console.log(
      `汇总表：${out}（报告 ${stats.reports} 份，计入汇总 ${stats.counted} 份，无法读取 ${stats.failed} 个，问题 ${stats.findings} 条，跨年配对 ${stats.pairs} 组${absent}）`,
    );
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
