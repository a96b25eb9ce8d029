/**
 * Finds the six sections by their headings: the official wording, the variants real reports use,
 * or a numbered heading (三、…) with a keyword of its section. The 一、 may be missing from the
 * text when Word numbered the heading automatically; then the wording or the heading style decides.
 */
import { LabelIndex, stripNumbering } from '../formats/labels';
import type { SectionSpec } from '../formats/types';
import type { Block, Paragraph } from '../document/types';
import { compactText } from '../text/normalise';

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

const ORDINALS = '一二三四五六';
const SENTENCE_PUNCTUATION = /[。；;，,！？]/;

function headingIndex(sections: readonly SectionSpec[]): LabelIndex<SectionSpec> {
  const index = new LabelIndex<SectionSpec>({ stripNumbering: true });
  for (const s of sections) index.add({ label: s.heading, variants: s.variants }, s);
  return index;
}

/** The section number a heading's own numbering names (一、 → 1), if any. */
function leadingOrdinal(compact: string): number | undefined {
  const m = /^([一二三四五六])[、.,:]/.exec(compact);
  return m ? ORDINALS.indexOf(m[1]) + 1 : undefined;
}

function candidate(p: Paragraph, block: number, sections: readonly SectionSpec[], index: LabelIndex<SectionSpec>): HeadingHit | undefined {
  // A soft line break may join a heading and the first lines of its section in one paragraph.
  const [firstLine, ...more] = p.text.split('\n');
  const text = (p.numbering ?? '') + firstLine;
  const compact = compactText(text);
  if (compact.length > 40) return undefined;
  const found = { block, heading: firstLine, ...(more.length ? { rest: more.join('\n') } : {}) };
  const ordinal = leadingOrdinal(compact);
  const exact = index.find(text, false);
  if (exact.length === 1 && (ordinal === undefined || ordinal === exact[0].no)) {
    return { ...found, section: exact[0], quality: 'exact' };
  }
  if (compact.length > 30 || SENTENCE_PUNCTUATION.test(compact) || compact.startsWith('(')) return undefined;
  const headingLike = ordinal !== undefined || p.bold || p.headingLevel !== undefined;
  if (!headingLike) return undefined;
  const core = stripNumbering(compact);
  const section = ordinal !== undefined
    ? sections.find((s) => s.no === ordinal && s.keywords.some((k) => core.includes(k)))
    : undefined;
  return section ? { ...found, section, quality: 'keyword' } : undefined;
}

/** Section headings in order: for each section the first exact hit after the previous one, else the first keyword hit. */
export function findHeadings(blocks: readonly Block[], sections: readonly SectionSpec[]): HeadingHit[] {
  const index = headingIndex(sections);
  const hits: HeadingHit[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph') return;
    const hit = candidate(b, i, sections, index);
    if (hit) hits.push(hit);
  });
  const chosen: HeadingHit[] = [];
  let after = -1;
  for (const section of sections) {
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
