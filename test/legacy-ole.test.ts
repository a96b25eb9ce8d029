/**
 * OLE compound files: legacy Word (.doc), WPS, a password-protected DOCX, Excel — the same
 * signature, told apart by their streams, each with a message that says what the file is and
 * what to do. These tests need no LibreOffice: the files are written in code.
 */
import * as path from 'node:path';
import { readCompoundFile } from '../src/ingest/cfb';
import { oleKind } from '../src/ingest/legacy';
import { readBytes } from './helpers/pipeline';
import { buildCompoundFile, encryptedDocx } from './helpers/cfb-fixture';
import { BIN, tempDir } from './helpers/cli';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The real `nianbao` command with a changed environment (PATH without soffice). */
function runCliWithEnv(args: readonly string[], env: Record<string, string>) {
  const childEnv = { ...process.env, ...env };
  delete childEnv.NIANBAO_SOFFICE;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: childEnv });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The start of a Word 97 FIB: wIdent 0xA5EC, nFib 0x00C1, flags (bit 8 = fEncrypted). */
function fib(flags = 0): Buffer {
  const b = Buffer.alloc(5000);
  b.writeUInt16LE(0xa5ec, 0);
  b.writeUInt16LE(0x00c1, 2);
  b.writeUInt16LE(flags, 0x0a);
  return b;
}

/** A minimal Word 97 compound file: the streams Word writes, enough to be recognised as one. */
function minimalDoc(flags = 0): Buffer {
  return buildCompoundFile([
    { name: 'WordDocument', data: fib(flags) },
    { name: '1Table', data: Buffer.alloc(600) },
    { name: '\u0005SummaryInformation', data: Buffer.alloc(200) },
  ]);
}

describe('telling OLE files apart', () => {
  it('reads the stream names of a compound file, small streams from the mini stream', () => {
    const cfb = readCompoundFile(minimalDoc());
    expect([...cfb.streams].sort()).toEqual(['\u0005SummaryInformation', '1Table', 'WordDocument'].sort());
    expect(cfb.head('WordDocument', 2)).toEqual(Buffer.from([0xec, 0xa5]));
  });

  it('calls an OLE file with an EncryptedPackage an encrypted DOCX, and a Word FIB with fEncrypted an encrypted .doc', () => {
    expect(oleKind(encryptedDocx(), 'a.docx')).toBe('encrypted-docx');
    expect(oleKind(minimalDoc(0x0100), 'a.doc')).toBe('encrypted-doc');
    expect(oleKind(minimalDoc(), 'a.doc')).toBe('doc');
    expect(oleKind(buildCompoundFile([{ name: 'Workbook', data: Buffer.alloc(5000) }]), 'a.xls')).toBe('not-word');
  });
});

describe('messages for OLE files', () => {
  it('a password-protected DOCX: says it is encrypted, why it is an OLE file, and how to remove the password', async () => {
    const result = await readBytes(encryptedDocx(), '加密年报.docx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ENCRYPTED_DOCX');
    expect(result.error.zh).toContain('加密年报.docx');
    expect(result.error.zh).toMatch(/密码.*EncryptedPackage.*另存为 \.docx/s);
    expect(result.error.en).toMatch(/password-protected.*EncryptedPackage.*save as \.docx/s);
  });

  it('an encrypted legacy .doc', async () => {
    const result = await readBytes(minimalDoc(0x0100), '加密.doc');
    expect(result.ok ? '' : result.error.code).toBe('ENCRYPTED_DOC');
  });

  it('an Excel workbook renamed .doc', async () => {
    const result = await readBytes(buildCompoundFile([{ name: 'Workbook', data: Buffer.alloc(5000, 9) }]), '统计表.doc');
    expect(result.ok ? '' : result.error.code).toBe('OLE_NOT_WORD');
  });

  it('a damaged compound file (the signature, then junk or nothing)', async () => {
    const junk = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(700, 0x41)]);
    for (const bytes of [junk, junk.subarray(0, 8), minimalDoc().subarray(0, 1100)]) {
      const result = await readBytes(bytes, '坏.doc');
      expect(result.ok ? '' : result.error.code).toBe('CORRUPT_OLE');
    }
  });

  it('a compound file whose sector chains loop is read without hanging (each chain visits a sector once)', () => {
    const looped = minimalDoc();
    // Every FAT entry after the FAT sector itself points back at sector 1: all chains are cycles.
    for (let i = 1; i < 128; i++) looped.writeUInt32LE(1, 512 + 4 * i);
    looped.writeUInt32LE(1, 0x44); // and the DIFAT chain starts there too
    expect(() => oleKind(looped, '环.doc')).not.toThrow(RangeError);
    const cfb = (() => {
      try {
        return readCompoundFile(looped);
      } catch {
        return undefined;
      }
    })();
    if (cfb) expect(cfb.head('WordDocument', 100_000)!.length).toBeLessThanOrEqual(512 * 2);
  });
});

describe('a .doc without LibreOffice', () => {
  const saved = process.env.NIANBAO_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.NIANBAO_SOFFICE;
    else process.env.NIANBAO_SOFFICE = saved;
  });

  it('says it is a legacy Word/WPS file that needs LibreOffice, naming the Debian package', async () => {
    process.env.NIANBAO_SOFFICE = path.join(tempDir(), 'no-soffice-here');
    const result = await readBytes(minimalDoc(), '2020年报.doc');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('DOC_NEEDS_LIBREOFFICE');
    expect(result.error.zh).toContain('2020年报.doc');
    expect(result.error.zh).toContain('libreoffice-writer');
    expect(result.error.en).toContain('apt-get install libreoffice-writer');
  });

  it('the CLI on a machine without soffice on PATH reports it per file and converts the rest', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.doc'), minimalDoc());
    fs.writeFileSync(
      path.join(dir, 'b.html'),
      '<html><body><p>某某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年工作有序推进。</p></body></html>',
    );
    const run = runCliWithEnv(['convert', dir, '--out', path.join(dir, 'out')], { PATH: path.join(dir, 'empty-bin') });
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toContain('libreoffice-writer');
    expect(fs.existsSync(path.join(dir, 'out', 'b.json'))).toBe(true);
  });
});
