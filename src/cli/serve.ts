/** `nianbao serve [--port 8080] [--host 127.0.0.1] [--workspace DIR]`: the drag-and-drop web page. */
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_WORKSPACE_NAME } from '../workspace/layout';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../server';
import { parse, UsageError } from './args';

export const HELP = `nianbao serve [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--workspace 文件夹]
  启动网页版：在浏览器中拖入年度报告文件，查看、核对、修改并下载 Excel / Word / JSON 与批量汇总表。
  --port  端口（默认 ${DEFAULT_PORT}；0 表示任选一个空闲端口）
  --host  监听地址（默认 ${DEFAULT_HOST}，只有本机能访问；--host 0.0.0.0 让局域网内其他电脑也能访问，
          但网页没有登录和权限控制，能访问该地址的人都能看到和修改已上传的报告）
  --workspace  工作区文件夹（默认为当前目录下的“${DEFAULT_WORKSPACE_NAME}”，不存在时自动创建）：
          上传的原始文件、读取结果和更正记录都保存在这里，停止后再次启动即可继续工作。
按 Ctrl+C 停止。`;

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`端口应为 0–65535 之间的整数 / invalid port: ${text}`);
  return port;
}

/**
 * Every request's errors are answered where they happen; this is the last line, for an error
 * no one foresaw: it is logged and the server keeps serving the other clerks' work.
 */
function keepServing(): void {
  process.on('uncaughtException', (err) =>
    console.error(`内部错误（网页版继续运行）/ internal error, still serving: ${err.stack ?? err}`),
  );
  process.on('unhandledRejection', (err) =>
    console.error(`内部错误（网页版继续运行）/ internal error, still serving: ${(err as Error)?.stack ?? err}`),
  );
}

/** IPv4 addresses other machines can use to reach this one. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    port: { type: 'string', short: 'p', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: DEFAULT_HOST },
    workspace: { type: 'string', short: 'w', default: DEFAULT_WORKSPACE_NAME },
  });
  if (positionals.length) throw new UsageError(`多余的参数 / unexpected arguments: ${positionals.join(' ')}`);
  const port = portOf(values.port!);
  let server;
  try {
    server = await startServer({ port, host: values.host!, workspace: path.resolve(values.workspace!) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? '端口已被占用，请用 --port 换一个端口 / port in use, choose another with --port'
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? '本机没有这个地址 / no such address on this machine'
          : (err as Error).message;
    console.error(`无法启动网页版（${values.host}:${values.port}，工作区 ${values.workspace}）：${why}`);
    return 1;
  }
  keepServing();
  console.log(`年报通网页版已启动：${server.url}`);
  console.log(`工作区 / workspace：${server.store.root}（已有 ${server.store.size} 个文件 / ${server.store.size} files）`);
  console.log(`Open ${server.url} in a browser. 按 Ctrl+C 停止 / press Ctrl+C to stop.`);
  if (server.host !== DEFAULT_HOST && server.host !== 'localhost') {
    for (const address of lanAddresses()) console.log(`局域网内可访问 / on the network: http://${address}:${server.port}/`);
    console.log('注意：已对局域网开放，能访问本机该端口的人都能查看、修改和删除上传的报告（没有登录，连接未加密）。');
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
