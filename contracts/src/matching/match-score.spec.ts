import { describe, expect, it } from 'vitest';
import { matchScore, MatchPosition, MatchResume } from './match-score';

const position: MatchPosition = {
  title: 'Java 开发工程师',
  duties: '后端开发',
  requirements: '本科及以上，熟悉 Java、Spring 与 MySQL',
  district: '渝北区',
  salaryMin: 6000,
  salaryMax: 9000,
  education: 'bachelor',
  experienceYears: 0,
  graduateSuitable: true,
};
const resume: MatchResume = {
  skills: ['Java', 'MySQL'],
  certificates: [],
  education: [{ degree: 'bachelor' }],
  experience: [],
  expectations: { district: '渝北区', salaryMin: 7000, salaryMax: 10000 },
  cohort: 2026,
};

describe('explainable match', () => {
  it('adds up the factors and names what is missing', () => {
    const result = matchScore(position, resume, 2026);
    expect(result.factors.map((f) => [f.factor, f.points])).toEqual([
      ['education', 25],
      ['skills', 20],
      ['district', 15],
      ['salary', 15],
      ['experience', 10],
      ['graduate', 5],
    ]);
    expect(result.score).toBe(90);
    expect(result.missing).toEqual(['Spring']);
  });

  it('says "缺少: 本科" and the district when they do not fit', () => {
    const result = matchScore(
      position,
      {
        ...resume,
        education: [{ degree: 'associate' }],
        expectations: { ...resume.expectations, district: '江北区' },
      },
      2026,
    );
    expect(result.missing).toEqual(expect.arrayContaining(['本科', '期望地区渝北区']));
    expect(result.factors.find((f) => f.factor === 'education')!.points).toBe(10);
  });

  it('is deterministic and never exceeds 100', () => {
    const a = matchScore(position, resume, 2026);
    expect(matchScore(position, resume, 2026)).toEqual(a);
    expect(a.score).toBeLessThanOrEqual(100);
  });
});
