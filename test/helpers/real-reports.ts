/**
 * The real published reports of ../shared/real/ (see its README): each page with its truth, and the
 * DOCX that LibreOffice makes of the page (as a clerk's "save the web page as Word" would). The
 * project must pass its tests where ../shared is absent, so every accessor returns null then and the
 * caller skips with a message.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSoffice, officeConvert } from './office';

export const REAL_DIR = path.resolve(__dirname, '../../../shared/real');

export interface RealTruth {
  readonly fields: Readonly<Record<string, number | string | null>>;
  readonly expect_rules: readonly string[];
  readonly forbid_rules: readonly string[];
  readonly ignore_fields: readonly string[];
  readonly quirks: readonly string[];
  readonly notes: Readonly<Record<string, string>>;
}

export interface RealReport {
  /** File stem, e.g. pingtan-2023 */
  readonly stem: string;
  readonly htmlPath: string;
  readonly truth: RealTruth;
}

/** Every real report with its truth, or null (with a console message) when ../shared/real is missing. */
export function realReports(suite: string): RealReport[] | null {
  if (!fs.existsSync(REAL_DIR)) {
    console.warn(`${suite}: ${REAL_DIR} not found — tests on real published reports skipped`);
    return null;
  }
  return fs
    .readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.truth.json'))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -'.truth.json'.length);
      return {
        stem,
        htmlPath: path.join(REAL_DIR, `${stem}.html`),
        truth: JSON.parse(fs.readFileSync(path.join(REAL_DIR, f), 'utf8')) as RealTruth,
      };
    });
}

let docxDir: string | undefined;

/**
 * The DOCX LibreOffice makes of a real page (`--convert-to docx:"MS Word 2007 XML"`), converted once
 * per test process into a private folder; null when LibreOffice is not installed.
 */
export function realDocx(report: RealReport): string | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  docxDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-real-docx-'));
  const out = path.join(docxDir, `${report.stem}.docx`);
  if (!fs.existsSync(out)) {
    const res = officeConvert(soffice, [report.htmlPath], 'docx:MS Word 2007 XML', docxDir);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${report.htmlPath}: ${res.stderr ?? res.error}`);
  }
  return out;
}
