/**
 * SECTION_MISSING, SECTION_HEADING, SECTION_ORDER, SECTION_EMPTY. Headings are compared with the official wording
 * by their label keys (numbering, punctuation and white space ignored), so a heading whose 一、
 * came from Word numbering is not a deviation.
 */
import { sectionSpecs } from '../formats/headings';
import { labelKeys } from '../formats/labels';
import { compactText } from '../text/normalise';
import type { Finding, Report, Section } from '../report/types';
import { finding, ruleParams } from './catalogue';

interface EmptyParams {
  readonly sections: readonly number[];
  readonly emptyTexts: readonly string[];
  readonly minLength: Readonly<Record<string, number>>;
}

/**
 * A section recognition did not find, whose numbered line (五、…) stands alone in the text of the
 * section before it: the section is there under wording we do not know — a heading deviation,
 * not a missing section.
 */
function unknownHeading(report: Report, section: Section): string | null {
  const before = report.sections.filter((s) => s.no < section.no && s.heading !== null).pop();
  const paragraphs = before ? before.paragraphs : report.preamble;
  const ordinal = section.official.charAt(0);
  const lines = paragraphs.filter((p) => {
    const c = compactText(p);
    return c.length <= 30 && (c.startsWith(`${ordinal}、`) || c.startsWith(`${ordinal}.`)) && !/[。;；,，]/.test(c);
  });
  return lines.length === 1 ? lines[0] : null;
}

function missingFindings(report: Report): Finding[] {
  const missing = report.sections.filter((s) => s.heading === null && !unknownHeading(report, s));
  if (!missing.length) return [];
  return [finding('SECTION_MISSING', `缺少章节：${missing.map((s) => `“${s.official}”`).join('、')}`)];
}

function headingKey(text: string): string {
  return labelKeys(text, { stripNumbering: true })[0] ?? '';
}

function headingFinding(section: Section, printed: string): Finding {
  return {
    ...finding('SECTION_HEADING', `第${section.official.charAt(0)}部分标题“${printed}”与规范表述“${section.official}”不一致`),
    section: section.no,
  };
}

function headingFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const s of report.sections) {
    const printed = s.heading ?? unknownHeading(report, s);
    if (printed !== null && headingKey(printed) !== headingKey(s.official)) out.push(headingFinding(s, printed));
  }
  return out;
}

/** A section printed before a section of a lower number: named once, against the first it precedes. */
function orderFindings(report: Report): Finding[] {
  const printed = report.sections.filter((s) => s.printedAt !== undefined && s.heading !== null);
  const out: Finding[] = [];
  for (const s of printed) {
    const later = printed.find((o) => o.no < s.no && (o.printedAt ?? 0) > (s.printedAt ?? 0));
    if (!later) continue;
    const message = `第${s.official.charAt(0)}部分“${s.heading}”印在第${later.official.charAt(0)}部分“${later.heading}”之前，规范顺序为一至六`;
    out.push({ ...finding('SECTION_ORDER', message), section: s.no });
  }
  return out;
}

/** A text without white space and without the brackets a template puts round its prompts. */
function bare(text: string): string {
  return compactText(text).replace(/^[〔【[(]|[〕】\])]$/g, '');
}

let prompts: ReadonlySet<string> | undefined;

/** A prompt of `nianbao template` (one under each heading) that the author left in place. */
function isPrompt(paragraph: string): boolean {
  prompts ??= new Set(sectionSpecs().map((s) => bare(s.prompt)));
  return prompts.has(bare(paragraph));
}

function emptyReason(section: Section, params: EmptyParams): string | null {
  const own = section.paragraphs.filter((p) => !isPrompt(p));
  const text = compactText(own.join(''));
  if (!text) return own.length < section.paragraphs.length ? '只有模板中的提示语，尚未填写' : '没有内容';
  if (params.emptyTexts.includes(text)) return `只写了“${text}”`;
  const min = params.minLength[String(section.no)];
  if (min !== undefined && text.length < min) return `只有“${text}”，不足 ${min} 个字`;
  return null;
}

function emptyFindings(report: Report): Finding[] {
  const params = ruleParams<EmptyParams>('SECTION_EMPTY');
  const out: Finding[] = [];
  for (const section of report.sections) {
    if (!params.sections.includes(section.no) || section.heading === null) continue;
    const reason = emptyReason(section, params);
    if (reason) out.push({ ...finding('SECTION_EMPTY', `“${section.official}”${reason}`), section: section.no });
  }
  return out;
}

export function sectionFindings(report: Report): Finding[] {
  return [...missingFindings(report), ...headingFindings(report), ...orderFindings(report), ...emptyFindings(report)];
}
