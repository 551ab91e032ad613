import { describe, expect, it } from 'vitest';
import { buildRecommendationSearch } from './recommendations';
import { JAVA_POSITION_QUERY } from './candidate-query.fixtures';
import { buildCandidateSearch, RESUMES_INDEX } from './resumes-index';

describe('resumes index', () => {
  it('keeps its mappings and analysis (changing them needs a version bump)', () => {
    expect(RESUMES_INDEX).toMatchSnapshot();
  });

  it('holds no contact or ID-number field', () => {
    const fields = Object.keys(RESUMES_INDEX.mappings.properties ?? {});
    expect(fields.filter((f) => /phone|email|idnumber|mobile|realname/i.test(f))).toEqual([]);
  });

  it('builds a candidate search for a position, leaving out those who already applied', () => {
    expect(buildCandidateSearch({ ...JAVA_POSITION_QUERY, exclude: ['u1'] })).toMatchSnapshot();
  });
});

describe('recommendation search', () => {
  it('turns a resume into bounded boosts over published positions, key enterprises first among equals', () => {
    expect(
      buildRecommendationSearch({
        text: 'Java Vue 计算机科学与技术 软件开发',
        districts: ['渝北区'],
        eligibleEducations: ['any', 'secondary', 'associate', 'bachelor'],
        salaryMin: 6000,
        salaryMax: 9000,
        recentGraduate: true,
        size: 100,
      }),
    ).toMatchSnapshot();
  });

  it('leaves out the text clause and the graduate boost when the resume has neither', () => {
    const request = buildRecommendationSearch({
      text: ' ',
      districts: [],
      eligibleEducations: [],
      salaryMin: 0,
      salaryMax: 0,
      recentGraduate: false,
      size: 10,
    });
    const should = (request.query as { bool: { should: object[] } }).bool.should;
    expect(should.map((clause) => Object.keys(clause)[0])).toEqual(['bool', 'term']);
  });
});
