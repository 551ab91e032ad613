import { describe, expect, it } from 'vitest';
import { toResumeDocument } from './resume-documents';

const resume = {
  userId: '5f0c1d9e-7a1b-4c2d-9e3f-0a1b2c3d4e5f',
  visibility: 'searchable' as const,
  createdAt: new Date('2026-03-01T00:00:00Z'),
  updatedAt: new Date('2026-03-02T00:00:00Z'),
  content: {
    headline: '会计学专业应届毕业生',
    summary: '联系电话 13912345678，邮箱 wxh@example.cn，身份证 50010319980101123X。',
    education: [
      {
        school: '重庆工商大学',
        major: '会计学',
        degree: 'bachelor' as const,
        from: '2022-09',
        to: '2026-06',
      },
      {
        school: '某职业学院',
        major: '财务管理',
        degree: 'associate' as const,
        from: '2019-09',
        to: '2022-06',
      },
    ],
    experience: [
      {
        organization: '某会计师事务所',
        role: '审计助理',
        from: '2025-01',
        to: '2025-07',
        description: '凭证整理',
      },
    ],
    skills: ['Excel', '财务软件'],
    certificates: ['初级会计职称'],
    expectations: { positionTitle: '会计', district: '南岸区', salaryMin: 4000, salaryMax: 6000 },
  },
};

const profile = {
  userId: resume.userId,
  realName: '王小红',
  idNumberCipher: 'cipher',
  idNumberHash: 'hash',
  idNumberMasked: '5001**********1234',
  verifiedAt: new Date(),
  university: '重庆工商大学',
  major: '会计学',
  degree: 'bachelor',
  cohort: 2026,
  leftSchoolOn: null,
  flags: [
    { flag: 'low_income_family' as const, evidence: '低保证 渝-2026-001' },
    { flag: 'hubei_origin' as const, evidence: '户籍 湖北' },
  ],
  updatedAt: new Date(),
};

describe('resume documents', () => {
  it('carries what matching reads: highest education, majors, experience, expectations, cohort', () => {
    expect(toResumeDocument(resume, profile)).toMatchObject({
      highestEducation: 'bachelor',
      educationRank: 3,
      majors: ['会计学', '财务管理'],
      experienceText: '审计助理 某会计师事务所 凭证整理',
      expectedDistricts: ['南岸区'],
      experienceYears: 0.5,
      cohort: 2026,
    });
  });

  it('keeps only the key groups the policy names for priority, never their evidence or any ID data', () => {
    const doc = toResumeDocument(resume, profile);
    expect(doc.keyGroups).toEqual(['low_income_family']);
    const text = JSON.stringify(doc);
    for (const secret of ['低保证', '湖北', 'cipher', 'hash', '5001**', '王小红'])
      expect(text).not.toContain(secret);
    expect(doc.summary).toBe('联系电话 ***，邮箱 ***，身份证 ***。');
  });

  it('works for a resume without a profile', () => {
    expect(toResumeDocument(resume, null)).toMatchObject({ cohort: null, university: null, keyGroups: [] });
  });
});
