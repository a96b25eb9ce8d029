import { displayNumber } from '../src/text/display';

/** What displayNumber must always equal: ICU's formatting, without separators, at most 6 decimals. */
const icu = (value: number) => value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });

describe('displayNumber writes numbers as a clerk does', () => {
  it('writes counts without separators or exponent', () => {
    expect(displayNumber(0)).toBe('0');
    expect(displayNumber(1234567)).toBe('1234567');
    expect(displayNumber(-42)).toBe('-42');
    expect(displayNumber(1e20)).toBe('100000000000000000000');
    expect(displayNumber(1e21)).toBe('1000000000000000000000');
  });

  it('rounds fractions to six decimals without binary noise', () => {
    expect(displayNumber(0.1 + 0.2)).toBe('0.3');
    expect(displayNumber(12.5)).toBe('12.5');
    expect(displayNumber(1.23456789)).toBe('1.234568');
    expect(displayNumber(-0.0000001)).toBe('-0');
    expect(displayNumber(-0)).toBe('-0');
  });

  it('writes exactly what ICU writes, for integers and fractions of every size', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const values = [NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53) - 2, 9.999999999e20, 1.5e21];
    for (let i = 0; i < 2000; i++) {
      const magnitude = 10 ** Math.floor(Math.abs(random()) * 24 - 3);
      values.push(random() * magnitude, Math.round(random() * magnitude));
    }
    for (const value of values) expect([value, displayNumber(value)]).toEqual([value, icu(value)]);
  });
});
