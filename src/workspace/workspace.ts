/**
 * A workspace on disk: the originals (stored once by content hash), the reading of each report and
 * its journal of corrections, as plain JSON files (layout.ts). Every write is durable before it
 * returns (atomic.ts), so whoever answers a clerk after a write can promise the work is kept.
 * This class only reads and writes files; what the server makes of them is in server/store.ts.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { FileError } from '../core/pipeline';
import type { Report } from '../report/types';
import { removeFile, syncDir, TEMP_MARK, writeFileAtomic, writeJsonAtomic } from './atomic';
import type { JournalEntry } from './journal';
import {
  JOURNAL_FILE,
  originalName,
  README,
  READING_FILE,
  RECORD_FILE,
  reportDir,
  workspacePaths,
  type WorkspacePaths,
} from './layout';

/** What the workspace knows of one uploaded file besides its reading. */
export interface ReportRecord {
  readonly id: string;
  /** Upload order. */
  readonly seq: number;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  /** The original's file name in originals/ (absent for a file too large to keep). */
  readonly original?: string;
  /** ISO 8601 time of the upload. */
  readonly addedAt: string;
  readonly error?: FileError;
  /** When the clerk chose this one to count among duplicates of a body and year. */
  readonly chosenAt?: string;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export class Workspace {
  private constructor(readonly paths: WorkspacePaths) {}

  /** Opens the folder as a workspace, creating it (and its README) when new. */
  static async open(root: string): Promise<Workspace> {
    const paths = workspacePaths(path.resolve(root));
    await fs.mkdir(paths.originals, { recursive: true });
    await fs.mkdir(paths.reports, { recursive: true });
    const readme = path.join(paths.root, 'README.txt');
    if (!(await exists(readme))) await writeFileAtomic(readme, README);
    return new Workspace(paths);
  }

  /**
   * The records of every report, in upload order. A report folder without a record is a write cut
   * short by a crash before the upload was answered: it is skipped.
   */
  async records(): Promise<ReportRecord[]> {
    const out: ReportRecord[] = [];
    for (const id of await fs.readdir(this.paths.reports)) {
      if (id.includes(TEMP_MARK)) continue;
      const file = path.join(reportDir(this.paths, id), RECORD_FILE);
      if (await exists(file)) out.push(await readJson<ReportRecord>(file));
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Keeps the bytes of an original once: a file with this hash already there is the same file. */
  async saveOriginal(sha256: string, fileName: string, bytes: Uint8Array): Promise<string> {
    const name = originalName(sha256, fileName);
    const target = path.join(this.paths.originals, name);
    if (!(await exists(target))) await writeFileAtomic(target, bytes);
    return name;
  }

  originalPath(record: ReportRecord): string | undefined {
    return record.original ? path.join(this.paths.originals, record.original) : undefined;
  }

  /** Stores a new report: its reading first, its record last, so a record always has its reading. */
  /** A new report: its reading and the journal it comes with first, its record last (then it exists). */
  async addReport(record: ReportRecord, reading: Report | undefined, journal: readonly JournalEntry[] = []): Promise<void> {
    const dir = reportDir(this.paths, record.id);
    await fs.mkdir(dir, { recursive: true });
    await syncDir(this.paths.reports);
    if (reading) await writeJsonAtomic(path.join(dir, READING_FILE), reading);
    if (journal.length) await writeJsonAtomic(path.join(dir, JOURNAL_FILE), journal);
    await writeJsonAtomic(path.join(dir, RECORD_FILE), record);
  }

  /** A new reading of a report's original, and its record (a reading that failed removes the old one). */
  async replaceReading(record: ReportRecord, reading: Report | undefined): Promise<void> {
    const file = path.join(reportDir(this.paths, record.id), READING_FILE);
    if (reading) await writeJsonAtomic(file, reading);
    else await removeFile(file);
    await this.saveRecord(record);
  }

  async saveRecord(record: ReportRecord): Promise<void> {
    await writeJsonAtomic(path.join(reportDir(this.paths, record.id), RECORD_FILE), record);
  }

  async reading(id: string): Promise<Report | undefined> {
    const file = path.join(reportDir(this.paths, id), READING_FILE);
    return (await exists(file)) ? readJson<Report>(file) : undefined;
  }

  async journal(id: string): Promise<JournalEntry[]> {
    const file = path.join(reportDir(this.paths, id), JOURNAL_FILE);
    return (await exists(file)) ? readJson<JournalEntry[]>(file) : [];
  }

  async saveJournal(id: string, journal: readonly JournalEntry[]): Promise<void> {
    await writeJsonAtomic(path.join(reportDir(this.paths, id), JOURNAL_FILE), journal);
  }

  /**
   * Removes a report: its record first (from then on it is gone, even if a crash stops the rest),
   * then its folder, and its original when no other report uses it.
   */
  async removeReport(record: ReportRecord, originalStillUsed: boolean): Promise<void> {
    const dir = reportDir(this.paths, record.id);
    await removeFile(path.join(dir, RECORD_FILE));
    await fs.rm(dir, { recursive: true, force: true });
    const original = this.originalPath(record);
    if (original && !originalStillUsed) await removeFile(original);
  }

  /** Any small JSON file of the workspace by name (the roster of a year). */
  async readExtra<T>(name: string): Promise<T | undefined> {
    const file = path.join(this.paths.root, name);
    return (await exists(file)) ? readJson<T>(file) : undefined;
  }

  async saveExtra(name: string, value: unknown): Promise<void> {
    await writeJsonAtomic(path.join(this.paths.root, name), value);
  }
}
