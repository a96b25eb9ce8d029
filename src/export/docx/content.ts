/**
 * The body of a regenerated report, in the official order: title, preamble, the six sections under
 * their official headings (each section's sub-headings, paragraphs and tables in the author's order;
 * an official table where the author put it in its section, else after the section's text),
 * notes of a format migration under the table they concern, and the signature block.
 */
import type { Paragraph, Table } from 'docx';
import { LabelIndex } from '../../formats/labels';
import { partLayout } from '../../formats/layout';
import { getFormat, type Format } from '../../formats/model';
import type { PartId, SectionSpec } from '../../formats/types';
import { FORMAT_MIGRATED, MIGRATION_DROPPED } from '../../report/migrate';
import { blankText, officialTitle } from '../../report/next-year';
import { sectionText } from '../../report/section-text';
import type { Report, Section, SectionBlock } from '../../report/types';
import { chineseDate } from '../../text/display';
import { compactText } from '../../text/normalise';
import { cellText } from './cell-text';
import { ptToTwips, typeWidth, type PageStyle } from './page-style';
import {
  bodyParagraph,
  emptyLines,
  headingParagraph,
  noteParagraph,
  promptParagraph,
  signatureParagraph,
  subHeadingParagraph,
  titleParagraph,
} from './paragraphs';
import { keptTable } from './kept-table';
import { officialTable } from './table';

export interface ContentOptions {
  /** Print what each section must contain (a blank template for the author to fill). */
  readonly prompts?: boolean;
}

type Block = Paragraph | Table;

/** Longer than this, a paragraph is text, not a caption (as recognition decides). */
const MAX_CAPTION = 40;

function partTable(report: Report, format: Format, part: PartId, style: PageStyle): Table {
  const valueText = (key: string) => cellText(format.byKey.get(key)!, report.fields[key], report.cells[key]);
  return officialTable(partLayout(format, part), valueText, style);
}

/** Migration notes for the fields of one part that have no place in the new tables. */
function partNotes(report: Report, part: PartId): Paragraph[] {
  const dropped = report.diagnostics.filter((d) => d.rule === MIGRATION_DROPPED && d.fields[0]?.split('.')[0] === part);
  if (!dropped.length) return [];
  const lead = report.diagnostics.find((d) => d.rule === FORMAT_MIGRATED)?.message ?? '';
  return [noteParagraph(`注：${lead}。在新格式中没有对应栏目的数据如下：`), ...dropped.map((d) => noteParagraph(d.message))];
}

const captionIndexes = new Map<Format, LabelIndex<string>>();

/**
 * A paragraph that only names a block of a table (（一）第二十条第（一）项): the regenerated table
 * prints its captions itself, so the paragraph would stand doubled above it.
 */
function isCaption(text: string, format: Format): boolean {
  let index = captionIndexes.get(format);
  if (!index) {
    index = new LabelIndex<string>({ stripNumbering: true });
    for (const t of format.tables) if (t.spec.caption) index.add(t.spec.caption, t.spec.id);
    captionIndexes.set(format, index);
  }
  return compactText(text).length <= MAX_CAPTION && index.find(text, false).length > 0;
}

/**
 * The section's blocks as its author structured them; when only `paragraphs` is there (an older
 * report, or text edited without blocks), one paragraph block each.
 */
function blocksOf(section: Section | undefined): readonly SectionBlock[] {
  if (!section) return [];
  const blocks = section.blocks;
  if (blocks && sectionText(blocks).join('\n') === section.paragraphs.join('\n')) return blocks;
  return section.paragraphs.map((text) => ({ kind: 'paragraph', text }));
}

/** One block of the section in the regenerated report; an official table only where its section may hold it, once. */
function sectionBlock(
  b: SectionBlock,
  own: Set<PartId>,
  put: (part: PartId) => Block[],
  style: PageStyle,
  format: Format,
): Block[] {
  if (b.kind === 'heading') {
    const text = b.numbering + b.text;
    return isCaption(text, format) ? [] : [subHeadingParagraph(b.level, text)];
  }
  if (b.kind === 'paragraph') return isCaption(b.text, format) ? [] : [bodyParagraph(b.text, style)];
  if (b.part) return own.delete(b.part) ? put(b.part) : [];
  // An empty line keeps the next table from joining this one.
  return b.kept ? [keptTable(b.kept, style), ...emptyLines(1)] : [];
}

function section(report: Report, format: Format, spec: SectionSpec, style: PageStyle, options: ContentOptions): Block[] {
  const blocks: Block[] = [headingParagraph(spec.heading)];
  if (options.prompts) blocks.push(promptParagraph(spec.prompt, style));
  const put = (part: PartId) => [partTable(report, format, part, style), ...partNotes(report, part)];
  // The parts of this section not yet written; a part the author put elsewhere, or not at all, follows the text.
  const own = new Set(format.spec.parts.filter((p) => p.section === spec.no).map((p) => p.id));
  for (const b of blocksOf(report.sections.find((s) => s.no === spec.no)))
    blocks.push(...sectionBlock(b, own, put, style, format));
  for (const part of own) blocks.push(...put(part));
  return blocks;
}

function signature(report: Report, style: PageStyle): Paragraph[] {
  // A compliant report is signed: by its issuer, else by the agency that published it.
  const issuer = report.meta.issuer ?? report.meta.agency;
  const lines = emptyLines(style.signature.linesBefore);
  if (issuer) lines.push(signatureParagraph(issuer, style));
  const date = report.meta.publishDate;
  lines.push(
    date ? signatureParagraph(chineseDate(date), style) : signatureParagraph(style.signature.datePlaceholder, style, true),
  );
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
  // Only a plain name is set on a line of its own (a name with sentence punctuation reads as text).
  if ([...title].length <= perLine || !agency || !title.startsWith(agency) || /[。；;，,：:！？]/.test(agency)) return title;
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
