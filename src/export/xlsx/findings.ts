/** Findings as a workbook shows them: by cell, worst severity first, in the words of the style. */
import { ruleInfo } from '../../validate';
import type { Format } from '../../formats/model';
import { bySeverity, worse } from '../../report/findings';
import type { Finding, Severity } from '../../report/types';
import { xlsxStyle } from './style';

export function severityLabel(severity: Severity): string {
  return xlsxStyle().severity[severity]?.label ?? severity;
}

export function severityFill(severity: Severity): string {
  return xlsxStyle().severity[severity].fill;
}

/** The findings that concern each field key. */
export function findingsByKey(findings: readonly Finding[]): Map<string, Finding[]> {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const key of f.fields) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(f)) list.push(f);
      byKey.set(key, list);
    }
  }
  return byKey;
}

/** Worst severity per key, for highlighting without keeping the findings (summary rows). */
export function worstByKey(findings: readonly Finding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) for (const key of f.fields) out.set(key, worse(out.get(key), f.severity));
  return out;
}

/** The note on a highlighted cell: one line per finding, severity and rule first. */
export function noteText(findings: readonly Finding[]): string {
  return [...findings]
    .sort(bySeverity)
    .map((f) => `【${severityLabel(f.severity)}】${f.message}（${f.rule}）`)
    .join('\n');
}

/** Where the cells of a finding are, the way the printed table names them. */
export function whereText(format: Format | undefined, keys: readonly string[]): string {
  return keys.map((k) => format?.byKey.get(k)?.where ?? k).join('；');
}

/** More cells than this are counted per table instead of named one by one (问题清单). */
const LIST_NAMED_CELLS = 3;

/**
 * Where a finding is: its cells as printed, or, past `named` cells (a missing table concerns all
 * 175 of its cells), per table how many, so the row stays a few lines high.
 */
export function placeText(format: Format | undefined, keys: readonly string[], named = LIST_NAMED_CELLS): string {
  if (!format || keys.length <= named) return whereText(format, keys);
  const byPart = new Map<string, number>();
  for (const k of keys) {
    const part = format.byKey.get(k)?.part;
    const no = format.spec.parts.find((p) => p.id === part)?.no;
    const name = no ? `${xlsxStyle().sheets.partPrefix}${no}` : '其他';
    byPart.set(name, (byPart.get(name) ?? 0) + 1);
  }
  return [...byPart].map(([name, n]) => `${name}共 ${n} 个单元格`).join('；');
}

/** The rule's Chinese title from the rule catalogue (templates/rules.json), or '' for an unknown id. */
export function ruleTitle(rule: string): string {
  return ruleInfo(rule)?.title ?? '';
}
