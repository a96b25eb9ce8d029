/** Excel exports: the per-report workbook (`convert --to xlsx`) and the streaming batch summary. */
export { buildReportWorkbook, reportToXlsx, writeReportXlsx } from './report-workbook';
export { SummaryWriter, type SummaryOptions, type SummaryStats } from './summary-writer';
export { summaryColumns, type SummaryColumn } from './summary-columns';
export { sheetName, cellText } from './text';
