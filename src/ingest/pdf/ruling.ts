/**
 * Ruling lines → table grids. Lines drawn in pieces (one per cell border) are merged; lines that
 * touch form one table; the grid's columns are the x of its vertical lines and its rows the y of
 * its horizontal lines (the outer edges inferred from the lines' extent when a border is not drawn).
 * Two neighbouring grid slots are one merged cell where the line between them is missing.
 */
import type { Segment } from './geometry';

export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface Grid {
  /** Column edges, left to right. */
  readonly xs: readonly number[];
  /** Row edges, top to bottom (PDF y grows upwards, so descending). */
  readonly ys: readonly number[];
  readonly cells: readonly GridCell[];
  /** slot[r][c] = index into cells. */
  readonly slot: readonly (readonly number[])[];
}

/** Edges closer than this are one edge; lines closer than this touch. */
const SNAP = 2;
/** A line this short is a glyph-sized mark (underline of a blank, a dash), not a border. */
const MIN_LINE = 4;
/** Rows or columns at most; a hostile page of hatching is not a table of a million cells. */
const MAX_EDGES = 400;
/** Lines of one direction on a page at most (a page of a real report has a few hundred). */
const MAX_LINES = 5000;

function mergeCollinear(segs: readonly Segment[]): Segment[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  let group: Segment[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const at = group.reduce((s, g) => s + g.at, 0) / group.length;
    const pieces = group.sort((a, b) => a.from - b.from);
    let from = pieces[0].from;
    let to = pieces[0].to;
    for (const p of pieces.slice(1)) {
      if (p.from <= to + SNAP) to = Math.max(to, p.to);
      else {
        out.push({ dir: p.dir, at, from, to });
        from = p.from;
        to = p.to;
      }
    }
    out.push({ dir: pieces[0].dir, at, from, to });
    group = [];
  };
  for (const s of sorted) {
    if (group.length > 0 && s.at - group[0].at > SNAP) flush();
    group.push(s);
  }
  flush();
  return out.filter((s) => s.to - s.from >= MIN_LINE);
}

function touches(h: Segment, v: Segment): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Groups of lines that touch one another. */
function components(hs: readonly Segment[], vs: readonly Segment[]): { hs: Segment[]; vs: Segment[] }[] {
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  [...hs, ...vs].forEach((s, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    (s.dir === 'h' ? g.hs : g.vs).push(s);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

function edges(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1] > SNAP) out.push(v);
  return out;
}

/** Is there a line along `at` covering the point `mid` (the middle of a row or column)? */
function ruled(lines: readonly Segment[], at: number, mid: number): boolean {
  return lines.some((l) => Math.abs(l.at - at) <= SNAP && l.from <= mid + 0.5 && l.to >= mid - 0.5);
}

function gridOf(hs: readonly Segment[], vs: readonly Segment[]): Grid | undefined {
  const xs = edges([...vs.map((v) => v.at), Math.min(...hs.map((h) => h.from)), Math.max(...hs.map((h) => h.to))]);
  const ys = edges([...hs.map((h) => h.at), ...vs.flatMap((v) => [v.from, v.to])]).reverse();
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 1 || rows < 1 || cols * rows < 2 || cols > MAX_EDGES || rows > MAX_EDGES) return undefined;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c + 1 < cols; c++) if (!ruled(vs, xs[c + 1], midY)) join(r * cols + c, r * cols + c + 1);
  }
  for (let c = 0; c < cols; c++) {
    const midX = (xs[c] + xs[c + 1]) / 2;
    for (let r = 0; r + 1 < rows; r++) if (!ruled(hs, ys[r + 1], midX)) join(r * cols + c, (r + 1) * cols + c);
  }
  return rectangles(rows, cols, find, join, xs, ys);
}

/** Merged slots as rectangles: a group that is not one is widened to its bounding box. */
function rectangles(
  rows: number,
  cols: number,
  find: (i: number) => number,
  join: (a: number, b: number) => void,
  xs: number[],
  ys: number[],
): Grid {
  for (let pass = 0; pass < 8; pass++) {
    const box = new Map<number, [number, number, number, number]>();
    for (let i = 0; i < rows * cols; i++) {
      const r = Math.floor(i / cols);
      const c = i % cols;
      const b = box.get(find(i));
      box.set(find(i), b ? [Math.min(b[0], r), Math.min(b[1], c), Math.max(b[2], r), Math.max(b[3], c)] : [r, c, r, c]);
    }
    let changed = false;
    for (const [root, [r0, c0, r1, c1]] of box) {
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++)
          if (find(r * cols + c) !== find(root)) {
            join(r * cols + c, root);
            changed = true;
          }
    }
    if (!changed) break;
  }
  const cells: GridCell[] = [];
  const index = new Map<number, number>();
  const slot = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      if (!index.has(root)) {
        let colSpan = 1;
        while (c + colSpan < cols && find(r * cols + c + colSpan) === root) colSpan++;
        let rowSpan = 1;
        while (r + rowSpan < rows && find((r + rowSpan) * cols + c) === root) rowSpan++;
        index.set(root, cells.length);
        cells.push({ row: r, col: c, rowSpan, colSpan });
      }
      slot[r][c] = index.get(root)!;
    }
  }
  return { xs, ys, cells, slot };
}

/** The tables drawn on a page, top to bottom. */
export function pageGrids(segments: readonly Segment[]): Grid[] {
  const hs = mergeCollinear(segments.filter((s) => s.dir === 'h'));
  const vs = mergeCollinear(segments.filter((s) => s.dir === 'v'));
  if (hs.length > MAX_LINES || vs.length > MAX_LINES) return [];
  return components(hs, vs)
    .filter((g) => g.hs.length >= 1 && g.vs.length >= 1 && g.hs.length + g.vs.length >= 3)
    .map((g) => gridOf(g.hs, g.vs))
    .filter((g): g is Grid => g !== undefined)
    .sort((a, b) => b.ys[0] - a.ys[0]);
}

/** The grid slot holding a point, or undefined outside the grid. */
export function slotAt(grid: Grid, x: number, y: number): { row: number; col: number } | undefined {
  const { xs, ys } = grid;
  if (x < xs[0] || x > xs[xs.length - 1] || y > ys[0] || y < ys[ys.length - 1]) return undefined;
  let col = 0;
  while (col < xs.length - 2 && x > xs[col + 1]) col++;
  let row = 0;
  while (row < ys.length - 2 && y < ys[row + 1]) row++;
  return { row, col };
}
