/**
 * A small JSON Schema checker for the schemas of templates/schema/. It knows only the keywords those
 * schemas use, and refuses a schema that uses any other, so a schema never silently checks less than
 * it says. Ajv would do the same job but costs ~0.2 s to load and more to compile on a cold start,
 * where a single-file convert has 0.3 s in all; a test checks with Ajv that both agree.
 */

export type Schema = boolean | { readonly [keyword: string]: unknown };

/** Looks up a `$ref` ("other.schema.json#/$defs/x" or "#/$defs/x") relative to the schema it is in. */
export type SchemaResolver = (ref: string, from: string) => { schema: Schema; file: string };

export interface SchemaError {
  /** JSON pointer into the checked document. */
  readonly path: string;
  readonly zh: string;
  readonly en: string;
}

const KNOWN = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'title',
  'description',
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'minimum',
  'maximum',
  'pattern',
  'minLength',
  'oneOf',
  'anyOf',
]);

const patternCache = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) patternCache.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Characters as JSON Schema counts them (code points), counted only as far as `enough`. */
function codePoints(text: string, enough: number): number {
  if (text.length >= 2 * enough) return text.length;
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) n++; // a high surrogate starts a pair that is one character
  }
  return n;
}

/**
 * Where the checker is in the document: built as it goes down, written out as a JSON pointer only
 * for an error (escaping every key on the way down cost more than the rest of a cold check).
 */
class Place {
  constructor(
    private readonly parent: Place | undefined,
    private readonly key: string | number,
  ) {}

  toString(): string {
    if (!this.parent) return '';
    return `${this.parent.toString()}/${String(this.key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
}

const ROOT = new Place(undefined, '');

/** Schemas whose keywords have been checked against KNOWN: each once, not at every node it checks. */
const vetted = new WeakSet<object>();

function vet(schema: { readonly [keyword: string]: unknown }, file: string): void {
  if (vetted.has(schema)) return;
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN.has(keyword)) throw new Error(`templates/schema/${file}: keyword ${keyword} is not supported by the checker`);
  }
  vetted.add(schema);
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

class Checker {
  readonly errors: SchemaError[] = [];

  constructor(private readonly resolve: SchemaResolver) {}

  check(value: unknown, schema: Schema, file: string, path: Place): void {
    if (schema === true) return;
    if (schema === false) return this.fail(path, '不允许出现', 'is not allowed');
    vet(schema, file);
    if (typeof schema.$ref === 'string') {
      const target = this.resolve(schema.$ref, file);
      this.check(value, target.schema, target.file, path);
    }
    if (!this.checkType(value, schema, path)) return;
    this.checkValue(value, schema, path);
    if (Array.isArray(value)) this.checkArray(value, schema, file, path);
    else if (typeOf(value) === 'object') this.checkObject(value as Record<string, unknown>, schema, file, path);
    this.checkAlternatives(value, schema, file, path);
  }

  private checkType(value: unknown, schema: { readonly [k: string]: unknown }, path: Place): boolean {
    if (schema.type === undefined) return true;
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
    if (types.some((t) => hasType(value, t))) return true;
    this.fail(path, `应为 ${types.join('/')}，实为 ${typeOf(value)}`, `must be ${types.join('/')}, is ${typeOf(value)}`);
    return false;
  }

  private checkValue(value: unknown, schema: { readonly [k: string]: unknown }, path: Place): void {
    // The value is only written out for a message: stringifying every node on the way down would
    // cost more than the whole check.
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      const allowed = schema.enum.map((v) => JSON.stringify(v)).join(', ');
      this.fail(
        path,
        `值 ${JSON.stringify(value)} 不在允许的值（${allowed}）之中`,
        `value ${JSON.stringify(value)} is not one of ${allowed}`,
      );
    }
    if ('const' in schema && schema.const !== value)
      this.fail(path, `应为 ${JSON.stringify(schema.const)}`, `must be ${JSON.stringify(schema.const)}`);
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum)
        this.fail(path, `不应小于 ${schema.minimum}`, `must be >= ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && value > schema.maximum)
        this.fail(path, `不应大于 ${schema.maximum}`, `must be <= ${schema.maximum}`);
    }
    if (typeof value === 'string') {
      if (typeof schema.minLength === 'number' && codePoints(value, schema.minLength) < schema.minLength) {
        this.fail(path, `至少 ${schema.minLength} 个字符`, `must have at least ${schema.minLength} characters`);
      }
      if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(value))
        this.fail(
          path,
          `${JSON.stringify(value)} 不符合 ${schema.pattern}`,
          `${JSON.stringify(value)} does not match ${schema.pattern}`,
        );
    }
  }

  private checkArray(value: readonly unknown[], schema: { readonly [k: string]: unknown }, file: string, path: Place): void {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      this.fail(path, `至少 ${schema.minItems} 项`, `must have at least ${schema.minItems} items`);
    if (schema.items !== undefined)
      value.forEach((item, i) => this.check(item, schema.items as Schema, file, new Place(path, i)));
  }

  private checkObject(
    value: Record<string, unknown>,
    schema: { readonly [k: string]: unknown },
    file: string,
    path: Place,
  ): void {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in value)) this.fail(path, `缺少键 "${key}"`, `key "${key}" is missing`);
    }
    for (const [key, item] of Object.entries(value)) {
      const at = new Place(path, key);
      if (schema.propertyNames !== undefined) this.checkName(key, schema.propertyNames as Schema, file, at);
      if (key in properties) this.check(item, properties[key], file, at);
      else if (schema.additionalProperties === false)
        this.fail(at, `不允许的键 "${key}"（拼写有误？）`, `key "${key}" is not allowed (misspelt?)`);
      else if (schema.additionalProperties !== undefined) this.check(item, schema.additionalProperties as Schema, file, at);
    }
  }

  private checkName(key: string, schema: Schema, file: string, path: Place): void {
    const inner = new Checker(this.resolve);
    inner.check(key, schema, file, path);
    if (inner.errors.length) this.fail(path, `键名 "${key}" 不合要求`, `key name "${key}" is not allowed`);
  }

  /** oneOf/anyOf: the error of the closest alternative (fewest errors) is the useful one. */
  private checkAlternatives(value: unknown, schema: { readonly [k: string]: unknown }, file: string, path: Place): void {
    if (schema.oneOf === undefined && schema.anyOf === undefined) return;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const options = schema[keyword];
      if (!Array.isArray(options)) continue;
      const results = options.map((option: Schema) => {
        const inner = new Checker(this.resolve);
        inner.check(value, option, file, path);
        return inner.errors;
      });
      const passed = results.filter((errors) => !errors.length).length;
      if (passed === 0) this.errors.push(...results.reduce((best, errors) => (errors.length < best.length ? errors : best)));
      else if (keyword === 'oneOf' && passed > 1)
        this.fail(path, '同时符合多种写法，含义不明', 'matches more than one alternative');
    }
  }

  private fail(path: Place, zh: string, en: string): void {
    this.errors.push({ path: path.toString() || '/', zh, en });
  }
}

/** Every way `value` departs from `schema` (empty when it matches). */
export function checkSchema(value: unknown, schema: Schema, file: string, resolve: SchemaResolver): SchemaError[] {
  const checker = new Checker(resolve);
  checker.check(value, schema, file, ROOT);
  return checker.errors;
}
