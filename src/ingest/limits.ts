/** Resource limits for reading one file, in one place. */
export const LIMITS = {
  /** Largest input file accepted. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest inflated size of any one zip entry (document.xml etc.). */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Largest inflated size of the small parts read whole: relationships, styles, numbering. */
  maxPartBytes: 16 * 1024 * 1024,
  /** Largest inflated size of all zip entries read together. */
  maxTotalInflatedBytes: 128 * 1024 * 1024,
  /** Most entries a DOCX zip may list; Word writes a few dozen (one per image, header, …). */
  maxZipEntries: 5000,
  /**
   * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one
   * step allocates at most ~16 MB before the inflated-size checks run: a zip bomb is stopped
   * after one step instead of being inflated whole.
   */
  inflateStepBytes: 16 * 1024,
  /** Rows of one table; a real report's tables have < 200, a 20,000-row table is still read. */
  maxTableRows: 100_000,
  /** Grid columns of one table (w:gridSpan, w:gridBefore clamped to it); = GRID_LIMITS.maxColumns of document/grid.ts. */
  maxTableColumns: 512,
  /** Cells (origins) of one table; kept ≤ GRID_LIMITS.maxCells of document/grid.ts. */
  maxTableCells: 200_000,
  /** Cells of all tables of one document together. */
  maxDocumentCells: 1_000_000,
  /** Tables inside tables; real reports nest at most 2–3 deep (page-layout tables). */
  maxTableDepth: 64,
  /** Tables of one document, nested ones included. */
  maxTables: 20_000,
  /** One LibreOffice conversion (.doc/.wps/.rtf: 5 s idle, up to 14 s on a busy machine); below the batch's 20 s per-file budget. */
  convertTimeoutMs: 18_000,
  /** Pages of one PDF; an annual report has 5–30. */
  maxPdfPages: 200,
} as const;
