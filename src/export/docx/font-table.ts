/**
 * word/fontTable.xml from the page style. The docx package leaves the table empty; Word then has
 * nothing to go on when a machine lacks 仿宋_GB2312 or 方正小标宋简体 and falls back to a default. With
 * each font's altName and GB2312 charset listed, Word substitutes 仿宋 for 仿宋_GB2312 and so on.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { PageStyle } from './page-style';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function fontTableXml(style: PageStyle): string {
  const fonts = style.fontTable.fonts.map((f) =>
    [
      `<w:font w:name="${escapeXml(f.name)}">`,
      f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '',
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>`,
      '</w:font>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${fonts.join('')}</w:fonts>`;
}

/** The package with its font table replaced (the part and its relationship are already there). */
export function withFontTable(docx: Uint8Array, style: PageStyle): Uint8Array {
  const { '[Content_Types].xml': types, ...parts } = unzipSync(docx);
  parts['word/fontTable.xml'] = strToU8(fontTableXml(style));
  // The content types first, as Word writes them: some readers sniff the package by its first entry.
  return zipSync({ '[Content_Types].xml': types, ...parts }, { level: 6 });
}
