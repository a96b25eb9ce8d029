/**
 * Body names compared as a clerk would: the same body is written with or without spaces, in full or
 * half width, with （） or (), as 人民政府 or 政府, 办公室 or 办, with or without its county. Matching
 * must never join two different bodies, so a shortened name only matches when it is unambiguous.
 */
import { compactText } from '../text/normalise';

/** A comparable form of a body name. */
export function bodyKey(name: string): string {
  return (
    compactText(name)
      // NFKC already turns （） into (); the other brackets offices use for the same purpose follow.
      .replace(/[［【〔〖[]/g, '(')
      .replace(/[］】〕〗\]]/g, ')')
      .replace(/[“”"'‘’《》〈〉「」]/g, '')
      .replace(/人民政府/g, '政府')
      .replace(/办公室/g, '办')
  );
}

/** An area name a body may be prefixed with: 某某县, 某某市某某区, or just 县. */
const AREA = /^(?:[\u4e00-\u9fff]{0,12}?(?:省|市|县|区|旗|州|盟))+$/u;
const LEVEL = /^(?:县|市|区|旗)/u;

/**
 * True when `long` is `short` with an area before it: 某某县财政局 vs 财政局, 县市场监督管理局 vs
 * 市场监督管理局, and 某某县财政局 vs 县财政局 (the bare level 县 stands for the county).
 */
export function withAreaPrefix(long: string, short: string): boolean {
  if (long.length <= short.length || !long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  return AREA.test(prefix) || (LEVEL.test(short) && AREA.test(prefix + short[0]));
}

/**
 * Index of roster names: exact keys first, then names that differ only by an area prefix, and only
 * when exactly one roster body fits (two counties' 财政局 in a city roster never match a bare 财政局).
 */
export class NameIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly keys: string[];

  constructor(names: readonly string[]) {
    this.keys = names.map(bodyKey);
    this.keys.forEach((k, i) => this.exact.set(k, [...(this.exact.get(k) ?? []), i]));
  }

  /** The index of the one roster body a name means, or null when none or several could be meant. */
  find(name: string | null): number | null {
    if (!name) return null;
    const key = bodyKey(name);
    if (!key) return null;
    const exact = this.exact.get(key);
    if (exact) return exact.length === 1 ? exact[0] : null;
    const hits = this.keys.flatMap((k, i) => (withAreaPrefix(key, k) || withAreaPrefix(k, key) ? [i] : []));
    return hits.length === 1 ? hits[0] : null;
  }
}
