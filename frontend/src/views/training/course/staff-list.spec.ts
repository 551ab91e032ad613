import { describe, expect, it } from 'vitest';
import { parseStaffList } from './staff-list';

describe('an enterprise staff list', () => {
  it('reads one person per line, whatever separates name and number', () => {
    const { staff, badLines } = parseStaffList(
      '陈骑手 50010319980506123x\n\n刘文员，500103199805061235',
      'platform_worker',
    );
    expect(staff).toEqual([
      { realName: '陈骑手', idNumber: '50010319980506123X', workRelation: 'platform_worker' },
      { realName: '刘文员', idNumber: '500103199805061235', workRelation: 'platform_worker' },
    ]);
    expect(badLines).toEqual([]);
  });

  it('names the lines it cannot read', () => {
    expect(parseStaffList('只有名字\n王五 500103199805061235 多余', 'labour_contract').badLines).toEqual([
      1, 2,
    ]);
  });
});
