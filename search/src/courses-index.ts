import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './index-lifecycle';
import { POSITIONS_INDEX } from './positions-index';

/**
 * The training-course catalogue a trainee searches. The catalogue listings are stored as date
 * ranges, so "subsidisable on day D" is a query on the day, not a flag that goes stale at midnight.
 */
export const COURSES_INDEX: IndexDefinition = {
  name: 'courses',
  version: 1,
  // The same Chinese analysis and synonyms as positions: a trainee types the same words.
  settings: POSITIONS_INDEX.settings,
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      code: { type: 'keyword' },
      title: {
        type: 'text',
        analyzer: 'zh_text',
        search_analyzer: 'zh_search',
        fields: { raw: { type: 'keyword' } },
      },
      occupation: {
        type: 'text',
        analyzer: 'zh_text',
        search_analyzer: 'zh_search',
        fields: { raw: { type: 'keyword' } },
      },
      level: { type: 'keyword' },
      kind: { type: 'keyword' },
      description: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
      institutionId: { type: 'keyword' },
      institutionName: { type: 'text', analyzer: 'zh_text', search_analyzer: 'zh_search' },
      district: { type: 'keyword' },
      platformName: { type: 'keyword' },
      theoryHours: { type: 'integer' },
      practicalHours: { type: 'integer' },
      onlineHours: { type: 'integer' },
      institutionListed: { type: 'date_range', format: 'yyyy-MM-dd' },
      projectListed: { type: 'date_range', format: 'yyyy-MM-dd' },
      /** Courses taught without an online platform need no platform listing: stored as always. */
      platformSelected: { type: 'date_range', format: 'yyyy-MM-dd' },
      updatedAt: { type: 'date' },
    },
  },
};

export interface DateRange {
  gte: string;
  lte?: string;
}

export interface CourseDocument {
  id: string;
  code: string;
  title: string;
  occupation: string;
  level: string;
  kind: string;
  description: string;
  institutionId: string;
  institutionName: string;
  district: string;
  platformName: string | null;
  theoryHours: number;
  practicalHours: number;
  onlineHours: number;
  institutionListed: DateRange[];
  projectListed: DateRange[];
  platformSelected: DateRange[];
  updatedAt: string;
}

export interface CourseQuery {
  q?: string;
  occupations?: string[];
  levels?: string[];
  kinds?: string[];
  districts?: string[];
  /** Only courses with online hours. */
  onlineOnly?: boolean;
  /** Only courses in all the catalogues on this day (YYYY-MM-DD). */
  subsidisableOn?: string;
  size: number;
  after?: (string | number)[];
}

export const COURSE_FACETS = {
  occupation: 'occupation.raw',
  level: 'level',
  kind: 'kind',
  district: 'district',
} as const;

/** Pure: the request body for a course search; ties break on id for stable pages. */
export function buildCourseSearch(query: CourseQuery): estypes.SearchRequest {
  const filter: estypes.QueryDslQueryContainer[] = [];
  const terms = (field: string, values?: string[]) =>
    values?.length && filter.push({ terms: { [field]: values } });
  terms('occupation.raw', query.occupations);
  terms('level', query.levels);
  terms('kind', query.kinds);
  terms('district', query.districts);
  if (query.onlineOnly) filter.push({ range: { onlineHours: { gt: 0 } } });
  if (query.subsidisableOn)
    for (const field of ['institutionListed', 'projectListed', 'platformSelected'])
      filter.push({ term: { [field]: query.subsidisableOn } });
  const must: estypes.QueryDslQueryContainer[] = query.q
    ? [
        {
          multi_match: {
            query: query.q,
            fields: ['title^3', 'occupation^2', 'institutionName', 'description'],
            type: 'cross_fields',
            operator: 'and',
          },
        },
      ]
    : [{ match_all: {} }];
  return {
    size: query.size,
    track_total_hits: true,
    query: { bool: { must, filter } },
    sort: [{ _score: { order: 'desc' } }, { updatedAt: 'desc' }, { id: 'asc' }],
    ...(query.after ? { search_after: query.after } : {}),
    highlight: query.q
      ? {
          pre_tags: ['<em>'],
          post_tags: ['</em>'],
          fields: {
            title: { number_of_fragments: 0 },
            occupation: { number_of_fragments: 0 },
            description: { fragment_size: 60, number_of_fragments: 2 },
          },
        }
      : undefined,
    aggs: Object.fromEntries(
      Object.entries(COURSE_FACETS).map(([name, field]) => [name, { terms: { field, size: 40 } }]),
    ),
  };
}
