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
  /** The position's title, its whole text (title, requirements, duties) and the skill terms it names. */
  title: string;
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

/** The resume fields a position's text is compared with, and how much each says. */
const CANDIDATE_FIELDS = [
  'skills^3',
  'expectedTitle^2',
  'headline^2',
  'majors',
  'experienceText',
  'certificates',
  'summary',
];

/**
 * How many of the best text matches the fit bonuses may reorder (Elasticsearch's `rescore`
 * window). The bonuses add at most a few points to a text score, so a resume far down the text
 * order cannot climb into the first hundred: on the 1M bench (62 positions) windows of 300, 500 and
 * 1,000 proposed the same 100 resumes in the same order as scoring every match with the bonuses;
 * 1,000 leaves a wide margin.
 */
export const CANDIDATE_RESCORE_WINDOW = 1000;

/**
 * Pure: searchable resumes that could fit a position. Text relevance drives the order; fit
 * (district, education, salary overlap, recent graduate) adds bounded bonuses rather than filters,
 * so a near miss still appears with its "missing" list.
 *
 * A candidate must share something with the position: its title (weighted per field), its skill
 * terms, or the words of its whole text that say most about it. Those words are picked by
 * `more_like_this` (the 25 best by tf-idf among the resumes) rather than every bigram of the text:
 * a position's text cuts into some 60 bigrams, 400 clauses over seven fields, and phrases such as
 * 沟通 or 负责 that nearly every resume has made every resume a match to be scored (at a million
 * resumes, 0.3-1.4 s per position).
 *
 * The bonuses are added in a rescore of the best text matches, not as optional clauses of the
 * query: as clauses, each range was evaluated against the whole index for every request (a bitset
 * of most of a million resumes per clause), and the text query could not skip the resumes that
 * cannot reach the top. The scores are the same sums (text + bonuses, `score_mode: total`). Ties are
 * left in index order here (a rescore allows no other sort); the candidates service orders its
 * final list with the user id as the last key.
 */
export function buildCandidateSearch(query: CandidateQuery): estypes.SearchRequest {
  const text: estypes.QueryDslQueryContainer[] = [
    // Every bigram of the title in one field: 人力资源专员 in a headline, not 专员 alone anywhere.
    { multi_match: { query: query.title, fields: CANDIDATE_FIELDS, type: 'most_fields', operator: 'and' } },
    {
      more_like_this: {
        fields: CANDIDATE_FIELDS.map((field) => field.split('^')[0]),
        like: query.text,
        min_term_freq: 1,
        // Rare words count: a skill only a handful of resumes name is the most telling match, and
        // at 5 a resume naming it ranked among hundreds that only share "Java" and fell out of the top.
        min_doc_freq: 1,
        // Elasticsearch's default. At 40 the final top 20 on the 1M bench (62 positions) wished
        // for the position's own title as often (90.3%) and fitted slightly worse (mean fit 78.6
        // against 79.8 at 25), and a request cost half as much again (p95 91 against 60 ms).
        max_query_terms: 25,
      },
    },
  ];
  if (query.skills.length)
    text.push({ terms: { 'skills.raw': query.skills.map((s) => s.toLowerCase()), boost: 2 } });
  const bonuses: estypes.QueryDslQueryContainer[] = [];
  bonuses.push({ term: { expectedDistricts: { value: query.district, boost: 1 } } });
  bonuses.push({ range: { educationRank: { gte: query.minEducationRank, boost: 1 } } });
  bonuses.push({
    bool: {
      filter: [
        { range: { salaryMin: { lte: query.salaryMax } } },
        { range: { salaryMax: { gte: query.salaryMin } } },
      ],
      boost: 0.5,
    },
  });
  if (query.graduateSuitable)
    bonuses.push({ range: { cohort: { gte: query.recentCohortFrom, boost: 0.5 } } });
  return {
    size: query.size,
    track_total_hits: false,
    // The id is the user id: nothing of the document needs fetching.
    _source: false,
    query: {
      bool: {
        should: text,
        minimum_should_match: 1,
        must_not: query.exclude?.length ? [{ ids: { values: query.exclude } }] : [],
      },
    },
    rescore: {
      window_size: Math.max(query.size, CANDIDATE_RESCORE_WINDOW),
      query: {
        rescore_query: { bool: { should: bonuses } },
        query_weight: 1,
        rescore_query_weight: 1,
        score_mode: 'total',
      },
    },
  };
}
