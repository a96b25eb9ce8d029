/**
 * Characters → lines of text. A line is the characters whose baselines agree (within a third of the
 * font size), read left to right; a space character that lies over a visible one is a gap the
 * producer left for a character it drew separately, and is dropped; a wide gap becomes one space.
 */
import type { Glyph } from './glyphs';

/** A line is described like one character: its text, box, baseline, font size and weight. */
export type Line = Glyph;

const isSpace = (g: Glyph): boolean => /^\s$/u.test(g.text);

function lineText(glyphs: readonly Glyph[]): string {
  const visible = glyphs.filter((g) => !isSpace(g));
  // A line of thousands of characters is no report's (a hostile file): its spaces are all kept.
  const covered = (g: Glyph): boolean =>
    visible.length < 2000 && visible.some((v) => (g.x0 + g.x1) / 2 > v.x0 && (g.x0 + g.x1) / 2 < v.x1);
  let text = '';
  let end = -Infinity;
  for (const g of glyphs) {
    if (isSpace(g)) {
      if (!covered(g) && !text.endsWith(' ')) text += ' ';
    } else {
      if (text !== '' && !text.endsWith(' ') && g.x0 - end > 0.6 * g.size) text += ' ';
      text += g.text;
    }
    end = Math.max(end, g.x1);
  }
  return text.trim();
}

/** The mode of values rounded to a step: the body's size, indent or line pitch. */
export function mode(values: readonly number[], step = 1): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v / step), (counts.get(Math.round(v / step)) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [k, n] of counts) if (!best || n > best[1]) best = [k, n];
  return best && best[0] * step;
}

export function glyphLines(glyphs: readonly Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const groups: Glyph[][] = [];
  for (const g of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - g.y) <= Math.max(last[0].size, g.size) / 3) last.push(g);
    else groups.push([g]);
  }
  return groups
    .map((group) => {
      const byX = group.sort((a, b) => a.x0 - b.x0);
      const visible = byX.filter((g) => !isSpace(g));
      return {
        text: lineText(byX),
        x0: Math.min(...visible.map((g) => g.x0)),
        x1: Math.max(...visible.map((g) => g.x1)),
        y: group[0].y,
        size:
          mode(
            visible.map((g) => g.size),
            0.5,
          ) ?? group[0].size,
        bold: visible.length > 0 && visible.every((g) => g.bold),
      };
    })
    .filter((l) => l.text !== '');
}
