/**
 * TEXT_TABLE_MISMATCH: the totals a report states in its text (共收到政府信息公开申请 N 件, 行政复议
 * N 件…, templates/narrative.json) against its tables. Zero false alarms matter more than recall:
 * a statement is compared only when the sentence concerns this body and this year, all its figures
 * in the report agree and can be read, and it contradicts every table figure it may mean.
 */
import { getFormat, type Format } from '../formats/model';
import { loadTemplate } from '../formats/load';
import { chineseNumber, compactText } from '../text/normalise';
import type { Finding, Report } from '../report/types';
import { finding } from './catalogue';
import { fieldDef } from './names';
import { displayNumber } from '../text/display';

interface StatementSpec {
  readonly id: string;
  readonly name: string;
  readonly patterns: readonly string[];
  readonly zero: readonly string[];
  readonly where: { readonly sections: readonly number[]; readonly preamble: boolean; readonly contextWords: readonly string[] };
  readonly fields: readonly (readonly string[])[];
}

interface NarrativeFile {
  readonly number: string;
  readonly skipSentence: readonly string[];
  readonly skipClause: readonly string[];
  readonly statements: readonly StatementSpec[];
}

interface Compiled {
  readonly spec: StatementSpec;
  /** Global ('g'): a clause may state one figure twice. */
  readonly patterns: readonly RegExp[];
  readonly zero: readonly RegExp[];
}

interface Rules {
  readonly skipSentence: RegExp;
  readonly skipClause: readonly string[];
  readonly statements: readonly Compiled[];
}

let compiled: Rules | undefined;

function rules(): Rules {
  if (compiled) return compiled;
  const file = loadTemplate<NarrativeFile>('narrative.json');
  const re = (p: string, flags = 'u') => new RegExp(p.replace('{n}', file.number), flags);
  compiled = {
    skipSentence: new RegExp(file.skipSentence.join('|'), 'u'),
    skipClause: file.skipClause,
    statements: file.statements.map((spec) => ({
      spec,
      patterns: spec.patterns.map((p) => re(p, 'gu')),
      zero: spec.zero.map((p) => re(p)),
    })),
  };
  return compiled;
}

/** One figure the text states, with the sentence it stands in. */
export interface Statement {
  readonly id: string;
  /** null: the figure could not be read (makes the statement ambiguous). */
  readonly value: number | null;
  /** The sentence as printed. */
  readonly sentence: string;
}

function readFigure(text: string): number | null {
  if (/^\d/.test(text)) return Number(text.replace(/,/g, ''));
  return chineseNumber(text.replace(/两/g, '二')) ?? null;
}

/** Text of one year other than the report's makes the sentence about another year. */
function otherYear(sentence: string, year: number | null): boolean {
  const years = sentence.match(/(?:19|20)\d{2}(?=年)/g) ?? [];
  return years.some((y) => Number(y) !== year);
}

function clausesOf(sentence: string): string[] {
  const plain = sentence.replace(/\([^()]*\)|\[[^[\]]*\]/g, '');
  return plain
    .split(/[,，:：]/)
    .map((c) => c.replace(/[.．…]+$/, ''))
    .filter(Boolean);
}

function statementsIn(text: string, place: number | 'preamble', year: number | null, r: Rules): Statement[] {
  const out: Statement[] = [];
  for (const printed of text.split(/[。!?;；！？]/)) {
    const sentence = compactText(printed);
    if (!sentence || r.skipSentence.test(sentence) || otherYear(sentence, year)) continue;
    for (const clause of clausesOf(sentence)) {
      // 其中… narrows to a part: that clause and the rest of the sentence are about the part.
      if (r.skipClause.some((w) => clause.includes(w))) break;
      for (const { spec, patterns, zero } of r.statements) {
        const inPlace = place === 'preamble' ? spec.where.preamble : spec.where.sections.includes(place);
        if (!inPlace && !spec.where.contextWords.some((w) => clause.includes(w))) continue;
        for (const p of patterns) {
          for (const m of clause.matchAll(p)) {
            out.push({ id: spec.id, value: readFigure(m.groups!.n), sentence: printed.trim() });
          }
        }
        if (zero.some((z) => z.test(clause))) out.push({ id: spec.id, value: 0, sentence: printed.trim() });
      }
    }
  }
  return out;
}

/** Every statement of a figure in the preamble and the sections' paragraphs. */
export function narrativeStatements(report: Report): Statement[] {
  const r = rules();
  const year = report.meta.year;
  return [
    ...report.preamble.flatMap((t) => statementsIn(t, 'preamble', year, r)),
    ...report.sections.flatMap((s) => s.paragraphs.flatMap((t) => statementsIn(t, s.no, year, r))),
  ];
}

/** A table figure a statement may mean: its keys all read as numbers, and their sum. */
function tableFigure(format: Format, report: Report, keys: readonly string[]): number | null {
  if (!keys.every((k) => format.byKey.has(k) && typeof report.fields[k] === 'number')) return null;
  return keys.reduce((n, k) => n + (report.fields[k] as number), 0);
}

function describeFigure(format: Format, report: Report, keys: readonly string[], value: number): string {
  if (keys.length === 1) return `${fieldDef(format, keys[0]).where}为 ${displayNumber(value)}`;
  const terms = keys.map((k) => `${fieldDef(format, k).where} ${displayNumber(report.fields[k] as number)}`);
  return `${terms.join(' + ')} = ${displayNumber(value)}`;
}

function check(format: Format, report: Report, spec: StatementSpec, stated: readonly Statement[]): Finding | null {
  const values = new Set(stated.map((s) => s.value));
  if (!stated.length || values.size !== 1 || values.has(null)) return null;
  const value = stated[0].value!;
  const candidates = spec.fields
    .map((keys) => ({ keys, figure: tableFigure(format, report, keys) }))
    .filter((c): c is { keys: readonly string[]; figure: number } => c.figure !== null);
  if (!candidates.length || candidates.some((c) => Math.abs(c.figure - value) < 1e-6)) return null;
  const { keys, figure } = candidates[0];
  const quote = stated[0].sentence.length > 60 ? `${stated[0].sentence.slice(0, 60)}…` : stated[0].sentence;
  return finding(
    'TEXT_TABLE_MISMATCH',
    `正文称${spec.name} ${displayNumber(value)} 件（“${quote}”），与表格不符：${describeFigure(format, report, keys, figure)}`,
    keys,
  );
}

export function narrativeFindings(report: Report): Finding[] {
  const format = getFormat(report.meta.format);
  const statements = narrativeStatements(report);
  return rules()
    .statements.map(({ spec }) =>
      check(
        format,
        report,
        spec,
        statements.filter((s) => s.id === spec.id),
      ),
    )
    .filter((f): f is Finding => f !== null);
}
