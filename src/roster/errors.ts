/** A roster file that cannot be used: a stable code and a message in Chinese and English naming the file. */

export const ROSTER_ERRORS = {
  NOT_FOUND: { zh: '找不到名单文件或无法读取', en: 'the roster file does not exist or cannot be read' },
  EMPTY: { zh: '名单文件为空', en: 'the roster file is empty' },
  UNSUPPORTED: { zh: '名单须为 Excel（.xlsx）或 CSV 文件', en: 'a roster must be an Excel (.xlsx) or CSV file' },
  BAD_XLSX: { zh: '名单 Excel 文件已损坏，无法打开', en: 'the roster workbook is damaged and cannot be opened' },
  NO_NAME_COLUMN: {
    zh: '名单第一个工作表中找不到“单位名称”列（表头须含“单位名称”）',
    en: 'no column 单位名称 (body name) in the first sheet of the roster; its header row must name it',
  },
  NO_BODIES: { zh: '名单中没有任何单位', en: 'the roster lists no bodies' },
  BAD_DATE: { zh: '“应报送日期”无法识别', en: 'a 应报送日期 (due date) cannot be read' },
} as const;

export type RosterErrorCode = keyof typeof ROSTER_ERRORS;

export class RosterError extends Error {
  constructor(
    readonly code: RosterErrorCode,
    readonly file: string,
    readonly detail?: string,
  ) {
    const base = ROSTER_ERRORS[code];
    super(
      `名单“${file}”无法使用：${base.zh}${detail ? `（${detail}）` : ''}\nCannot use the roster "${file}": ${base.en}${detail ? ` (${detail})` : ''}`,
    );
    this.name = 'RosterError';
  }
}
