/**
 * The pieces of the command line that decide what a person sees and where files go, run in
 * process: output names, option errors, progress without a terminal, results in input order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, READERS, UsageError } from '../src/cli/args';
import { collectInputs } from '../src/cli/files';
import { InOrder } from '../src/cli/in-order';
import { OutputFolder, outputNames } from '../src/cli/output-names';
import { LOG_EVERY_MS, Progress } from '../src/cli/progress';
import { tempDir } from './helpers/cli';

describe('the inputs of a folder', () => {
  it('lists every file, the unreadable with their reason; leaves out only system files, lock files and hidden folders', () => {
    const dir = tempDir();
    for (const name of ['b.docx', '.点开头的报告.docx', 'a.pdf', 'a.txt', '.DS_Store', 'Thumbs.db', '~$b.docx'])
      fs.writeFileSync(path.join(dir, name), 'x');
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref');
    fs.symlinkSync(path.join(dir, '不存在.docx'), path.join(dir, 'c-link.docx'));
    const inputs = collectInputs([dir]).map((i) => [path.basename(i.file), i.error?.code ?? 'read']);
    expect(inputs).toEqual([
      ['.点开头的报告.docx', 'read'],
      ['a.pdf', 'read'],
      ['a.txt', 'UNSUPPORTED_TYPE'],
      ['b.docx', 'read'],
      ['c-link.docx', 'NOT_FOUND'],
    ]);
  });

  it('an empty folder and a missing path are inputs that fail, in the order given', () => {
    const empty = tempDir();
    expect(collectInputs([path.join(empty, '无'), empty]).map((i) => i.error?.code)).toEqual(['NOT_FOUND', 'EMPTY_FOLDER']);
  });
});

describe('output names', () => {
  it("an input's name, unchanged when nothing collides", () => {
    expect(outputNames(['/a/甲局.docx', '/a/乙局.html'], new OutputFolder([], '/out', ['.json']))).toEqual({
      stems: ['甲局', '乙局'],
      notes: [],
    });
  });

  it('inputs of one name in different folders are told apart by the folder', () => {
    const files = ['/in/市直/报告.docx', '/in/区县/报告.docx', '/in/区县/乡镇/报告.DOCX'];
    expect(outputNames(files, new OutputFolder(files, '/out', ['.json'])).stems).toEqual([
      '报告（市直）',
      '报告（区县）',
      '报告（区县_乡镇）',
    ]);
  });

  it('the file nearest the top keeps the plain name; within one folder, the kind tells them apart', () => {
    expect(outputNames(['/in/报告.docx', '/in/旧/报告.docx'], new OutputFolder([], '/out', ['.json'])).stems).toEqual([
      '报告',
      '报告（旧）',
    ]);
    expect(outputNames(['/in/报告.docx', '/in/报告.html'], new OutputFolder([], '/out', ['.json'])).stems).toEqual([
      '报告（docx）',
      '报告（html）',
    ]);
  });

  it('an output that would land on any input (read or not) is named （转换）', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '年报.docx'), 'x');
    fs.writeFileSync(path.join(dir, '年报.xlsx'), 'x');
    const inputs = [path.join(dir, '年报.docx'), path.join(dir, '年报.xlsx')];
    const names = outputNames([inputs[0]], new OutputFolder(inputs, dir, ['.json', '.xlsx']));
    expect(names.stems).toEqual(['年报（转换）']);
    expect(names.notes).toEqual([
      '! 输出 年报.xlsx 会覆盖输入文件，改为写出 年报（转换）.xlsx（输入文件保持不变）\n' +
        '  年报.xlsx is an input file; writing 年报（转换）.xlsx instead (the input is left untouched)',
    ]);
  });
});

describe('option errors say what is expected, in Chinese and English', () => {
  const OPTIONS = { out: { type: 'string', short: 'o' }, reader: { type: 'string' }, json: { type: 'boolean' } } as const;
  const message = (argv: string[]) => {
    try {
      parse(argv, OPTIONS, { reader: READERS });
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return (err as Error).message;
    }
    return 'no error';
  };

  it.each([
    [
      ['--bogus'],
      '未知参数 --bogus；可用的参数：--out (-o), --reader, --json\nunknown option --bogus; valid options: --out (-o), --reader, --json',
    ],
    [
      ['-x'],
      '未知参数 -x；可用的参数：--out (-o), --reader, --json\nunknown option -x; valid options: --out (-o), --reader, --json',
    ],
    [['--out'], '参数 --out 需要一个值 / --out needs a value'],
    [['-o'], '参数 --out 需要一个值 / --out needs a value'],
    [['--json=yes'], '参数 --json 不带值 / --json takes no value'],
    [['--reader', 'word'], '--reader 应为 docx、mammoth 之一，而不是“word”\n--reader must be one of docx, mammoth (got "word")'],
  ])('%j', (argv, expected) => {
    expect(message(argv)).toBe(expected);
  });

  it('accepts what the table allows', () => {
    expect(parse(['a.docx', '--reader', 'mammoth', '-o', 'x'], OPTIONS, { reader: READERS })).toEqual({
      values: { reader: 'mammoth', out: 'x' },
      positionals: ['a.docx'],
    });
  });
});

describe('progress without a terminal', () => {
  it('writes a plain line at most every few seconds, none for the last file', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new Progress(4, { isTTY: false, write: (s) => lines.push(s) > 0 }, () => now);
    now = 1000;
    progress.tick(true);
    now = LOG_EVERY_MS + 1000;
    progress.tick(false);
    now += 1000;
    progress.tick(true);
    now += LOG_EVERY_MS;
    progress.tick(true);
    progress.finish();
    expect(lines).toEqual(['进度 2/4 0.3 个/秒 剩余 00:06 失败 1\n']);
  });
});

describe('results in input order', () => {
  it('passes each result on once every one before it has arrived', () => {
    const seen: string[] = [];
    const order = new InOrder<string>((v, i) => seen.push(`${i}:${v}`));
    order.add(2, 'c');
    order.add(1, 'b');
    expect(seen).toEqual([]);
    order.add(0, 'a');
    order.add(3, 'd');
    expect(seen).toEqual(['0:a', '1:b', '2:c', '3:d']);
  });
});
