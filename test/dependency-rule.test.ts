/**
 * The dependency rule (.dependency-cruiser.js, run by `npm run lint`) on small trees built here: it must
 * refuse an import circle, an upward import and a folder it does not place, and let a downward import by.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';

const ROOT = path.join(__dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

/** Writes `files` (path under src/ → source) into a fresh project and runs the rule over it. */
function cruise(files: Record<string, string>): { code: number | null; out: string } {
  const dir = tempDir('nianbao-layers-');
  fs.copyFileSync(path.join(ROOT, '.dependency-cruiser.js'), path.join(dir, '.dependency-cruiser.js'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'src', file)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', file), source);
  }
  const r = spawnSync(DEPCRUISE, ['src', '--config', '.dependency-cruiser.js', '--output-type', 'err'], {
    cwd: dir,
    encoding: 'utf8',
    // CI=true makes depcruise colour its report even into a pipe; the parse below wants plain text.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: r.status, out: (r.stdout + r.stderr).replace(/\u001b\[[0-9;]*m/g, '') };
}

/** Each violation as `rule: from → to` (a circle lists its whole path, one module a line). */
const violations = (out: string) =>
  [...out.matchAll(/error (\S+): ((?:\S+ →\s+)+\S+)/g)].map((m) => `${m[1]}: ${m[2].replace(/\s+/g, ' ')}`);

describe('the dependency rule', () => {
  it('lets imports point down the stages (cli → export → report → text)', () => {
    const r = cruise({
      'cli/main.ts': "import { b } from '../export/b';\nexport const a = b;\n",
      'export/b.ts': "import { c } from '../report/c';\nexport const b = c;\n",
      'report/c.ts': "import { d } from '../text/d';\nexport const c = d;\n",
      'text/d.ts': 'export const d = 1;\n',
    });
    expect(r.code).toBe(0);
  });

  it('refuses an upward import, naming both files', () => {
    const r = cruise({
      'report/edit.ts': "import { p } from '../core/pipeline';\nexport const e = p;\n",
      'core/pipeline.ts': 'export const p = 1;\n',
    });
    expect(r.code).not.toBe(0);
    expect(violations(r.out)).toEqual(['layer-report: src/report/edit.ts → src/core/pipeline.ts']);
  });

  it('refuses an import between two sibling folders of one rank (document ↔ formats)', () => {
    const r = cruise({
      'formats/f.ts': "import { d } from '../document/d';\nexport const f = d;\n",
      'document/d.ts': 'export const d = 1;\n',
    });
    expect(violations(r.out)).toEqual(['layer-document-formats: src/formats/f.ts → src/document/d.ts']);
  });

  it('refuses an import circle inside one folder', () => {
    const r = cruise({
      'validate/index.ts': "import { y } from './year';\nexport const i = y;\nexport type T = number;\n",
      'validate/year.ts': "import type { T } from './index';\nexport const y: T = 1;\n",
    });
    expect(r.code).not.toBe(0);
    expect(violations(r.out)).toEqual(['no-circular: src/validate/index.ts → src/validate/year.ts → src/validate/index.ts']);
  });

  it('refuses a folder of src/ that has no place in the layer order', () => {
    const r = cruise({
      'misc/m.ts': "import { d } from '../text/d';\nexport const m = d;\n",
      'text/d.ts': 'export const d = 1;\n',
    });
    expect(violations(r.out)).toEqual(['no-unknown-folder: src/misc/m.ts → src/text/d.ts']);
  });
});
