/** `nianbao check <files or folders…> [--json] [--reader docx|mammoth]`: every rule, per file and across years. */
import * as path from 'node:path';
import type { FileError } from '../core/pipeline';
import { countBySeverity, SEVERITIES } from '../report/findings';
import type { Finding, Report, Severity } from '../report/types';
import { crossYear, ruleInfo, yearRecord, type CrossYearResult, type YearRecord } from '../validate';
import { parse, READERS, UsageError } from './args';
import { jobsOption, runBatch, type BatchRun } from './batch-run';
import { collectInputs } from './files';
import { InOrder } from './in-order';
import { failureLines } from './output';

export const HELP = `nianbao check <文件或文件夹…> [--json] [--errors-only] [--reader docx|mammoth] [--jobs N]
  核对年度报告：按给出的顺序逐份列出发现的问题（按 错误 / 警告 / 提示 分组，指明表格的行和列），
  并把同一机关相邻年度的报告配对，核对上年结转、现行有效件数和异常变化。
  --json    以 JSON 输出，供程序读取
  --errors-only  只列出“错误”级别的问题（没有错误的报告不列出；无法读取的文件照常列出）
  --reader  DOCX 读取器：docx（默认）或 mammoth（参考实现）
  --jobs N  同时处理的文件数（默认为 CPU 核数）；在终端中运行时显示进度条，否则每隔几秒输出一行进度
退出码：0 没有“错误”级别的问题；1 有“错误”级别的问题（含跨年度核对）；
        2 有文件无法读取（优先于 1，其余文件照常核对）。`;

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

interface Checked {
  readonly file: string;
  readonly report: Pick<Report, 'meta' | 'source'>;
  readonly issues: readonly Finding[];
}

type Outcome =
  | { readonly ok: true; readonly checked: Checked; readonly record: YearRecord }
  | { readonly ok: false; readonly error: FileError };

interface Batch {
  /** Every input in the order given. */
  readonly outcomes: Outcome[];
  readonly checked: Checked[];
  readonly failed: FileError[];
  readonly records: YearRecord[];
}

function countText(issues: readonly Finding[]): string {
  const c = countBySeverity(issues);
  return SEVERITIES.map((s) => `${SEVERITY_LABEL[s]} ${c[s]}`).join(' · ');
}

function findingLine(f: Finding): string {
  const title = ruleInfo(f.rule)?.title;
  return `    · ${title ? `[${title}] ` : ''}${f.message}`;
}

function groupedLines(issues: readonly Finding[]): string[] {
  if (!issues.length) return ['  ✓ 没有发现问题'];
  const lines: string[] = [];
  for (const s of SEVERITIES) {
    const mine = issues.filter((f) => f.severity === s);
    if (mine.length) lines.push(`  ${SEVERITY_LABEL[s]}（${mine.length}）`, ...mine.map(findingLine));
  }
  return lines;
}

function fileBlock(c: Checked): string {
  const { meta } = c.report;
  const who = `${meta.agency ?? '（未识别机关）'} · ${meta.year ?? '?'}年度 · ${meta.format}版格式`;
  return [`━━ ${c.file}`, `   ${who} · ${countText(c.issues)}`, ...groupedLines(c.issues)].join('\n');
}

function crossYearBlock(result: CrossYearResult): string {
  const lines = ['━━ 跨年度核对（同一机关相邻年度的报告）'];
  if (!result.pairs.length) lines.push('  本批文件中没有同一机关相邻年度的报告，未配对。');
  else lines.push(`  配对 ${result.pairs.length} 组：`);
  for (const p of result.pairs) {
    lines.push(
      `  ${p.later.agency ?? p.agencyKey}：${p.earlier.year}年 ${p.earlier.file} → ${p.later.year}年 ${p.later.file}（${countText(p.findings)}）`,
    );
    lines.push(...p.findings.map((f) => `  ${findingLine(f).replace('·', `${SEVERITY_LABEL[f.severity]} ·`)}`));
  }
  if (result.unpaired.length) {
    lines.push('  未能配对：');
    lines.push(...result.unpaired.map((u) => `    · ${u.file}（${u.agency ?? '?'} ${u.year ?? '?'}年）：${u.note}`));
  }
  return lines.join('\n');
}

function summary(batch: Batch, result: CrossYearResult): string {
  const withErrors = batch.checked.filter(
    (c) => countBySeverity([...c.issues, ...(result.findings.get(c.file) ?? [])]).error > 0,
  ).length;
  return (
    `共 ${batch.checked.length + batch.failed.length} 个文件：已核对 ${batch.checked.length}（有错误 ${withErrors} 份），` +
    `无法读取 ${batch.failed.length}；跨年度配对 ${result.pairs.length} 组。`
  );
}

function errorsIn(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

function onlyErrors(c: Checked): Checked {
  return { ...c, issues: errorsIn(c.issues) };
}

function onlyErrorPairs(result: CrossYearResult): CrossYearResult {
  return { ...result, pairs: result.pairs.map((p) => ({ ...p, findings: errorsIn(p.findings) })) };
}

function jsonOutput(batch: Batch, result: CrossYearResult, errorsOnly: boolean): string {
  const shown = (findings: readonly Finding[]) => (errorsOnly ? errorsIn(findings) : findings);
  const issue = (f: Finding) => ({ ...f, title: ruleInfo(f.rule)?.title ?? null });
  return JSON.stringify(
    {
      files: batch.outcomes.map((o) =>
        o.ok
          ? {
              file: o.checked.file,
              ok: true,
              agency: o.checked.report.meta.agency,
              year: o.checked.report.meta.year,
              format: o.checked.report.meta.format,
              counts: countBySeverity(o.checked.issues),
              issues: shown(o.checked.issues).map(issue),
              crossYear: shown(result.findings.get(o.checked.file) ?? []).map(issue),
            }
          : { file: o.error.file, ok: false, error: o.error },
      ),
      crossYear: {
        pairs: result.pairs.map((p) => ({ ...p, findings: shown(p.findings).map(issue) })),
        unpaired: result.unpaired,
      },
      summary: {
        files: batch.checked.length + batch.failed.length,
        checked: batch.checked.length,
        unreadable: batch.failed.length,
        pairs: result.pairs.length,
        ...countBySeverity([...batch.checked.flatMap((c) => c.issues), ...result.pairs.flatMap((p) => p.findings)]),
      },
    },
    null,
    2,
  );
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  'errors-only': { type: 'boolean', default: false },
  reader: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, { reader: READERS });
  if (!positionals.length) throw new UsageError('请指定要核对的文件或文件夹 / give files or folders to check');
  const pool = jobsOption(values.jobs);
  const errorsOnly = values['errors-only'];
  const inputs = collectInputs(positionals);
  const batch: Batch = { outcomes: [], checked: [], failed: [], records: [] };
  const options = { reader: values.reader as 'docx' | 'mammoth' | undefined };
  // Prints above the progress bar; runBatch hands it over with every result.
  let say: BatchRun['say'] = () => undefined;
  // Files finish in any order; both the text and the JSON list them in the order given.
  const inOrder = new InOrder<Outcome>((outcome) => {
    batch.outcomes.push(outcome);
    if (!outcome.ok) {
      batch.failed.push(outcome.error);
      if (!values.json) say(failureLines(outcome.error), 'err');
      return;
    }
    batch.checked.push(outcome.checked);
    batch.records.push(outcome.record);
    const shown = errorsOnly ? onlyErrors(outcome.checked) : outcome.checked;
    if (!values.json && (!errorsOnly || shown.issues.length)) say(`${fileBlock(shown)}\n`);
  });
  await runBatch(
    inputs,
    (file) => ({ file, name: path.basename(file), options }),
    (result, index, run) => {
      say = run.say;
      if (!result.ok) return inOrder.add(index, { ok: false, error: result.error });
      const { report } = result;
      const checked = { file: result.file, report: { meta: report.meta, source: report.source }, issues: report.issues };
      inOrder.add(index, { ok: true, checked, record: yearRecord(report, result.file) });
    },
    pool,
  );
  const cross = crossYear(batch.records);
  if (values.json) console.log(jsonOutput(batch, cross, errorsOnly));
  else console.log(`${crossYearBlock(errorsOnly ? onlyErrorPairs(cross) : cross)}\n\n${summary(batch, cross)}`);
  if (batch.failed.length) return 2;
  const errors = [...batch.checked.flatMap((c) => c.issues), ...cross.pairs.flatMap((p) => p.findings)];
  return errors.some((f) => f.severity === 'error') ? 1 : 0;
}
