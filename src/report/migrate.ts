/**
 * Carries a report read in the 2019 format into the 2021 tables, by the mapping of
 * templates/migrate-2019-to-2021.json: fields move, stay under the same key, or are dropped with a
 * reason. A dropped field that held anything becomes a finding (so the JSON, the CLI and the DOCX
 * note all list it): nothing is lost silently.
 */
import { loadTemplate, templateExists } from '../formats/load';
import { expandTemplate, getFormat, overItems, type Format } from '../formats/model';
import type { FormatVersion, Over } from '../formats/types';
import type { FieldCell, FieldValue, Finding, Report } from './types';

/** Rule ids of the findings a migration adds. */
export const FORMAT_MIGRATED = 'FORMAT_MIGRATED';
export const MIGRATION_DROPPED = 'MIGRATION_DROPPED';

interface MoveRule {
  readonly from: string;
  readonly to: string;
  readonly over: Over;
}

interface DropRule {
  readonly keys: string;
  readonly reason: string;
}

interface MigrationSpec {
  readonly from: FormatVersion;
  readonly to: FormatVersion;
  readonly moves: readonly MoveRule[];
  readonly dropped: readonly DropRule[];
}

/** What happens to each field of the source catalog. */
export type FieldFate =
  { readonly kind: 'move'; readonly to: string } | { readonly kind: 'keep' } | { readonly kind: 'drop'; readonly reason: string };

export interface MigrationPlan {
  readonly from: Format;
  readonly to: Format;
  /** Every table field of the source format, in catalog order. */
  readonly fates: ReadonlyMap<string, FieldFate>;
}

export interface DroppedField {
  readonly key: string;
  /** Where the cell was, the way the 2019 table names it. */
  readonly where: string;
  readonly value: FieldValue;
  readonly raw: string;
  readonly reason: string;
}

export interface Migration {
  readonly report: Report;
  readonly moved: readonly { readonly from: string; readonly to: string }[];
  /** Dropped fields that held a value or text; blank ones carried nothing. */
  readonly dropped: readonly DroppedField[];
}

function loadSpec(from: FormatVersion, to: FormatVersion): MigrationSpec {
  const file = `migrate-${from}-to-${to}.json`;
  if (!templateExists(file)) throw new Error(`不支持从${from}年格式转换为${to}年格式 / no migration from ${from} to ${to}`);
  return loadTemplate<MigrationSpec>(file);
}

function moveTable(spec: MigrationSpec, from: Format, to: Format): Map<string, string> {
  const moves = new Map<string, string>();
  for (const rule of spec.moves) {
    for (const item of overItems(from, rule.over)) {
      const source = expandTemplate(from, rule.from, item);
      const target = expandTemplate(to, rule.to, item);
      if (source.length !== 1 || target.length !== 1) {
        throw new Error(`templates: migration rule ${rule.from} → ${rule.to} does not give one key each for ${item}`);
      }
      if (!moves.has(source[0])) moves.set(source[0], target[0]);
    }
  }
  return moves;
}

const plans = new Map<string, MigrationPlan>();

export function migrationPlan(fromVersion: FormatVersion, toVersion: FormatVersion): MigrationPlan {
  const id = `${fromVersion}-${toVersion}`;
  let plan = plans.get(id);
  if (!plan) {
    plan = buildPlan(fromVersion, toVersion);
    plans.set(id, plan);
  }
  return plan;
}

function buildPlan(fromVersion: FormatVersion, toVersion: FormatVersion): MigrationPlan {
  const spec = loadSpec(fromVersion, toVersion);
  const from = getFormat(fromVersion);
  const to = getFormat(toVersion);
  const moves = moveTable(spec, from, to);
  const dropReasons = new Map<string, string>();
  for (const d of spec.dropped)
    for (const key of expandTemplate(from, d.keys, '')) if (!dropReasons.has(key)) dropReasons.set(key, d.reason);
  const fates = new Map<string, FieldFate>();
  for (const field of from.fields) {
    if (field.part === 'meta') continue;
    const move = moves.get(field.key);
    if (move) fates.set(field.key, { kind: 'move', to: move });
    else if (to.byKey.has(field.key)) fates.set(field.key, { kind: 'keep' });
    else fates.set(field.key, { kind: 'drop', reason: dropReasons.get(field.key) ?? `${toVersion}年格式中没有对应栏目` });
  }
  return { from, to, fates };
}

function holdsSomething(report: Report, key: string): boolean {
  return (report.fields[key] !== null && report.fields[key] !== undefined) || (report.cells[key]?.raw ?? '').trim() !== '';
}

function droppedFinding(d: DroppedField): Finding {
  const shown = d.raw.trim() || String(d.value);
  return {
    rule: MIGRATION_DROPPED,
    severity: 'warning',
    message: `${d.where}：${shown}，未转入（${d.reason}）`,
    fields: [d.key],
  };
}

function migratedFinding(plan: MigrationPlan): Finding {
  const { from, to } = plan;
  return {
    rule: FORMAT_MIGRATED,
    severity: 'info',
    message: `表格已由${from.version}年格式（${from.spec.notice}）转换为${to.version}年格式（${to.spec.notice}）`,
    fields: [],
  };
}

/** The report in the target format; a report already in it is returned as it is. */
export function migrateReport(report: Report, toVersion: FormatVersion): Migration {
  if (report.meta.format === toVersion) return { report, moved: [], dropped: [] };
  const plan = migrationPlan(report.meta.format, toVersion);
  const fields: Record<string, FieldValue> = {};
  const cells: Record<string, FieldCell> = {};
  for (const f of plan.to.fields) {
    fields[f.key] = f.part === 'meta' ? (report.fields[f.key] ?? null) : null;
    if (f.part !== 'meta') cells[f.key] = { raw: '', status: 'missing' };
  }
  fields['meta.format'] = toVersion;
  const moved: { from: string; to: string }[] = [];
  const dropped: DroppedField[] = [];
  for (const [key, fate] of plan.fates) {
    if (fate.kind === 'drop') {
      if (holdsSomething(report, key)) {
        const where = plan.from.byKey.get(key)!.where;
        dropped.push({ key, where, value: report.fields[key] ?? null, raw: report.cells[key]?.raw ?? '', reason: fate.reason });
      }
      continue;
    }
    const target = fate.kind === 'move' ? fate.to : key;
    fields[target] = report.fields[key] ?? null;
    if (report.cells[key]) cells[target] = report.cells[key];
    if (fate.kind === 'move') moved.push({ from: key, to: target });
  }
  const specs = new Set(plan.to.tables.map((t) => t.spec.id));
  const findings = [migratedFinding(plan), ...dropped.map(droppedFinding)];
  const migrated: Report = {
    ...report,
    meta: { ...report.meta, format: toVersion },
    fields,
    cells,
    tables: report.tables.filter((t) => specs.has(t.spec)),
    diagnostics: [...report.diagnostics, ...findings],
    issues: [...report.issues, ...findings],
  };
  return { report: migrated, moved, dropped };
}

/** The dropped-field messages of a migrated report, for a command line to list. */
export function droppedMessages(report: Report): string[] {
  return report.diagnostics.filter((d) => d.rule === MIGRATION_DROPPED).map((d) => d.message);
}
