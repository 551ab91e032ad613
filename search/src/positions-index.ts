import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './index-lifecycle';
import { POSITION_SYNONYMS } from './synonyms';

/**
 * The positions index. Chinese text is cut into overlapping bigrams (`cjk_bigram`), which works
 * on any 8.x cluster without plugins; synonyms apply at search time only, so changing them never
 * needs the documents re-analysed (a reindex reloads them).
 */
export const POSITIONS_INDEX: IndexDefinition = {
  name: 'positions',
  version: 1,
  settings: {
    number_of_shards: 1,
    analysis: {
      filter: { position_synonyms: { type: 'synonym_graph', synonyms: [...POSITION_SYNONYMS] } },
      analyzer: {
        zh_text: { type: 'custom', tokenizer: 'standard', filter: ['cjk_width', 'lowercase', 'cjk_bigram'] },
        zh_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'cjk_bigram', 'position_synonyms'],
        },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      fairId: { type: 'keyword' },
      sessionIds: { type: 'keyword' },
      employerId: { type: 'keyword' },
      employerName: {
        type: 'text',
        analyzer: 'zh_text',
        search_analyzer: 'zh_search',
        fields: { raw: { type: 'keyword' } },
      },
      title: {
        type: 'text',
        analyzer: 'zh_text',
        search_analyzer: 'zh_search',
        fields: { raw: { type: 'keyword' } },
      },
      category: { type: 'keyword' },
      duties: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
      requirements: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
      district: { type: 'keyword' },
      industry: { type: 'keyword' },
      unitType: { type: 'keyword' },
      salaryMin: { type: 'integer' },
      salaryMax: { type: 'integer' },
      education: { type: 'keyword' },
      experienceYears: { type: 'short' },
      graduateSuitable: { type: 'boolean' },
      isKeyEnterprise: { type: 'boolean' },
      headcount: { type: 'integer' },
      publishedAt: { type: 'date' },
    },
  },
};

export interface PositionDocument {
  id: string;
  fairId: string;
  sessionIds: string[];
  employerId: string;
  employerName: string;
  title: string;
  category: string;
  duties: string;
  requirements: string;
  district: string;
  industry: string;
  unitType: string;
  salaryMin: number;
  salaryMax: number;
  education: string;
  experienceYears: number;
  graduateSuitable: boolean;
  isKeyEnterprise: boolean;
  headcount: number;
  publishedAt: string;
}

export interface PositionQuery {
  q?: string;
  fairId?: string;
  sessionId?: string;
  districts?: string[];
  industries?: string[];
  educations?: string[];
  unitTypes?: string[];
  /** Monthly yuan: positions whose range overlaps [salaryFrom, salaryTo]. */
  salaryFrom?: number;
  salaryTo?: number;
  maxExperienceYears?: number;
  keyEnterpriseOnly?: boolean;
  graduateSuitable?: boolean;
  sort: 'relevance' | 'newest' | 'salary';
  size: number;
  /** The `sort` values of the last hit of the previous page (search_after). */
  after?: (string | number)[];
}

const FACETS = ['district', 'industry', 'education', 'unitType'] as const;

/** Pure: the request body for a position search, snapshot-tested. Ties break on id for stable pages. */
export function buildPositionSearch(query: PositionQuery): estypes.SearchRequest {
  const filter: estypes.QueryDslQueryContainer[] = [];
  const terms = (field: string, values?: string[]) =>
    values?.length && filter.push({ terms: { [field]: values } });
  if (query.fairId) filter.push({ term: { fairId: query.fairId } });
  if (query.sessionId) filter.push({ term: { sessionIds: query.sessionId } });
  terms('district', query.districts);
  terms('industry', query.industries);
  terms('education', query.educations);
  terms('unitType', query.unitTypes);
  if (query.salaryFrom !== undefined) filter.push({ range: { salaryMax: { gte: query.salaryFrom } } });
  if (query.salaryTo !== undefined) filter.push({ range: { salaryMin: { lte: query.salaryTo } } });
  if (query.maxExperienceYears !== undefined)
    filter.push({ range: { experienceYears: { lte: query.maxExperienceYears } } });
  if (query.keyEnterpriseOnly) filter.push({ term: { isKeyEnterprise: true } });
  if (query.graduateSuitable !== undefined)
    filter.push({ term: { graduateSuitable: query.graduateSuitable } });

  const must: estypes.QueryDslQueryContainer[] = query.q
    ? [
        {
          multi_match: {
            query: query.q,
            fields: ['title^3', 'employerName^2', 'requirements', 'duties'],
            type: 'most_fields',
            operator: 'and',
          },
        },
      ]
    : [{ match_all: {} }];
  // Key enterprises first among equals (S3:2725-2729): a constant bonus, not a filter.
  const should: estypes.QueryDslQueryContainer[] = [
    { term: { isKeyEnterprise: { value: true, boost: 0.5 } } },
  ];
  return {
    size: query.size,
    track_total_hits: true,
    query: { bool: { must, filter, should } },
    sort: sortOf(query.sort),
    ...(query.after ? { search_after: query.after } : {}),
    highlight: query.q
      ? {
          pre_tags: ['<em>'],
          post_tags: ['</em>'],
          fields: {
            title: { number_of_fragments: 0 },
            requirements: { fragment_size: 60, number_of_fragments: 2 },
            employerName: { number_of_fragments: 0 },
          },
        }
      : undefined,
    aggs: Object.fromEntries(FACETS.map((field) => [field, { terms: { field, size: 40 } }])),
  };
}

function sortOf(sort: PositionQuery['sort']): estypes.SortCombinations[] {
  if (sort === 'newest') return [{ publishedAt: 'desc' }, { id: 'asc' }];
  if (sort === 'salary') return [{ salaryMax: 'desc' }, { id: 'asc' }];
  return [{ _score: { order: 'desc' } }, { isKeyEnterprise: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }];
}

export const POSITION_FACETS = FACETS;
