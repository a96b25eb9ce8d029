/**
 * The light records the cross-year rules pair and the shape of their result. Their own module, so
 * that the rules (cross-year.ts, carry.ts, yoy-jump.ts, record.ts) and index.ts import them without
 * an import circle.
 */
import type { FormatVersion } from '../formats/types';
import type { FieldValue, Finding } from '../report/types';

/** A report as the cross-year rules need it: light enough to keep thousands in memory. */
export interface YearRecord {
  /** Unique within the batch (e.g. the file path). */
  readonly id: string;
  readonly file: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: FormatVersion;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

export interface CrossYearPair {
  /** The normalised agency name the two reports were paired by. */
  readonly agencyKey: string;
  readonly earlier: Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'>;
  readonly later: Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'>;
  /** Cross-year findings (CROSS_YEAR_CARRY, CROSS_YEAR_IN_FORCE, YOY_JUMP) of the later report. */
  readonly findings: readonly Finding[];
}

/** A report that could not take part in a pair for a reason worth telling (a lone year is not one). */
export interface UnpairedRecord extends Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'> {
  readonly reason: 'no-agency' | 'no-year' | 'duplicate';
  /** Chinese explanation for the user. */
  readonly note: string;
}

export interface CrossYearResult {
  readonly pairs: readonly CrossYearPair[];
  /** Findings by YearRecord id. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** Reports left out of pairing: no agency name, no year, or several differing reports of one agency and year. */
  readonly unpaired: readonly UnpairedRecord[];
}
