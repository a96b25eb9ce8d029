/**
 * Label comparison. Real reports print the official labels with numbering or without it, with
 * bracketed notes (本年增/减（指…）, 规章（设区的市…应提供）), with spaces and line breaks inside
 * (商业 企业, 本年新<br>制作数量) and with other punctuation. A label is compared by its keys:
 * the compact text without punctuation, with bracketed notes stripped and with them kept.
 */
import { compactText } from '../text/normalise';
import type { LabelSpec } from './types';

const LEADING_NUMBERING = /^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、.,]|\d{1,2}[.、,)](?!\d)|[①-⑳])/u;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
/**
 * Words a page converted to traditional characters with Taiwan's vocabulary cannot give back
 * (资料 and 数据 both become 資料, 查询 becomes 查詢 and comes back as 查找): compared as one.
 */
const AMBIGUOUS_BACK = /资料|查找/g;
const ONE_WORD: Record<string, string> = { 资料: '数据', 查找: '查询' };

/** The label without the numbering it starts with (一、, （三）, 2.). */
export function stripNumbering(compact: string): string {
  return compact.replace(LEADING_NUMBERING, '');
}

export interface KeyOptions {
  /** Row labels are matched without their numbering; headers and captions keep it. */
  readonly stripNumbering?: boolean;
}

// Recognition compares the same cell texts against many labels: remember their keys.
const keyCache = [new Map<string, string[]>(), new Map<string, string[]>()];
const KEY_CACHE_LIMIT = 50_000;

/** The comparison keys of a text (one or two, never empty strings). */
export function labelKeys(text: string, options: KeyOptions = {}): string[] {
  const cache = keyCache[options.stripNumbering ? 1 : 0];
  let keys = cache.get(text);
  if (!keys) {
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    keys = computeKeys(text, !!options.stripNumbering);
    cache.set(text, keys);
  }
  return keys;
}

function computeKeys(text: string, numbering: boolean): string[] {
  let compact = compactText(text).replace(AMBIGUOUS_BACK, (w) => ONE_WORD[w]);
  if (numbering) compact = stripNumbering(compact);
  // A bracket group after the start is a note (本年增/减（指…）); one at the start is numbering.
  const withoutNotes = compact.replace(/(?<!^)\([^()]*\)/g, '').replace(PUNCTUATION, '');
  const withNotes = compact.replace(PUNCTUATION, '');
  return [...new Set([withNotes, withoutNotes])].filter((k) => k !== '');
}

const specKeyCache = [new WeakMap<LabelSpec, string[]>(), new WeakMap<LabelSpec, string[]>()];

/** Every key of a label and its accepted variants. */
export function specKeys(spec: LabelSpec, options: KeyOptions = {}): string[] {
  const cache = specKeyCache[options.stripNumbering ? 1 : 0];
  let keys = cache.get(spec);
  if (!keys) {
    keys = [...new Set([spec.label, ...(spec.variants ?? [])].flatMap((t) => labelKeys(t, options)))];
    cache.set(spec, keys);
  }
  return keys;
}

/**
 * An index from keys to candidates. `find` answers exact key matches first; failing that, a
 * unique candidate whose key contains the text's key or is contained in it (both long enough
 * that containment means something).
 */
export class LabelIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly entries: { key: string; item: T }[] = [];

  constructor(private readonly options: KeyOptions = {}) {}

  add(spec: LabelSpec, item: T): void {
    for (const key of specKeys(spec, this.options)) {
      const list = this.exact.get(key) ?? [];
      if (!list.includes(item)) list.push(item);
      this.exact.set(key, list);
      this.entries.push({ key, item });
    }
  }

  /** Candidates for a text: the smallest exact hit over its keys, else the fuzzy ones. */
  find(text: string, fuzzy = true): T[] {
    const keys = labelKeys(text, this.options);
    let best: T[] | undefined;
    for (const key of keys) {
      const hit = this.exact.get(key);
      if (hit && (!best || hit.length < best.length)) best = hit;
    }
    if (best) return best;
    if (!fuzzy) return [];
    const found = new Set<T>();
    for (const key of keys) {
      if (key.length < 4) continue;
      for (const e of this.entries) {
        if (e.key.length >= 4 && (key.includes(e.key) || e.key.includes(key))) found.add(e.item);
      }
    }
    return [...found];
  }
}
