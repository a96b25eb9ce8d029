/**
 * The regenerated DOCX opens in LibreOffice: converted to PDF it has A4 pages with the page
 * numbers, title and headings on them; converted to ODT it has the three official tables with
 * every row of the layout. Skipped, saying so, where LibreOffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { reportToDocx } from '../src/export/docx';
import { partLayout } from '../src/formats/layout';
import { getFormat } from '../src/formats/model';
import type { Report } from '../src/report/types';
import { readFixture, readReport } from './helpers/pipeline';
import { findSoffice, officeConvert, onPath } from './helpers/office';
import { consistentValues } from './helpers/report-fixture';

const TIMEOUT_MS = 180_000;

const soffice = findSoffice();
const pdfinfo = onPath('pdfinfo');
const pdftotext = onPath('pdftotext');
const available = !!(soffice && pdfinfo && pdftotext);
if (!available) console.warn('docx-export-libreoffice: soffice/pdfinfo/pdftotext not installed — LibreOffice tests skipped');

/** Converts every file in `dir` to `format` (LibreOffice, private profile, time limit). */
function convert(dir: string, files: readonly string[], format: string): void {
  const r = officeConvert(soffice!, files, format, dir);
  if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr}`);
}

interface Case {
  readonly name: string;
  readonly report: Report;
}

(available ? describe : describe.skip)('the regenerated DOCX in LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lo-'));
  const cases: Case[] = [];

  beforeAll(async () => {
    const sample = fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'));
    cases.push({ name: 'sample-2019', report: await readReport(sample, 'xinzhou-jkq-2020.docx') });
    cases.push({ name: 'fixture-2021', report: await readFixture({ version: '2021', values: consistentValues('2021', 41) }) });
    const files = [];
    for (const c of cases) {
      fs.writeFileSync(path.join(dir, `${c.name}.docx`), await reportToDocx(c.report));
      files.push(`${c.name}.docx`);
    }
    convert(dir, files, 'pdf');
    convert(dir, files, 'odt');
  }, TIMEOUT_MS);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders A4 pages numbered — N —, with the title and the six official headings', () => {
    for (const c of cases) {
      const pdf = path.join(dir, `${c.name}.pdf`);
      const info = spawnSync(pdfinfo!, [pdf], { encoding: 'utf8' }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(0);
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const flat = spawnSync(pdftotext!, [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      for (let n = 1; n <= pages; n++) expect(flat).toContain(`—${n}—`);
      expect(flat).toContain(c.report.meta.title);
      for (const s of getFormat(c.report.meta.format).spec.sections) expect(flat).toContain(s.heading);
    }
  });

  it("holds the official tables of the report's format, each with every row of its layout", () => {
    for (const c of cases) {
      const content = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, `${c.name}.odt`))))['content.xml']);
      const tables = [...content.matchAll(/<table:table [\s\S]*?<\/table:table>/g)].map((m) => m[0]);
      const format = getFormat(c.report.meta.format);
      expect(tables).toHaveLength(format.spec.parts.length);
      format.spec.parts.forEach((part, i) => {
        expect((tables[i].match(/<table:table-row[ >]/g) ?? []).length).toBe(partLayout(format, part.id).height);
      });
    }
  });
});
