/** The per-report exports `convert --to` can write, by name. */
import * as fs from 'node:fs/promises';
import type { Report } from '../report/types';
import { reportToJson } from './json';

export interface Exporter {
  readonly extension: string;
  readonly description: string;
  write(report: Report, target: string): Promise<void>;
}

export const EXPORTERS: Record<string, Exporter> = {
  json: {
    extension: '.json',
    description: 'JSON（字段、来源单元格、章节、问题）',
    write: (report, target) => fs.writeFile(target, reportToJson(report), 'utf8'),
  },
  xlsx: {
    extension: '.xlsx',
    description: 'Excel（标准表格、概况、问题、数据明细）',
    write: (report, target) => require('./xlsx').writeReportXlsx(report, target),
  },
  docx: {
    extension: '.docx',
    description: 'DOCX（标准格式的年度报告，GB/T 9704 版式）',
    write: (report, target) => require('./docx').writeReportDocx(report, target),
  },
};
