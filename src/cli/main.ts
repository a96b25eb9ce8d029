/** The `nianbao` command: dispatches to the subcommands. */
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

const USAGE = `年报通 nianbao — 政府信息公开工作年度报告：读取、核对、导出

用法 / usage: nianbao <命令> [参数]
命令：
${Object.keys(COMMANDS).map((c) => `  ${c}`).join('\n')}
nianbao <命令> --help 查看命令说明。`;

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
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
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
