/** The benchmark's corpus: varied generated reports (test/helpers/corpus.ts) written as DOCX files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDocx } from '../test/helpers/docx-fixture';
import { corpusReport } from '../test/helpers/corpus';
import { reportBlocks } from '../test/helpers/report-fixture';

/** Writes `count` reports into `dir`; returns their paths. */
export async function writeCorpus(dir: string, count: number): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const file = path.join(dir, `report-${String(seed).padStart(4, '0')}.docx`);
    fs.writeFileSync(file, await buildDocx(reportBlocks(corpusReport(seed).fixture)));
    files.push(file);
  }
  return files;
}
