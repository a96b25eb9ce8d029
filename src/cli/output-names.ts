/**
 * The names `convert` writes under. By default an output is named after its input; inputs that
 * share a name (报告.docx in two folders) are told apart by the folder they come from (报告（甲）,
 * 报告（乙）); and no output may land on an input file: that output is named （转换） instead and the
 * user is told, so a department's original is never replaced by the regenerated file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { outputStem, safeFileName } from '../export/names';

export interface OutputNames {
  /** The stem of each file, in the order given; unique within the output folder. */
  readonly stems: readonly string[];
  /** Lines telling the user which outputs were renamed so as not to overwrite an input. */
  readonly notes: readonly string[];
}

/**
 * What an existing path is on disk: its device and inode, so that the same file reached by any
 * path (a symbolic link, a hard link, another case on a case-insensitive disk) compares equal;
 * undefined when nothing is there (nothing there can be overwritten). One stat per path, and no
 * exception for the usual answer, that an output is not there yet.
 */
function identity(file: string): string | undefined {
  let stat: fs.BigIntStats | undefined;
  try {
    stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return caseless(path.resolve(file)); // there but not to be looked at (a permission): its path
  }
  if (!stat) return undefined;
  // A file system without inode numbers (0): the path with links resolved, case folded.
  return stat.ino ? `${stat.dev}:${stat.ino}` : caseless(fs.realpathSync(file));
}

function caseless(file: string): string {
  return file.normalize('NFC').toLowerCase();
}

function commonDir(dirs: readonly string[]): string {
  return dirs.reduce((common, dir) => {
    while (path.relative(common, dir).startsWith('..')) common = path.dirname(common);
    return common;
  });
}

/** The stems of a group of files that share one: the folders (and, within a folder, the kinds) that tell them apart. */
function distinguished(files: readonly string[], base: string): string[] {
  const dirs = files.map((f) => path.dirname(path.resolve(f)));
  const common = commonDir(dirs);
  return files.map((file, i) => {
    const where = path.relative(common, dirs[i]).split(path.sep).filter(Boolean);
    const kind = dirs.filter((d) => d === dirs[i]).length > 1 ? [path.extname(file).slice(1).toLowerCase()] : [];
    const label = [...where, ...kind].join('_');
    return label ? `${base}（${safeFileName(label)}）` : base;
  });
}

/**
 * The stems in use in one output folder: each claimed once, none that would land on an input
 * under any of the extensions written.
 */
export class OutputFolder {
  private readonly inputs: Set<string>;
  private readonly used = new Set<string>();

  constructor(
    inputs: readonly string[],
    private readonly dir: string,
    private readonly extensions: readonly string[],
  ) {
    this.inputs = new Set(inputs.map(identity).filter((id) => id !== undefined));
  }

  /** The extension under which `stem` would overwrite an input, if any. */
  private onInput(stem: string): string | undefined {
    return this.extensions.find((ext) => {
      const id = identity(path.join(this.dir, stem + ext));
      return id !== undefined && this.inputs.has(id);
    });
  }

  /** Claims `stem`, or the first free variant of it; with a note when it had to avoid an input. */
  claim(stem: string): { readonly name: string; readonly note?: string } {
    const clash = this.onInput(stem);
    const base = clash ? `${stem}（转换）` : stem;
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()) || this.onInput(name); n++) name = `${base}-${n}`;
    this.used.add(name.toLowerCase());
    if (!clash) return { name };
    return {
      name,
      note:
        `! 输出 ${stem}${clash} 会覆盖输入文件，改为写出 ${name}${clash}（输入文件保持不变）\n` +
        `  ${stem}${clash} is an input file; writing ${name}${clash} instead (the input is left untouched)`,
    };
  }

  release(stem: string): void {
    this.used.delete(stem.toLowerCase());
  }
}

/** Default stems: the input's name, told apart by folder (or kind) when several inputs share it. */
export function defaultStems(files: readonly string[]): string[] {
  const bases = files.map(outputStem);
  const groups = new Map<string, number[]>();
  bases.forEach((b, i) => groups.set(b.toLowerCase(), [...(groups.get(b.toLowerCase()) ?? []), i]));
  const wanted = [...bases];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    distinguished(
      members.map((i) => files[i]),
      bases[members[0]],
    ).forEach((stem, k) => (wanted[members[k]] = stem));
  }
  return wanted;
}

/** The default stems, claimed in the output folder (renamed where they would land on an input). */
export function outputNames(files: readonly string[], folder: OutputFolder): OutputNames {
  const notes: string[] = [];
  const stems = defaultStems(files).map((stem) => {
    const claimed = folder.claim(stem);
    if (claimed.note) notes.push(claimed.note);
    return claimed.name;
  });
  return { stems, notes };
}
