/**
 * The PDF reader against the DOCX reader: DOCX fixtures of every family of the suite (the bundled
 * sample, standard reports of both formats, quirky layouts built with the docx package) and the real published reports' LibreOffice DOCX, all printed to PDF by
 * LibreOffice in one call. Each PDF must give the fields its DOCX gives, and the right ones.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDocx } from './helpers/docx-fixture';
import { printToPdf } from './helpers/pdf-print';
import { fieldDiff, readReport } from './helpers/pipeline';
import { realDocx, realReports } from './helpers/real-reports';
import { docxFamilies } from './helpers/docx-families';
import { reportBlocks, type FxReport, type Values } from './helpers/report-fixture';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

interface Fixture {
  readonly name: string;
  readonly docx: () => Promise<Uint8Array>;
  /** The fields the report really has. */
  readonly expected: Values;
  /** Real reports: keys the truth cannot decide; and the PDF is held to its DOCX, whose reading may miss some. */
  readonly ignore?: readonly string[];
}

const built = (name: string, r: FxReport): Fixture => ({ name, docx: () => buildDocx(reportBlocks(r)), expected: r.values! });

const FIXTURES: Fixture[] = [
  {
    name: 'the bundled sample',
    docx: async () => fs.readFileSync(SAMPLE),
    expected: JSON.parse(fs.readFileSync(SAMPLE.replace('.docx', '.expected.json'), 'utf8')).fields,
  },
  ...docxFamilies([1, 2], [4, 5]).map((f) => built(f.name, f.report)),
  // Raw WordprocessingML fixtures are left out: their tables have no borders, and a table printed
  // without a single ruling line is not read as a table (see the report of issue 14).
];

const realList = realReports('pdf-differential') ?? [];
const REAL: Fixture[] = realList.map((r) => ({
  name: `real report ${r.stem} (its LibreOffice DOCX)`,
  docx: async () => fs.readFileSync(realDocx(r) ?? ''),
  expected: r.truth.fields,
  ignore: r.truth.ignore_fields,
}));

const ALL = [...FIXTURES, ...REAL];
const fileName = (i: number): string => `f${String(i).padStart(2, '0')}.docx`;
let pdfs: Map<string, Buffer> | null = null;

beforeAll(async () => {
  const files = new Map<string, Uint8Array>();
  for (const [i, f] of ALL.entries()) files.set(fileName(i), await f.docx());
  pdfs = printToPdf(files);
  if (!pdfs) console.warn('pdf-differential: LibreOffice (soffice) not installed — PDF fixtures skipped');
}, 300_000);

const without = (fields: Readonly<Record<string, unknown>>, ignore: readonly string[] = []) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => !ignore.includes(k)));

describe('a DOCX printed to PDF by LibreOffice reads with the fields of the DOCX', () => {
  const tally = { fields: 0, right: 0, files: 0 };
  afterAll(() => {
    if (tally.files > 0)
      console.log(
        `pdf-differential: ${tally.right}/${tally.fields} fields right on ${tally.files} PDFs (${((100 * tally.right) / tally.fields).toFixed(2)}%)`,
      );
  });

  it.each(ALL.map((f, i) => [f.name, i] as const))('%s', async (_name, i) => {
    if (!pdfs) return;
    const fixture = ALL[i];
    const docx = await readReport(await fixture.docx(), 'report.docx');
    const pdf = await readReport(pdfs.get(fileName(i))!, 'report.pdf');
    expect(pdf.source.reader).toBe('pdf');
    const expected = without(fixture.expected, fixture.ignore);
    const wrong = fieldDiff(pdf.fields, expected);
    tally.files++;
    tally.fields += Object.keys(expected).length;
    tally.right += Object.keys(expected).length - wrong.length;
    expect(fieldDiff(pdf.fields, without(docx.fields, fixture.ignore))).toEqual([]);
    if (!fixture.ignore) expect(wrong).toEqual([]);
  });
});

/** The text poppler's pdftotext finds on each page, spaces removed; null without poppler-utils. */
function pageTexts(pdf: Buffer): string[] | null {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pages-')), 'f.pdf');
  fs.writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return r.status === 0 ? r.stdout.split('\f').map((t) => t.replace(/\s+/g, '')) : null;
}

describe('a field read from a PDF names the page it is printed on', () => {
  it('the sample: every cell found names a page, poppler finds its text on that page, and its tables span pages', async () => {
    if (!pdfs) return;
    const pages = pageTexts(pdfs.get(fileName(0))!);
    if (!pages) return console.warn('pdf-differential: pdftotext (poppler-utils) not installed — page check skipped');
    const report = await readReport(pdfs.get(fileName(0))!, 'report.pdf');
    const found = Object.values(report.cells).filter((c) => c.source);
    const fromDocx = await readReport(await ALL[0].docx(), 'report.docx');
    expect(found.length).toBe(Object.values(fromDocx.cells).filter((c) => c.source).length);
    const misplaced = found.filter((c) => !c.source!.page || !pages[c.source!.page - 1].includes(c.raw.replace(/\s+/g, '')));
    expect(misplaced).toEqual([]);
    expect(new Set(found.map((c) => c.source!.page)).size).toBeGreaterThan(1);
  });
});
