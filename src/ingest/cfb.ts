/**
 * Just enough of the OLE compound file format ([MS-CFB]) to tell what an OLE file is: the names
 * of its streams (WordDocument: Word 97–2003 or Kingsoft WPS; EncryptedPackage: a password-
 * protected DOCX; Workbook: Excel…) and the first bytes of one stream (Word's FIB says whether a
 * .doc is encrypted). Every chain walk is bounded: a damaged or hostile file ends in an error,
 * never in a loop.
 */

export interface CompoundFile {
  readonly streams: readonly string[];
  /** Up to `max` bytes from the start of a stream, or undefined when it is absent or unreadable. */
  head(name: string, max: number): Buffer | undefined;
}

export class CfbError extends Error {}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_DIRECTORY_ENTRIES = 65536;

interface Entry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

class Reader implements CompoundFile {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: Entry[];
  readonly streams: string[];

  constructor(private readonly buf: Buffer) {
    if (buf.length < 512) throw new CfbError('header truncated');
    const shift = buf.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw new CfbError(`bad sector shift ${shift}`);
    this.sectorSize = 1 << shift;
    const miniShift = buf.readUInt16LE(0x20);
    this.miniSectorSize = 1 << Math.min(miniShift, 12);
    this.miniCutoff = buf.readUInt32LE(0x38);
    this.sectorCount = Math.max(0, Math.floor((buf.length - this.sectorSize) / this.sectorSize));
    this.fat = this.readFat();
    this.entries = this.readDirectory(buf.readUInt32LE(0x30));
    this.streams = this.entries.filter((e) => e.type === 2).map((e) => e.name);
  }

  private sector(n: number): Buffer {
    if (n >= this.sectorCount) throw new CfbError(`sector ${n} beyond the end of the file`);
    const at = (n + 1) * this.sectorSize;
    return this.buf.subarray(at, at + this.sectorSize);
  }

  private difat(): number[] {
    const out: number[] = [];
    for (let i = 0; i < 109; i++) out.push(this.buf.readUInt32LE(0x4c + i * 4));
    let next = this.buf.readUInt32LE(0x44);
    const seen = new Set<number>();
    while (next !== END_OF_CHAIN && next !== FREE && !seen.has(next) && seen.size < this.sectorCount) {
      seen.add(next);
      const s = this.sector(next);
      const per = this.sectorSize / 4 - 1;
      for (let i = 0; i < per; i++) out.push(s.readUInt32LE(i * 4));
      next = s.readUInt32LE(per * 4);
    }
    return out.filter((n) => n !== FREE && n !== END_OF_CHAIN && n < this.sectorCount);
  }

  private readFat(): Uint32Array {
    const sectors = this.difat();
    const per = this.sectorSize / 4;
    const fat = new Uint32Array(sectors.length * per);
    sectors.forEach((n, k) => {
      const s = this.sector(n);
      for (let i = 0; i < per; i++) fat[k * per + i] = s.readUInt32LE(i * 4);
    });
    return fat;
  }

  /** The sectors of a chain, stopping at its end, at a cycle or after `limit` sectors. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    let n = start;
    while (n !== END_OF_CHAIN && n !== FREE && n < table.length && !seen.has(n) && out.length < limit) {
      seen.add(n);
      out.push(n);
      n = table[n];
    }
    return out;
  }

  private readDirectory(first: number): Entry[] {
    const entries: Entry[] = [];
    const maxSectors = Math.ceil((MAX_DIRECTORY_ENTRIES * 128) / this.sectorSize);
    for (const n of this.chain(first, this.fat, maxSectors)) {
      const s = this.sector(n);
      for (let off = 0; off + 128 <= s.length; off += 128) {
        const nameLength = Math.min(s.readUInt16LE(off + 0x40), 64);
        const type = s[off + 0x42];
        const name = s.subarray(off, off + Math.max(0, nameLength - 2)).toString('utf16le');
        entries.push({ name, type, start: s.readUInt32LE(off + 0x74), size: s.readUInt32LE(off + 0x78) });
      }
    }
    if (!entries.length || entries[0].type !== 5) throw new CfbError('no root directory entry');
    return entries;
  }

  head(name: string, max: number): Buffer | undefined {
    const entry = this.entries.find((e) => e.type === 2 && e.name === name);
    if (!entry) return undefined;
    const want = Math.min(entry.size, max);
    try {
      return entry.size < this.miniCutoff ? this.miniHead(entry, want) : this.regularHead(entry.start, want);
    } catch {
      return undefined;
    }
  }

  private regularHead(start: number, want: number): Buffer {
    const sectors = this.chain(start, this.fat, Math.ceil(want / this.sectorSize));
    return Buffer.concat(sectors.map((n) => this.sector(n))).subarray(0, want);
  }

  private miniHead(entry: Entry, want: number): Buffer {
    const root = this.entries[0];
    const miniFatStart = this.buf.readUInt32LE(0x3c);
    const miniFatSectors = this.chain(miniFatStart, this.fat, this.sectorCount);
    const miniFat = new Uint32Array(miniFatSectors.length * (this.sectorSize / 4));
    miniFatSectors.forEach((n, k) => {
      const s = this.sector(n);
      for (let i = 0; i < this.sectorSize / 4; i++) miniFat[k * (this.sectorSize / 4) + i] = s.readUInt32LE(i * 4);
    });
    const miniStream = this.regularHead(root.start, Math.min(root.size, this.sectorCount * this.sectorSize));
    const parts = this.chain(entry.start, miniFat, Math.ceil(want / this.miniSectorSize)).map((n) =>
      miniStream.subarray(n * this.miniSectorSize, (n + 1) * this.miniSectorSize),
    );
    return Buffer.concat(parts).subarray(0, want);
  }
}

/** Reads the directory of an OLE compound file; throws CfbError when it is damaged. */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  return new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
