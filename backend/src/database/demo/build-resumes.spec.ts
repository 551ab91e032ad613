import { EDUCATION_LEVELS, ResumeInputSchema, SeekerProfileInputSchema } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { toResumeDocument } from '../../modules/search/resume-documents';
import { buildSeeker, type SeekerContext } from './build-resumes';
import { DemoIds } from './demo-ids';
import { POSITION_TEMPLATES } from './vocab/industries';

const ctx: SeekerContext = {
  seed: 'spec',
  ids: new DemoIds('spec'),
  today: '2026-06-15',
  passwordHash: 'hash',
};
const seekers = Array.from({ length: 2000 }, (_, i) => buildSeeker(ctx, i));

describe('buildSeeker', () => {
  it('gives the same seeker for the same seed and index, and another for another seed', () => {
    expect(buildSeeker(ctx, 7)).toEqual(buildSeeker(ctx, 7));
    const other = buildSeeker({ ...ctx, seed: 'other', ids: new DemoIds('other') }, 7);
    expect(other.user.id).not.toBe(seekers[7].user.id);
  });

  it('writes resumes and profiles the api itself would accept', () => {
    for (const { resume, profile } of seekers.slice(0, 300)) {
      expect(() =>
        ResumeInputSchema.parse({ ...resume.content, visibility: resume.visibility }),
      ).not.toThrow();
      const { university, major, degree, cohort, flags } = profile;
      expect(() =>
        SeekerProfileInputSchema.parse({ university, major, degree, cohort, flags }),
      ).not.toThrow();
    }
  });

  it('makes most resumes searchable and some applied-only or hidden', () => {
    const share = (v: string) => seekers.filter((s) => s.resume.visibility === v).length / seekers.length;
    expect(share('searchable')).toBeGreaterThan(0.8);
    expect(share('searchable')).toBeLessThan(0.9);
    expect(share('applied_only')).toBeGreaterThan(0.05);
    expect(share('hidden')).toBeGreaterThan(0.02);
  });

  it('writes each resume around a position template: its title, one of its majors, its skill terms', () => {
    const titles = new Set(POSITION_TEMPLATES.map((t) => t.title));
    for (const { resume, profile } of seekers.slice(0, 300)) {
      const wish = POSITION_TEMPLATES.find((t) => t.title === resume.content.expectations.positionTitle)!;
      expect(titles.has(wish.title)).toBe(true);
      expect(wish.majors).toContain(profile.major);
      expect(resume.content.skills.length).toBeGreaterThan(0);
    }
    const java = seekers.filter((s) => s.resume.content.expectations.positionTitle === 'Java开发工程师');
    expect(java.length).toBeGreaterThan(0);
    expect(java.filter((s) => s.resume.content.skills.includes('Java')).length).toBeGreaterThan(
      java.length / 2,
    );
  });

  it('gives index documents with an education rank and mostly recent cohorts', () => {
    const docs = seekers.map((s) =>
      toResumeDocument(
        { ...s.resume, createdAt: new Date(), updatedAt: new Date() } as never,
        s.profile as never,
      ),
    );
    expect(docs.every((d) => d.educationRank >= EDUCATION_LEVELS.indexOf('associate'))).toBe(true);
    const recent = docs.filter((d) => d.cohort !== null && d.cohort >= 2024).length;
    expect(recent / docs.length).toBeGreaterThan(0.6);
    expect(docs.some((d) => d.keyGroups.includes('current_graduate'))).toBe(true);
  });
});
