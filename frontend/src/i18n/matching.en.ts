import type { matchingZhCN } from './matching.zh-CN';

// Typed against the Chinese so a missing key fails the build.
export const matchingEn: typeof matchingZhCN = {
  matching: {
    factor: {
      education: 'Education',
      skills: 'Skills',
      district: 'District',
      salary: 'Salary',
      experience: 'Experience',
      graduate: 'Graduate',
    },
    formula:
      'Combined {combined} = 0.7 × fit {fit} + 0.3 × text relevance {relevance} (match weights {weights}, formula {formula})',
    nothingMissing: 'Every requirement is met',
    combined: 'Combined score',
    why: 'Why this position',
    recommendations: {
      intro:
        'Picked from published positions by your resume (skills, major, expected district and salary, education, cohort), with how well each point matches.',
      empty: 'No suitable positions yet; add skills and expectations to your resume and look again.',
      noResume: 'Fill in your resume first to get recommendations.',
      toResume: 'Fill in my resume',
      keyEnterprise: 'Key enterprise',
      graduateSuitable: 'For graduates',
      salary: '{range} yuan/month',
      open: 'View position',
    },
    candidates: {
      title: 'Candidates',
      intro:
        'Applicants to this position and searchable resumes, ranked by combined score; contacts stay hidden until the person applies to your unit.',
      choosePosition: 'Choose a position',
      empty: 'No suitable candidates yet.',
      name: 'Job seeker',
      source: 'Source',
      sourceApplied: 'Applied',
      sourceSearchable: 'Searchable resume',
      contacts: 'Contacts',
      expectations: 'Expects',
      open: 'View application',
      missing: 'Missing',
      tab: 'Candidates',
    },
  },
};
