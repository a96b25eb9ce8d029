/**
 * Every limit of the web server, in one place. The page reads them from /api/config, so what it
 * checks before uploading and what it tells the clerk are the numbers the server enforces.
 */
import { LIMITS } from '../ingest/limits';

export const SERVER_LIMITS = {
  /** Largest single uploaded file: the same limit the reader applies to any input file. */
  maxFileBytes: LIMITS.maxFileBytes,
  /** Largest upload request (all files of one request together). */
  maxRequestBytes: 200 * 1024 * 1024,
  /** Most files in one upload request. */
  maxFilesPerRequest: 300,
  /** Upload requests being received at once; more are refused (503) so memory stays bounded. */
  maxConcurrentUploads: 16,
  /**
   * Reports (and failed files) a workspace holds; further uploads are refused until some are
   * removed. Only light facts of each are in memory (the reports stay on disk), so this bounds
   * memory at a few tens of MB, and several years of a county's reports fit.
   */
  maxReports: 5000,
  /** Largest JSON request body (a cell edit). */
  maxJsonBytes: 64 * 1024,
  /** Uploads the page runs at once: enough to keep the worker pool busy, few enough to show progress. */
  pageUploadConcurrency: 4,
} as const;

export type ServerLimits = typeof SERVER_LIMITS;

/** 52428800 → "50 MB", for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
