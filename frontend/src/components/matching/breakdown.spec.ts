import { describe, expect, it } from 'vitest';
import { factorRows, relevancePercent, salaryRange, scoreTone } from './breakdown';

const match = {
  score: 55,
  weightsVersion: '2026.1',
  factors: [
    { factor: 'education' as const, points: 10, max: 25, detail: '学历低于要求的硕士' },
    { factor: 'skills' as const, points: 30, max: 30, detail: '具备 1/1 项要求技能：Java' },
    { factor: 'graduate' as const, points: 0, max: 0, detail: '—' },
  ],
  missing: ['硕士'],
  missingText: '缺少: 硕士',
};

describe('match breakdown helpers', () => {
  it('shows the api points and max as they are, with a bar share', () => {
    expect(factorRows(match)).toEqual([
      { factor: 'education', points: 10, max: 25, percent: 40, detail: '学历低于要求的硕士', full: false },
      {
        factor: 'skills',
        points: 30,
        max: 30,
        percent: 100,
        detail: '具备 1/1 项要求技能：Java',
        full: true,
      },
      { factor: 'graduate', points: 0, max: 0, percent: 0, detail: '—', full: true },
    ]);
  });

  it('colours scores, formats salaries and relevance', () => {
    expect([scoreTone(80), scoreTone(79), scoreTone(59)]).toEqual(['success', 'warning', 'info']);
    expect(salaryRange(6000, 9000)).toBe('6,000-9,000');
    expect(salaryRange(5000, 5000)).toBe('5,000');
    expect(relevancePercent(0.456)).toBe('46%');
    expect(relevancePercent(null)).toBe('—');
  });
});
