/**
 * Where a workspace keeps what: originals by content hash, one folder per report with its record,
 * its reading and its journal, and a README.txt saying so for whoever opens the folder.
 */
import * as path from 'node:path';

/** The default workspace: a folder of this name in the current directory. */
export const DEFAULT_WORKSPACE_NAME = '年报通工作区';

export const README = `年报通工作区
================
这个文件夹保存“年报通”网页版（nianbao serve）的全部工作：上传的原始文件、读取结果和人工更正记录。
可以整个文件夹备份、压缩后移交；下次用 nianbao serve --workspace 指向这个文件夹即可继续工作。
请不要在年报通运行时修改其中的文件。

originals/             上传的原始文件，按内容的 SHA-256 命名；同一个文件只保存一份，从不修改。
reports/<编号>/record.json   一份报告的登记信息：原文件名、大小、SHA-256、上传时间、读取失败的原因、
                             重复报送时选定计入的时间。
reports/<编号>/reading.json  从原始文件读出的报告（JSON），保留单位报送的原样，不含人工更正。
reports/<编号>/journal.json  人工更正记录（按时间先后）：每条记下单元格、原报内容、更正后的内容、时间和备注
                             （上传的 Excel 工作簿中带有的更正也记在这里）；
                             撤销的更正标有撤销时间，不会删除。
roster-<年度>.json     报送名单（如已导入）。

This folder is the workspace of nianbao serve: originals by SHA-256, each report's reading (JSON) and
journal of corrections. Back it up or hand it over as a whole.
`;

export interface WorkspacePaths {
  readonly root: string;
  readonly originals: string;
  readonly reports: string;
}

export function workspacePaths(root: string): WorkspacePaths {
  return { root, originals: path.join(root, 'originals'), reports: path.join(root, 'reports') };
}

export function reportDir(paths: WorkspacePaths, id: string): string {
  return path.join(paths.reports, id);
}

export const RECORD_FILE = 'record.json';
export const READING_FILE = 'reading.json';
export const JOURNAL_FILE = 'journal.json';

/** The stored name of an original: its hash and its extension (lower case, letters and digits only). */
export function originalName(sha256: string, fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? sha256 + ext : sha256;
}
