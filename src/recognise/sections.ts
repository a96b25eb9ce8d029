/**
 * Finds the six sections by their headings. Only a top-level heading starts a section: a line
 * numbered 一、 (typed or by Word), a level-1 heading style, or an unnumbered line in the official
 * or a variant wording. A sub-item (（一）主动公开情况 inside 一) never does, whatever its words.
 * Its wording names the section (formats/headings.ts); a section printed out of order is kept where
 * it stands (its heading quoted exactly), one known only by a keyword of its numbered heading only in order.
 */
import { sectionHeading } from '../formats/headings';
import type { SectionSpec } from '../formats/types';
import type { Block, Paragraph } from '../document/types';
import { outlineHeading } from './outline';

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

interface Candidate {
  readonly hit: HeadingHit;
  /** Numbered 一、 (typed or by Word) or styled as a top-level heading. */
  readonly topLevel: boolean;
}

/**
 * A numbered heading in the official wording run into its section's text (一、总体情况 本年度…,
 * 六、其他需要报告的事项。本年度…): a page that lost its line breaks, or an author who wrote it so.
 */
const RUN_IN = /^([^\s。：:]{2,40})[\s。：:]+(\S[\s\S]*)$/u;

function runIn(p: Paragraph, block: number, firstLine: string, more: readonly string[]): Candidate | undefined {
  const m = RUN_IN.exec(firstLine);
  if (!m) return undefined;
  const match = sectionHeading((p.numbering ?? '') + m[1]);
  if (!match || match.quality !== 'exact' || !/^[一二三四五六七八九十]+、/.test((p.numbering ?? '') + m[1])) return undefined;
  return { hit: { ...match, block, heading: m[1], rest: [m[2], ...more].join('\n') }, topLevel: true };
}

function candidate(p: Paragraph, block: number): Candidate | undefined {
  const outline = outlineHeading(p);
  if (outline && outline.level > 1 && outline.numbering) return undefined;
  const [firstLine, ...more] = p.text.split('\n');
  const match = sectionHeading((p.numbering ?? '') + firstLine);
  if (!match) return runIn(p, block, firstLine, more);
  const topLevel = outline?.level === 1;
  // Unnumbered and not styled as a top-level heading, only the exact wording makes a section heading.
  if (!topLevel && match.quality !== 'exact') return undefined;
  return { hit: { ...match, block, heading: firstLine, ...(more.length ? { rest: more.join('\n') } : {}) }, topLevel };
}

/**
 * Section headings in document order. Each section starts at its first candidate, a top-level one
 * when it has any (a bold 主动公开情况 inside 一 does not start 二 when 二、 is printed); a candidate
 * for a section already started is text of the section it stands in. A keyword hit must come after
 * the sections already started; an exact one may come out of order (validate reports it).
 */
export function findHeadings(blocks: readonly Block[]): HeadingHit[] {
  const candidates: Candidate[] = [];
  blocks.forEach((b, i) => {
    const hit = b.kind === 'paragraph' ? candidate(b, i) : undefined;
    if (hit) candidates.push(hit);
  });
  const chosen: HeadingHit[] = [];
  let last = 0;
  for (const { hit, topLevel } of candidates) {
    if (chosen.some((h) => h.section === hit.section)) continue;
    if (!topLevel && candidates.some((c) => c.hit.section === hit.section && c.topLevel)) continue;
    if (hit.quality === 'keyword' && hit.section.no < last) continue;
    chosen.push(hit);
    last = Math.max(last, hit.section.no);
  }
  return chosen;
}
