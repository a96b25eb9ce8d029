import { parseCell } from '../src/recognise/values';
import { cleanText, compactText } from '../src/text/normalise';

describe('reading one cell', () => {
  it.each([
    ['0', 0],
    ['+13', 13],
    ['-12', -12],
    ['－3', -3],
    ['＋5', 5],
    ['1,234', 1234],
    ['1，234', 1234],
    ['１２', 12],
    ['21项', 21],
    ['3 件', 3],
    ['0（件）', 0],
    ['2.5', 2.5],
    [' 7 ', 7],
  ])('reads %j as %p', (raw, value) => {
    expect(parseCell(raw, '件')).toMatchObject({ status: 'number', value });
  });

  it('converts 元 to 万元 and keeps 万元 as it is', () => {
    expect(parseCell('251000元', '万元')).toEqual({ status: 'number', value: 25.1, unit: '元' });
    expect(parseCell('424.47万元', '万元')).toEqual({ status: 'number', value: 424.47, unit: '万元' });
    expect(parseCell('1.2亿元', '万元')).toMatchObject({ value: 12000 });
  });

  it.each(['', '\u00a0', '\u3000', '\u200b'])('reads %j as blank', (raw) => {
    expect(parseCell(raw, '件')).toEqual({ status: 'blank', value: null });
  });

  it.each(['/', '／', '—', '——', '-', '－', '无', '\\'])('reads %j as a placeholder', (raw) => {
    expect(parseCell(raw, '件')).toEqual({ status: 'placeholder', value: null });
  });

  it.each(['见附件', '12件（其中3件）', '1.2.3', '约10'])('flags %j as text that is not a number', (raw) => {
    expect(parseCell(raw, '件')).toEqual({ status: 'text', value: null });
  });

  it('does not read a money amount into a count column', () => {
    expect(parseCell('5000元', '件').status).toBe('text');
  });
});

describe('text normalisation', () => {
  it('folds NBSP, ideographic and zero-width spaces and keeps line breaks for display', () => {
    expect(cleanText('\u3000\u3000一、总体情况\u00a0\u200b')).toBe('一、总体情况');
    expect(cleanText('本年新\r\n制作数量')).toBe('本年新\n制作数量');
  });

  it('compacts full-width digits, signs and punctuation for comparison', () => {
    expect(compactText('（一）２０２１年 －３')).toBe('(一)2021年-3');
    expect(compactText('本年新\n制作 数量')).toBe('本年新制作数量');
  });
});
