/**
 * 重复报送: two or more different files of one body and year. All are kept; one counts in every
 * total: the one the clerk chose last, else the newest upload (a body that sends again usually
 * sends a corrected report).
 */
import type { Entry } from './entry';

export interface DuplicateMark {
  /** How many files of this body and year there are. */
  readonly of: number;
  /** Whether this one counts in totals. */
  readonly counts: boolean;
  /** The ids of the others. */
  readonly others: readonly string[];
}

function counting(group: readonly Entry[]): Entry {
  const chosen = group.filter((e) => e.record.chosenAt).sort((a, b) => b.record.chosenAt!.localeCompare(a.record.chosenAt!));
  return chosen[0] ?? group.reduce((a, b) => (b.record.seq > a.record.seq ? b : a));
}

export function groupDuplicates(entries: readonly Entry[]): Map<string, DuplicateMark> {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.info?.bodyYear;
    if (!key) continue;
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
  }
  const marks = new Map<string, DuplicateMark>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const winner = counting(group);
    for (const e of group) {
      const others = group.filter((o) => o !== e).map((o) => o.record.id);
      marks.set(e.record.id, { of: group.length, counts: e === winner, others });
    }
  }
  return marks;
}
