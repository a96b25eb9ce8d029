/**
 * The journal of a report's corrections, oldest first. An entry is one action of the clerk: a
 * typed cell, or 空白填 0 (many cells, one entry, so one undo). Undoing marks the entry, it is never
 * deleted, so the journal tells everything that happened. The corrected report is the reading with
 * the entries not undone replayed in order, so corrections survive a re-reading of the original.
 */
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
