/**
 * Automatic numbering: the text Word prints before a numbered paragraph (一、 （一） 1. ①), from
 * numbering.xml. Definitions: w:abstractNum levels (start, numFmt, lvlText, lvlRestart, isLgl,
 * linked paragraph style) and w:num instances (which abstract, lvlOverride with startOverride or
 * a whole new level). Counting follows Word: counters belong to the abstract definition, so two
 * w:num of one abstract continue each other, and a w:num that overrides a start restarts the
 * overridden levels the first time it is used; numbering a level resets the levels below it
 * (unless their lvlRestart says otherwise).
 */
import { formatCounter } from './number-format';
import { isPrivateUse, symbolText } from './symbols';
import { intAttr, isOn, type Attributes, type XmlSink } from './xml';

export interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 1-based level whose use restarts this one; 0 = never; undefined = any higher level. */
  restart?: number;
  legal: boolean;
  hidden: boolean;
  font?: string;
  /** Paragraph style linked to this level (style-numbered paragraphs take their level from it). */
  style?: string;
}

interface AbstractNum {
  readonly levels: (Level | undefined)[];
  styleLink?: string;
  numStyleLink?: string;
}

interface Override {
  start?: number;
  level?: Level;
}

interface Num {
  abstractId?: string;
  readonly overrides: Map<number, Override>;
}

const MAX_LEVELS = 9;

export interface NumberingDefinitions {
  readonly abstracts: Map<string, AbstractNum>;
  readonly nums: Map<string, Num>;
}

function newLevel(): Level {
  // Without w:start Word counts from 0 and without w:numFmt it prints decimal (ECMA-376 17.9).
  return { start: 0, numFmt: 'decimal', lvlText: '', legal: false, hidden: false };
}

/** Builds the definitions while numbering.xml streams through. */
export class NumberingSink implements XmlSink {
  readonly defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  private abstract: AbstractNum | undefined;
  private num: Num | undefined;
  private override: Override | undefined;
  private level: Level | undefined;
  private levelFormatSet = false;
  private inFallback = false;
  private skip = 0;

  open(name: string, a: Attributes): void {
    if (this.skip) {
      this.skip++;
      return;
    }
    const val = a.get('w:val');
    switch (name) {
      case 'w:abstractNum': {
        this.abstract = { levels: [] };
        const id = a.get('w:abstractNumId');
        if (id !== undefined) this.defs.abstracts.set(id, this.abstract);
        break;
      }
      case 'w:num': {
        this.num = { overrides: new Map() };
        const id = a.get('w:numId');
        if (id !== undefined) this.defs.nums.set(id, this.num);
        break;
      }
      case 'w:abstractNumId':
        if (this.num) this.num.abstractId = val;
        break;
      case 'w:lvlOverride': {
        const ilvl = intAttr(a.get('w:ilvl'));
        this.override = {};
        if (this.num && ilvl !== undefined && ilvl >= 0 && ilvl < MAX_LEVELS) this.num.overrides.set(ilvl, this.override);
        break;
      }
      case 'w:startOverride':
        if (this.override) this.override.start = intAttr(val);
        break;
      case 'w:lvl':
        this.openLevel(intAttr(a.get('w:ilvl')));
        break;
      case 'w:styleLink':
        if (this.abstract && !this.level) this.abstract.styleLink = val;
        break;
      case 'w:numStyleLink':
        if (this.abstract && !this.level) this.abstract.numStyleLink = val;
        break;
      case 'mc:Fallback':
        // Word puts custom formats in mc:Choice and a plain one in mc:Fallback: the plain one
        // counts only when the choice gave none we can print.
        if (this.levelFormatSet) this.skip = 1;
        else this.inFallback = true;
        break;
      case 'w:lvlPicBulletId':
      case 'w:numPicBullet':
        this.skip = 1;
        break;
      default:
        if (this.level) this.levelProperty(name, a);
    }
  }

  private openLevel(ilvl: number | undefined): void {
    this.level = newLevel();
    this.levelFormatSet = false;
    if (ilvl === undefined || ilvl < 0 || ilvl >= MAX_LEVELS) return;
    if (this.override) this.override.level = this.level;
    else if (this.abstract) this.abstract.levels[ilvl] = this.level;
  }

  private levelProperty(name: string, a: Attributes): void {
    const level = this.level!;
    const val = a.get('w:val');
    switch (name) {
      case 'w:start':
        level.start = intAttr(val) ?? 0;
        break;
      case 'w:numFmt':
        if (val && val !== 'custom') {
          level.numFmt = val;
          if (!this.inFallback) this.levelFormatSet = true;
        }
        break;
      case 'w:lvlText':
        level.lvlText = isOn(a.get('w:null')) && a.get('w:null') !== undefined ? '' : (val ?? '');
        break;
      case 'w:lvlRestart':
        level.restart = intAttr(val);
        break;
      case 'w:isLgl':
        level.legal = isOn(val);
        break;
      case 'w:vanish':
        level.hidden = isOn(val);
        break;
      case 'w:pStyle':
        level.style = val;
        break;
      case 'w:rFonts':
        level.font = a.get('w:ascii') ?? a.get('w:hAnsi') ?? a.get('w:cs') ?? level.font;
        break;
      default:
    }
  }

  close(name: string): void {
    if (this.skip) {
      this.skip--;
      return;
    }
    if (name === 'w:lvl') this.level = undefined;
    else if (name === 'w:lvlOverride') this.override = undefined;
    else if (name === 'w:num') this.num = undefined;
    else if (name === 'w:abstractNum') this.abstract = undefined;
    else if (name === 'mc:Fallback') this.inFallback = false;
  }

  text(): void {}
}

/** Which numbering definition a paragraph style links to (for w:numStyleLink). */
export type StyleNumbering = (styleId: string) => string | undefined;

interface Resolved {
  readonly key: string;
  readonly abstract: AbstractNum;
  readonly num: Num;
}

/** The counters of one document, advanced paragraph by paragraph in document order. */
export class NumberingCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(
    private readonly defs: NumberingDefinitions,
    private readonly styleNumbering: StyleNumbering,
  ) {}

  private resolve(numId: string): Resolved | undefined {
    const num = this.defs.nums.get(numId);
    let key = num?.abstractId;
    let abstract = key !== undefined ? this.defs.abstracts.get(key) : undefined;
    // A numbering style: the abstract only names a style, whose own numbering holds the levels.
    for (let hops = 0; abstract?.numStyleLink && hops < 4; hops++) {
      const linked = this.styleNumbering(abstract.numStyleLink);
      const target = linked !== undefined ? this.defs.nums.get(linked)?.abstractId : undefined;
      const next = target !== undefined ? this.defs.abstracts.get(target) : undefined;
      if (!next || next === abstract) break;
      key = target;
      abstract = next;
    }
    return num && abstract && key !== undefined ? { key, abstract, num } : undefined;
  }

  private levelOf(r: Resolved, ilvl: number): Level | undefined {
    return r.num.overrides.get(ilvl)?.level ?? r.abstract.levels[ilvl];
  }

  private startOf(r: Resolved, ilvl: number): number {
    return r.num.overrides.get(ilvl)?.start ?? this.levelOf(r, ilvl)?.start ?? 0;
  }

  /** The level of a paragraph numbered through its style without an explicit w:ilvl. */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const r = this.resolve(numId);
    if (!r) return undefined;
    for (let i = 0; i < MAX_LEVELS; i++) if (this.levelOf(r, i)?.style === styleId) return i;
    return undefined;
  }

  /** Counts one numbered paragraph and returns what Word prints before it (undefined: nothing). */
  next(numId: string, ilvl: number): string | undefined {
    if (numId === '0' || ilvl < 0 || ilvl >= MAX_LEVELS) return undefined;
    const r = this.resolve(numId);
    const level = r && this.levelOf(r, ilvl);
    if (!r || !level) return undefined;
    let counters = this.counters.get(r.key);
    if (!counters) this.counters.set(r.key, (counters = []));
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const [i, o] of r.num.overrides) if (o.start !== undefined || o.level) counters[i] = undefined;
    }
    counters[ilvl] = counters[ilvl] === undefined ? this.startOf(r, ilvl) : counters[ilvl]! + 1;
    for (let k = ilvl + 1; k < MAX_LEVELS; k++) {
      const restart = this.levelOf(r, k)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counters[k] = undefined;
    }
    if (level.hidden) return undefined;
    return this.render(r, level, counters);
  }

  private render(r: Resolved, level: Level, counters: readonly (number | undefined)[]): string {
    if (level.numFmt === 'bullet') return bulletText(level);
    return level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const def = this.levelOf(r, k);
      if (!def) return '';
      const value = counters[k] ?? this.startOf(r, k);
      return formatCounter(value, level.legal && def.numFmt !== 'none' ? 'decimal' : def.numFmt);
    });
  }
}

/** A bullet in a symbol font is a private-use code: printed as the character it shows. */
function bulletText(level: Level): string {
  return [...level.lvlText]
    .map((ch) => (isPrivateUse(ch) ? (symbolText(level.font, ch.codePointAt(0)!.toString(16)) ?? '•') : ch))
    .join('');
}
