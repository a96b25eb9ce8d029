/**
 * w:sym characters and symbol-font bullets: a code in a symbol font's own table (Symbol,
 * Wingdings) means nothing as Unicode, so it is mapped through templates/docx-symbols.json.
 * A code in an ordinary font is the character itself (Word writes F0xx for the low byte).
 */
import { loadTemplate } from '../../formats/load';

type SymbolTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

let table: SymbolTable | undefined;

function symbolTable(): SymbolTable {
  table ??= loadTemplate<{ fonts: SymbolTable }>('docx-symbols.json').fonts;
  return table;
}

const SYMBOL_FONT = /^(symbol|wingdings|webdings|zapf ?dingbats|marlett|mt extra)/i;

/** The Unicode text of a symbol-font code, or undefined when unknown. */
export function symbolText(font: string | undefined, hex: string | undefined): string | undefined {
  if (!hex || !/^[0-9a-f]{1,4}$/i.test(hex)) return undefined;
  const code = Number.parseInt(hex, 16);
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (font && SYMBOL_FONT.test(font)) {
    const key = low.toString(16).toUpperCase().padStart(2, '0');
    const fonts = symbolTable();
    const name = Object.keys(fonts).find((f) => f.toLowerCase() === font.toLowerCase());
    return name ? fonts[name][key] : undefined;
  }
  return low >= 0x20 ? String.fromCodePoint(low) : undefined;
}

/** A character of the private-use area that symbol fonts live in. */
export function isPrivateUse(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0xe000 && c <= 0xf8ff;
}
