import { describe, expect, it } from 'vitest';
import {
  activeChips,
  apiQuery,
  emptyState,
  queryFromState,
  stateFromQuery,
  toggleFacet,
  withoutChip,
} from './search-state';

const FAIR = '0b6f1f8e-3a55-4c5b-9b3f-1d2e3f4a5b6c';

describe('the search state in the URL', () => {
  it('survives a round trip through the URL query, defaults left out', () => {
    const state = {
      ...emptyState(),
      q: '软件 开发 渝北',
      district: ['渝北区', '江北区'],
      education: ['bachelor' as const],
      salaryFrom: 8000,
      graduateSuitable: true,
      fairId: FAIR,
      sort: 'salary' as const,
    };
    const query = queryFromState(state);
    expect(query).toEqual({
      q: '软件 开发 渝北',
      district: '渝北区,江北区',
      education: 'bachelor',
      salaryFrom: '8000',
      graduateSuitable: 'true',
      fairId: FAIR,
      sort: 'salary',
    });
    expect(stateFromQuery(query as Record<string, string>)).toEqual(state);
    expect(queryFromState(emptyState())).toEqual({});
  });

  it('drops what the api would refuse instead of breaking a hand-edited link', () => {
    const state = stateFromQuery({
      education: 'phd,master',
      unitType: 'spaceship',
      salaryFrom: '-5',
      maxExperienceYears: '99',
      sort: 'random',
      fairId: 'not-a-uuid',
      keyEnterpriseOnly: 'yes',
    });
    expect(state).toEqual({ ...emptyState(), education: ['master'] });
  });

  it('reads repeated parameters as well as comma lists, without duplicates', () => {
    expect(stateFromQuery({ district: ['渝北区', '渝北区,南岸区'] }).district).toEqual(['渝北区', '南岸区']);
  });
});

describe('filters, chips and facets', () => {
  it('toggles a facet on and off, lists it as a chip, and a chip removes it', () => {
    let state = toggleFacet(emptyState(), 'district', '渝北区');
    state = toggleFacet(state, 'salary', '8000');
    state = toggleFacet(state, 'keyEnterprise', 'true');
    expect(activeChips(state)).toEqual([
      { kind: 'district', value: '渝北区' },
      { kind: 'salaryFrom', value: 8000 },
      { kind: 'keyEnterpriseOnly' },
    ]);
    expect(toggleFacet(state, 'salary', '8000').salaryFrom).toBeUndefined();
    expect(toggleFacet(state, 'salary', '10000').salaryFrom).toBe(10000);
    const fewer = withoutChip(state, { kind: 'district', value: '渝北区' });
    expect(activeChips(fewer)).toEqual([{ kind: 'salaryFrom', value: 8000 }, { kind: 'keyEnterpriseOnly' }]);
    expect(
      activeChips(
        withoutChip(withoutChip(fewer, { kind: 'salaryFrom', value: 8000 }), { kind: 'keyEnterpriseOnly' }),
      ),
    ).toEqual([]);
  });

  it('asks the api for exactly the active filters, with the cursor of the next page', () => {
    const state = toggleFacet({ ...emptyState(), q: ' 会计 ' }, 'experience', '3');
    expect(apiQuery(state, 20, 'abc')).toEqual({
      q: '会计',
      maxExperienceYears: 3,
      sort: 'relevance',
      size: 20,
      after: 'abc',
    });
  });
});
