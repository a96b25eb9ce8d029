/**
 * The bar of issue 3: on reports the validator has not seen, every injected defect is reported
 * with the right rule id (recall ≥ 98%), and clean reports get no error-severity finding. Each
 * report is a real DOCX built from the format description, read by the real pipeline.
 */
import { readFixture } from './helpers/pipeline';
import { cleanFixtureWithStatements, DEFECTS, injectDefect } from './validate-defects';

const SEEDS_PER_KIND = 10;
const FORMATS = ['2019', '2021'] as const;

describe('injected defects are reported with the right rule id', () => {
  for (const version of FORMATS) {
    it(`finds ≥ 98% of ${Object.keys(DEFECTS).length * SEEDS_PER_KIND} random single defects in ${version}-format reports`, async () => {
      const misses: string[] = [];
      let total = 0;
      for (const kind of Object.keys(DEFECTS)) {
        for (let s = 0; s < SEEDS_PER_KIND; s++) {
          const seed = 1000 + s * 37 + kind.length * 101 + (version === '2021' ? 5000 : 0);
          const injected = injectDefect(version, seed, kind);
          const report = await readFixture(injected.fixture);
          total++;
          const hits = report.issues.filter((f) => f.rule === injected.rule && injected.keys.every((k) => f.fields.includes(k)));
          if (!hits.length) misses.push(`${kind} seed ${seed}: got ${report.issues.map((f) => f.rule).join(', ') || 'nothing'}`);
        }
      }
      const recall = (total - misses.length) / total;
      console.log(
        `recall ${version}: ${total - misses.length}/${total} = ${(recall * 100).toFixed(1)}%${misses.length ? `\n${misses.join('\n')}` : ''}`,
      );
      expect(recall).toBeGreaterThanOrEqual(0.98);
    }, 180_000);
  }
});

describe('clean reports', () => {
  for (const version of FORMATS) {
    it(`give no finding at all, over 40 seeds of ${version}-format reports that state their totals in the text`, async () => {
      const noisy: string[] = [];
      for (let seed = 1; seed <= 40; seed++) {
        const report = await readFixture(cleanFixtureWithStatements(version, seed));
        if (report.issues.length) noisy.push(`seed ${seed}: ${report.issues.map((f) => `${f.rule} ${f.message}`).join(' | ')}`);
      }
      expect(noisy).toEqual([]);
    }, 180_000);
  }
});
