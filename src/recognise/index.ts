/**
 * Document → Report. Reads the tables against both official formats and keeps the one whose
 * labels the document matches better (the format is decided by the tables, not by the year), then
 * the meta data and the six sections.
 */
import type { Block, Document } from '../document/types';
import { FORMAT_VERSIONS, formatForYear, getFormat, latestFormat, type Format } from '../formats/model';
import type { FormatVersion } from '../formats/types';
import { attachmentLine } from '../ingest/attachments';
import { IngestError } from '../ingest/errors';
import type { FieldCell, FieldValue, Report, Section, SourceInfo } from '../report/types';
import { yearOf } from './dates';
import { readMeta } from './meta';
import { sectionSpecs } from '../formats/headings';
import { sectionText } from '../report/section-text';
import { partsByTable, sectionBlocks } from './section-blocks';
import { documentNotes } from './notes';
import { findHeadings } from './sections';
import { readTables, type ReadCell, type TableReading } from './tables';

function found(reading: TableReading): number {
  let n = 0;
  for (const cell of reading.cells.values()) if (cell.status !== 'missing') n++;
  return n;
}

/**
 * Reads the tables against the format the year suggests; only when that leaves fields unfound are
 * the other formats tried (newest first), and the one the labels match best kept (ties go to the year's format).
 */
function chooseReading(document: Document, year: number | null): TableReading {
  const preferred = year ? formatForYear(year) : latestFormat();
  let best = readTables(document, preferred);
  if (found(best) === tableFieldCount(preferred)) return best;
  for (const other of [...FORMAT_VERSIONS].reverse().filter((v) => v !== preferred)) {
    const reading = readTables(document, other);
    if (found(reading) > found(best)) best = reading;
  }
  return best;
}

function tableFieldCount(version: FormatVersion): number {
  return getFormat(version).fields.filter((f) => f.part !== 'meta').length;
}

function paragraphText(blocks: readonly Block[], from: number, to: number, skip: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b.kind === 'paragraph' && !skip.has(i) && b.text.trim()) out.push(b.text);
  }
  return out;
}

/**
 * Every table field of the format into `fields`, and its cell: what was read, or missing. Its own
 * function: a loop over some 200 fields in recognise() made V8 optimise recognise() itself, with
 * everything it calls inlined, in every thread and again after each deoptimisation.
 */
function tableFields(
  format: Format,
  read: ReadonlyMap<string, ReadCell>,
  fields: Record<string, FieldValue>,
): Record<string, FieldCell> {
  const cells: Record<string, FieldCell> = {};
  for (const field of format.fields) {
    if (field.part === 'meta') continue;
    const cell = read.get(field.key);
    fields[field.key] = cell?.value ?? null;
    if (cell) {
      const { value: _value, ...rest } = cell;
      cells[field.key] = rest;
    } else {
      cells[field.key] = { raw: '', status: 'missing' };
    }
  }
  return cells;
}

export function recognise(document: Document, source: SourceInfo): Report {
  const { blocks } = document;
  const headings = findHeadings(blocks);
  const meta = readMeta(blocks, headings[0]?.block ?? -1);
  const reading = chooseReading(document, meta.year);
  if (!reading.matches.length && !headings.length) {
    // A page that only links to the report (附件：某某县2023年…报告.pdf): the file is elsewhere.
    const attachment = attachmentLine(blocks) ?? document.messages.find((m) => m.code === 'WEB_PAGE_ATTACHMENT')?.files?.[0];
    if (attachment) throw new IngestError('ATTACHMENT_ONLY', source.name, attachment);
  }
  // A report shows itself by its tables, its section headings, or at least a dated report title.
  if (!reading.matches.length && headings.length < 2 && !(meta.title && yearOf(meta.title))) {
    throw new IngestError('NOT_A_REPORT', source.name);
  }
  const format = getFormat(reading.version);
  const skip = new Set([...meta.titleBlocks, ...meta.closingBlocks]);

  const parts = partsByTable(reading.matches);
  // Headings in document order: a section ends where the next one printed begins, in or out of order.
  const sections: Section[] = sectionSpecs().map((spec) => {
    const at = headings.findIndex((h) => h.section === spec);
    const hit = headings[at];
    if (!hit) return { no: spec.no, id: spec.id, official: spec.heading, heading: null, paragraphs: [], blocks: [] };
    const end = headings[at + 1]?.block ?? blocks.length;
    const own = [
      ...(hit.rest ? [{ kind: 'paragraph' as const, text: hit.rest }] : []),
      ...sectionBlocks(blocks, hit.block + 1, end, skip, parts),
    ];
    return {
      no: spec.no,
      id: spec.id,
      official: spec.heading,
      heading: hit.heading,
      paragraphs: sectionText(own),
      blocks: own,
      printedAt: at,
    };
  });
  const firstHeading = headings[0]?.block ?? 0;
  const preambleStart = Math.max(0, ...meta.titleBlocks.map((b) => b + 1));

  const fields: Record<string, FieldValue> = {
    'meta.title': meta.title,
    'meta.agency': meta.agency,
    'meta.issuer': meta.issuer,
    'meta.year': meta.year,
    'meta.format': reading.version,
    'meta.publishDate': meta.publishDate,
  };
  const cells = tableFields(format, reading.cells, fields);
  // The reader's notes first: they say what was left out before any table was read.
  const diagnostics = [...documentNotes(document), ...reading.diagnostics];
  return {
    source: { ...source, reader: document.reader },
    meta: {
      title: meta.title,
      agency: meta.agency,
      issuer: meta.issuer,
      year: meta.year,
      format: reading.version,
      publishDate: meta.publishDate,
    },
    fields,
    cells,
    preamble: paragraphText(blocks, preambleStart, firstHeading, skip),
    sections,
    tables: reading.matches,
    diagnostics,
    issues: diagnostics,
  };
}
