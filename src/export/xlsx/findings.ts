/** Findings as a workbook shows them: by cell, worst severity first, in the words of the style. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES_DIR } from '../../formats/load';
import type { Format } from '../../formats/model';
import type { Finding, Severity } from '../../report/types';
import { xlsxStyle } from './style';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] < RANK[a] ? b : a;
}

export function severityLabel(severity: Severity): string {
  return xlsxStyle().severity[severity]?.label ?? severity;
}

export function severityFill(severity: Severity): string {
  return xlsxStyle().severity[severity].fill;
}

export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
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
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .map((f) => `【${severityLabel(f.severity)}】${f.message}（${f.rule}）`)
    .join('\n');
}

/** Where the cells of a finding are, the way the printed table names them. */
export function whereText(format: Format | undefined, keys: readonly string[]): string {
  return keys.map((k) => format?.byKey.get(k)?.where ?? k).join('；');
}

type RuleCatalog = ReadonlyMap<string, string>;
let rules: RuleCatalog | undefined;

/**
 * Chinese rule titles from templates/rules.json when the validator provides one. Accepts a list of
 * {id, title} or a map id → title / {title}; without the file the rule id alone is shown.
 */
export function ruleTitle(rule: string): string {
  if (!rules) rules = loadRuleTitles();
  return rules.get(rule) ?? '';
}

function loadRuleTitles(): RuleCatalog {
  const file = path.join(TEMPLATES_DIR, 'rules.json');
  const out = new Map<string, string>();
  if (!fs.existsSync(file)) return out;
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const list = Array.isArray(json) ? json : Array.isArray((json as { rules?: unknown }).rules) ? (json as { rules: unknown[] }).rules : null;
    const entries: [string, unknown][] = list
      ? list.map((r) => [String((r as { id?: unknown; rule?: unknown }).id ?? (r as { rule?: unknown }).rule), r])
      : Object.entries((json as Record<string, unknown>).rules ?? (json as Record<string, unknown>));
    for (const [id, r] of entries) {
      const title = typeof r === 'string' ? r : (r as { title?: unknown; name?: unknown } | null)?.title ?? (r as { name?: unknown } | null)?.name;
      if (typeof title === 'string') out.set(id, title);
    }
  } catch {
    // A catalogue we cannot read must not stop an export: rule ids are still shown.
  }
  return out;
}
