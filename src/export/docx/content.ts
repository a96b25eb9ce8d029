/**
 * The body of a regenerated report, in the official order: title, preamble, the six sections under
 * their official headings (narrative carried over; each part's table after its section's text),
 * notes of a format migration under the table they concern, and the signature block.
 */
import type { Paragraph, Table } from 'docx';
import { partLayout } from '../../formats/layout';
import { getFormat, type Format } from '../../formats/model';
import type { PartId, SectionSpec } from '../../formats/types';
import { FORMAT_MIGRATED, MIGRATION_DROPPED } from '../../report/migrate';
import { blankText, officialTitle } from '../../report/next-year';
import type { Report } from '../../report/types';
import { cellText } from './cell-text';
import { ptToTwips, typeWidth, type PageStyle } from './page-style';
import {
  bodyParagraph, emptyLines, headingParagraph, noteParagraph, promptParagraph, signatureParagraph, titleParagraph,
} from './paragraphs';
import { officialTable } from './table';

export interface ContentOptions {
  /** Print what each section must contain (a blank template for the author to fill). */
  readonly prompts?: boolean;
}

type Block = Paragraph | Table;

function partTable(report: Report, format: Format, part: PartId, style: PageStyle): Table {
  const valueText = (key: string) => cellText(format.byKey.get(key)!, report.fields[key], report.cells[key]);
  return officialTable(partLayout(format, part), valueText, style);
}

/** Migration notes for the fields of one part that have no place in the new tables. */
function partNotes(report: Report, part: PartId): Paragraph[] {
  const dropped = report.diagnostics.filter((d) => d.rule === MIGRATION_DROPPED && d.fields[0]?.split('.')[0] === part);
  if (!dropped.length) return [];
  const lead = report.diagnostics.find((d) => d.rule === FORMAT_MIGRATED)?.message ?? '';
  return [
    noteParagraph(`注：${lead}。在新格式中没有对应栏目的数据如下：`),
    ...dropped.map((d) => noteParagraph(d.message)),
  ];
}

function section(report: Report, format: Format, spec: SectionSpec, style: PageStyle, options: ContentOptions): Block[] {
  const blocks: Block[] = [headingParagraph(spec.heading)];
  if (options.prompts) blocks.push(promptParagraph(spec.prompt, style));
  const text = report.sections.find((s) => s.no === spec.no)?.paragraphs ?? [];
  blocks.push(...text.map((t) => bodyParagraph(t, style)));
  for (const part of format.spec.parts.filter((p) => p.section === spec.no)) {
    blocks.push(partTable(report, format, part.id, style), ...partNotes(report, part.id));
  }
  return blocks;
}

/** 2021-01-28 → 2021年1月28日 (GB/T 9704: Arabic numerals, no padding). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function signature(report: Report, style: PageStyle): Paragraph[] {
  // A compliant report is signed: by its issuer, else by the agency that published it.
  const issuer = report.meta.issuer ?? report.meta.agency;
  const lines = emptyLines(style.signature.linesBefore);
  if (issuer) lines.push(signatureParagraph(issuer, style));
  const date = report.meta.publishDate;
  lines.push(date ? signatureParagraph(chineseDate(date), style) : signatureParagraph(style.signature.datePlaceholder, style, true));
  return lines;
}

/**
 * A title longer than a line is broken after the agency name (GB/T 9704 lays long titles out in
 * lines of sense, not wherever the line fills up); the break keeps it one paragraph.
 */
export function titleText(report: Report, style: PageStyle): string {
  const title = report.meta.title ?? officialTitle(report.meta.agency, report.meta.year);
  const agency = report.meta.agency;
  const perLine = Math.floor(typeWidth(style) / ptToTwips(style.text.title.size));
  if ([...title].length <= perLine || !agency || !title.startsWith(agency)) return title;
  const rest = title.slice(agency.length);
  return [...agency].length <= perLine && [...rest].length <= perLine ? `${agency}\n${rest}` : title;
}

export function reportBlocks(report: Report, style: PageStyle, options: ContentOptions = {}): Block[] {
  const format = getFormat(report.meta.format);
  const blocks: Block[] = [titleParagraph(titleText(report, style))];
  blocks.push(...report.preamble.map((t) => bodyParagraph(t, style)));
  if (options.prompts) blocks.push(promptParagraph(blankText().preamblePrompt, style));
  for (const spec of format.spec.sections) blocks.push(...section(report, format, spec, style, options));
  blocks.push(...signature(report, style));
  return blocks;
}
