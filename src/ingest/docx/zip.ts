/**
 * Zip access with limits. Reads the central directory itself (so the declared sizes and the
 * number of entries are checked before anything is inflated), then inflates one entry at a time
 * with Node's zlib, its output capped at the entry's declared size: nothing past that size is ever
 * kept. Only an entry that does pass its size is inflated again, in small steps with
 * fflate (loaded then), counting the bytes actually produced, to tell a zip bomb from a damaged
 * size record. zlib is native: no inflater to load and compile in every worker (start-up).
 */
import * as zlib from 'node:zlib';
import type * as Fflate from 'fflate';
import { IngestError } from '../errors';
import { LIMITS } from '../limits';

export interface ZipEntry {
  /** Name as stored, with \ turned into / (some Windows tools write backslashes). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** Inflated size as declared in the central directory. */
  readonly size: number;
  readonly localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const nameDecoder = new TextDecoder('utf-8');

/** The entries of a zip and the inflated-byte budget of reading them. */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    for (const entry of readCentralDirectory(bytes, file)) {
      // OPC part names compare case-insensitively; the first of two equal names wins, as in Word.
      const key = entry.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  /** The entry at a part path (`word/document.xml`, a leading / allowed), case-insensitive. */
  find(path: string): ZipEntry | undefined {
    return this.byName.get(path.replace(/^\/+/, '').toLowerCase());
  }

  /**
   * Inflates an entry, handing the bytes over in pieces as they come. An entry whose output passes
   * its declared size is counted on (not handed over) to tell the two causes apart: past the limit
   * it is a zip bomb (TOO_LARGE), ending within it the size record or the data is damaged
   * (CORRUPT_ZIP). Memory stays bounded either way: the overflow is only counted.
   */
  inflate(entry: ZipEntry, maxBytes: number, onChunk: (chunk: Uint8Array) => void): void {
    const limit = Math.min(maxBytes, LIMITS.maxTotalInflatedBytes - this.inflatedTotal);
    if (entry.size > (entry.compressedSize + 1) * MAX_DEFLATE_RATIO) {
      throw new IngestError(
        'CORRUPT_ZIP',
        this.file,
        `${entry.name} 在压缩包目录中记录的大小（${entry.size} 字节）不可能由 ${entry.compressedSize} 字节的压缩数据得到，目录已损坏`,
      );
    }
    if (entry.size > limit)
      throw new IngestError('TOO_LARGE', this.file, `${entry.name} 解压后 ${mb(entry.size)}，超过 ${mb(limit)} 的限制`);
    const data = this.entryData(entry);
    let produced = 0;
    const take = (chunk: Uint8Array): void => {
      produced += chunk.length;
      this.inflatedTotal += chunk.length;
      if (produced > limit)
        throw new IngestError(
          'TOO_LARGE',
          this.file,
          `${entry.name} 解压后超过 ${mb(limit)}，远超压缩包目录中声明的 ${entry.size} 字节（疑似压缩炸弹）`,
        );
      if (chunk.length && produced <= entry.size) onChunk(chunk);
    };
    if (entry.method === 0) take(data);
    else {
      const whole = inflateWithin(data, entry.size, this.file, entry.name);
      if (whole) for (let at = 0; at < whole.length; at += HAND_OVER_BYTES) take(whole.subarray(at, at + HAND_OVER_BYTES));
      else inflateInSteps(data, take, this.file, entry.name); // past its size: count it all
    }
    if (produced > entry.size) {
      throw new IngestError(
        'CORRUPT_ZIP',
        this.file,
        `${entry.name} 解压后 ${produced} 字节，与压缩包目录中记录的 ${entry.size} 字节不符，数据已损坏`,
      );
    }
  }

  /** The whole inflated entry (for small parts: rels, styles, numbering). */
  read(entry: ZipEntry, maxBytes: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    this.inflate(entry, maxBytes, (chunk) => chunks.push(chunk));
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  }

  private entryData(entry: ZipEntry): Uint8Array {
    const { bytes, file } = this;
    if (entry.flags & 1) throw new IngestError('ENCRYPTED', file, `${entry.name} 已加密`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new IngestError('CORRUPT_ZIP', file, `${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
    const at = entry.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL)
      throw new IngestError('CORRUPT_ZIP', file, `${entry.name} 的本地文件头缺失或损坏`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new IngestError('CORRUPT_ZIP', file, `${entry.name} 的数据不完整（文件被截断）`);
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      throw new IngestError('CORRUPT_ZIP', file, `${entry.name} 的大小记录不一致`);
    return bytes.subarray(start, end);
  }
}

/** Most bytes deflate can make of one compressed byte. */
const MAX_DEFLATE_RATIO = 1032;

/** Pieces the inflated bytes are handed over in (the XML reader decodes and parses each in turn). */
const HAND_OVER_BYTES = 64 * 1024;

/**
 * The entry inflated in one go, or undefined when its output passes its declared size (zlib stops
 * there, so memory stays bounded by the declared size).
 */
function inflateWithin(data: Uint8Array, declared: number, file: string, name: string): Uint8Array | undefined {
  try {
    const whole = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, declared) });
    return whole.length <= declared ? whole : undefined;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw new IngestError('CORRUPT_ZIP', file, `${name} 解压失败：${err instanceof Error ? err.message : String(err)}`);
  }
}

function inflateInSteps(data: Uint8Array, take: (chunk: Uint8Array) => void, file: string, name: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only a damaged or hostile entry gets here
  const { Inflate } = require('fflate') as typeof Fflate;
  const inflater = new Inflate((chunk) => take(chunk));
  const step = LIMITS.inflateStepBytes;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += step) {
      const end = Math.min(at + step, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('CORRUPT_ZIP', file, `${name} 解压失败：${err instanceof Error ? err.message : String(err)}`);
  }
}

function mb(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

function findEndOfDirectory(bytes: Uint8Array, file: string): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === SIG_EOCD) return at;
  }
  throw new IngestError('CORRUPT_ZIP', file, '找不到压缩包目录（文件可能被截断）');
}

function readDirectoryLocation(bytes: Uint8Array, file: string): Directory {
  const eocd = findEndOfDirectory(bytes, file);
  let dir: Directory = { count: u16(bytes, eocd + 10), size: u32(bytes, eocd + 12), offset: u32(bytes, eocd + 16) };
  const locator = eocd - 20;
  if (locator >= 0 && u32(bytes, locator) === SIG_EOCD64_LOCATOR) {
    const at = u64(bytes, locator + 8);
    if (at + 56 > bytes.length || u32(bytes, at) !== SIG_EOCD64) throw new IngestError('CORRUPT_ZIP', file, 'ZIP64 目录记录损坏');
    dir = { count: u64(bytes, at + 32), size: u64(bytes, at + 40), offset: u64(bytes, at + 48) };
  }
  if (dir.count > LIMITS.maxZipEntries)
    throw new IngestError('TOO_LARGE', file, `压缩包中有 ${dir.count} 个条目，超过 ${LIMITS.maxZipEntries} 个的限制`);
  if (dir.offset + dir.size > bytes.length) throw new IngestError('CORRUPT_ZIP', file, '压缩包目录超出文件末尾（文件被截断）');
  return dir;
}

function readCentralDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const dir = readDirectoryLocation(bytes, file);
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw new IngestError('CORRUPT_ZIP', file, '压缩包目录损坏');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const next = at + 46 + nameLength + extraLength + u16(bytes, at + 32);
    if (next > bytes.length) throw new IngestError('CORRUPT_ZIP', file, '压缩包目录损坏');
    const sizes = { compressedSize: u32(bytes, at + 20), size: u32(bytes, at + 24), localOffset: u32(bytes, at + 42) };
    applyZip64Extra(bytes, at + 46 + nameLength, extraLength, sizes);
    entries.push({
      name: nameDecoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, '/'),
      method: u16(bytes, at + 10),
      flags: u16(bytes, at + 8),
      ...sizes,
    });
    at = next;
  }
  return entries;
}

/** Sizes of 0xFFFFFFFF are in the ZIP64 extra field (id 1), in the order size, compressed, offset. */
function applyZip64Extra(
  bytes: Uint8Array,
  start: number,
  length: number,
  sizes: { compressedSize: number; size: number; localOffset: number },
): void {
  const FULL = 0xffffffff;
  if (sizes.size !== FULL && sizes.compressedSize !== FULL && sizes.localOffset !== FULL) return;
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(bytes, at);
    const size = u16(bytes, at + 2);
    if (id === 1) {
      let p = at + 4;
      if (sizes.size === FULL) {
        sizes.size = u64(bytes, p);
        p += 8;
      }
      if (sizes.compressedSize === FULL) {
        sizes.compressedSize = u64(bytes, p);
        p += 8;
      }
      if (sizes.localOffset === FULL) sizes.localOffset = u64(bytes, p);
      return;
    }
    at += 4 + size;
  }
}
