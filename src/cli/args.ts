/**
 * Argument parsing shared by the commands (node:util parseArgs, no dependency). Each command
 * declares its options in one table; `choices` there lists the values an option accepts. Every
 * mistake (an unknown option, a missing value, a value not among the choices) is told in Chinese
 * and English together with what is expected.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values a string option accepts, by option name. */
export type Choices<T extends Options> = Partial<Record<keyof T, readonly string[]>>;

/** The DOCX readers, for the --reader option of every command that reads reports. */
export const READERS = ['docx', 'mammoth'] as const;

function optionList(options: Options): string {
  return Object.entries(options)
    .map(([name, o]) => `--${name}${o.short ? ` (-${o.short})` : ''}`)
    .join(', ');
}

/** The option a parseArgs message quotes ('--foo', '-x', '-o, --out <value>'): its long name when there is one. */
function quoted(message: string): string {
  const q = /'([^']+)'/.exec(message)?.[1] ?? '';
  return /--[\w-]+/.exec(q)?.[0] ?? /-\w/.exec(q)?.[0] ?? message;
}

function translate(err: Error & { code?: string }, options: Options): UsageError {
  const option = quoted(err.message);
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(
        `未知参数 ${option}；可用的参数：${optionList(options)}\nunknown option ${option}; valid options: ${optionList(options)}`,
      );
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = option.replace(/^-+/, '');
      const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
      return spec?.type === 'boolean'
        ? new UsageError(`参数 ${option} 不带值 / ${option} takes no value`)
        : new UsageError(`参数 ${option} 需要一个值 / ${option} needs a value`);
    }
    default:
      return new UsageError(`参数有误 / invalid arguments: ${err.message}`);
  }
}

function checkChoices(values: Record<string, unknown>, choices: Record<string, readonly string[] | undefined>): void {
  for (const [name, allowed] of Object.entries(choices)) {
    const value = values[name];
    if (allowed && typeof value === 'string' && !allowed.includes(value)) {
      throw new UsageError(
        `--${name} 应为 ${allowed.join('、')} 之一，而不是“${value}”\n--${name} must be one of ${allowed.join(', ')} (got "${value}")`,
      );
    }
  }
}

export function parse<T extends Options>(argv: string[], options: T, choices: Choices<T> = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw translate(err as Error & { code?: string }, options);
  }
  checkChoices(parsed.values as Record<string, unknown>, choices as Record<string, readonly string[] | undefined>);
  return parsed;
}
