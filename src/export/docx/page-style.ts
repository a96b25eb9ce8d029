/**
 * The page style of regenerated reports (templates/page-style.json, GB/T 9704) and the unit
 * conversions Word needs: lengths in twips (1/20 pt), font sizes in half-points.
 */
import { loadTemplate } from '../../formats/load';

export interface TextStyle {
  readonly font: string;
  /** pt */
  readonly size: number;
  readonly bold?: boolean;
}

export interface FontEntry {
  readonly name: string;
  readonly altName?: string;
  readonly charset: string;
  readonly family: string;
  readonly pitch: string;
}

export type TextRole = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'table' | 'pageNumber';

export interface PageStyle {
  readonly page: {
    readonly width: number;
    readonly height: number;
    readonly margin: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number };
    readonly footer: number;
  };
  readonly grid: { readonly linesPerPage: number; readonly charsPerLine: number; readonly linePitch: number };
  readonly latin: string;
  readonly fontTable: { readonly fonts: readonly FontEntry[] };
  readonly text: Readonly<Record<TextRole, TextStyle>>;
  readonly body: { readonly firstLineChars: number };
  readonly title: { readonly linesAfter: number };
  readonly signature: { readonly linesBefore: number; readonly rightIndentChars: number; readonly datePlaceholder: string };
  readonly pageNumber: { readonly before: string; readonly after: string; readonly edgeIndentChars: number };
  readonly table: {
    readonly minChars: number;
    readonly maxChars: number;
    readonly valueMinChars: number;
    readonly headerLines: number;
    readonly cellMargin: number;
    readonly border: { readonly size: number; readonly color: string };
    readonly lineSpacing: number;
    readonly captionBold: boolean;
  };
  readonly prompt: { readonly color: string; readonly italics: boolean; readonly open: string; readonly close: string };
  readonly note: { readonly size: number };
}

export function pageStyle(): PageStyle {
  return loadTemplate<PageStyle>('page-style.json');
}

const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Width of `n` characters of a text role (a CJK character is one em wide). */
export function charsToTwips(style: TextStyle, n: number): number {
  return Math.round(style.size * 20 * n);
}

/** The four font slots: Chinese names in eastAsia, a Latin face for digits and letters. */
export function fontSlots(style: PageStyle, role: TextRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const eastAsia = style.text[role].font;
  return { ascii: style.latin, hAnsi: style.latin, eastAsia, cs: style.latin };
}

/** Width of the type area in twips. */
export function typeWidth(style: PageStyle): number {
  return mmToTwips(style.page.width - style.page.margin.left - style.page.margin.right);
}
