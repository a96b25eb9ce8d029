/**
 * The ruling lines of a page, from its drawing operations: every straight horizontal or vertical
 * stroke, every thin filled rectangle (Word and WPS draw cell borders as those) and the edges of
 * stroked rectangles, in page coordinates (the current transform tracked through save/restore and
 * form XObjects). Curves and large filled areas (shading, backgrounds) are not lines.
 */
import type { PdfjsModule } from './pdfjs';

export interface Segment {
  readonly dir: 'h' | 'v';
  /** y of a horizontal line, x of a vertical one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Thicker than this, a filled rectangle is an area, not a line. */
const THIN = 3;
/** Coordinates closer than this are the same line. */
const FLAT = 0.8;
/** Path points read per page at most: a hostile page cannot make us collect without end. */
const MAX_POINTS = 2_000_000;

interface Paint {
  stroke: boolean;
  fill: boolean;
}

function paintOf(ops: PdfjsModule['OPS'], op: number): Paint | undefined {
  if (op === ops.stroke || op === ops.closeStroke) return { stroke: true, fill: false };
  if (op === ops.fill || op === ops.eoFill) return { stroke: false, fill: true };
  if ([ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].includes(op))
    return { stroke: true, fill: true };
  return undefined;
}

/** Subpaths of straight pieces; a subpath with a curve is dropped whole. */
function subpaths(data: ArrayLike<number>, m: Matrix): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  let curved = false;
  const end = (): void => {
    if (!curved && current.length > 1) out.push(current);
    current = [];
    curved = false;
  };
  for (let i = 0; i < data.length && i < MAX_POINTS;) {
    const op = data[i++];
    if (op === 0) {
      end();
      current.push(apply(m, data[i++], data[i++]));
    } else if (op === 1) current.push(apply(m, data[i++], data[i++]));
    else if (op === 2) {
      curved = true;
      i += 6;
    } else if (op === 3) {
      curved = true;
      i += 4;
    } else if (op === 4) {
      if (current.length > 0) current.push(current[0]);
    } else break;
  }
  end();
  return out;
}

function segmentOf(a: readonly [number, number], b: readonly [number, number]): Segment | undefined {
  if (Math.abs(a[1] - b[1]) < FLAT && Math.abs(a[0] - b[0]) >= FLAT)
    return { dir: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (Math.abs(a[0] - b[0]) < FLAT && Math.abs(a[1] - b[1]) >= FLAT)
    return { dir: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return undefined;
}

/** An axis-aligned rectangle as its box, or undefined. */
function boxOf(points: readonly [number, number][]): [number, number, number, number] | undefined {
  if (points.length < 4 || points.length > 5) return undefined;
  for (let i = 1; i < points.length; i++)
    if (
      !segmentOf(points[i - 1], points[i]) &&
      !(i === 4 && Math.hypot(points[4][0] - points[0][0], points[4][1] - points[0][1]) < FLAT)
    )
      return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function pathSegments(path: [number, number][], paint: Paint, out: Segment[]): void {
  const box = boxOf(path);
  if (box && paint.fill) {
    const [x0, y0, x1, y1] = box;
    if (y1 - y0 <= THIN && x1 - x0 > THIN) out.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (x1 - x0 <= THIN && y1 - y0 > THIN) out.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
    else if (!paint.stroke) return;
  }
  if (!paint.stroke) return;
  for (let i = 1; i < path.length; i++) {
    const s = segmentOf(path[i - 1], path[i]);
    if (s) out.push(s);
  }
}

export function pageSegments(
  ops: PdfjsModule['OPS'],
  list: { fnArray: readonly number[]; argsArray: readonly unknown[] },
): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let m: Matrix = IDENTITY;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(m);
    else if (fn === ops.restore) m = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) m = multiply(args as unknown as Matrix, m);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(m);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0]))
        m = multiply(Array.from(args![0] as ArrayLike<number>) as unknown as Matrix, m);
    } else if (fn === ops.paintFormXObjectEnd) m = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      const paint = paintOf(ops, args[0] as number);
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (paint && data) for (const path of subpaths(data, m)) pathSegments(path, paint, out);
    }
  });
  return out;
}
