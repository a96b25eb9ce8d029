/** The `nianbao` command: dispatches to the subcommands. */
import { prestartWorker } from '../batch/pool';
import { UsageError } from './args';

interface Command {
  readonly HELP: string;
  run(argv: string[]): Promise<number>;
}

// Loaded on demand, so that a command loads only the libraries it uses (start-up time).
const COMMANDS: Record<string, () => Promise<Command>> = {
  convert: () => import('./convert'),
  summary: () => import('./summary'),
  serve: () => import('./serve'),
  template: () => import('./template'),
  check: () => import('./check'),
};

/** The commands that read files in the worker pool: their first worker starts before they load. */
const POOLED = new Set(['convert', 'check', 'summary']);

/** One line per command for `nianbao --help` (here, so that listing them loads none of them). */
const SUMMARIES: Record<keyof typeof COMMANDS, string> = {
  convert: '把年度报告转换为 JSON、Excel 或标准格式 DOCX / convert reports to JSON, Excel or DOCX',
  summary: '把一批报告汇总为一个 Excel 工作簿 / one workbook for a batch of reports',
  serve: '启动网页版（拖入文件查看、核对、下载）/ start the web page',
  template: "生成下一年度的标准格式报告模板 / write next year's report template",
  check: '核对报告并列出问题（含跨年度核对）/ check reports and list their problems',
};

const USAGE = `年报通 nianbao — 政府信息公开工作年度报告：读取、核对、导出

用法 / usage: nianbao <命令> [参数]
命令 / commands:
${Object.entries(SUMMARIES)
  .map(([c, line]) => `  ${c.padEnd(9)} ${line}`)
  .join('\n')}
nianbao <命令> --help 查看命令说明 / shows a command's options。`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 64;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`未知命令 / unknown command: ${name}\n\n${USAGE}`);
    return 64;
  }
  const help = rest.includes('--help') || rest.includes('-h');
  if (POOLED.has(name) && !help) prestartWorker();
  const command = await load();
  if (help) {
    console.log(command.HELP);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${command.HELP}`);
      return 64;
    }
    throw err;
  }
}

/** What bin/nianbao.js (and bin/nianbao-dev.js) run: the command's exit code, or 70 with the stack of an unexpected failure. */
export function runMain(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error && err.stack ? err.stack : String(err));
      process.exitCode = 70;
    },
  );
}
