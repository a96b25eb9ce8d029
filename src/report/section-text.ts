/**
 * The plain text of a section's blocks, for readers of the model that want paragraphs only
 * (the narrative rules, next year's template, the DOCX writer): headings with their numbering as
 * printed, paragraphs as they are, tables left out.
 */
import type { SectionBlock } from './types';

/** The text of a heading or paragraph block as printed (a heading with its numbering). */
export function blockText(b: SectionBlock): string | undefined {
  if (b.kind === 'paragraph') return b.text;
  if (b.kind === 'heading') return b.numbering + b.text;
  return undefined;
}

/** The section's paragraphs (headings included, tables left out). */
export function sectionText(blocks: readonly SectionBlock[]): string[] {
  return blocks.map(blockText).filter((t): t is string => t !== undefined);
}
