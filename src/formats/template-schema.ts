/**
 * Which schema of templates/schema/ a template file answers to, and the check itself: a template
 * that does not match (a mistyped `variantz` key, a number where a list belongs) stops the program
 * with an error naming the file and the place in it, rather than being silently half-read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSchema, type Schema, type SchemaError } from './schema-check';

export const SCHEMA_DIR = path.resolve(__dirname, '../../templates/schema');

/** format-2021.json → format.schema.json, migrate-2019-to-2021.json → migrate.schema.json. */
export function schemaFileFor(templateFile: string): string {
  return `${templateFile.replace(/\.json$/, '').replace(/-\d{4}(-to-\d{4})?$/, '')}.schema.json`;
}

const schemas = new Map<string, Schema>();

function readSchema(file: string): Schema {
  let schema = schemas.get(file);
  if (schema === undefined) {
    schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Schema;
    schemas.set(file, schema);
  }
  return schema;
}

const resolved = new Map<string, { schema: Schema; file: string }>();

/** A `$ref` of a schema, looked up once (the checker follows the same few refs at every node). */
function resolve(ref: string, from: string): { schema: Schema; file: string } {
  const id = `${from}\n${ref}`;
  let target = resolved.get(id);
  if (!target) resolved.set(id, (target = lookUp(ref, from)));
  return target;
}

function lookUp(ref: string, from: string): { schema: Schema; file: string } {
  const [target, pointer = ''] = ref.split('#');
  const file = target || from;
  let node: unknown = readSchema(file);
  for (const part of pointer.split('/').filter(Boolean)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (node === undefined) throw new Error(`templates/schema/${from}: unresolved $ref ${ref}`);
  }
  return { schema: node as Schema, file };
}

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly errors: readonly SchemaError[],
  ) {
    const shown = errors.slice(0, 5);
    const more = errors.length > shown.length ? `（另有 ${errors.length - shown.length} 处）` : '';
    super(
      `模板文件 templates/${file} 不符合 templates/schema/${schemaFileFor(file)}：${shown.map((e) => `${e.path} ${e.zh}`).join('；')}${more}\n` +
        `template templates/${file} does not match its schema: ${shown.map((e) => `${e.path} ${e.en}`).join('; ')}`,
    );
    this.name = 'TemplateError';
  }
}

/**
 * Checks a loaded template ($refs resolved, $comment keys dropped); throws TemplateError when it does
 * not match. A template without a schema is not refused here (a branch may add one before its schema);
 * test/templates-schema.test.ts fails on it instead.
 */
export function checkTemplate(templateFile: string, json: unknown): void {
  const schemaFile = schemaFileFor(templateFile);
  if (!fs.existsSync(path.join(SCHEMA_DIR, schemaFile))) return;
  const errors = checkSchema(json, readSchema(schemaFile), schemaFile, resolve);
  if (errors.length) throw new TemplateError(templateFile, errors);
}
