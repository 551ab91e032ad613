import { describe, expect, it } from 'vitest';
import { buildPositionFacets, buildPositionSearch, POSITIONS_INDEX } from './positions-index';

describe('positions index', () => {
  it('keeps its mappings and analysis (changing them needs a version bump)', () => {
    expect(POSITIONS_INDEX).toMatchSnapshot();
  });

  it('builds a full-text search with filters, highlighting and stable sorting', () => {
    expect(
      buildPositionSearch({
        q: '软件 开发',
        fairId: 'f1',
        districts: ['渝北区'],
        salaryFrom: 6000,
        salaryTo: 10000,
        keyEnterpriseOnly: false,
        sort: 'relevance',
        size: 20,
      }),
    ).toMatchSnapshot();
  });

  it('counts and aggregates in a separate request, in filter context', () => {
    expect(
      buildPositionFacets({ q: '软件 开发', districts: ['渝北区'], salaryFrom: 6000 }),
    ).toMatchSnapshot();
  });

  it('continues a page with search_after and drops highlighting without a query', () => {
    const request = buildPositionSearch({
      sort: 'newest',
      size: 10,
      after: ['2026-11-23T00:00:00.000Z', 'abc'],
    });
    expect(request.search_after).toEqual(['2026-11-23T00:00:00.000Z', 'abc']);
    expect(request.highlight).toBeUndefined();
    expect(request.sort).toEqual([{ publishedAt: 'desc' }, { id: 'asc' }]);
  });
});
