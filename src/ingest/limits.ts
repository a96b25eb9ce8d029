/** Resource limits for reading one file, in one place. */
export const LIMITS = {
  /** Largest input file accepted. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest inflated size of any one zip entry (document.xml etc.). */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Largest inflated size of all zip entries read together. */
  maxTotalInflatedBytes: 128 * 1024 * 1024,
} as const;
