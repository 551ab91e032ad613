import type { estypes } from '@elastic/elasticsearch';

export interface RecommendationQuery {
  /** Words from the resume: skills, majors, expected title, headline. */
  text: string;
  districts: string[];
  /** The education levels the seeker meets (their own and every lower one). */
  eligibleEducations: string[];
  salaryMin: number;
  salaryMax: number;
  /** A recent graduate gets graduate-suitable positions lifted. */
  recentGraduate: boolean;
  size: number;
}

/**
 * Pure: published positions that could fit a seeker. Everything is a `should` with a bounded
 * boost, not a filter, so near misses still come back to be scored and explained ("缺少: 本科").
 * Key enterprises get the same small constant bonus as in search (§2.6.5).
 */
export function buildRecommendationSearch(query: RecommendationQuery): estypes.SearchRequest {
  const should: estypes.QueryDslQueryContainer[] = [];
  if (query.text.trim())
    should.push({
      multi_match: {
        query: query.text,
        fields: ['title^3', 'requirements^2', 'duties'],
        type: 'most_fields',
      },
    });
  if (query.districts.length) should.push({ terms: { district: query.districts, boost: 1 } });
  if (query.eligibleEducations.length)
    should.push({ terms: { education: query.eligibleEducations, boost: 1 } });
  should.push({
    bool: {
      filter: [
        { range: { salaryMax: { gte: query.salaryMin } } },
        { range: { salaryMin: { lte: query.salaryMax } } },
      ],
      boost: 0.5,
    },
  });
  if (query.recentGraduate) should.push({ term: { graduateSuitable: { value: true, boost: 0.5 } } });
  should.push({ term: { isKeyEnterprise: { value: true, boost: 0.5 } } });
  return {
    size: query.size,
    track_total_hits: false,
    query: { bool: { should, minimum_should_match: 1 } },
    sort: [
      { _score: { order: 'desc' } },
      { isKeyEnterprise: 'desc' },
      { publishedAt: 'desc' },
      { id: 'asc' },
    ],
  };
}
