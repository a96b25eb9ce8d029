/** `nianbao serve` as a user starts it: prints the URL, serves the page, stops cleanly on Ctrl+C. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './helpers/cli';
import { serveProcess } from './helpers/server';

describe('nianbao serve on the command line', () => {
  it('prints the URL it serves on and the workspace it made in the current folder, answers there, and stops cleanly on SIGINT', async () => {
    const cwd = tempDir();
    const { child, url, output } = await serveProcess({ cwd });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('年报通');
    const workspace = path.join(fs.realpathSync(cwd), '年报通工作区');
    expect(output()).toContain(`工作区 / workspace：${workspace}（已有 0 个文件`);
    expect(fs.readdirSync(workspace).sort()).toEqual(['README.txt', 'originals', 'reports']);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('refuses a port that is not a number, with the usage', () => {
    const r = runCli(['serve', '--port', '八零八零']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('端口应为 0–65535 之间的整数');
    expect(r.stderr).toContain('nianbao serve [--port 8080]');
  });

  it('says so when the port is taken', async () => {
    const cwd = tempDir();
    const first = await serveProcess({ cwd });
    try {
      const port = new URL(first.url).port;
      const second = runCli(['serve', '--port', port], cwd);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('端口已被占用');
    } finally {
      first.child.kill('SIGINT');
    }
  });
});
