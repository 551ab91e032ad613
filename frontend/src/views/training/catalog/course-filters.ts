import type { LocationQuery } from 'vue-router';
import type { CourseSearchFilters } from '@/api/training';

const KEYS = ['q', 'occupation', 'level', 'kind', 'district'] as const;

/** The catalogue's filters live in the address, so a search can be shared and survives a reload. */
export function filtersFromQuery(query: LocationQuery): CourseSearchFilters {
  const filters: CourseSearchFilters = {};
  for (const key of KEYS) {
    const value = query[key];
    if (typeof value === 'string' && value.trim()) filters[key] = value.trim();
  }
  if (query.onlineOnly === 'true') filters.onlineOnly = 'true';
  if (query.subsidisableOn === 'today') filters.subsidisableOn = 'today';
  return filters;
}

export function queryFromFilters(filters: CourseSearchFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && entry[1] !== '' && entry[0] !== 'after',
    ),
  );
}
