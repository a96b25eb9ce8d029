/**
 * Every file of templates/ is checked against its JSON Schema in templates/schema/ when loaded: a
 * mistyped key fails with the file and the place in it named. Ajv (the reference implementation,
 * a dev dependency only) must agree with the small checker we ship, on the real templates and on
 * each broken one. The format versions come from the format-*.json files present.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { loadTemplate, TEMPLATES_DIR } from '../src/formats/load';
import { checkTemplate, SCHEMA_DIR, schemaFileFor, TemplateError } from '../src/formats/template-schema';

const TEMPLATE_FILES = fs
  .readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

let reference: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  if (!reference) {
    reference = new Ajv2020({ allErrors: true, strict: true });
    for (const file of fs.readdirSync(SCHEMA_DIR))
      reference.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')));
  }
  return reference;
}

function ajvAccepts(file: string, json: unknown): boolean {
  return ajv().validate(schemaFileFor(file), json);
}

/** A deep copy of a loaded template, bent by `edit`. */
function bent<T>(file: string, edit: (json: T) => void): T {
  const json = structuredClone(loadTemplate<T>(file));
  edit(json);
  return json;
}

function checkError(file: string, json: unknown): string {
  try {
    checkTemplate(file, json);
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  return 'no error';
}

type Json = Record<string, unknown> & { tables: { columns: Record<string, unknown>[]; rows: Record<string, unknown>[] }[] };

describe('templates checked against their schemas', () => {
  it('has a schema for every JSON file of templates/ (a new template needs one)', () => {
    expect(TEMPLATE_FILES).toEqual(
      expect.arrayContaining([
        'blank-report.json',
        'common.json',
        'docx-symbols.json',
        'format-2019.json',
        'format-2021.json',
        'migrate-2019-to-2021.json',
        'narrative.json',
        'page-style.json',
        'rules.json',
        'sections.json',
        'web-page.json',
        'xlsx-style.json',
      ]),
    );
    const missing = TEMPLATE_FILES.filter((f) => !fs.existsSync(path.join(SCHEMA_DIR, schemaFileFor(f))));
    expect(missing).toEqual([]);
  });

  it.each(TEMPLATE_FILES)('loads %s: it matches its schema, and Ajv agrees', (file) => {
    const json = loadTemplate<unknown>(file);
    expect(checkError(file, json)).toBe('no error');
    expect(ajvAccepts(file, json)).toBe(true);
  });

  it('refuses a mistyped "variantz" key in a row of format-2021.json, naming the file and the place', () => {
    const json = bent<Json>('format-2021.json', (j) => {
      j.tables[0].rows[1].variantz = j.tables[0].rows[1].variants;
    });
    expect(checkError('format-2021.json', json)).toBe(
      '模板文件 templates/format-2021.json 不符合 templates/schema/format.schema.json：/tables/0/rows/1/variantz 不允许的键 "variantz"（拼写有误？）\n' +
        'template templates/format-2021.json does not match its schema: /tables/0/rows/1/variantz key "variantz" is not allowed (misspelt?)',
    );
    expect(ajvAccepts('format-2021.json', json)).toBe(false);
  });

  it.each([
    [
      'a label where a list of variants belongs',
      'format-2019.json',
      (j: Json) => {
        j.tables[0].columns[0].variants = '信息内容';
      },
      '/tables/0/columns/0/variants 应为 array，实为 string',
    ],
    [
      'a unit that is not one of 件/项/万元',
      'format-2021.json',
      (j: Json) => {
        j.tables[0].columns[0].unit = '个';
      },
      '/tables/0/columns/0/unit 值 "个" 不在允许的值（"件", "项", "万元"）之中',
    ],
    [
      'a table without its title',
      'format-2021.json',
      (j: Json) => {
        delete (j.tables[1] as Record<string, unknown>).title;
      },
      '/tables/1 缺少键 "title"',
    ],
    [
      'a sum over both the columns and the rows of a table',
      'format-2021.json',
      (j: Json) => {
        (j.sums as { over: Record<string, string> }[])[0].over.rowsOf = 't3';
      },
      '/sums/0/over/rowsOf 不允许的键 "rowsOf"（拼写有误？）',
    ],
  ])('refuses %s (%s) with the place named, and Ajv agrees', (_what, file, edit, expected) => {
    const json = bent<Json>(file, edit);
    expect(checkError(file, json)).toContain(`不符合 templates/schema/format.schema.json：${expected}`);
    expect(ajvAccepts(file, json)).toBe(false);
  });

  it.each([
    [
      'rules.json',
      (j: Record<string, { severity: string }[]>) => {
        j.rules[0].severity = 'fatal';
      },
      '/rules/0/severity 值 "fatal"',
    ],
    [
      'xlsx-style.json',
      (j: Record<string, unknown>) => {
        j.headerFil = j.headerFill;
        delete j.headerFill;
      },
      '/ 缺少键 "headerFill"',
    ],
    [
      'sections.json',
      (j: Record<string, { keyword?: unknown }[]>) => {
        j.sections[2].keyword = [];
      },
      '/sections/2/keyword 不允许的键 "keyword"',
    ],
    [
      'docx-symbols.json',
      (j: Record<string, Record<string, Record<string, string>>>) => {
        j.fonts.Symbol.b4 = '×';
      },
      '/fonts/Symbol/b4 键名 "b4" 不合要求',
    ],
  ] as const)('refuses a broken %s with the place named, and Ajv agrees', (file, edit, expected) => {
    const json = bent<never>(file, edit as (j: never) => void);
    expect(checkError(file, json)).toContain(`：${expected}`);
    expect(ajvAccepts(file, json)).toBe(false);
  });
});

/** A copy of templates/ in a temporary folder, changed by `change`, loaded by fresh modules through NIANBAO_TEMPLATES. */
async function withTemplates<T>(change: (dir: string) => void, use: () => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-templates-'));
  fs.cpSync(TEMPLATES_DIR, dir, { recursive: true });
  change(dir);
  process.env.NIANBAO_TEMPLATES = dir;
  try {
    let result: T | undefined;
    await jest.isolateModulesAsync(async () => {
      result = await use();
    });
    return result as T;
  } finally {
    delete process.env.NIANBAO_TEMPLATES;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

describe('templates as files', () => {
  it('stops at a mistyped key in common.json with common.json named (not the format that refers to it)', async () => {
    const message = await withTemplates(
      (dir) =>
        editJson(path.join(dir, 'common.json'), (j) => {
          (j.t3Corner as Record<string, unknown>).variantz = ['信息内容'];
        }),
      async () => {
        const { getFormat } = await import('../src/formats/model');
        try {
          getFormat('2021');
          return 'loaded';
        } catch (e) {
          return (e as Error).message;
        }
      },
    );
    expect(message.split('\n')[0]).toBe(
      '模板文件 templates/common.json 不符合 templates/schema/common.schema.json：/t3Corner/variantz 不允许的键 "variantz"（拼写有误？）',
    );
  });

  it('lists a third format from its format-2027.json alone, and gives it the reports of its years', async () => {
    const seen = await withTemplates(
      (dir) => {
        editJson(path.join(dir, 'format-2021.json'), (j) => {
          j.years = { from: 2021, to: 2026 };
        });
        fs.copyFileSync(path.join(dir, 'format-2021.json'), path.join(dir, 'format-2027.json'));
        editJson(path.join(dir, 'format-2027.json'), (j) => {
          j.version = '2027';
          j.notice = '国办公开办函〔2027〕1号';
          j.years = { from: 2027 };
        });
      },
      async () => {
        const { FORMAT_VERSIONS, formatForYear, getFormat, isFormatVersion } = await import('../src/formats/model');
        const { pageConfig } = await import('../src/server/page-data');
        return {
          versions: FORMAT_VERSIONS,
          years: [2018, 2020, 2026, 2027, 2030].map(formatForYear),
          notice: getFormat('2027').spec.notice,
          known: ['2027', '2028'].map(isFormatVersion),
          page: Object.keys(pageConfig().formats),
        };
      },
    );
    expect(seen).toEqual({
      versions: ['2019', '2021', '2027'],
      years: ['2019', '2019', '2021', '2027', '2027'],
      notice: '国办公开办函〔2027〕1号',
      known: [true, false],
      page: ['2019', '2021', '2027'],
    });
  });
});
