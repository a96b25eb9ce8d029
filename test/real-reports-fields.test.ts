/**
 * Real published reports are the measure (../shared/real/, see its README): each page read as
 * HTML, as the DOCX LibreOffice makes of it (a clerk's "save the page as Word") and as MHT must
 * give every field of its truth exactly, meta included (but for the truth's ignore_fields); no
 * finding the truth forbids may fire, and every one it expects must. Skipped, with a message, where
 * ../shared is absent.
 */
import * as fs from 'node:fs';
import { processInput, type FileResult } from '../src/core/pipeline';
import type { Report } from '../src/report/types';
import { toMht } from './helpers/html-fixture';
import { realDocx, realReports, type RealReport } from './helpers/real-reports';

const reports = realReports('real-reports-fields.test') ?? [];
const run = reports.length ? describe : describe.skip;

type Kind = 'html' | 'docx' | 'mht';

/** The page as a file of the given kind, or null when it cannot be made here (no LibreOffice). */
function fileOf(real: RealReport, kind: Kind): { name: string; bytes: Uint8Array } | null {
  if (kind === 'docx') {
    const docx = realDocx(real);
    return docx ? { name: `${real.stem}.docx`, bytes: fs.readFileSync(docx) } : null;
  }
  const html = fs.readFileSync(real.htmlPath);
  if (kind === 'html') return { name: `${real.stem}.html`, bytes: html };
  return {
    name: `${real.stem}.mht`,
    bytes: toMht(html.toString('utf8'), { saver: 'blink', transfer: 'quoted-printable', charset: 'utf-8' }),
  };
}

/** Every truth field that differs, as `key: expected …, got … (raw …)`. */
function fieldErrors(report: Report, real: RealReport): string[] {
  return Object.entries(real.truth.fields)
    .filter(([key, want]) => !real.truth.ignore_fields.includes(key) && report.fields[key] !== want)
    .map(
      ([key, want]) =>
        `${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(report.fields[key])} (raw ${JSON.stringify(report.cells[key]?.raw)})`,
    );
}

function ruleErrors(report: Report, real: RealReport): string[] {
  const fired = new Set(report.issues.map((i) => i.rule));
  const forbidden = report.issues
    .filter((i) => real.truth.forbid_rules.includes(i.rule))
    .map((i) => `forbidden ${i.rule}: ${i.message}`);
  const missing = real.truth.expect_rules.filter((r) => !fired.has(r)).map((r) => `expected ${r} did not fire`);
  return [...forbidden, ...missing];
}

const KINDS: readonly Kind[] = ['html', 'docx', 'mht'];
/** LibreOffice converts each page once per run; on a loaded machine that takes a while. */
const CONVERT_TIMEOUT_MS = 240_000;

run('real published reports', () => {
  const tally = { files: 0, fields: 0, exact: 0, metaFields: 0, metaExact: 0 };
  afterAll(() => {
    console.log(
      `real reports: ${tally.files} files; fields exact ${tally.exact}/${tally.fields}; meta exact ${tally.metaExact}/${tally.metaFields}`,
    );
  });

  describe.each(reports.map((r) => [r.stem, r] as const))('%s', (_stem, real) => {
    it.each(KINDS)(
      'read as %s: every field of the truth, meta included, and no false finding',
      async (kind) => {
        const file = fileOf(real, kind);
        if (!file) {
          console.warn(`${real.stem}.${kind}: LibreOffice not installed — skipped`);
          return;
        }
        const result: FileResult = await processInput(file, file.name);
        if (!result.ok) throw new Error(result.error.message);
        const errors = fieldErrors(result.report, real);
        const keys = Object.keys(real.truth.fields).filter((k) => !real.truth.ignore_fields.includes(k));
        tally.files++;
        tally.fields += keys.length;
        tally.exact += keys.length - errors.length;
        const meta = keys.filter((k) => k.startsWith('meta.'));
        tally.metaFields += meta.length;
        tally.metaExact += meta.filter((k) => result.report.fields[k] === real.truth.fields[k]).length;
        expect([...errors, ...ruleErrors(result.report, real)]).toEqual([]);
      },
      CONVERT_TIMEOUT_MS,
    );
  });
});
