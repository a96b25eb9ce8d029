/**
 * Which of the six sections a heading line names: the official wording or a variant of
 * templates/sections.json, or a numbered line (三、…) with a keyword of that section. Shared by
 * recognition and by the web-page reader, which finds a report inside page chrome by its headings.
 * A line numbered as a sub-item (（一）, 1., （1）) names no section.
 */
import { compactText } from '../text/normalise';
import { printedNumbering } from '../text/numbering';
import { LabelIndex, stripNumbering } from './labels';
import { getFormat, latestFormat } from './model';
import type { SectionSpec } from './types';

export interface HeadingMatch {
  readonly section: SectionSpec;
  /** exact: official or variant wording; keyword: numbered heading with a keyword. */
  readonly quality: 'exact' | 'keyword';
}

const ORDINALS = '一二三四五六';
const SENTENCE_PUNCTUATION = /[。；;，,！？]/;
/** Longer than this, a line is not a heading; longer than KEYWORD_MAX, not one known by keyword only. */
const HEADING_MAX = 40;
const KEYWORD_MAX = 30;

let index: LabelIndex<SectionSpec> | undefined;

/** The six sections (the same in every format: sections.json). */
export function sectionSpecs(): readonly SectionSpec[] {
  return getFormat(latestFormat()).spec.sections;
}

function headingIndex(): LabelIndex<SectionSpec> {
  if (!index) {
    index = new LabelIndex<SectionSpec>({ stripNumbering: true });
    for (const s of sectionSpecs()) index.add({ label: s.heading, variants: s.variants }, s);
  }
  return index;
}

/** The section number a heading's own numbering names (一、 → 1), if any. */
function leadingOrdinal(compact: string): number | undefined {
  const m = /^([一二三四五六])[、.,:]/.exec(compact);
  return m ? ORDINALS.indexOf(m[1]) + 1 : undefined;
}

/** The section `line` (numbering included, as printed) is the heading of, if any. */
export function sectionHeading(line: string): HeadingMatch | undefined {
  const compact = compactText(line);
  if (compact.length > HEADING_MAX) return undefined;
  // A sub-item (（一）主动公开情况) is never a section heading, whatever its words.
  if ((printedNumbering(line)?.level ?? 1) > 1) return undefined;
  const ordinal = leadingOrdinal(compact);
  const exact = headingIndex().find(line, false);
  if (exact.length === 1 && (ordinal === undefined || ordinal === exact[0].no)) return { section: exact[0], quality: 'exact' };
  if (ordinal === undefined || compact.length > KEYWORD_MAX || SENTENCE_PUNCTUATION.test(compact)) return undefined;
  const core = stripNumbering(compact);
  const section = sectionSpecs().find((s) => s.no === ordinal && s.keywords.some((k) => core.includes(k)));
  return section ? { section, quality: 'keyword' } : undefined;
}
