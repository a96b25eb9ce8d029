/**
 * Where the parts of a DOCX are: the main document named by the package relationships
 * (_rels/.rels, officeDocument), and its styles and numbering named by the document's own
 * relationships — with the usual paths as fallback, as Word and mammoth do.
 */
import { IngestError } from '../errors';
import { LIMITS } from '../limits';
import { decodePart, XmlStream, type Attributes } from './xml';
import type { ZipArchive, ZipEntry } from './zip';

export interface DocxParts {
  readonly document: ZipEntry;
  readonly styles?: ZipEntry;
  readonly numbering?: ZipEntry;
  /** The main document's relationships: id → part path (for w:altChunk r:id). */
  readonly targets: ReadonlyMap<string, string>;
}

interface Relationships {
  /** Type (its last path segment, e.g. /styles) → target path: the first of each type. */
  readonly byType: Map<string, string>;
  readonly byId: Map<string, string>;
}

/** Relationship type URIs end with these names (transitional and strict alike). */
const OFFICE_DOCUMENT = '/officeDocument';
const STYLES = '/styles';
const NUMBERING = '/numbering';

/** The relationships of a .rels part (external targets left out). */
function readRelationships(zip: ZipArchive, relsPath: string, baseDir: string): Relationships {
  const out: Relationships = { byType: new Map(), byId: new Map() };
  const entry = zip.find(relsPath);
  if (!entry) return out;
  const sink = {
    open(name: string, attrs: Attributes): void {
      if (!name.endsWith('Relationship')) return;
      const [mode, kind, to, id] = ['TargetMode', 'Type', 'Target', 'Id'].map((key) => attrs.get(key));
      if (mode === 'External' || !kind || !to) return;
      const type = kind.slice(kind.lastIndexOf('/'));
      const target = resolvePath(baseDir, to);
      if (!out.byType.has(type)) out.byType.set(type, target);
      if (id && !out.byId.has(id)) out.byId.set(id, target);
    },
    close(): void {},
    text(): void {},
  };
  try {
    const stream = new XmlStream(sink, entry.name, zip.file);
    stream.write(decodePart(zip.read(entry, LIMITS.maxPartBytes)));
    stream.close();
  } catch (err) {
    // A damaged .rels only loses the part names it held: the usual paths still find the parts.
    if (!(err instanceof IngestError) || err.code !== 'BAD_XML') throw err;
  }
  return out;
}

/** A relationship target resolved against the folder of its source part. */
function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target : `${baseDir}/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function findParts(zip: ZipArchive): DocxParts {
  const root = readRelationships(zip, '_rels/.rels', '');
  const named = root.byType.get(OFFICE_DOCUMENT);
  const document = (named && zip.find(named)) || zip.find('word/document.xml');
  if (!document) throw new IngestError('NOT_DOCX', zip.file);
  const dir = dirOf(document.name);
  const rels = readRelationships(zip, `${dir ? `${dir}/` : ''}_rels/${baseName(document.name)}.rels`, dir);
  const part = (type: string, fallback: string): ZipEntry | undefined => {
    const target = rels.byType.get(type);
    return (target && zip.find(target)) || zip.find(fallback);
  };
  return {
    document,
    styles: part(STYLES, 'word/styles.xml'),
    numbering: part(NUMBERING, 'word/numbering.xml'),
    targets: rels.byId,
  };
}
