/**
 * `--target-format 2021`: a 2019-format report carried into the 2021 tables by the mapping in
 * templates/migrate-2019-to-2021.json. Every 2019 field moves, stays or is dropped with a reason;
 * dropped values are listed in the document, the JSON and the command's output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/core/pipeline';
import { reportToDocx } from '../src/export/docx';
import { getFormat } from '../src/formats/model';
import { FORMAT_MIGRATED, MIGRATION_DROPPED, migrateReport, migrationPlan } from '../src/report/migrate';
import { runCli, tempDir } from './helpers/cli';
import { fieldDiff, readFixture, readReport } from './helpers/pipeline';
import { consistentValues, type Values } from './helpers/report-fixture';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

describe('the 2019 → 2021 mapping', () => {
  const plan = migrationPlan('2019', '2021');

  it('decides the fate of every 2019 table field, and moves each onto a distinct 2021 field', () => {
    const tableKeys = getFormat('2019')
      .fields.filter((f) => f.part !== 'meta')
      .map((f) => f.key);
    expect([...plan.fates.keys()]).toEqual(tableKeys);
    const targets = [...plan.fates].filter(([, f]) => f.kind !== 'drop').map(([k, f]) => (f.kind === 'move' ? f.to : k));
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets.every((k) => getFormat('2021').byKey.has(k))).toBe(true);
  });

  it('moves 本年新制作数量 to 本年制发件数, keeps 规范性文件 as 行政规范性文件, and （六）其他处理 to （六）3.其他', () => {
    expect(plan.fates.get('t2.normative.made')).toEqual({ kind: 'move', to: 't2.normative.issued' });
    expect(plan.fates.get('t2.licensing.decisions')).toEqual({ kind: 'keep' });
    for (const c of ['natural', 'otherOrg', 'total'])
      expect(plan.fates.get(`t3.other.${c}`)).toEqual({ kind: 'move', to: `t3.other.misc.${c}` });
    expect(plan.fates.get('t4.suitDirect.pending')).toEqual({ kind: 'keep' });
  });

  it('drops, with a reason, the columns that have no defensible 2021 counterpart', () => {
    const dropped = [...plan.fates].filter(([, f]) => f.kind === 'drop').map(([k]) => k);
    expect(dropped).toEqual(
      expect.arrayContaining([
        't2.rules.published',
        't2.rules.total',
        't2.licensing.prior',
        't2.fees.change',
        't2.otherServices.decisions',
        't2.procurement.amount',
      ]),
    );
    expect(dropped.every((k) => k.startsWith('t2.'))).toBe(true);
    const totalFate = plan.fates.get('t2.rules.total');
    expect(totalFate?.kind === 'drop' && totalFate.reason).toMatch(/现行有效件数/);
  });
});

describe('a migrated report', () => {
  const values: Values = {
    ...consistentValues('2019', 9),
    't2.licensing.prior': 15,
    't2.otherServices.decisions': 47,
    't2.procurement.items': null,
  };

  it('holds the 2021 fields, lists every dropped value that held something, and reads back from its DOCX', async () => {
    const source = await readFixture({ version: '2019', year: 2021, values }, 'mammoth');
    const { report, moved, dropped } = migrateReport(source, '2021');
    expect(report.meta.format).toBe('2021');
    expect(Object.keys(report.fields).sort()).toEqual(
      getFormat('2021')
        .fields.map((f) => f.key)
        .sort(),
    );
    expect(report.fields['t2.rules.issued']).toBe(values['t2.rules.made']);
    expect(report.fields['t3.other.misc.natural']).toBe(values['t3.other.natural']);
    expect(report.fields['t3.other.noCorrection.natural']).toBeNull();
    expect(report.cells['t3.other.misc.natural'].source).toEqual(source.cells['t3.other.natural'].source);
    expect(moved).toContainEqual({ from: 't2.normative.made', to: 't2.normative.issued' });
    expect(dropped.map((d) => d.key)).toContain('t2.otherServices.decisions');
    expect(dropped.map((d) => d.key)).not.toContain('t2.procurement.items');
    const findings = report.diagnostics.filter((d) => d.rule === MIGRATION_DROPPED);
    expect(findings.map((f) => f.fields[0])).toEqual(dropped.map((d) => d.key));
    expect(findings.find((f) => f.fields[0] === 't2.licensing.prior')!.message).toBe(
      '表二“第二十条第（五）项”“行政许可”行“上一年项目数量”列：15，未转入（2021年格式不再统计上一年项目数量）',
    );

    const back = await readReport(await reportToDocx(report), 'migrated.docx', 'mammoth');
    expect(back.meta.format).toBe('2021');
    expect(fieldDiff(back.fields, report.fields)).toEqual([]);
    const notes = back.sections[1].paragraphs;
    expect(notes.some((p) => p.startsWith('注：表格已由2019年格式'))).toBe(true);
    for (const f of findings) expect(notes).toContain(f.message);
  });

  it('no longer breaks FORMAT_VERSION once re-checked', async () => {
    const source = checkReport(await readFixture({ version: '2019', year: 2022, values }, 'mammoth'));
    expect(source.issues.map((i) => i.rule)).toContain('FORMAT_VERSION');
    const checked = checkReport(migrateReport(source, '2021').report);
    expect(checked.issues.map((i) => i.rule)).not.toContain('FORMAT_VERSION');
    expect(checked.issues.map((i) => i.rule)).toContain(FORMAT_MIGRATED);
  });

  it('is left as it is when already in the target format', async () => {
    const source = await readFixture({ version: '2021', values: consistentValues('2021', 2) }, 'mammoth');
    expect(migrateReport(source, '2021')).toEqual({ report: source, moved: [], dropped: [] });
  });
});

describe('nianbao convert --target-format 2021', () => {
  it('writes 2021-format JSON and DOCX of the 2019-format sample and lists what could not move', async () => {
    const out = tempDir();
    const r = runCli(['convert', SAMPLE, '--out', out, '--to', 'json,docx', '--target-format', '2021', '--reader', 'mammoth']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('表二“第二十条第（九）项”“政府集中采购”行“采购总金额”列：424.47万元，未转入');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'xinzhou-jkq-2020.json'), 'utf8'));
    expect(json.meta.format).toBe('2021');
    expect(json.fields['t2.licensing.decisions']).toBe(575);
    expect(json.fields).not.toHaveProperty('t2.procurement.amount');
    expect(json.issues.filter((i: { rule: string }) => i.rule === MIGRATION_DROPPED)).toHaveLength(17);
    const back = await readReport(fs.readFileSync(path.join(out, 'xinzhou-jkq-2020.docx')), 'x.docx', 'mammoth');
    expect(back.meta.format).toBe('2021');
    expect(fieldDiff(back.fields, json.fields)).toEqual([]);
  });

  it('refuses any other target format', () => {
    const r = runCli(['convert', SAMPLE, '--to', 'docx', '--target-format', '2019']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--target-format');
  });
});
