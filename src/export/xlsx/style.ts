/**
 * The look of our workbooks, read from templates/xlsx-style.json so that fonts, colours, number
 * formats, widths and the sheet names are data, not code.
 */
import type { Font } from 'exceljs';
import { loadTemplate } from '../../formats/load';
import type { CellStatus, Severity } from '../../report/types';

export interface XlsxStyle {
  readonly font: Partial<Font>;
  readonly titleFont: Partial<Font>;
  readonly headerFont: Partial<Font>;
  readonly keyFont: { readonly name: string; readonly size: number; readonly color: string };
  readonly headerFill: string;
  readonly totalsFill: string;
  /** Background of a cell a clerk corrected. */
  readonly correctedFill: string;
  /** Text colour of a file the summary could not read. */
  readonly failedColor: string;
  readonly borderColor: string;
  readonly severity: Readonly<Record<Severity, { readonly label: string; readonly fill: string }>>;
  readonly status: Readonly<Record<CellStatus, string>>;
  readonly numberFormats: { readonly int: string; readonly decimal: string };
  readonly width: {
    readonly cjkUnits: number;
    readonly otherUnits: number;
    readonly padding: number;
    readonly labelMin: number;
    readonly labelMax: number;
    readonly valueMin: number;
    readonly valueMax: number;
    readonly textMax: number;
  };
  readonly lineHeight: number;
  readonly page: {
    readonly paperSize: number;
    /** Sum of column widths that still fits an A4 portrait page; wider sheets print landscape. */
    readonly portraitWidth: number;
    readonly margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
  readonly sheets: {
    readonly overview: string;
    readonly issues: string;
    readonly data: string;
    readonly text: string;
    readonly partPrefix: string;
    readonly summary: string;
    readonly issueList: string;
    readonly crossYear: string;
    readonly failed: string;
    readonly status: string;
    readonly totals: string;
    readonly detail: string;
  };
  readonly summary: {
    /** Field keys shown right after the file name, before the finding counts (and frozen with it). */
    readonly leadingFields: readonly string[];
    readonly frozenColumns: number;
    /** Widths of the meta.* columns by key (text of very different lengths: titles, years). */
    readonly metaWidths: Readonly<Record<string, number>>;
    readonly totalsLabel: string;
    /** The few figures 报送情况 shows per body: field key and a short header. */
    readonly keyFigures: readonly { readonly key: string; readonly label: string }[];
  };
}

export function xlsxStyle(): XlsxStyle {
  return loadTemplate<XlsxStyle>('xlsx-style.json');
}
