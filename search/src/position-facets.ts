import type { estypes } from '@elastic/elasticsearch';

/** Keyword fields counted value by value. */
const TERM_FACETS = ['district', 'industry', 'education', 'unitType'] as const;

/**
 * Salary floors (monthly yuan) a searcher can pick: "at least X" matches the salaryFrom filter,
 * which keeps positions whose range reaches X. The buckets overlap on purpose.
 */
export const SALARY_FLOORS = [3000, 5000, 8000, 10000, 15000, 20000] as const;
/** "At most N years of experience" choices, matching the maxExperienceYears filter. */
export const EXPERIENCE_CEILINGS = [0, 1, 3, 5] as const;

export const POSITION_FACETS = [
  ...TERM_FACETS,
  'salary',
  'experience',
  'keyEnterprise',
  'graduateSuitable',
] as const;
export type PositionFacetName = (typeof POSITION_FACETS)[number];
export type FacetCounts = Record<PositionFacetName, { value: string; count: number }[]>;

/** Pure: one aggregation per facet, computed over the filtered hits. */
export function positionFacetAggs(): Record<PositionFacetName, estypes.AggregationsAggregationContainer> {
  return {
    ...(Object.fromEntries(TERM_FACETS.map((field) => [field, { terms: { field, size: 40 } }])) as Record<
      (typeof TERM_FACETS)[number],
      estypes.AggregationsAggregationContainer
    >),
    salary: {
      range: { field: 'salaryMax', ranges: SALARY_FLOORS.map((from) => ({ key: String(from), from })) },
    },
    // `to` is exclusive: "at most 3 years" is to: 4.
    experience: {
      range: {
        field: 'experienceYears',
        ranges: EXPERIENCE_CEILINGS.map((years) => ({ key: String(years), to: years + 1 })),
      },
    },
    keyEnterprise: { filter: { term: { isKeyEnterprise: true } } },
    graduateSuitable: { filter: { term: { graduateSuitable: true } } },
  };
}

interface Bucket {
  key: string | number;
  doc_count: number;
}

/** Pure: the aggregations of a response as `{ value, count }` lists; empty buckets are dropped. */
export function readPositionFacets(aggregations: Record<string, unknown> | undefined): FacetCounts {
  return Object.fromEntries(
    POSITION_FACETS.map((name) => {
      const agg = aggregations?.[name] as { buckets?: Bucket[]; doc_count?: number } | undefined;
      const buckets =
        agg?.buckets ?? (agg?.doc_count !== undefined ? [{ key: 'true', doc_count: agg.doc_count }] : []);
      return [
        name,
        buckets.filter((b) => b.doc_count > 0).map((b) => ({ value: String(b.key), count: b.doc_count })),
      ];
    }),
  ) as FacetCounts;
}
