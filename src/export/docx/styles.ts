/**
 * Word styles of a regenerated report, all from the page style: the body (Normal) in 仿宋 三号 at
 * a fixed line pitch with a two-character first-line indent, the title in 小标宋 二号, 一、 headings
 * in 黑体, （一） headings in 楷体 and 1. headings in 仿宋 bold as Word heading styles (so they show in the navigation pane),
 * and the smaller table text. Paragraphs name a style and override nothing but alignment.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { charsToTwips, fontSlots, halfPoints, ptToTwips, type PageStyle, type TextRole } from './page-style';

export const STYLE = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  table: 'TableText',
  signature: 'Signature',
  note: 'ToolNote',
} as const;

function run(style: PageStyle, role: TextRole) {
  const font = { ...fontSlots(style, role), hint: 'eastAsia' };
  return { font, size: halfPoints(style.text[role].size), bold: style.text[role].bold ?? false, italics: false, color: '000000' };
}

/** Fixed line pitch, as GB/T 9704 asks (22 lines a page). */
function exactLine(style: PageStyle) {
  return { line: ptToTwips(style.grid.linePitch), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

function indented(style: PageStyle, role: TextRole) {
  return {
    firstLine: charsToTwips(style.text[role], style.body.firstLineChars),
    firstLineChars: style.body.firstLineChars * 100,
  };
}

function heading(style: PageStyle, role: 'heading1' | 'heading2' | 'heading3', outlineLevel: number) {
  return {
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: run(style, role),
    paragraph: { spacing: exactLine(style), indent: indented(style, role), keepNext: true, outlineLevel },
  };
}

export function documentStyles(style: PageStyle): IStylesOptions {
  const tableSize = style.text.table.size;
  return {
    default: {
      document: {
        run: run(style, 'body'),
        paragraph: { spacing: exactLine(style), indent: indented(style, 'body'), alignment: AlignmentType.JUSTIFIED },
      },
      title: {
        basedOn: 'Normal',
        next: 'Normal',
        run: run(style, 'title'),
        paragraph: {
          alignment: AlignmentType.CENTER,
          // The exact pitch of the body would clip a 二号 line; a title line takes the pitch of its own size.
          spacing: {
            line: ptToTwips(style.grid.linePitch * 1.2),
            lineRule: LineRuleType.AT_LEAST,
            before: 0,
            after: ptToTwips(style.grid.linePitch * style.title.linesAfter),
          },
          indent: { firstLine: 0, firstLineChars: 0 },
        },
      },
      heading1: heading(style, 'heading1', 0),
      heading2: heading(style, 'heading2', 1),
      heading3: heading(style, 'heading3', 2),
    },
    paragraphStyles: [
      {
        id: STYLE.table,
        name: 'Table Text',
        basedOn: 'Normal',
        run: run(style, 'table'),
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(240 * style.table.lineSpacing), lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          indent: { firstLine: 0, firstLineChars: 0 },
        },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        run: run(style, 'body'),
        paragraph: {
          alignment: AlignmentType.RIGHT,
          indent: { firstLine: 0, firstLineChars: 0, right: charsToTwips(style.text.body, style.signature.rightIndentChars) },
        },
      },
      {
        id: STYLE.note,
        name: 'Tool Note',
        basedOn: 'Normal',
        run: { ...run(style, 'body'), size: halfPoints(style.note.size) },
        paragraph: {
          spacing: {
            line: Math.round(240 * style.table.lineSpacing),
            lineRule: LineRuleType.AUTO,
            before: ptToTwips(tableSize / 2),
            after: 0,
          },
        },
      },
    ],
  };
}
