/**
 * Legacy .doc, WPS and RTF files are converted with LibreOffice and read like the DOCX they become.
 * The fixtures are real: DOCX reports built in code (and the bundled sample) saved as .doc/.rtf by
 * LibreOffice in the test, then read back through the pipeline; a .doc must give exactly the fields
 * of the DOCX it was saved from. Skipped, with a message, where soffice is not installed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readOleFile } from '../src/ingest/legacy';
import { findSoffice } from '../src/ingest/soffice';
import { buildDocx } from './helpers/docx-fixture';
import { BIN, tempDir } from './helpers/cli';
import { fieldDiff, readBytes, readReport } from './helpers/pipeline';
import { consistentValues, reportBlocks } from './helpers/report-fixture';

const soffice = findSoffice();
const maybe = soffice ? describe : describe.skip;
if (!soffice)
  console.warn('legacy-doc tests skipped: LibreOffice (soffice) is not installed — apt-get install libreoffice-writer');

/** This test's own temp folder (TMPDIR), so conversions of other processes on the machine are not counted. */
let TMP = '';
const jobsRoot = () => path.join(TMP, 'nianbao-convert');
const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

/** Saves DOCX files in another format with LibreOffice, as an office would ("另存为"). */
function saveAs(files: Record<string, Buffer>, filter: string, ext: string): Record<string, Buffer> {
  const dir = tempDir('nianbao-legacy-');
  try {
    const inputs = Object.entries(files).map(([name, bytes]) => {
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, bytes);
      return file;
    });
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        path.join(dir, 'out'),
        ...inputs,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return Object.fromEntries(Object.keys(files).map((name) => [name, fs.readFileSync(path.join(dir, 'out', `${name}.${ext}`))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function jobFolders(): string[] {
  try {
    return fs.readdirSync(jobsRoot());
  } catch {
    return [];
  }
}

/** soffice processes running from one of our private job folders. */
function conversionProcesses(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout ?? '';
  return ps.split('\n').filter((l) => l.includes(`${jobsRoot()}/job-`) && !l.includes(' ps '));
}

async function until(test: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
}

maybe('legacy Word files through LibreOffice', () => {
  const savedTmp = process.env.TMPDIR;
  beforeAll(() => {
    TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-legacy-tmp-'));
    process.env.TMPDIR = TMP;
  });
  afterAll(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(TMP, { recursive: true, force: true });
  });
  let docx: Record<string, Buffer>;
  let doc: Record<string, Buffer>;
  const values2021 = consistentValues('2021', 61);

  beforeAll(async () => {
    docx = {
      sample: fs.readFileSync(SAMPLE),
      fixture2021: await buildDocx(reportBlocks({ version: '2021', values: values2021, agency: '某某市生态环境局', year: 2022 })),
    };
    doc = saveAs(docx, 'doc:MS Word 97', 'doc');
  }, 180_000);

  it('a .doc gives exactly the fields of the DOCX it was saved from (the bundled sample, 2019 format)', async () => {
    const before = jobFolders();
    const fromDocx = await readReport(docx.sample, 'xinzhou.docx');
    const fromDoc = await readReport(doc.sample, 'xinzhou.doc');
    expect(fieldDiff(fromDoc.fields, fromDocx.fields)).toEqual([]);
    expect(Object.keys(fromDoc.fields).sort()).toEqual(Object.keys(fromDocx.fields).sort());
    expect(fromDoc.source.reader).toMatch(/^doc→/);
    expect(fromDoc.meta).toEqual(fromDocx.meta);
    // Nothing of the conversion is left behind (in this test's TMPDIR, which the conversion used).
    expect(before).toEqual([]);
    expect(fs.existsSync(jobsRoot())).toBe(true);
    expect(jobFolders()).toEqual([]);
    expect(conversionProcesses()).toEqual([]);
  }, 120_000);

  it('a .doc gives exactly the fields of the DOCX it was saved from (a 2021-format report built in code)', async () => {
    const fromDoc = await readReport(doc.fixture2021, 'fixture.doc');
    expect(fieldDiff(fromDoc.fields, values2021)).toEqual([]);
    const fromDocx = await readReport(docx.fixture2021, 'fixture.docx');
    expect(fieldDiff(fromDoc.fields, fromDocx.fields)).toEqual([]);
  }, 120_000);

  it('a WPS file (Kingsoft .wps: the Word binary format underneath) reads like the .doc', async () => {
    const fromWps = await readReport(doc.fixture2021, '年报.wps');
    expect(fieldDiff(fromWps.fields, values2021)).toEqual([]);
    expect(fromWps.source.reader).toMatch(/^wps→/);
  }, 120_000);

  it('an RTF saved by Word (often named .doc) is converted too', async () => {
    const { fixture2021: rtf } = saveAs({ fixture2021: docx.fixture2021 }, 'rtf', 'rtf');
    const fromRtf = await readReport(rtf, '年报.doc');
    expect(fromRtf.source.reader).toMatch(/^rtf→/);
    expect(fieldDiff(fromRtf.fields, values2021)).toEqual([]);
  }, 180_000);

  it('a Word 2003 XML document ("XML 文档") is converted too', async () => {
    const { fixture2021: xml } = saveAs({ fixture2021: docx.fixture2021 }, 'xml:MS Word 2003 XML', 'xml');
    const fromXml = await readReport(xml, '年报.xml');
    const fromDocx = await readReport(docx.fixture2021, 'fixture.docx');
    expect(fromXml.source.reader).toMatch(/^wordml→/);
    expect(fromXml.sections.map((s) => s.heading)).toEqual(fromDocx.sections.map((s) => s.heading));
    // LibreOffice's own XSLT export to Word 2003 XML drops the vertical merges of tables 三 and 四,
    // so only the meta data and table 二 (no vertical merges) are compared for this fixture.
    const comparable = Object.fromEntries(
      Object.entries(fromDocx.fields).filter(([k]) => k.startsWith('meta.') || k.startsWith('t2.')),
    );
    expect(fieldDiff(fromXml.fields, comparable)).toEqual([]);
  }, 180_000);

  it('a .doc whose FIB says it is encrypted gets the password message without a conversion', async () => {
    const encrypted = Buffer.from(doc.sample);
    // The WordDocument stream starts on a sector boundary with the FIB magic 0xA5EC.
    let at = -1;
    for (let o = 512; o < encrypted.length; o += 512)
      if (encrypted.readUInt16LE(o) === 0xa5ec) {
        at = o;
        break;
      }
    expect(at).toBeGreaterThan(0);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 0x0a) | 0x0100, at + 0x0a);
    const result = await readBytes(encrypted, '加密.doc');
    expect(result.ok ? '' : result.error.code).toBe('ENCRYPTED_DOC');
  });

  it('a conversion past its time limit is stopped: clear error, no process and no temp folder left', async () => {
    const before = jobFolders();
    await expect(readOleFile(doc.sample, '慢.doc', undefined, { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'CONVERT_TIMEOUT',
    });
    expect(before).toEqual([]);
    expect(jobFolders()).toEqual([]);
    expect(conversionProcesses()).toEqual([]);
  }, 60_000);

  it('a process killed mid-conversion (a worker past its budget) leaves no LibreOffice running; the next conversion sweeps its folder', async () => {
    const input = path.join(TMP, 'slow.doc');
    fs.writeFileSync(input, doc.sample);
    const script = path.join(TMP, 'convert-child.ts');
    fs.writeFileSync(
      script,
      `import { convertToDocx } from ${JSON.stringify(path.join(__dirname, '../src/ingest/soffice'))};\nimport * as fs from 'node:fs';\nconvertToDocx(fs.readFileSync(${JSON.stringify(input)}), 'doc', { timeoutMs: 3000 });\n`,
    );
    const child = spawn(process.execPath, [path.join(__dirname, '../bin/run-ts.js'), script], {
      env: { ...process.env, TMPDIR: TMP },
      stdio: 'ignore',
    });
    await until(() => conversionProcesses().length > 0, 20_000);
    child.kill('SIGKILL');
    // soffice outlives the killed process only until the guard's own deadline (3 s + 2 s).
    await until(() => conversionProcesses().length === 0, 20_000);
    expect(conversionProcesses()).toEqual([]);
    const left = jobFolders();
    expect(left).toHaveLength(1);
    const old = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(path.join(jobsRoot(), left[0]), old, old);
    await readReport(doc.fixture2021, 'next.doc');
    expect(jobFolders()).toEqual([]);
  }, 120_000);

  it('in a CLI batch, a damaged .doc fails alone with a clear message; the other files are converted', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '1-good.doc'), doc.fixture2021);
    // A compound file whose Word text and tables are overwritten with junk.
    const broken = Buffer.from(doc.sample);
    broken.fill(0x5a, 512 * 8, Math.min(broken.length, 512 * 40));
    fs.writeFileSync(path.join(dir, '2-broken.doc'), broken);
    fs.writeFileSync(path.join(dir, '3-good.docx'), docx.sample);
    const run = spawnSync(process.execPath, [BIN, 'convert', dir, '--out', path.join(dir, 'out'), '--verbose'], {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, TMPDIR: TMP },
    });
    const out = run.stdout + run.stderr;
    expect(fs.existsSync(path.join(dir, 'out', '1-good.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', '3-good.json'))).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out', '1-good.json'), 'utf8'));
    expect(fieldDiff(json.fields, values2021)).toEqual([]);
    // LibreOffice opens the damaged file as an empty document: the file fails alone, saying so.
    expect(run.status).toBe(2);
    expect(out).toMatch(/2-broken\.doc[\s\S]*不是政府信息公开工作年度报告/);
    expect(fs.existsSync(path.join(dir, 'out', '2-broken.json'))).toBe(false);
    expect(jobFolders()).toEqual([]);
    expect(conversionProcesses()).toEqual([]);
  }, 180_000);
});
