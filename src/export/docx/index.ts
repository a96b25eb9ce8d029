/**
 * Report → an official-format DOCX: the six sections under their official headings, the standard
 * tables of the report's format laid out from templates/ (partLayout), every value in its cell,
 * the signature block, in the GB/T 9704 page style of templates/page-style.json.
 */
import * as fs from 'node:fs/promises';
import { Document, Packer } from 'docx';
import type { Report } from '../../report/types';
import { reportBlocks, type ContentOptions } from './content';
import { withFontTable } from './font-table';
import { pageFooters, sectionProperties } from './page';
import { pageStyle } from './page-style';
import { documentStyles } from './styles';

export type DocxOptions = ContentOptions;

export function reportDocument(report: Report, options: DocxOptions = {}): Document {
  const style = pageStyle();
  return new Document({
    title: report.meta.title ?? undefined,
    creator: '年报通 nianbao',
    styles: documentStyles(style),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: sectionProperties(style),
        footers: pageFooters(style),
        children: reportBlocks(report, style, options),
      },
    ],
  });
}

export async function reportToDocx(report: Report, options: DocxOptions = {}): Promise<Buffer> {
  const bytes = await Packer.toBuffer(reportDocument(report, options));
  return Buffer.from(withFontTable(bytes, pageStyle()));
}

export async function writeReportDocx(report: Report, target: string, options: DocxOptions = {}): Promise<void> {
  await fs.writeFile(target, await reportToDocx(report, options));
}
