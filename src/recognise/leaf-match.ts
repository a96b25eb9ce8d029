/**
 * Matching the label segments of one header column (top to bottom) or one data row (left to
 * right) to a leaf of the format description. Labels may be split over several cells
 * ('本年新' / '制作数量'), so concatenations of the last segments are tried; leaves with the same
 * label ('结果维持' under 行政复议 and under 行政诉讼) are told apart by their keyed ancestors.
 */
import type { LabelIndex } from '../formats/labels';
import type { LabelSpec } from '../formats/types';
import { textMatchesNode } from './spec-index';

interface Leaf {
  readonly path: readonly Partial<LabelSpec & { id: string }>[];
}

/** The texts to try, most specific first: the last segment, then the last two, three… joined, then each earlier one. */
function attempts(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (let n = 1; n <= segments.length; n++) out.push(segments.slice(-n).join(''));
  for (let i = segments.length - 2; i >= 0; i--) out.push(segments[i]);
  return out;
}

function ancestorsFit(leaf: Leaf, segments: readonly string[], stripNumbering: boolean): boolean {
  return leaf.path
    .slice(0, -1)
    .every((node) => !node.id || !node.label || segments.some((s) => textMatchesNode(s, node as LabelSpec, stripNumbering)));
}

/**
 * The leaf the segments name, or undefined. `taken` holds leaves already matched elsewhere, so
 * that identical labels without their group headers are assigned in order, left to right.
 */
export function matchLeaf<T extends Leaf>(
  index: LabelIndex<T>,
  segments: readonly string[],
  options: { stripNumbering: boolean; taken?: ReadonlySet<T> },
): T | undefined {
  if (!segments.length) return undefined;
  for (const text of attempts(segments)) {
    const candidates = index.find(text);
    if (!candidates.length) continue;
    if (candidates.length === 1) return candidates[0];
    const fitting = candidates.filter((c) => ancestorsFit(c, segments, options.stripNumbering));
    const pool = fitting.length ? fitting : candidates;
    return pool.find((c) => !options.taken?.has(c)) ?? pool[0];
  }
  return undefined;
}
