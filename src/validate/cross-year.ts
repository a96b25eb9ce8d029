/**
 * The cross-year rules over a batch: reports of one agency (agency.ts) in consecutive years are
 * paired, and each pair is checked against the `carry` entries of the later report's format
 * (CROSS_YEAR_CARRY, CROSS_YEAR_IN_FORCE) and for jumps (YOY_JUMP). Several reports of one agency
 * and year pair only when they hold the same figures (the same report twice); otherwise that year
 * is left unpaired, since we cannot tell which one is meant.
 */
import type { Finding } from '../report/types';
import { agencyKey } from './agency';
import { carryFindings } from './carry';
import type { CrossYearPair, CrossYearResult, UnpairedRecord, YearRecord } from './year-record';
import { jumpFindings } from './yoy-jump';

type Identity = Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'>;

interface YearGroup {
  readonly year: number;
  readonly records: readonly YearRecord[];
  readonly consistent: boolean;
}

function identity(r: YearRecord): Identity {
  return { id: r.id, file: r.file, agency: r.agency, year: r.year };
}

function tableFigures(r: YearRecord): string {
  const keys = Object.keys(r.fields)
    .filter((k) => !k.startsWith('meta.') && typeof r.fields[k] === 'number')
    .sort();
  return `${r.format}|${keys.map((k) => `${k}=${r.fields[k]}`).join(',')}`;
}

function groupsByAgency(records: readonly YearRecord[], unpaired: UnpairedRecord[]): Map<string, Map<number, YearRecord[]>> {
  const groups = new Map<string, Map<number, YearRecord[]>>();
  for (const r of records) {
    const key = agencyKey(r.agency);
    if (!key) {
      unpaired.push({ ...identity(r), reason: 'no-agency', note: '未识别出机关名称，无法与其他年度配对' });
      continue;
    }
    if (r.year === null) {
      unpaired.push({ ...identity(r), reason: 'no-year', note: '未识别出报告年度，无法与其他年度配对' });
      continue;
    }
    const years = groups.get(key) ?? new Map<number, YearRecord[]>();
    years.set(r.year, [...(years.get(r.year) ?? []), r]);
    groups.set(key, years);
  }
  return groups;
}

function yearGroups(years: Map<number, YearRecord[]>): YearGroup[] {
  return [...years]
    .sort((a, b) => a[0] - b[0])
    .map(([year, recs]) => ({
      year,
      records: recs,
      consistent: recs.length === 1 || new Set(recs.map(tableFigures)).size === 1,
    }));
}

export function pairAndCheck(records: readonly YearRecord[]): CrossYearResult {
  const unpaired: UnpairedRecord[] = [];
  const pairs: CrossYearPair[] = [];
  const findings = new Map<string, Finding[]>();
  for (const [agencyKey, years] of groupsByAgency(records, unpaired)) {
    const groups = yearGroups(years);
    for (const g of groups) {
      if (!g.consistent) {
        for (const r of g.records)
          unpaired.push({
            ...identity(r),
            reason: 'duplicate',
            note: `同一机关同一年度有 ${g.records.length} 份数据不同的报告，无法确定与哪一份配对`,
          });
      }
    }
    for (let i = 1; i < groups.length; i++) {
      const [prev, next] = [groups[i - 1], groups[i]];
      if (next.year !== prev.year + 1 || !prev.consistent || !next.consistent) continue;
      const earlier = prev.records[0];
      const later = next.records[0];
      const found = [...carryFindings(earlier, later), ...jumpFindings(earlier, later)];
      pairs.push({ agencyKey, earlier: identity(earlier), later: identity(later), findings: found });
      for (const r of next.records) findings.set(r.id, [...(findings.get(r.id) ?? []), ...found]);
    }
  }
  return { pairs, findings, unpaired };
}
