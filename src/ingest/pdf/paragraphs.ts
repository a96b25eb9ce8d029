/**
 * Lines → paragraphs, the way a reader sees them: a line continues the paragraph above when that
 * one ran to the right margin, this one starts at the left margin (no first-line indent), the font
 * size is the same and the gap is an ordinary line pitch (or a page break lies between them).
 * Centred lines of a large title are one paragraph too. Margins, body size and pitch are the
 * document's most common ones.
 */
import { cleanText } from '../../text/normalise';
import type { Paragraph } from '../../document/types';
import { mode } from './lines';
import type { PdfLine } from './page';

export interface Metrics {
  readonly left: number;
  readonly right: number;
  readonly size: number;
  readonly pitch: number;
}

export function metrics(lines: readonly PdfLine[]): Metrics {
  const size =
    mode(
      lines.map((l) => l.size),
      0.5,
    ) ?? 12;
  const body = lines.filter((l) => Math.abs(l.size - size) < 0.5);
  const ends = body.map((l) => l.x1).sort((a, b) => a - b);
  const pitches = body
    .slice(1)
    .map((l, i) => body[i].y - l.y)
    .filter((d) => d > 0 && d < 3 * size);
  return {
    left: Math.min(...body.map((l) => l.x0).filter((x) => Math.abs(x - (mode(body.map((b) => b.x0)) ?? x)) < 2)),
    right: ends[Math.floor(ends.length * 0.9)] ?? 0,
    size,
    pitch: mode(pitches, 0.5) ?? size * 1.5,
  };
}

function centred(l: PdfLine, m: Metrics): boolean {
  return Math.abs(l.x0 - m.left - (m.right - l.x1)) < 1.5 * l.size;
}

export function continues(a: PdfLine, b: PdfLine, m: Metrics): boolean {
  if (Math.abs(a.size - b.size) >= 0.5 || a.bold !== b.bold) return false;
  const samePage = a.page === b.page;
  if (samePage && (a.y - b.y <= 0 || a.y - b.y > Math.max(m.pitch, a.size * 1.2) * 1.25)) return false;
  if (a.x1 >= m.right - 1.5 * a.size && b.x0 <= m.left + 0.5 * a.size) return true;
  return samePage && a.size > m.size + 1 && centred(a, m) && centred(b, m);
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9,.;:]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

export function paragraph(lines: readonly PdfLine[]): Paragraph {
  return { kind: 'paragraph', text: cleanText(lines.map((l) => l.text).reduce(joinText)), bold: lines.every((l) => l.bold) };
}
