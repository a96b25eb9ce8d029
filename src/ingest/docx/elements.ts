/**
 * The WordprocessingML elements the body walker acts on, as small numbers for a fast switch;
 * every other element is transparent (its content is read, it adds nothing itself).
 */
export enum E {
  P = 1, PPr, PStyle, NumId, Ilvl, OutlineLvl, RPr, B, Vanish, RStyle, Del, R, T, Tab, Br, NoBreakHyphen,
  SoftHyphen, Sym, FldChar, Tbl, Tr, TrPr, GridBefore, Tc, TcPr, GridSpan, VMerge, HMerge, Txbx, Alt, Choice,
  Fallback, Sdt, ShowingPlcHdr, SdtContent, AltChunk, Skip,
}

export const ELEMENTS = new Map<string, E>([
  ['w:p', E.P], ['w:pPr', E.PPr], ['w:pStyle', E.PStyle], ['w:numId', E.NumId], ['w:ilvl', E.Ilvl],
  ['w:outlineLvl', E.OutlineLvl], ['w:rPr', E.RPr], ['w:b', E.B], ['w:vanish', E.Vanish], ['w:rStyle', E.RStyle],
  ['w:del', E.Del], ['w:moveFrom', E.Del], ['w:r', E.R], ['w:t', E.T], ['w:tab', E.Tab], ['w:ptab', E.Tab],
  ['w:br', E.Br], ['w:cr', E.Br], ['w:noBreakHyphen', E.NoBreakHyphen], ['w:softHyphen', E.SoftHyphen],
  ['w:sym', E.Sym], ['w:fldChar', E.FldChar], ['w:tbl', E.Tbl], ['w:tr', E.Tr], ['w:trPr', E.TrPr],
  ['w:gridBefore', E.GridBefore], ['w:tc', E.Tc], ['w:tcPr', E.TcPr], ['w:gridSpan', E.GridSpan],
  ['w:vMerge', E.VMerge], ['w:hMerge', E.HMerge], ['w:txbxContent', E.Txbx], ['mc:AlternateContent', E.Alt],
  ['mc:Choice', E.Choice], ['mc:Fallback', E.Fallback], ['w:sdt', E.Sdt], ['w:showingPlcHdr', E.ShowingPlcHdr],
  ['w:sdtContent', E.SdtContent], ['w:altChunk', E.AltChunk],
  // Formatting before a change, section and table properties, instructions, ruby (phonetic) text
  // above the characters: nothing that belongs to the text.
  ...['w:rPrChange', 'w:pPrChange', 'w:sectPr', 'w:tblPr', 'w:tblGrid', 'w:tblPrEx', 'w:trPrChange', 'w:tcPrChange',
    'w:tblPrChange', 'w:tblGridChange', 'w:numberingChange', 'w:sdtEndPr', 'w:instrText', 'w:delText',
    'w:delInstrText', 'w:footnotePr', 'w:endnotePr', 'w:placeholder', 'w:docPartObj', 'w:docPartList',
    'w:comboBox', 'w:dropDownList', 'w:rt'].map((n) => [n, E.Skip] as const),
]);
