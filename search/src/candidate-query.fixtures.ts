import type { CandidateQuery } from './resumes-index';

/** A Java developer position in 渝北区 for graduates: the candidate query the specs build and run. */
export const JAVA_POSITION_QUERY: CandidateQuery = {
  title: 'Java开发工程师',
  text: 'Java开发工程师 熟悉 Spring MySQL',
  skills: ['Java', 'Spring', 'MySQL'],
  district: '渝北区',
  minEducationRank: 3,
  salaryMin: 8000,
  salaryMax: 12000,
  graduateSuitable: true,
  recentCohortFrom: 2024,
  size: 100,
};
