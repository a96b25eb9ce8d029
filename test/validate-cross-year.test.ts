/**
 * Cross-year rules over a batch: which reports are paired (normalised agency names, consecutive
 * years, duplicates and gaps), and CROSS_YEAR_CARRY, CROSS_YEAR_IN_FORCE, YOY_JUMP on each pair —
 * first on plain YearRecords, then on real DOCX reports with injected defects (recall).
 */
import { expandTemplate, getFormat, overItems } from '../src/formats/model';
import type { FormatVersion } from '../src/formats/types';
import { agencyKey, crossYear, validateReport, yearRecord, type YearRecord } from '../src/validate';
import { readFixture } from './helpers/pipeline';
import { consistentValues, rng, type Values } from './helpers/report-fixture';

/** Makes every sum of `rule` hold again by setting its left side (a total) to the right side's sum. */
function settle(version: FormatVersion, values: Values, rule: string): void {
  const format = getFormat(version);
  for (const sum of format.spec.sums.filter((s) => s.rule === rule)) {
    for (const item of overItems(format, sum.over)) {
      const [left] = sum.left.flatMap((t) => expandTemplate(format, t, item));
      values[left] = sum.right
        .flatMap((t) => expandTemplate(format, t, item))
        .reduce((n, k) => n + ((values[k] as number) ?? 0), 0);
    }
  }
}

const n = (v: Values, k: string) => (typeof v[k] === 'number' ? (v[k] as number) : 0);

/**
 * Next year's values that continue `earlier` by every carry of the later format (上年结转 = last
 * year's 结转下年度; 现行有效 = last year's + 制发 − 废止), with table 三 balanced again.
 */
function nextYear(earlierVersion: FormatVersion, earlier: Values, version: FormatVersion, seed: number): Values {
  const later = consistentValues(version, seed);
  const format = getFormat(version);
  for (const spec of format.spec.carry) {
    for (const item of overItems(format, spec.over)) {
      const [from] = expandTemplate(getFormat(earlierVersion), spec.from, item);
      const [to] = expandTemplate(format, spec.to, item);
      if (!from || !to) continue;
      const plus = (spec.plus ?? []).flatMap((t) => expandTemplate(format, t, item));
      const [minus] = (spec.minus ?? []).flatMap((t) => expandTemplate(format, t, item));
      const value = n(earlier, from) + plus.reduce((s, k) => s + n(later, k), 0) - (minus ? n(later, minus) : 0);
      if (value < 0 && minus) later[minus] = n(later, minus) + value;
      later[to] = Math.max(0, value);
    }
  }
  for (const c of getFormat(version).tables.find((t) => t.spec.id === 't3')!.leafColumns) {
    const col = c.ids.join('.');
    if (col === 'total') continue;
    const received = n(later, `t3.total.${col}`) + n(later, `t3.carriedForward.${col}`) - n(later, `t3.carriedOver.${col}`);
    if (received < 0) later[`t3.carriedForward.${col}`] = n(later, `t3.carriedForward.${col}`) - received;
    later[`t3.received.${col}`] = Math.max(0, received);
  }
  settle(version, later, 'T3_ROW_TOTAL');
  return later;
}

function record(id: string, agency: string | null, year: number | null, version: FormatVersion, fields: Values): YearRecord {
  return { id, file: `${id}.docx`, agency, year, format: version, fields };
}

describe('pairing', () => {
  const v = consistentValues('2021', 1);

  it('normalises agency names: spaces, bracketed notes, 政府 for 人民政府, 管委会, a 开发区 and its 管理委员会', () => {
    expect(agencyKey('某某市 生态环境局')).toBe(agencyKey('某某市生态环境局（本级）'));
    expect(agencyKey('某某县政府办公室')).toBe(agencyKey('某某县人民政府办公室'));
    expect(agencyKey('某某县政府办')).toBe(agencyKey('某某县人民政府办公室'));
    expect(agencyKey('忻州经济开发区管委会')).toBe(agencyKey('忻州经济开发区'));
    // A government and its office are different bodies.
    expect(agencyKey('某某县人民政府')).not.toBe(agencyKey('某某县人民政府办公室'));
  });

  it('pairs consecutive years only, says which pairs were formed, and leaves gaps unpaired', () => {
    const result = crossYear([
      record('a2020', '某某市生态环境局', 2020, '2019', consistentValues('2019', 2)),
      record('a2021', '某某市 生态环境局', 2021, '2021', nextYear('2019', consistentValues('2019', 2), '2021', 3)),
      record('b2020', '某某县教育局', 2020, '2019', v),
      record('b2022', '某某县教育局', 2022, '2021', v),
      record('c', null, 2021, '2021', v),
      record('d', '某某区财政局', null, '2021', v),
    ]);
    expect(result.pairs.map((p) => [p.agencyKey, p.earlier.id, p.later.id])).toEqual([['某某市生态环境局', 'a2020', 'a2021']]);
    expect(result.pairs[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.unpaired.map((u) => [u.id, u.reason])).toEqual([
      ['c', 'no-agency'],
      ['d', 'no-year'],
    ]);
  });

  it('treats the same report twice as one; several differing reports of one year are not paired', () => {
    const earlier = consistentValues('2021', 4);
    const later = nextYear('2021', earlier, '2021', 5);
    later['t3.carriedOver.natural'] = n(later, 't3.carriedOver.natural') + 1;
    const same = crossYear([
      record('x2021', '某某局', 2021, '2021', earlier),
      record('x2022.docx', '某某局', 2022, '2021', later),
      record('x2022.html', '某某局', 2022, '2021', { ...later }),
    ]);
    expect(same.pairs).toHaveLength(1);
    expect(same.findings.get('x2022.docx')!.map((f) => f.rule)).toContain('CROSS_YEAR_CARRY');
    expect(same.findings.get('x2022.html')).toEqual(same.findings.get('x2022.docx'));
    const differing = crossYear([
      record('y2021', '某某局', 2021, '2021', earlier),
      record('y2022a', '某某局', 2022, '2021', later),
      record('y2022b', '某某局', 2022, '2021', consistentValues('2021', 9)),
    ]);
    expect(differing.pairs).toEqual([]);
    expect(differing.unpaired.map((u) => [u.id, u.reason])).toEqual([
      ['y2022a', 'duplicate'],
      ['y2022b', 'duplicate'],
    ]);
  });
});

describe('cross-year rules', () => {
  it('CROSS_YEAR_CARRY names the column and both years’ figures', () => {
    const earlier = consistentValues('2019', 6);
    const later = nextYear('2019', earlier, '2019', 7);
    const forward = n(earlier, 't3.carriedForward.natural');
    // Moved from 本年新收 to 上年结转: the later table itself still balances.
    later['t3.carriedOver.natural'] = forward + 1;
    later['t3.received.natural'] = n(later, 't3.received.natural') - 1;
    settle('2019', later, 'T3_ROW_TOTAL');
    const result = crossYear([record('e', '某局', 2019, '2019', earlier), record('l', '某局', 2020, '2019', later)]);
    const carry = result.pairs[0].findings.filter((f) => f.rule === 'CROSS_YEAR_CARRY');
    expect(carry).toEqual([
      {
        rule: 'CROSS_YEAR_CARRY',
        severity: 'error',
        message: `表三申请人情况“自然人”列：上年结转 ${forward + 1} ≠ 2019年报告的结转下年度 ${forward}（相差 1）`,
        fields: ['t3.carriedOver.natural'],
      },
      expect.objectContaining({
        message: expect.stringMatching(/^表三申请人情况“总计”列：上年结转 \d+ ≠ 2019年报告的结转下年度 \d+（相差 1）$/),
      }),
    ]);
  });

  it('CROSS_YEAR_IN_FORCE in the 2021 format, with the figures it adds and subtracts', () => {
    const earlier = consistentValues('2021', 8);
    const later = nextYear('2021', earlier, '2021', 9);
    later['t2.rules.inForce'] = n(later, 't2.rules.inForce') + 2;
    const f = crossYear([record('e', '某局', 2021, '2021', earlier), record('l', '某局', 2022, '2021', later)]).pairs[0].findings;
    const inForce = f.filter((x) => x.rule === 'CROSS_YEAR_IN_FORCE');
    expect(inForce).toHaveLength(1);
    expect(inForce[0]).toMatchObject({
      severity: 'warning',
      fields: ['t2.rules.inForce', 't2.rules.issued', 't2.rules.repealed'],
    });
    expect(inForce[0].message).toBe(
      `表二“第二十条第（一）项”“规章”行：现行有效件数 ${n(later, 't2.rules.inForce')} ≠ 2021年报告的现行有效件数 ${n(earlier, 't2.rules.inForce')}` +
        ` + 本年制发件数 ${n(later, 't2.rules.issued')} − 本年废止件数 ${n(later, 't2.rules.repealed')}（相差 2）`,
    );
  });

  it('no CROSS_YEAR_IN_FORCE from a 2019-format year (it has no 现行有效件数)', () => {
    const earlier = consistentValues('2019', 10);
    const later = nextYear('2019', earlier, '2021', 11);
    later['t2.rules.inForce'] = 999;
    const rules = crossYear([
      record('e', '某局', 2020, '2019', earlier),
      record('l', '某局', 2021, '2021', later),
    ]).pairs[0].findings.map((f) => f.rule);
    expect(rules).not.toContain('CROSS_YEAR_IN_FORCE');
    expect(rules).not.toContain('CROSS_YEAR_CARRY');
  });

  it('YOY_JUMP when a figure of at least 10 changes more than 5×, up or down, from 0 included', () => {
    const earlier = consistentValues('2021', 12);
    const later = nextYear('2021', earlier, '2021', 13);
    const keys = [
      't2.licensing.decisions',
      't2.penalty.decisions',
      't2.enforcement.decisions',
      't2.rules.issued',
      't2.normative.issued',
    ];
    const cases: [number, number, boolean][] = [
      [9, 50, true],
      [10, 50, false],
      [3, 9, false],
      [0, 12, true],
      [60, 11, true],
    ];
    cases.forEach(([a, b], i) => {
      earlier[keys[i]] = a;
      later[keys[i]] = b;
    });
    for (const k of ['t2.rules.inForce', 't2.normative.inForce'])
      later[k] = n(earlier, k) + n(later, k.replace('inForce', 'issued')) - n(later, k.replace('inForce', 'repealed'));
    // Every other t2 count the same in both years: only the cases above can jump.
    for (const k of Object.keys(later)) if (k.startsWith('t2.') && !keys.includes(k)) later[k] = earlier[k];
    const f = crossYear([record('e', '某局', 2021, '2021', earlier), record('l', '某局', 2022, '2021', later)]).pairs[0].findings;
    const jumps = f.filter((x) => x.rule === 'YOY_JUMP' && x.fields[0].startsWith('t2.'));
    expect(jumps.map((x) => x.fields[0]).sort()).toEqual(keys.filter((_, i) => cases[i][2]).sort());
    expect(jumps.find((x) => x.fields[0] === keys[0])!.message).toBe(
      '表二“第二十条第（五）项”“行政许可”行“本年处理决定数量”列：2021年 9 → 2022年 50（增至 5.6 倍），请核实',
    );
  });

  it('a table missing from one year is not judged', () => {
    const earlier = consistentValues('2021', 14);
    const later = nextYear('2021', earlier, '2021', 15);
    const noT3 = Object.fromEntries(Object.entries(earlier).filter(([k]) => !k.startsWith('t3.')));
    const f = crossYear([record('e', '某局', 2021, '2021', noT3), record('l', '某局', 2022, '2021', later)]).pairs[0].findings;
    expect(f.filter((x) => x.rule === 'CROSS_YEAR_CARRY')).toEqual([]);
  });
});

describe('cross-year defects in real DOCX reports', () => {
  it('reports ≥ 98% of injected carry, in-force and jump defects; clean pairs give no error', async () => {
    let total = 0;
    const misses: string[] = [];
    const noisy: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const random = rng(seed * 13 + 7);
      const version: FormatVersion = seed % 2 ? '2019' : '2021';
      const year = version === '2019' ? 2019 : 2021 + (seed % 3);
      const agency = ['某某市生态环境局', '某某县人民政府', '某某区教育局'][seed % 3];
      const earlier = consistentValues(version, seed);
      const later = nextYear(version, earlier, version, seed + 100);
      const read = (values: Values, y: number, name: string) =>
        readFixture({ version, agency, year: y, values }).then((r) => yearRecord(r, name));
      const clean = crossYear([await read(earlier, year, 'e'), await read(later, year + 1, 'l')]);
      const errors = clean.pairs
        .flatMap((p) => p.findings)
        .filter((f) => f.severity === 'error' || f.rule === 'CROSS_YEAR_IN_FORCE');
      if (clean.pairs.length !== 1 || errors.length)
        noisy.push(`seed ${seed}: ${clean.pairs.length} pairs, ${errors.map((f) => f.message).join(' | ')}`);

      const kinds =
        version === '2021' ? ['CROSS_YEAR_CARRY', 'CROSS_YEAR_IN_FORCE', 'YOY_JUMP'] : ['CROSS_YEAR_CARRY', 'YOY_JUMP'];
      for (const rule of kinds) {
        const broken = { ...later };
        let key: string;
        if (rule === 'CROSS_YEAR_CARRY') {
          const col = getFormat(version)
            .tables.find((t) => t.spec.id === 't3')!
            .leafColumns[Math.floor(random() * 6)].ids.join('.');
          key = `t3.carriedOver.${col}`;
          // More carried over; fewer received (or more carried forward): the table itself still balances.
          const by = 1 + Math.floor(random() * 3);
          broken[key] = n(broken, key) + by;
          const received = n(broken, `t3.received.${col}`);
          if (received >= by) broken[`t3.received.${col}`] = received - by;
          else broken[`t3.carriedForward.${col}`] = n(broken, `t3.carriedForward.${col}`) + by;
          settle(version, broken, 'T3_ROW_TOTAL');
        } else if (rule === 'CROSS_YEAR_IN_FORCE') {
          key = random() < 0.5 ? 't2.rules.inForce' : 't2.normative.inForce';
          broken[key] = n(broken, key) + 1 + Math.floor(random() * 5);
        } else {
          key = expandTemplate(getFormat(version), 't2.*.decisions', '')[Math.floor(random() * 3)];
          earlier[key] = 10 + Math.floor(random() * 20);
          broken[key] = n(earlier, key) * (6 + Math.floor(random() * 4));
        }
        const e = await read(earlier, year, 'e');
        const lReport = await readFixture({ version, agency, year: year + 1, values: broken });
        total++;
        expect(validateReport(lReport).filter((f) => f.severity === 'error')).toEqual([]);
        const found = crossYear([e, yearRecord(lReport, 'l')]).findings.get('l') ?? [];
        if (!found.some((f) => f.rule === rule && f.fields.includes(key)))
          misses.push(`${rule} seed ${seed} ${key}: ${found.map((f) => f.rule).join(',')}`);
      }
    }
    const recall = (total - misses.length) / total;
    console.log(
      `cross-year recall: ${total - misses.length}/${total} = ${(recall * 100).toFixed(1)}%${misses.length ? `\n${misses.join('\n')}` : ''}`,
    );
    expect(noisy).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  }, 180_000);
});
