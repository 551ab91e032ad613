import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './index-lifecycle';
import { POSITIONS_INDEX } from './positions-index';

const zhText = { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' } as const;

/**
 * The resumes index: only resumes their owners made `searchable` live here (the drain deletes the
 * rest). It holds what matching reads (skills, majors, experience text, certificates, expectations,
 * education, cohort, key-group flags) and never an ID number, phone or e-mail: contacts are read
 * from PostgreSQL and masked per employer. Same analysis and synonyms as the positions index.
 */
export const RESUMES_INDEX: IndexDefinition = {
  name: 'resumes',
  version: 1,
  settings: {
    ...POSITIONS_INDEX.settings,
    analysis: {
      ...POSITIONS_INDEX.settings!.analysis,
      // Skills compared as exact words regardless of case ("java" = "Java").
      normalizer: { lowercase_keyword: { type: 'custom', filter: ['lowercase'] } },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      userId: { type: 'keyword' },
      headline: zhText,
      summary: zhText,
      skills: { ...zhText, fields: { raw: { type: 'keyword', normalizer: 'lowercase_keyword' } } },
      majors: zhText,
      experienceText: zhText,
      certificates: zhText,
      expectedTitle: zhText,
      expectedDistricts: { type: 'keyword' },
      salaryMin: { type: 'integer' },
      salaryMax: { type: 'integer' },
      /** The highest degree, and its rank in EDUCATION_LEVELS for range filters. */
      highestEducation: { type: 'keyword' },
      educationRank: { type: 'short' },
      experienceYears: { type: 'float' },
      cohort: { type: 'short' },
      university: { type: 'keyword' },
      /** Only the key-group flags the policies name for priority service (§2.14), never evidence. */
      keyGroups: { type: 'keyword' },
      updatedAt: { type: 'date' },
    },
  },
};

export interface ResumeDocument {
  userId: string;
  headline: string;
  summary: string;
  skills: string[];
  majors: string[];
  experienceText: string;
  certificates: string[];
  expectedTitle: string;
  expectedDistricts: string[];
  salaryMin: number;
  salaryMax: number;
  highestEducation: string;
  educationRank: number;
  experienceYears: number;
  cohort: number | null;
  university: string | null;
  keyGroups: string[];
  updatedAt: string;
}

export interface CandidateQuery {
  /** The position's text (title, requirements, duties) and the skill terms it names. */
  text: string;
  skills: string[];
  district: string;
  /** Minimum education rank; 0 when the position takes any. */
  minEducationRank: number;
  salaryMin: number;
  salaryMax: number;
  graduateSuitable: boolean;
  /** Cohorts counted as recent graduates (e.g. this year and the two before). */
  recentCohortFrom: number;
  size: number;
  /** Resumes to leave out (those already taken from the applications). */
  exclude?: string[];
}

/**
 * Pure: searchable resumes that could fit a position. Text relevance drives the order; fit
 * (district, education, salary overlap, recent graduate) adds bounded bonuses rather than filters,
 * so a near miss still appears with its "missing" list.
 */
export function buildCandidateSearch(query: CandidateQuery): estypes.SearchRequest {
  const should: estypes.QueryDslQueryContainer[] = [
    {
      multi_match: {
        query: query.text,
        fields: [
          'skills^3',
          'expectedTitle^2',
          'headline^2',
          'majors',
          'experienceText',
          'certificates',
          'summary',
        ],
        type: 'most_fields',
      },
    },
  ];
  if (query.skills.length)
    should.push({ terms: { 'skills.raw': query.skills.map((s) => s.toLowerCase()), boost: 2 } });
  should.push({ term: { expectedDistricts: { value: query.district, boost: 1 } } });
  should.push({ range: { educationRank: { gte: query.minEducationRank, boost: 1 } } });
  should.push({
    bool: {
      filter: [
        { range: { salaryMin: { lte: query.salaryMax } } },
        { range: { salaryMax: { gte: query.salaryMin } } },
      ],
      boost: 0.5,
    },
  });
  if (query.graduateSuitable) should.push({ range: { cohort: { gte: query.recentCohortFrom, boost: 0.5 } } });
  return {
    size: query.size,
    track_total_hits: false,
    _source: ['userId'],
    query: {
      bool: {
        should,
        minimum_should_match: 1,
        must_not: query.exclude?.length ? [{ ids: { values: query.exclude } }] : [],
      },
    },
    sort: [{ _score: { order: 'desc' } }, { userId: 'asc' }],
  };
}
