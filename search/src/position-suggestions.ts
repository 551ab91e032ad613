import type { estypes } from '@elastic/elasticsearch';

export const SUGGESTION_LIMIT = 10;

/**
 * Pure: title suggestions for what the user has typed so far, from the `title.suggest` completion
 * field. Only published positions are in the index, and skip_duplicates gives distinct titles.
 */
export function buildTitleSuggest(prefix: string, size = SUGGESTION_LIMIT): estypes.SearchRequest {
  return {
    size: 0,
    _source: false,
    suggest: {
      titles: {
        prefix,
        completion: { field: 'title.suggest', size, skip_duplicates: true },
      },
    },
  };
}

/** Pure: the distinct suggested titles of a response, in the order Elasticsearch ranked them. */
export function readTitleSuggestions(response: Pick<estypes.SearchResponse, 'suggest'>): string[] {
  const entries = response.suggest?.titles ?? [];
  const titles = entries.flatMap((entry) =>
    Array.isArray(entry.options) ? entry.options.map((option) => option.text) : [],
  );
  return [...new Set(titles)];
}
