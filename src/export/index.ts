/**
 * The per-report exports, by name: what `convert --to` writes and what the web page downloads.
 * Each renders a report to bytes; writing them to a file is the caller's business.
 */
import type { Report } from '../report/types';
import { reportToJson } from './json';

export interface Exporter {
  readonly extension: string;
  readonly contentType: string;
  readonly description: string;
  render(report: Report): Promise<Uint8Array>;
}

// xlsx and docx are loaded when first used, so that reading reports does not load their libraries.
export const EXPORTERS: Record<string, Exporter> = {
  json: {
    extension: '.json',
    contentType: 'application/json; charset=utf-8',
    description: 'JSON（字段、来源单元格、章节、问题）',
    render: async (report) => Buffer.from(reportToJson(report), 'utf8'),
  },
  xlsx: {
    extension: '.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description: 'Excel（标准表格、概况、问题、数据明细）',
    render: async (report) => (await import('./xlsx')).reportToXlsx(report),
  },
  docx: {
    extension: '.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: 'DOCX（标准格式的年度报告，GB/T 9704 版式）',
    render: async (report) => (await import('./docx')).reportToDocx(report),
  },
};

/** The exporter of a name given by a user (a CLI option, a URL), or undefined. */
export function exporterNamed(name: string): Exporter | undefined {
  return Object.prototype.hasOwnProperty.call(EXPORTERS, name) ? EXPORTERS[name] : undefined;
}
