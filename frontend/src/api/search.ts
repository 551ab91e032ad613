import { api } from './client';
import type { components, paths } from './schema';
import { read } from './read';

export type PositionSearchQuery = NonNullable<paths['/api/search/positions']['get']['parameters']['query']>;
type GeneratedResult = components['schemas']['PositionSearchResultDto_Output'];
/** The generated document types a top-level nullable string as string[] (see fair-types.ts). */
export type PositionSearchResult = Omit<GeneratedResult, 'next'> & { next: string | null };
export type PositionHit = PositionSearchResult['items'][number];
export type PositionFacets = PositionSearchResult['facets'];

/** Full-text position search with filters, facets and a search_after cursor (public). */
export function searchPositions(
  query: PositionSearchQuery,
  signal?: AbortSignal,
): Promise<PositionSearchResult> {
  return read(api.GET('/api/search/positions', { params: { query }, signal }));
}

/** Up to ten distinct published titles beginning with what was typed (public). */
export async function suggestTitles(q: string): Promise<string[]> {
  const answer = await read<{ titles: string[] }>(
    api.GET('/api/search/positions/suggestions', { params: { query: { q } } }),
  );
  return answer.titles;
}
