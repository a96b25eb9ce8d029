/**
 * Next year's report, started for the author: a blank Report of the format that year must use,
 * with agency, year, title and the standard preamble (templates/blank-report.json), and — given
 * last year's report — the cross-year carries of the format description (`carry`: this year's
 * 上年结转 = last year's 结转下年度, this year's 现行有效件数 starts from last year's) filled in, and
 * last year's sub-headings under each section.
 */
import { loadTemplate } from '../formats/load';
import { carryItems, formatForYear, getFormat } from '../formats/model';
import type { FormatVersion } from '../formats/types';
import { stripNumbering } from '../formats/labels';
import { sectionText } from './section-text';
import type { FieldCell, FieldValue, HeadingBlock, Report, Section } from './types';

interface BlankText {
  readonly title: string;
  readonly preamble: readonly string[];
  readonly preamblePrompt: string;
}

export function blankText(): BlankText {
  return loadTemplate<BlankText>('blank-report.json');
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** `{agency}{year}年政府信息公开工作年度报告`, the title the TITLE rule expects. */
export function officialTitle(agency: string | null, year: number | null): string {
  // An unknown year leaves out 年 with it, not a bare 年.
  const template = year === null ? blankText().title.replace('{year}年', '') : blankText().title;
  return fill(template, { agency: agency ?? '', year: String(year) });
}

function preamble(version: FormatVersion, agency: string, year: number): string[] {
  const spec = getFormat(version).spec;
  const sections = spec.sections.map((s) => stripNumbering(s.heading)).join('、');
  return blankText().preamble.map((t) => fill(t, { agency, year: String(year), notice: spec.notice, sections }));
}

/** A report with nothing in it but who, when and the standard text, in the format of its year. */
export function blankReport(agency: string, year: number): Report {
  const version = formatForYear(year);
  const format = getFormat(version);
  const title = officialTitle(agency, year);
  const fields: Record<string, FieldValue> = {};
  const cells: Record<string, FieldCell> = {};
  for (const f of format.fields) {
    fields[f.key] = null;
    if (f.part !== 'meta') cells[f.key] = { raw: '', status: 'missing' };
  }
  Object.assign(fields, {
    'meta.title': title,
    'meta.agency': agency,
    'meta.issuer': agency,
    'meta.year': year,
    'meta.format': version,
  });
  const sections: Section[] = format.spec.sections.map((s) => ({
    no: s.no,
    id: s.id,
    official: s.heading,
    heading: s.heading,
    paragraphs: [],
    blocks: [],
  }));
  return {
    source: { file: '', name: `${title}.docx`, size: 0, reader: 'template' },
    meta: { title, agency, issuer: agency, year, format: version, publishDate: null },
    fields,
    cells,
    preamble: preamble(version, agency, year),
    sections,
    tables: [],
    diagnostics: [],
    issues: [],
  };
}

export interface CarriedField {
  readonly from: string;
  readonly to: string;
  readonly value: number;
  /** The cell, the way this year's table names it. */
  readonly where: string;
  /** Last year's cell was blank or a placeholder: carried as 0, which blank counts as (RULES.md). */
  readonly fromBlank: boolean;
}

export interface CarryGap {
  readonly to: string;
  readonly where: string;
  /** Why nothing was carried (in Chinese, for the author). */
  readonly reason: string;
}

export interface CarryResult {
  readonly report: Report;
  readonly carried: readonly CarriedField[];
  readonly gaps: readonly CarryGap[];
}

/**
 * Fills this year's `to` fields from last year's `from` fields, for every carry of this year's
 * format. The starting point only: this year's additions (本年制发, 本年废止) are for the author.
 */
export function carryForward(last: Report, next: Report): CarryResult {
  const lastFormat = getFormat(last.meta.format);
  const format = getFormat(next.meta.format);
  const fields: Record<string, FieldValue> = { ...next.fields };
  const cells: Record<string, FieldCell> = { ...next.cells };
  const carried: CarriedField[] = [];
  const gaps: CarryGap[] = [];
  for (const carry of format.spec.carry) {
    for (const { from, to } of carryItems(lastFormat, format, carry)) {
      if (!to) continue;
      const where = format.byKey.get(to)!.where;
      if (from === undefined) {
        gaps.push({ to, where, reason: `上年报告为${lastFormat.version}年格式，没有对应栏目` });
        continue;
      }
      const status = last.cells[from]?.status;
      const fromBlank = status === 'blank' || status === 'placeholder';
      const value = fromBlank ? 0 : last.fields[from];
      if (typeof value !== 'number') {
        gaps.push({ to, where, reason: `上年报告${lastFormat.byKey.get(from)!.where}没有读到数字` });
        continue;
      }
      fields[to] = value;
      cells[to] = { raw: String(value), status: 'number' };
      carried.push({ from, to, value, where, fromBlank });
    }
  }
  return { report: { ...next, fields, cells, sections: outlineFrom(last, next) }, carried, gaps };
}

/**
 * Next year's sections with last year's sub-headings (（一）主动公开情况…) under each, without their
 * text: the outline the author wrote last year, to be filled again.
 */
function outlineFrom(last: Report, next: Report): Section[] {
  return next.sections.map((s) => {
    if (s.paragraphs.length) return s;
    const headings = (last.sections.find((l) => l.no === s.no)?.blocks ?? []).filter(
      (b): b is HeadingBlock => b.kind === 'heading' && b.level > 1,
    );
    return { ...s, blocks: headings, paragraphs: sectionText(headings) };
  });
}
