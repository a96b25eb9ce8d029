/**
 * The journal of a report's corrections, oldest first. An entry is one action of the clerk: a
 * typed cell, or 空白填 0 (many cells, one entry, so one undo). Undoing marks the entry, it is never
 * deleted, so the journal tells everything that happened. The corrected report is the reading with
 * the entries not undone replayed in order, so corrections survive a re-reading of the original.
 */
import { randomUUID } from 'node:crypto';
import type { Change } from '../core/edit';

export type JournalKind = 'edit' | 'fill-zero';

export interface JournalChange {
  readonly key: string;
  /** The text as the body reported it (as read when the entry was made). */
  readonly reported: string;
  /** The text before this entry (the reported one, or an earlier correction). */
  readonly before: string;
  /** The text the clerk set. */
  readonly text: string;
}

export interface JournalEntry {
  readonly id: string;
  readonly kind: JournalKind;
  /** ISO 8601 time of the action. */
  readonly at: string;
  readonly note?: string;
  readonly changes: readonly JournalChange[];
  /** ISO 8601 time it was undone. */
  readonly undone?: string;
}

/** The changes to replay over the reading: those of the entries not undone, in order. */
export function activeChanges(journal: readonly JournalEntry[]): Change[] {
  return journal
    .filter((e) => !e.undone)
    .flatMap((e) => e.changes.map((c) => ({ key: c.key, text: c.text, at: e.at, ...(e.note ? { note: e.note } : {}) })));
}

/** The newest entry not undone (what Ctrl+Z undoes). */
export function lastActive(journal: readonly JournalEntry[]): JournalEntry | undefined {
  return [...journal].reverse().find((e) => !e.undone);
}

/**
 * Journal entries for corrections a file brought with it (a workbook corrected before it came):
 * one per cell, dated and noted as the file says, `reported` being the text the body reported.
 * Cells the journal already names, even in an entry since undone, are left to the journal.
 */
export function broughtEntries(
  changes: readonly Change[],
  reportedText: (key: string) => string,
  journal: readonly JournalEntry[] = [],
): JournalEntry[] {
  const named = new Set(journal.flatMap((e) => e.changes.map((c) => c.key)));
  return changes
    .filter((c) => !named.has(c.key))
    .map((c) => {
      const reported = reportedText(c.key);
      return {
        id: randomUUID(),
        kind: 'edit' as const,
        at: c.at,
        ...(c.note ? { note: c.note } : {}),
        changes: [{ key: c.key, reported, before: reported, text: c.text }],
      };
    });
}
