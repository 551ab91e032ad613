import type { estypes } from '@elastic/elasticsearch';
import { AppError } from '../../common/errors/app-error';

/** What every search endpoint does with an Elasticsearch answer: cursors, highlights, facets. */

export function encodeCursor(sort: (string | number)[]): string {
  return Buffer.from(JSON.stringify(sort)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return value;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid. 分页参数无效。', {
    fields: [{ path: 'after' }],
  });
}

/** The cursor of the next page, or null when this page was the last. */
export function nextCursor(hits: estypes.SearchHit<unknown>[], size: number): string | null {
  const last = hits[hits.length - 1];
  return hits.length === size && last?.sort ? encodeCursor(last.sort as (string | number)[]) : null;
}

export function totalOf(response: estypes.SearchResponse<unknown>): number {
  const total = response.hits.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

export function facetsOf<K extends string>(
  response: estypes.SearchResponse<unknown>,
  names: readonly K[],
): Record<K, { value: string; count: number }[]> {
  return Object.fromEntries(
    names.map((name) => {
      const agg = response.aggregations?.[name] as
        { buckets?: { key: string; doc_count: number }[] } | undefined;
      return [name, (agg?.buckets ?? []).map((b) => ({ value: b.key, count: b.doc_count }))];
    }),
  ) as Record<K, { value: string; count: number }[]>;
}

/** Highlights come back with the document's own text; escape it, then restore only our tags. */
export function escapeHighlights(highlight: Record<string, string[]>): Record<string, string[]> {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return Object.fromEntries(
    Object.entries(highlight).map(([field, fragments]) => [
      field,
      fragments.map((f) =>
        escape(f)
          .replace(/&lt;em&gt;/g, '<em>')
          .replace(/&lt;\/em&gt;/g, '</em>'),
      ),
    ]),
  );
}

/** Elasticsearch errors never reach the user as such. */
export function searchUnavailable(): AppError {
  return new AppError(
    'SEARCH_UNAVAILABLE',
    'Search is unavailable right now; please try again shortly. 搜索服务暂不可用，请稍后再试。',
  );
}
