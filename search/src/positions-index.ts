import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './index-lifecycle';
import type { SearchClient } from './client';
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
function wordsOf(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}

function textQuery(words: string[]): estypes.QueryDslQueryContainer[] {
  return words.map((word) => ({
    multi_match: { query: word, fields: TEXT_FIELDS, type: 'most_fields', operator: 'and' },
  }));
}

/** What a search result shows of a position: the texts (duties, requirements) stay in the index. */
export const POSITION_RESULT_FIELDS = [
  'id',
  'title',
  'employerName',
  'district',
  'salaryMin',
  'salaryMax',
  'education',
  'isKeyEnterprise',
  'graduateSuitable',
  'experienceYears',
  'industry',
  'fairId',
  'publishedAt',
] as const satisfies readonly (keyof PositionDocument)[];
export type PositionResult = Pick<PositionDocument, (typeof POSITION_RESULT_FIELDS)[number]>;

/**
 * Pure: the page of hits of a position search, snapshot-tested. Ties break on id for stable pages.
 *
 * It neither counts every match nor aggregates: at a million positions a common word matches
 * hundreds of thousands of them, and a request that must visit every match (an exact total,
 * facets) cannot skip any, whereas a top-20 by score lets Lucene skip the blocks whose best score
 * cannot enter the page. The total and the facets come from `buildPositionFacets`, sent alongside.
 */
export function buildPositionSearch(query: PositionQuery): estypes.SearchRequest {
  const { must, filter } = positionClauses(query);
  const words = wordsOf(query.q);
  // Key enterprises first among equals (S3:2725-2729): a constant bonus, not a filter.
  const should: estypes.QueryDslQueryContainer[] = [
    { term: { isKeyEnterprise: { value: true, boost: 0.5 } } },
  ];
  return {
    size: query.size,
    track_total_hits: false,
    _source: [...POSITION_RESULT_FIELDS],
    query: { bool: { must, filter, should } },
    sort: sortOf(query.sort),
    ...(query.after ? { search_after: query.after } : {}),
    highlight: words.length ? positionHighlight(words) : undefined,
  };
}

/**
 * Pure: the exact total and the facet counts of the same search. No scores are needed to count,
 * so every clause is a filter: no scoring, and the node's query cache can keep the bitsets of
 * clauses that recur (a word, a district) across searches and refreshes of other segments.
 * Without hits it is also what the shard request cache keeps until the index changes.
 */
export function buildPositionFacets(
  query: Omit<PositionQuery, 'sort' | 'size' | 'after'>,
): estypes.SearchRequest {
  const { words, filter } = positionClauses(query);
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: [...words, ...filter] } },
    aggs: positionFacetAggs(),
  };
}

function positionClauses(query: Omit<PositionQuery, 'sort' | 'size' | 'after'>) {
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

  const words = textQuery(wordsOf(query.q));
  const must: estypes.QueryDslQueryContainer[] = words.length ? words : [{ match_all: {} }];
  return { words, must, filter };
}

/** A page of hits with the total and facets of the whole search (see `searchPositions`). */
export interface PositionSearchResult {
  hits: estypes.SearchHit<PositionResult>[];
  total: number;
  aggregations: Record<string, unknown> | undefined;
}

/**
 * Sends a position search as the api does: the page (`buildPositionSearch`) and the total with
 * facets (`buildPositionFacets`) in one `_msearch`, which the node runs side by side. A failed
 * half fails the whole search.
 */
export async function searchPositions(
  client: SearchClient,
  index: string,
  query: PositionQuery,
): Promise<PositionSearchResult> {
  const {
    size,
    track_total_hits,
    _source,
    query: q,
    sort,
    search_after,
    highlight,
  } = buildPositionSearch(query);
  const facets = buildPositionFacets(query);
  const { responses } = await client.msearch<PositionResult>({
    searches: [
      { index },
      { size, track_total_hits, _source, query: q, sort, search_after, highlight },
      { index },
      {
        size: facets.size,
        track_total_hits: facets.track_total_hits,
        query: facets.query,
        aggs: facets.aggs,
      },
    ],
  });
  const [page, counts] = responses.map((response) => {
    if ('error' in response) throw new Error(`position search failed: ${JSON.stringify(response.error)}`);
    return response;
  });
  const total = counts.hits.total;
  return {
    hits: page.hits.hits,
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    aggregations: counts.aggregations as Record<string, unknown> | undefined,
  };
}

const HIGHLIGHTED: Record<string, estypes.SearchHighlightField> = {
  title: { number_of_fragments: 0 },
  requirements: { fragment_size: 60, number_of_fragments: 2 },
  employerName: { number_of_fragments: 0 },
  districtText: { number_of_fragments: 0 },
};

/**
 * The highlighter runs on the text words only (not the key-enterprise bonus or the filters), and
 * each field is highlighted wherever a word matches it, even when that word's clause was satisfied
 * elsewhere; the search analyzer expands synonyms, so 程序员 marks 软件工程师.
 *
 * Each field gets its own query, a plain `match` of the words on that field: the highlighter then
 * runs one small query per field and hit instead of every word's multi-field query (the judged
 * queries on 60,000 positions: 1.6 s of highlighting for the 62 pages before, 0.65 s after).
 */
function positionHighlight(words: string[]): estypes.SearchHighlight {
  const text = words.join(' ');
  return {
    pre_tags: ['<em>'],
    post_tags: ['</em>'],
    fields: Object.fromEntries(
      Object.entries(HIGHLIGHTED).map(([field, options]) => [
        field,
        { ...options, highlight_query: { match: { [field]: { query: text } } } },
      ]),
    ),
  };
}

function sortOf(sort: PositionQuery['sort']): estypes.SortCombinations[] {
  if (sort === 'newest') return [{ publishedAt: 'desc' }, { id: 'asc' }];
  if (sort === 'salary') return [{ salaryMax: 'desc' }, { id: 'asc' }];
  return [{ _score: { order: 'desc' } }, { isKeyEnterprise: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }];
}
