import { describe, expect, it } from 'vitest';
import { businessDate, isIsoDate } from './business-date';

describe('business dates in Asia/Shanghai', () => {
  it('a UTC evening is already the next day in Chongqing', () => {
    expect(businessDate(new Date('2020-03-04T16:30:00Z'))).toBe('2020-03-05');
    expect(businessDate(new Date('2020-03-04T15:59:59Z'))).toBe('2020-03-04');
  });
  it('rejects impossible calendar days', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-3-5')).toBe(false);
  });
});
