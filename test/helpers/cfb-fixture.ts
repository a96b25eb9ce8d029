/**
 * Writes OLE compound files ([MS-CFB] version 3, 512-byte sectors) in tests, for the OLE kinds
 * LibreOffice cannot produce from the command line: a password-protected DOCX (an OLE file with
 * EncryptionInfo and EncryptedPackage streams — ECMA-376 §2.3.4) and an Excel-like workbook.
 * Streams under 4096 bytes go to the mini stream, as real writers do.
 */

export interface CfbStream {
  readonly name: string;
  readonly data: Buffer;
}

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_MARK = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function sectorsFor(bytes: number, size = SECTOR): number {
  return Math.ceil(bytes / size);
}

/** Directory order of siblings: shorter names first, then by upper-cased name. */
function compareNames(a: string, b: string): number {
  return a.length - b.length || (a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0);
}

export function buildCompoundFile(input: readonly CfbStream[]): Buffer {
  const streams = [...input].sort((a, b) => compareNames(a.name, b.name));
  const small = streams.filter((s) => s.data.length < CUTOFF);
  const large = streams.filter((s) => s.data.length >= CUTOFF);

  // Mini stream: small streams back to back in 64-byte mini sectors.
  const miniStarts = new Map<CfbStream, number>();
  const miniFat: number[] = [];
  for (const s of small) {
    const n = Math.max(1, sectorsFor(s.data.length, MINI));
    miniStarts.set(s, miniFat.length);
    for (let i = 0; i < n; i++) miniFat.push(i === n - 1 ? END : miniFat.length + 1);
  }
  const miniStream = Buffer.alloc(miniFat.length * MINI);
  for (const s of small) s.data.copy(miniStream, miniStarts.get(s)! * MINI);

  const dirEntries = 1 + streams.length;
  const counts = {
    dir: sectorsFor(dirEntries * 128),
    miniFat: sectorsFor(miniFat.length * 4),
    miniStream: sectorsFor(miniStream.length),
    large: large.map((s) => sectorsFor(s.data.length)),
  };
  const dataSectors = counts.dir + counts.miniFat + counts.miniStream + counts.large.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < dataSectors + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('cfb-fixture: file too large for a header-only DIFAT');

  const fat: number[] = [];
  const chain = (n: number): number => {
    const start = fat.length;
    for (let i = 0; i < n; i++) fat.push(i === n - 1 ? END : fat.length + 1);
    return n ? start : END;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FAT_MARK);
  const dirStart = chain(counts.dir);
  const miniFatStart = chain(counts.miniFat);
  const miniStreamStart = chain(counts.miniStream);
  const largeStarts = counts.large.map(chain);
  const total = fat.length;
  while (fat.length % (SECTOR / 4)) fat.push(FREE);

  const file = Buffer.alloc(SECTOR * (1 + total));
  const header = file.subarray(0, SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(dirStart, 0x30);
  header.writeUInt32LE(CUTOFF, 0x38);
  header.writeUInt32LE(counts.miniFat ? miniFatStart : END, 0x3c);
  header.writeUInt32LE(counts.miniFat, 0x40);
  header.writeUInt32LE(END, 0x44);
  header.writeUInt32LE(0, 0x48);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 0x4c + i * 4);

  const sectorAt = (n: number) => file.subarray(SECTOR * (n + 1), SECTOR * (n + 2));
  fat.forEach((v, i) => sectorAt(Math.floor(i / (SECTOR / 4))).writeUInt32LE(v, (i % (SECTOR / 4)) * 4));

  const writeChain = (start: number, data: Buffer) => {
    for (let k = 0; k * SECTOR < data.length; k++) data.subarray(k * SECTOR, (k + 1) * SECTOR).copy(sectorAt(start + k));
  };
  const miniFatBytes = Buffer.alloc(counts.miniFat * SECTOR, 0xff);
  miniFat.forEach((v, i) => miniFatBytes.writeUInt32LE(v, i * 4));
  if (counts.miniFat) writeChain(miniFatStart, miniFatBytes);
  if (counts.miniStream) writeChain(miniStreamStart, miniStream);
  large.forEach((s, k) => writeChain(largeStarts[k], s.data));

  // Directory: the root, then the streams as a chain of right siblings in name order.
  const dir = Buffer.alloc(counts.dir * SECTOR);
  const entry = (i: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(dir, at);
    dir.writeUInt16LE(encoded.length, at + 0x40);
    dir[at + 0x42] = type;
    dir[at + 0x43] = 1;
    dir.writeUInt32LE(NOSTREAM, at + 0x44);
    dir.writeUInt32LE(right, at + 0x48);
    dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74);
    dir.writeUInt32LE(size, at + 0x78);
  };
  for (let i = dirEntries; i < counts.dir * (SECTOR / 128); i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 0x44);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 0x48);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 0x4c);
  }
  entry(
    0,
    'Root Entry',
    5,
    counts.miniStream ? miniStreamStart : END,
    miniStream.length,
    streams.length ? 1 : NOSTREAM,
    NOSTREAM,
  );
  streams.forEach((s, k) => {
    const start = s.data.length < CUTOFF ? miniStarts.get(s)! : largeStarts[large.indexOf(s)];
    entry(k + 1, s.name, 2, start, s.data.length, NOSTREAM, k + 1 < streams.length ? k + 2 : NOSTREAM);
  });
  writeChain(dirStart, dir);
  return file;
}

/**
 * What Word writes for a DOCX saved with an open password: an OLE file holding the agile
 * EncryptionInfo (version 4.4, an XML descriptor) and the EncryptedPackage (the size of the zip,
 * then its AES-encrypted bytes — random here: without the key they look the same). Word also
 * writes a \u0006DataSpaces storage; detection does not depend on it, so it is left out.
 */
export function encryptedDocx(seed = 1): Buffer {
  const info = Buffer.concat([
    Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></keyEncryptor></keyEncryptors></encryption>',
      'utf8',
    ),
  ]);
  let x = seed >>> 0;
  const payload = Buffer.alloc(12 * 1024);
  payload.writeUInt32LE(12 * 1024 - 8, 0);
  for (let i = 8; i < payload.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    payload[i] = x >>> 24;
  }
  return buildCompoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: payload },
  ]);
}
