/**
 * YOY_JUMP: a table-3 or table-4 total or a table-2 count (templates/rules.json lists the key
 * templates) that is at least `minValue` in either year and changes more than `factor`× up or down.
 */
import { expandTemplate, getFormat, type Format } from '../formats/model';
import type { Finding } from '../report/types';
import { finding, ruleParams } from './catalogue';
import type { YearRecord } from './year-record';
import { fieldDef } from './names';
import { displayNumber } from '../text/display';
import { num } from './record';

interface JumpParams {
  readonly keys: readonly string[];
  readonly minValue: number;
  readonly factor: number;
}

// Keys compared for jumps, by format pair: expanding templates costs more than comparing.
const jumpKeyCache = new Map<string, string[]>();

function jumpKeys(earlier: Format, later: Format, params: JumpParams): string[] {
  const id = `${earlier.version}>${later.version}`;
  let keys = jumpKeyCache.get(id);
  if (!keys) {
    const all = [...new Set(params.keys.flatMap((t) => expandTemplate(later, t, '')))];
    keys = all.filter((k) => {
      const def = later.byKey.get(k)!;
      return earlier.byKey.has(k) && def.type === 'int' && !def.signed;
    });
    jumpKeyCache.set(id, keys);
  }
  return keys;
}

function change(before: number, after: number): string {
  if (before === 0) return `由 0 增至 ${displayNumber(after)}`;
  if (after === 0) return `由 ${displayNumber(before)} 降至 0`;
  const ratio = after > before ? after / before : before / after;
  return after > before ? `增至 ${ratio.toFixed(1)} 倍` : `降至 1/${ratio.toFixed(1)}`;
}

export function jumpFindings(earlier: YearRecord, later: YearRecord): Finding[] {
  const params = ruleParams<JumpParams>('YOY_JUMP');
  const lf = getFormat(later.format);
  const out: Finding[] = [];
  for (const key of jumpKeys(getFormat(earlier.format), lf, params)) {
    const before = num(earlier.fields, key);
    const after = num(later.fields, key);
    if (before === null || after === null || before < 0 || after < 0) continue;
    const [low, high] = before < after ? [before, after] : [after, before];
    if (high < params.minValue || (low > 0 && high <= low * params.factor)) continue;
    const where = fieldDef(lf, key).where;
    out.push(
      finding(
        'YOY_JUMP',
        `${where}：${earlier.year}年 ${displayNumber(before)} → ${later.year}年 ${displayNumber(after)}（${change(before, after)}），请核实`,
        [key],
      ),
    );
  }
  return out;
}
