import { businessDate } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, later, officeMoment, shanghaiDate, shanghaiTime } from './demo-dates';
import { Prng } from './prng';

describe('demo dates (Asia/Shanghai business days)', () => {
  it('moves and measures whole days across month and year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-05', -1)).toBe('2020-03-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2020-03-05', '2020-03-12')).toBe(7);
  });

  it('agrees with businessDate() on the day of an instant, around midnight in Chongqing', () => {
    for (const iso of ['2020-03-04T15:59:59Z', '2020-03-04T16:00:00Z', '2026-06-30T23:30:00Z']) {
      expect(shanghaiDate(new Date(iso))).toBe(businessDate(new Date(iso)));
    }
    expect(shanghaiTime('2020-03-05', 9, 30).toISOString()).toBe('2020-03-05T01:30:00.000Z');
  });

  it('draws office hours on the given days and never runs past the last day', () => {
    const rng = new Prng('dates');
    for (let i = 0; i < 1000; i++) {
      const at = officeMoment(rng, '2020-03-01', '2020-03-03');
      expect(shanghaiDate(at) >= '2020-03-01' && shanghaiDate(at) <= '2020-03-03').toBe(true);
      const next = later(rng, at, 60, 10 * 24 * 60, '2020-03-04');
      expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(shanghaiDate(next) <= '2020-03-04').toBe(true);
    }
  });
});
