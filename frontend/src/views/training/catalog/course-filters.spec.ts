import { describe, expect, it } from 'vitest';
import { filtersFromQuery, queryFromFilters } from './course-filters';

describe('course catalogue filters in the address', () => {
  it('reads known filters, trims them and ignores the rest', () => {
    expect(
      filtersFromQuery({
        q: ' 育婴员 ',
        level: 'level5',
        onlineOnly: 'true',
        subsidisableOn: 'yesterday',
        unknown: 'x',
        district: ['a', 'b'],
      }),
    ).toEqual({ q: '育婴员', level: 'level5', onlineOnly: 'true' });
  });

  it('writes back only what is set, never the page cursor', () => {
    expect(queryFromFilters({ q: '电工', kind: '', subsidisableOn: 'today', after: 'abc' })).toEqual({
      q: '电工',
      subsidisableOn: 'today',
    });
  });
});
