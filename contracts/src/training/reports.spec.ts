import { describe, expect, it } from 'vitest';
import { biweeklyPeriod } from './reports';

describe('biweeklyPeriod', () => {
  it('covers the fourteen days ending on the given day, across a month end', () => {
    expect(biweeklyPeriod('2020-03-13')).toEqual({ from: '2020-02-29', to: '2020-03-13' });
    expect(biweeklyPeriod('2021-01-10')).toEqual({ from: '2020-12-28', to: '2021-01-10' });
  });
});
