/**
 * The rule catalogue of templates/rules.json: severity, title and thresholds of every rule, and
 * the one way rules make a Finding (so a rule never states its own severity).
 */
import { loadTemplate } from '../formats/load';
import type { Finding, Severity } from '../report/types';

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  /** Short Chinese title shown next to the message (问题 sheet, web page, check command). */
  readonly title: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** 'recognise' for notes of recognition (listed for their titles only). */
  readonly source?: string;
}

export interface AgencyReplacement {
  readonly pattern: string;
  readonly with: string;
}

interface RulesFile {
  readonly rules: readonly RuleInfo[];
  readonly agencyNames: { readonly replace: readonly AgencyReplacement[] };
}

function rulesFile(): RulesFile {
  return loadTemplate<RulesFile>('rules.json');
}

/** Every rule of the catalogue, in the order of RULES.md. */
export function ruleCatalogue(): readonly RuleInfo[] {
  return rulesFile().rules;
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return rulesFile().rules.find((r) => r.id === id);
}

function known(id: string): RuleInfo {
  const info = ruleInfo(id);
  if (!info) throw new Error(`templates/rules.json: unknown rule ${id}`);
  return info;
}

/** A rule's thresholds from the catalogue. */
export function ruleParams<T>(id: string): T {
  return (known(id).params ?? {}) as T;
}

/** A finding of a catalogued rule, with the rule's severity. */
export function finding(rule: string, message: string, fields: readonly string[] = []): Finding {
  return { rule, severity: known(rule).severity, message, fields: [...new Set(fields)] };
}

export function agencyReplacements(): readonly AgencyReplacement[] {
  return rulesFile().agencyNames.replace;
}
