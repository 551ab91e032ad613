import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './index-lifecycle';
import { positionFacetAggs } from './position-facets';
import { POSITION_SYNONYMS } from './synonyms';

/**
 * The positions index. Chinese text is cut into overlapping bigrams (`cjk_bigram`), which works
 * on any 8.x cluster without plugins; synonyms apply at search time only, so changing them never
 * needs the documents re-analysed (a reindex reloads them).
 *
 * Version 2: the district is also analysed text (`districtText`, filled by copy_to), so "软件 开发
 * 渝北" finds a position in 渝北区; `title.suggest` is a completion field for typeahead.
 */
export const POSITIONS_INDEX: IndexDefinition = {
  name: 'positions',
  version: 2,
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
        // Completion (an FST in memory) rather than search_as_you_type or edge n-grams: those live in
        // modules a stock-free cluster may lack, and prefix lookup over whole titles is what we want.
        fields: { raw: { type: 'keyword' }, suggest: { type: 'completion' } },
      },
      category: { type: 'keyword' },
      duties: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
      requirements: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
      district: { type: 'keyword', copy_to: 'districtText' },
      districtText: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
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

/** Boosts: the title says most, the district least (it only narrows where). */
const TEXT_FIELDS = ['title^3', 'employerName^2', 'requirements', 'duties', 'districtText^0.5'];
/** A query is cut at 100 characters before it gets here; more than this many words is noise. */
const MAX_WORDS = 10;

/**
 * Every word of the query must match somewhere, but the words may sit in different fields:
 * "软件 开发 渝北" finds 软件开发 in the title and 渝北 in the district. One `most_fields` clause
 * per word rather than `cross_fields`, because cross_fields blends term statistics across fields
 * and its handling of multi-term synonym graphs is harder to predict.
 */
function textQuery(q: string): estypes.QueryDslQueryContainer[] {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  return words.map((word) => ({
    multi_match: { query: word, fields: TEXT_FIELDS, type: 'most_fields', operator: 'and' },
  }));
}

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

  const words = query.q ? textQuery(query.q) : [];
  const must: estypes.QueryDslQueryContainer[] = words.length ? words : [{ match_all: {} }];
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
    highlight: words.length ? positionHighlight(words) : undefined,
    aggs: positionFacetAggs(),
  };
}

/**
 * The highlighter runs on the text words only (not the key-enterprise bonus or the filters), and
 * each field is highlighted wherever a word matches it, even when that word's clause was satisfied
 * elsewhere; the search analyzer expands synonyms, so 程序员 marks 软件工程师.
 */
function positionHighlight(words: estypes.QueryDslQueryContainer[]): estypes.SearchHighlight {
  return {
    pre_tags: ['<em>'],
    post_tags: ['</em>'],
    highlight_query: { bool: { should: words } },
    fields: {
      title: { number_of_fragments: 0 },
      requirements: { fragment_size: 60, number_of_fragments: 2 },
      employerName: { number_of_fragments: 0 },
      districtText: { number_of_fragments: 0 },
    },
  };
}

function sortOf(sort: PositionQuery['sort']): estypes.SortCombinations[] {
  if (sort === 'newest') return [{ publishedAt: 'desc' }, { id: 'asc' }];
  if (sort === 'salary') return [{ salaryMax: 'desc' }, { id: 'asc' }];
  return [{ _score: { order: 'desc' } }, { isKeyEnterprise: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }];
}
