import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster-csv';

// Valid GB 11643 numbers (check digits computed by hand and by isValidResidentIdNumber).
const ID_A = '11010519491231002X';
const ID_B = '500103200001011238';

describe('parseRoster', () => {
  it('reads comma-separated rows with flag codes and skips a header and blank lines', () => {
    const text = `university,name,idNumber,flags\n\n重庆大学,张三,${ID_A},low_income_family\n`;
    expect(parseRoster(text)).toEqual({
      rows: [{ university: '重庆大学', name: '张三', idNumber: ID_A, flags: ['low_income_family'] }],
      problems: [],
    });
  });

  it('accepts tabs from a spreadsheet, full-width commas, Chinese flag labels and several flags', () => {
    const text = `西南大学\t李四\t${ID_B.toLowerCase()}\t家庭经济困难|湖北籍\n西南大学，王五，${ID_A}，hubei_origin、湖北籍`;
    const { rows, problems } = parseRoster(text);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.flags)).toEqual([['low_income_family', 'hubei_origin'], ['hubei_origin']]);
    expect(rows[0].idNumber).toBe(ID_B);
  });

  it('reports a wrong check digit, an unknown flag, a missing column and a missing flag by line', () => {
    const text = [
      `重庆大学,张三,110105194912310021,low_income_family`,
      `重庆大学,李四,${ID_B},rich_family`,
      `重庆大学,王五`,
      `重庆大学,赵六,${ID_A},`,
    ].join('\n');
    const { rows, problems } = parseRoster(text);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 1, kind: 'idNumber', value: '110105194912310021' },
      { line: 2, kind: 'flag', value: 'rich_family' },
      { line: 3, kind: 'columns' },
      { line: 4, kind: 'noFlags' },
    ]);
  });

  it('refuses the same person twice', () => {
    const text = `重庆大学,张三,${ID_A},hubei_origin\n重庆大学,张三,${ID_A.toLowerCase()},hubei_origin`;
    expect(parseRoster(text).problems).toEqual([{ line: 2, kind: 'duplicate', value: ID_A }]);
  });
});
