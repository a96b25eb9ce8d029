/**
 * Finds the six sections by their headings: the official wording, the variants real reports use,
 * or a numbered heading (三、…) with a keyword of its section (formats/headings.ts). The 一、 may
 * be missing from the text when Word numbered the heading automatically; then the wording decides.
 */
import { sectionHeading, sectionSpecs } from '../formats/headings';
import type { SectionSpec } from '../formats/types';
import type { Block, Paragraph } from '../document/types';

export interface HeadingHit {
  readonly block: number;
  readonly section: SectionSpec;
  /** exact: official or variant wording; keyword: numbered heading with a keyword. */
  readonly quality: 'exact' | 'keyword';
  /** The heading as printed: the paragraph's first line. */
  readonly heading: string;
  /** Text after a line break in the heading's paragraph: the start of the section's body. */
  readonly rest?: string;
}

function candidate(p: Paragraph, block: number): HeadingHit | undefined {
  // A soft line break may join a heading and the first lines of its section in one paragraph.
  const [firstLine, ...more] = p.text.split('\n');
  const match = sectionHeading((p.numbering ?? '') + firstLine);
  return match && { ...match, block, heading: firstLine, ...(more.length ? { rest: more.join('\n') } : {}) };
}

/** Section headings in order: for each section the first exact hit after the previous one, else the first keyword hit. */
export function findHeadings(blocks: readonly Block[]): HeadingHit[] {
  const hits: HeadingHit[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph') return;
    const hit = candidate(b, i);
    if (hit) hits.push(hit);
  });
  const chosen: HeadingHit[] = [];
  let after = -1;
  for (const section of sectionSpecs()) {
    const mine = hits.filter((h) => h.section === section && h.block > after);
    const nextOther = hits.find((h) => h.section.no > section.no && h.block > after && h.quality === 'exact');
    const pick = mine.find((h) => h.quality === 'exact') ?? mine.find((h) => !nextOther || h.block < nextOther.block);
    if (pick) {
      chosen.push(pick);
      after = pick.block;
    }
  }
  return chosen;
}
