/**
 * Files printed to PDF by LibreOffice, the way a clerk's "save as PDF" makes them: many files in one
 * soffice call (LibreOffice starts slowly; one start for a whole test file). Null when LibreOffice is
 * not installed, so the caller can skip with a message.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSoffice, officeConvert } from './office';

/** Writes each named file, prints them all to PDF and returns the PDF bytes by name. */
export function printToPdf(files: ReadonlyMap<string, Uint8Array | string>): Map<string, Buffer> | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pdf-print-'));
  const inputs = [...files].map(([name, content]) => {
    const file = path.join(dir, name);
    if (typeof content === 'string') fs.copyFileSync(content, file);
    else fs.writeFileSync(file, content);
    return file;
  });
  const res = officeConvert(soffice, inputs, 'pdf:writer_pdf_Export', dir);
  const out = new Map<string, Buffer>();
  for (const name of files.keys()) {
    const pdf = path.join(dir, name.replace(/\.[^.]+$/, '.pdf'));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${name} to PDF: ${res.stderr ?? res.error}`);
    out.set(name, fs.readFileSync(pdf));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
