import { describe, expect, it } from 'vitest';
import { parseCsv, readSheet } from './sheet-reader';

describe('parseCsv', () => {
  it('reads quoted cells, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n1,')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
    ]);
  });
});

describe('readSheet', () => {
  it('keys cells by header, numbers rows as a spreadsheet does and skips blank lines', async () => {
    const rows = await readSheet('si.csv', Buffer.from('姓名,月份\n张三,2020-04\n,\n李四,2020-05\n'));
    expect(rows).toEqual([
      { row: 2, cells: { 姓名: '张三', 月份: '2020-04' } },
      { row: 4, cells: { 姓名: '李四', 月份: '2020-05' } },
    ]);
  });
});
