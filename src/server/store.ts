/**
 * The reports of the page, kept in a workspace on disk (src/workspace): each upload's record and
 * reading, and its journal of corrections. In memory there are only light facts of each report
 * (report-info.ts) and a few whole reports recently looked at; every change is written durably
 * before the method returns, so an answer sent after it is a promise kept across a crash.
 * Every view and download reads the corrected report from here, so they all agree. The number of
 * entries is capped (SERVER_LIMITS.maxReports); at the cap new files are refused, never evicted.
 */
import { randomUUID } from 'node:crypto';
import { applyChanges, blankCells, editableText, reportedText, splitCorrections } from '../core/edit';
import type { FileError, FileResult } from '../core/pipeline';
import type { Report } from '../report/types';
import { crossYear, type CrossYearResult } from '../validate';
import { activeChanges, broughtEntries, lastActive, type JournalEntry, type JournalKind } from '../workspace/journal';
import { Workspace, type ReportRecord } from '../workspace/workspace';
import { groupDuplicates, type DuplicateMark } from './duplicates';
import type { Entry } from './entry';
import { SERVER_LIMITS } from './limits';
import { reportInfo } from './report-info';

export type { Entry };

export type EntryState = 'ok' | 'errors' | 'failed';

export interface EntrySummary {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly size: number;
  readonly addedAt: string;
  readonly state: EntryState;
  readonly errors: number;
  readonly warnings: number;
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: string | null;
  readonly edited: number;
  readonly figures: Readonly<Record<string, number | string | null>>;
  /** Set when another file of the same body and year is in the workspace (重复报送). */
  readonly duplicate?: DuplicateMark;
  readonly error?: FileError;
}

interface Loaded {
  readonly report: Report;
  readonly journal: JournalEntry[];
}

/** Whole reports kept in memory: the few the clerk is looking at and correcting. */
const CACHED_REPORTS = 16;

export class ReportStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byHash = new Map<string, Entry>();
  /** Files being read that already hold a place under the cap. */
  private pending = 0;
  private seq = 0;
  private version = 0;
  private crossCache: { version: number; result: CrossYearResult } | undefined;
  private dupCache: { version: number; marks: Map<string, DuplicateMark> } | undefined;
  private readonly cache = new Map<string, Loaded>();
  /** One change at a time per report, in the order they came. */
  private readonly locks = new Map<string, Promise<unknown>>();

  private constructor(
    readonly workspace: Workspace,
    readonly capacity: number,
  ) {}

  /** Opens a workspace and restores every report in it with its corrections. */
  static async open(root: string, capacity: number = SERVER_LIMITS.maxReports): Promise<ReportStore> {
    const store = new ReportStore(await Workspace.open(root), capacity);
    for (const record of await store.workspace.records()) {
      const entry: Entry = { record };
      store.entries.set(record.id, entry);
      if (record.original) store.byHash.set(record.sha256, entry);
      store.seq = Math.max(store.seq, record.seq + 1);
      const loaded = await store.load(record.id);
      if (loaded) entry.info = reportInfo(record.id, loaded.report);
      store.cache.delete(record.id);
    }
    return store;
  }

  get root(): string {
    return this.workspace.paths.root;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Reserves room for one file before it is read, so concurrent uploads cannot pass the cap
   * together. The ticket is the file's place in upload order. null when the store is full.
   */
  reserve(): number | null {
    if (this.entries.size + this.pending >= this.capacity) return null;
    this.pending++;
    return this.seq++;
  }

  /** Gives back a reservation that was not used. */
  release(): void {
    this.pending = Math.max(0, this.pending - 1);
  }

  /** The report already holding a file with these bytes. */
  byContent(sha256: string): Entry | undefined {
    return this.byHash.get(sha256);
  }

  /** Adds a read file (its reservation is used up), durably: original, reading, then record. */
  async add(
    ticket: number,
    result: FileResult,
    upload: { name: string; size: number; sha256: string; bytes?: Uint8Array },
  ): Promise<Entry> {
    try {
      const original = upload.bytes ? await this.workspace.saveOriginal(upload.sha256, upload.name, upload.bytes) : undefined;
      const record: ReportRecord = {
        id: randomUUID(),
        seq: ticket,
        name: upload.name,
        size: upload.size,
        sha256: upload.sha256,
        ...(original ? { original } : {}),
        addedAt: new Date().toISOString(),
        ...(result.ok ? {} : { error: result.error }),
      };
      const kept = result.ok ? journalled(result.report) : undefined;
      await this.workspace.addReport(record, kept?.reading, kept?.journal);
      const report = kept && applyChanges(kept.reading, activeChanges(kept.journal));
      const entry: Entry = { record, ...(report ? { info: reportInfo(record.id, report) } : {}) };
      if (kept && report) this.remember(record.id, { report, journal: kept.journal });
      this.entries.set(record.id, entry);
      if (original && !this.byHash.has(upload.sha256)) this.byHash.set(upload.sha256, entry);
      this.changed();
      return entry;
    } finally {
      this.release();
    }
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** Entries in upload order. */
  list(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.record.seq - b.record.seq);
  }

  async remove(id: string): Promise<boolean> {
    const entry = this.entries.get(id);
    if (!entry) return false;
    return this.serial(id, async () => {
      if (!this.entries.has(id)) return false;
      this.entries.delete(id);
      this.cache.delete(id);
      const sha = entry.record.sha256;
      const other = [...this.entries.values()].find((e) => e.record.sha256 === sha && e.record.original);
      if (this.byHash.get(sha) === entry) {
        if (other) this.byHash.set(sha, other);
        else this.byHash.delete(sha);
      }
      await this.workspace.removeReport(entry.record, Boolean(other));
      this.changed();
      return true;
    });
  }

  async clear(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.remove(id)));
  }

  /** The corrected report and its journal, from the cache or the workspace. */
  private async load(id: string): Promise<Loaded | undefined> {
    const hit = this.cache.get(id);
    if (hit) {
      this.remember(id, hit);
      return hit;
    }
    const reading = await this.workspace.reading(id);
    if (!reading) return undefined;
    const journal = await this.workspace.journal(id);
    const loaded = { report: applyChanges(reading, activeChanges(journal)), journal };
    this.remember(id, loaded);
    return loaded;
  }

  private remember(id: string, loaded: Loaded): void {
    this.cache.delete(id);
    this.cache.set(id, loaded);
    while (this.cache.size > CACHED_REPORTS) this.cache.delete(this.cache.keys().next().value!);
  }

  private changed(): void {
    this.version++;
  }

  private serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const before = this.locks.get(id) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.catch(() => undefined);
    this.locks.set(id, settled);
    void settled.then(() => {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    });
    return run;
  }

  /**
   * Writes a new journal and makes the report it gives current. The journal is replayed over the
   * reading first, so a change that cannot be read (EditError) throws before anything is written.
   */
  private async commit(entry: Entry, journal: JournalEntry[]): Promise<void> {
    const reading = await this.workspace.reading(entry.record.id);
    if (!reading) return;
    const report = applyChanges(reading, activeChanges(journal));
    await this.workspace.saveJournal(entry.record.id, journal);
    this.remember(entry.record.id, { report, journal });
    entry.info = reportInfo(entry.record.id, report);
    this.changed();
  }

  /** Journals an action of the clerk: the given keys set to texts, as one entry (one undo). */
  private act(entry: Entry, kind: JournalKind, texts: readonly [string, string][], note?: string): Promise<void> {
    return this.serial(entry.record.id, async () => {
      const loaded = await this.load(entry.record.id);
      if (!loaded) return;
      const { report, journal } = loaded;
      const changes = texts
        .map(([key, text]) => ({ key, reported: reportedText(report, key), before: editableText(report, key), text }))
        .filter((c) => c.text !== c.before);
      if (!changes.length) return;
      const trimmed = note?.trim();
      const item: JournalEntry = {
        id: randomUUID(),
        kind,
        at: new Date().toISOString(),
        ...(trimmed ? { note: trimmed } : {}),
        changes,
      };
      await this.commit(entry, [...journal, item]);
    });
  }

  /** Sets one cell or meta field to the text the clerk typed (a note may say why). */
  edit(entry: Entry, key: string, raw: string, note?: string): Promise<void> {
    return this.act(entry, 'edit', [[key, raw]], note);
  }

  /** 空白填 0: every blank table cell set to 0, as one journal entry. */
  async fillZero(entry: Entry): Promise<void> {
    const loaded = await this.load(entry.record.id);
    if (!loaded) return;
    await this.act(
      entry,
      'fill-zero',
      blankCells(loaded.report).map((key) => [key, '0']),
      '空白填 0',
    );
  }

  /** Undoes one journal entry (by id), or the newest not undone (Ctrl+Z). false when there is none. */
  undo(entry: Entry, journalId?: string): Promise<boolean> {
    return this.serial(entry.record.id, async () => {
      const loaded = await this.load(entry.record.id);
      if (!loaded) return false;
      const target = journalId ? loaded.journal.find((e) => e.id === journalId && !e.undone) : lastActive(loaded.journal);
      if (!target) return false;
      const at = new Date().toISOString();
      await this.commit(
        entry,
        loaded.journal.map((e) => (e === target ? { ...e, undone: at } : e)),
      );
      return true;
    });
  }

  /**
   * Replaces the reading of a report by a new reading of its original (a newer version of the
   * reader); the journal is replayed over it, so every correction survives.
   */
  reread(entry: Entry, result: FileResult): Promise<void> {
    return this.serial(entry.record.id, async () => {
      const { error: _old, ...rest } = entry.record;
      void _old;
      const record: ReportRecord = result.ok ? rest : { ...rest, error: result.error };
      const journal = await this.workspace.journal(record.id);
      const kept = result.ok ? journalled(result.report, journal) : undefined;
      if (kept && kept.journal.length > journal.length) await this.workspace.saveJournal(record.id, kept.journal);
      await this.workspace.replaceReading(record, kept?.reading);
      entry.record = record;
      this.cache.delete(record.id);
      const loaded = await this.load(record.id);
      if (loaded) entry.info = reportInfo(record.id, loaded.report);
      else delete entry.info;
      this.changed();
    });
  }

  /** Among duplicates of one body and year, this one counts from now on. */
  choose(entry: Entry): Promise<void> {
    return this.serial(entry.record.id, async () => {
      entry.record = { ...entry.record, chosenAt: new Date().toISOString() };
      await this.workspace.saveRecord(entry.record);
      this.changed();
    });
  }

  async journal(entry: Entry): Promise<readonly JournalEntry[]> {
    return (await this.load(entry.record.id))?.journal ?? [];
  }

  /**
   * Cross-year pairs and findings of everything in the workspace, all years, recomputed only after
   * a change. Of duplicates of a body and year only the one that counts is paired.
   */
  crossYear(): CrossYearResult {
    if (this.crossCache?.version !== this.version) {
      const records = this.list().flatMap((e) => (e.info && this.counts(e) ? [e.info.record] : []));
      this.crossCache = { version: this.version, result: crossYear(records) };
    }
    return this.crossCache.result;
  }

  /** Reports of a body and year that another file repeats, and which one of each counts. */
  duplicates(): Map<string, DuplicateMark> {
    if (this.dupCache?.version !== this.version) this.dupCache = { version: this.version, marks: groupDuplicates(this.list()) };
    return this.dupCache.marks;
  }

  /** Whether the report counts in totals: read, and not a duplicate set aside. */
  counts(entry: Entry): boolean {
    return Boolean(entry.info) && (this.duplicates().get(entry.record.id)?.counts ?? true);
  }

  /** The corrected report with its own findings only. */
  async corrected(entry: Entry): Promise<Report | undefined> {
    return (await this.load(entry.record.id))?.report;
  }

  /** The report as every view and download shows it: its own findings plus its cross-year findings. */
  async current(entry: Entry): Promise<Report | undefined> {
    const report = await this.corrected(entry);
    if (!report) return undefined;
    const cross = this.crossYear().findings.get(entry.record.id) ?? [];
    return cross.length ? { ...report, issues: [...report.issues, ...cross] } : report;
  }

  summary(entry: Entry): EntrySummary {
    const { record, info } = entry;
    let errors = info?.errors ?? 0;
    let warnings = info?.warnings ?? 0;
    for (const f of this.crossYear().findings.get(record.id) ?? []) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    const duplicate = this.duplicates().get(record.id);
    return {
      id: record.id,
      seq: record.seq,
      name: record.name,
      size: record.size,
      addedAt: record.addedAt,
      state: !info ? 'failed' : errors ? 'errors' : 'ok',
      errors,
      warnings,
      agency: info?.agency ?? null,
      year: info?.year ?? null,
      format: info?.format ?? null,
      edited: info?.corrected ?? 0,
      figures: info?.figures ?? {},
      ...(duplicate ? { duplicate } : {}),
      ...(record.error ? { error: record.error } : {}),
    };
  }
}

/**
 * What the workspace keeps of a read file: the reading as the body reported it, and the journal
 * with the corrections the file brought (a corrected workbook) appended to `journal`.
 */
function journalled(report: Report, journal: readonly JournalEntry[] = []): { reading: Report; journal: JournalEntry[] } {
  const { reported, changes } = splitCorrections(report);
  return { reading: reported, journal: [...journal, ...broughtEntries(changes, (key) => reportedText(reported, key), journal)] };
}
