/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), the tarball installed
 * without dev dependencies into an empty folder, and every command run from there. It proves that the
 * installed command needs neither tsx nor typescript and finds templates/ and the page from dist/.
 * Slow (a build and an install): about a minute.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { serveProcess } from './helpers/server';

const ROOT = path.join(__dirname, '..');
const SAMPLE = path.join(ROOT, 'samples/xinzhou-jkq-2020.docx');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/xinzhou-jkq-2020.expected.json'), 'utf8'));
const MINUTES = 60_000;

function npm(args: readonly string[], cwd: string): string {
  const r = spawnSync('npm', [...args], { cwd, encoding: 'utf8', timeout: 8 * MINUTES });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-3000)}`);
  return r.stdout;
}

/** Packs the worktree and installs the tarball, production dependencies only, into an empty folder. */
function installPacked(): string {
  const work = tempDir('nianbao-package-');
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string }[];
  const app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'clerk', version: '1.0.0', private: true }));
  npm(['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, packed[0].filename)], app);
  return app;
}

describe('the packed package installed without dev dependencies', () => {
  let app: string;
  let bin: string;
  const run = (args: readonly string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: app, encoding: 'utf8', timeout: 2 * MINUTES });

  beforeAll(() => {
    app = installPacked();
    bin = path.join(app, 'node_modules/nianbao/bin/nianbao.js');
  }, 10 * MINUTES);

  it('has neither tsx nor typescript installed, and ships no TypeScript sources', () => {
    const modules = fs.readdirSync(path.join(app, 'node_modules'));
    expect(modules.filter((m) => m === 'tsx' || m === 'typescript')).toEqual([]);
    const shipped = fs.readdirSync(path.join(app, 'node_modules/nianbao'), { recursive: true }) as string[];
    expect(shipped.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it("ships the worker thread's code as one file with a V8 code cache that this Node accepts", () => {
    const batch = path.join(app, 'node_modules/nianbao/dist/batch');
    const bundle = fs.readFileSync(path.join(batch, 'worker-bundle.js'), 'utf8');
    expect(bundle.match(/require\("\.{1,2}\/[^"]*"\)/g)).toBeNull();
    // …while the packages stay where they are, to be loaded (lazily) from node_modules.
    expect(bundle).toContain('require("exceljs")');
    const probe = `console.log(require(${JSON.stringify(path.join(batch, 'worker-start.js'))}).loadBundle().cache)`;
    const r = spawnSync(process.execPath, ['-e', probe], { cwd: app, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('used');
  });

  it('converts the sample to JSON, Excel and DOCX, the JSON holding exactly its expected fields', () => {
    const r = run(['convert', SAMPLE, '--out', 'out', '--to', 'json,xlsx,docx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(app, 'out')).sort()).toEqual([
      'xinzhou-jkq-2020.docx',
      'xinzhou-jkq-2020.json',
      'xinzhou-jkq-2020.xlsx',
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(app, 'out/xinzhou-jkq-2020.json'), 'utf8'));
    expect(json.fields).toEqual(EXPECTED.fields);
    for (const ext of ['docx', 'xlsx'])
      expect(
        fs
          .readFileSync(path.join(app, `out/xinzhou-jkq-2020.${ext}`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
  });

  it('checks the sample (warnings only: exit 0) and writes a summary workbook', () => {
    const check = run(['check', SAMPLE, '--json']);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).files[0]).toMatchObject({
      ok: true,
      agency: '忻州经济开发区',
      year: 2020,
      counts: { error: 0, warning: 5, info: 0 },
    });
    const summary = run(['summary', SAMPLE, '-o', 'out/汇总.xlsx']);
    expect(summary.status).toBe(0);
    expect(fs.readFileSync(path.join(app, 'out/汇总.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it("writes next year's template from the sample", () => {
    const r = run(['template', '--agency', '忻州经济开发区', '--year', '2021', '--from', SAMPLE, '--out', 'tpl']);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(app, 'tpl'))).toEqual(['忻州经济开发区2021年政府信息公开工作年度报告.docx']);
  });

  it('serves the page and its script from the installed package', async () => {
    const { child, url } = await serveProcess({ bin, cwd: app });
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('年报通');
      expect((await fetch(`${url}assets/app.js`)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
  });
});
