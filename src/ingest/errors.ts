/**
 * Errors that make a file unreadable. Each has a stable code and a message in Chinese and English
 * that names the file, so that a clerk and an evaluator both understand what went wrong; a batch
 * records the error and goes on with the next file.
 */

export const INGEST_ERRORS = {
  EMPTY_FILE: { zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' },
  NOT_FOUND: { zh: '找不到文件或无法读取', en: 'the file does not exist or cannot be read' },
  EMPTY_FOLDER: { zh: '文件夹中没有任何文件', en: 'the folder holds no files' },
  UNSUPPORTED_TYPE: {
    zh: '不支持的文件类型，请提供 .docx、.html 或 .pdf 格式的年度报告',
    en: 'unsupported file type; give the report as .docx, .html or .pdf',
  },
  PDF: {
    zh: 'PDF 文件已损坏或不完整，无法读取；请提供 Word（.docx）或网页（.html）版本',
    en: 'the PDF is damaged or truncated and cannot be read; give the Word (.docx) or web page (.html) version',
  },
  PDF_SCANNED: {
    zh: '这是扫描件（PDF 的页面是图片，没有文字层），无法读取其中的文字和表格；请提供报告的 Word（.docx）原件或网页版本',
    en: 'this is a scan (the PDF pages are pictures with no text layer); its text and tables cannot be read — give the original Word (.docx) file or the web page',
  },
  PDF_NO_UNICODE: {
    zh: 'PDF 中的文字没有可用的字符编码（字体未附带 Unicode 映射，取出的是私用区或控制字符），读出的数字会是错的，因此不予读取；请提供 Word（.docx）原件或网页版本',
    en: 'the text of this PDF has no usable character mapping (its fonts carry no Unicode map; the text comes out as private-use or control characters), so any figures read would be wrong; give the original Word (.docx) file or the web page',
  },
  PDF_ENCRYPTED: {
    zh: 'PDF 设有打开密码，无法读取；请取消密码后再导入，或提供 Word（.docx）原件',
    en: 'the PDF is password protected and cannot be read; remove the password, or give the original Word (.docx) file',
  },
  PDF_TOO_MANY_PAGES: { zh: 'PDF 页数过多，不像一份年度报告', en: 'the PDF has too many pages for an annual report' },
  OLE_DOC: {
    zh: '这是旧版 Word（.doc）或 WPS 文件；请用 Word/WPS“另存为 .docx”后再导入，或安装 LibreOffice 以自动转换',
    en: 'this is a legacy Word (.doc) or WPS file; save it as .docx in Word/WPS, or install LibreOffice for automatic conversion',
  },
  ENCRYPTED: {
    zh: '文件已加密（设有打开密码），请取消密码后再导入',
    en: 'the file is encrypted (password protected); remove the password and try again',
  },
  CORRUPT_ZIP: {
    zh: '文件已损坏或不完整（不是有效的 Word/Excel 压缩包）',
    en: 'the file is damaged or truncated (not a valid DOCX/XLSX zip package)',
  },
  NOT_DOCX: {
    zh: '压缩包中没有 Word 正文（word/document.xml），不是有效的 DOCX 文件',
    en: 'the zip package has no Word body (word/document.xml); it is not a DOCX file',
  },
  BAD_XML: {
    zh: 'Word 正文（document.xml）不是有效的 XML，文件已损坏',
    en: 'the Word body (document.xml) is not valid XML; the file is damaged',
  },
  TOO_LARGE: { zh: '文件或其内容超过大小限制', en: 'the file or its content exceeds the size limit' },
  TIMEOUT: { zh: '处理超时，文件可能过于复杂或已损坏', en: 'processing timed out; the file may be too complex or damaged' },
  CONVERT_FAILED: { zh: '格式转换失败', en: 'conversion failed' },
  ATTACHMENT_ONLY: {
    zh: '只有报告附件的名称或链接，没有报告正文；请取得该附件后读取附件文件',
    en: 'it only names or links the report as an attachment and holds no report text; get the attachment and read that file',
  },
  NOT_A_REPORT: {
    zh: '不是政府信息公开工作年度报告：未找到年度报告的标题、章节或标准表格',
    en: 'not a government information disclosure annual report: no report title, sections or standard tables found',
  },
  OUT_OF_MEMORY: {
    zh: '处理时内存超出限制，文件可能过大、过于复杂或已损坏',
    en: 'processing exceeded the memory limit; the file may be too large, too complex or damaged',
  },
  WORKER_FAILED: { zh: '处理进程意外退出', en: 'the worker processing the file stopped unexpectedly' },
  READ_FAILED: { zh: '无法读取文件内容', en: 'the file content could not be read' },
  XML_DTD: {
    zh: 'Word 文件中含有 DTD 或实体声明（Word 从不写入，可能是恶意构造的文件），已拒绝读取',
    en: 'the Word file contains a DTD or entity declarations (Word never writes them; possibly a crafted file); refused',
  },
  MHT_NO_HTML: {
    zh: '网页存档（.mht/.mhtml）中没有网页内容（text/html 部分），文件可能不完整',
    en: 'the saved web archive (.mht/.mhtml) holds no page (text/html part); the file may be incomplete',
  },
  TEXT_FILE: {
    zh: '这是纯文本文件，不是 Word 文档或网页（可能只是改了扩展名）；请提供报告的 Word（.docx/.doc）或网页（.html）原件',
    en: 'this is a plain text file, not a Word document or web page (perhaps only renamed); give the report as the original Word (.docx/.doc) or web page (.html) file',
  },
  DOC_NEEDS_LIBREOFFICE: {
    zh: '这是旧版 Word（.doc）、WPS（.wps）、RTF 或 Word 2003 XML 文件，需用 LibreOffice 自动转换为 .docx，但本机未安装 LibreOffice（soffice）；请安装软件包 libreoffice-writer（Debian/Ubuntu：sudo apt-get install libreoffice-writer）后重试，或在 Word/WPS 中“另存为”.docx 后再导入',
    en: 'this is a legacy Word (.doc), WPS (.wps), RTF or Word 2003 XML file; it is converted to .docx with LibreOffice, which is not installed (soffice not found). Install the package libreoffice-writer (Debian/Ubuntu: sudo apt-get install libreoffice-writer) and try again, or save it as .docx in Word/WPS first',
  },
  ENCRYPTED_DOCX: {
    zh: '这是设有打开密码的 Word 文档（加密的 DOCX 以 OLE 复合文档保存，内含 EncryptedPackage），无法读取；请在 Word/WPS 中用密码打开，取消密码（Word：文件→信息→保护文档→用密码进行加密，清空密码）后另存为 .docx 再导入',
    en: 'this is a password-protected Word document (an encrypted DOCX is stored as an OLE compound file holding an EncryptedPackage) and cannot be read; open it in Word/WPS with the password, remove the password (Word: File → Info → Protect Document → Encrypt with Password, clear it), save as .docx and try again',
  },
  ENCRYPTED_DOC: {
    zh: '这是设有打开密码的旧版 Word（.doc）或 WPS 文件，无法读取；请在 Word/WPS 中用密码打开，取消密码后另存为 .docx 再导入',
    en: 'this is a password-protected legacy Word (.doc) or WPS file and cannot be read; open it in Word/WPS with the password, remove the password, save as .docx and try again',
  },
  OLE_NOT_WORD: {
    zh: '这是 Office 复合文档（OLE），但不是 Word 或 WPS 文字文档（例如 Excel .xls、PowerPoint .ppt）；请提供年度报告的 Word 或网页版本',
    en: 'this is an Office compound document (OLE) but not a Word or WPS text document (e.g. Excel .xls, PowerPoint .ppt); give the report as a Word document or web page',
  },
  CORRUPT_OLE: {
    zh: '文件带有旧版 Office（OLE 复合文档）标志，但内部结构已损坏，无法读取',
    en: 'the file has the legacy Office (OLE compound document) signature but its structure is damaged',
  },
  CONVERT_TIMEOUT: {
    zh: 'LibreOffice 转换超时，已中止；文件可能已损坏或过于复杂，请在 Word/WPS 中另存为 .docx 后再导入',
    en: 'the LibreOffice conversion timed out and was stopped; the file may be damaged or too complex — save it as .docx in Word/WPS and try again',
  },
  LEGACY_CONVERT_FAILED: {
    zh: 'LibreOffice 未能将此文件转换为 .docx，文件可能已损坏；请在 Word/WPS 中打开并另存为 .docx 后再导入',
    en: 'LibreOffice could not convert this file to .docx; it may be damaged — open it in Word/WPS, save it as .docx and try again',
  },
  NOT_REPORT_WORKBOOK: {
    zh: '这是 Excel 工作簿，但不是年度报告工作簿：找不到表二、表三、表四（应使用本工具导出或“nianbao template --to xlsx”生成的工作簿填写）',
    en: 'this is an Excel workbook but not an annual report workbook: tables 二, 三 and 四 were not found (fill in a workbook exported by this tool or made by "nianbao template --to xlsx")',
  },
  ROSTER_WORKBOOK: {
    zh: '这是应报送单位名单（含“单位名称”列），不是年度报告；汇总时请用 --roster 指定名单',
    en: 'this is a roster of reporting bodies (it has a 单位名称 column), not an annual report; give it to summary with --roster',
  },
  SUMMARY_WORKBOOK: {
    zh: '这是年度报告汇总工作簿，不是单份年度报告；请导入各单位的报告',
    en: "this is a summary workbook of many reports, not one annual report; import the bodies' reports instead",
  },
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

export class IngestError extends Error {
  readonly zh: string;
  readonly en: string;

  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    readonly detail?: string,
  ) {
    const base = INGEST_ERRORS[code];
    const suffix = detail ? `（${detail}）` : '';
    const zh = `文件“${file}”无法读取：${base.zh}${suffix}`;
    const en = `Cannot read "${file}": ${base.en}${detail ? ` (${detail})` : ''}`;
    super(`${zh}\n${en}`);
    this.name = 'IngestError';
    this.zh = zh;
    this.en = en;
  }

  toJSON(): { code: string; file: string; message: string; zh: string; en: string } {
    return { code: this.code, file: this.file, message: this.message, zh: this.zh, en: this.en };
  }
}

/** Wraps anything thrown while reading a file into an IngestError naming that file. */
export function asIngestError(err: unknown, file: string): IngestError {
  if (err instanceof IngestError) return err;
  const detail = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err).slice(0, 200);
  return new IngestError('READ_FAILED', file, detail);
}
