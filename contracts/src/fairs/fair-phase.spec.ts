import { describe, expect, it } from 'vitest';
import { addMonths, fairAcceptsActivity, fairPhase, FairDates } from './fair-phase';

// 就在山城 圆梦青春: launched 2020-03-05, concentrated 03-05..03-12 (S3:3679-3680).
const fair: FairDates = {
  launchOn: '2020-03-05',
  concentratedEndOn: '2020-03-12',
  normalizedMonthsAfterEpidemicEnd: 3,
};
const epidemicEnd = '2020-05-31';

describe('AS-01: fair phases', () => {
  it.each([
    ['2020-03-04', 'not_started'],
    ['2020-03-05', 'concentrated'],
    ['2020-03-12', 'concentrated'],
    ['2020-03-13', 'normalized'],
    ['2020-08-31', 'normalized'],
  ])('on %s the fair is %s', (today, phase) => {
    expect(fairPhase(fair, today, epidemicEnd).phase).toBe(phase);
  });

  it('names the last day of each phase', () => {
    expect(fairPhase(fair, '2020-03-04', epidemicEnd).phaseEndsOn).toBe('2020-03-04');
    expect(fairPhase(fair, '2020-03-06', epidemicEnd).phaseEndsOn).toBe('2020-03-12');
    expect(fairPhase(fair, '2020-04-01', epidemicEnd).phaseEndsOn).toBe('2020-08-31');
  });

  it('keeps the normalized phase open, and says why, while no epidemic-end date is set', () => {
    expect(fairPhase(fair, '2021-06-01', null)).toEqual({
      phase: 'normalized',
      phaseEndsOn: null,
      reasons: ['EPIDEMIC_END_NOT_SET'],
    });
  });
});

describe('AS-02: an expired fair', () => {
  it('is closed the day after epidemic end + 3 months and accepts nothing new', () => {
    const result = fairPhase(fair, '2020-09-01', epidemicEnd);
    expect(result).toEqual({
      phase: 'closed',
      phaseEndsOn: '2020-08-31',
      reasons: ['AFTER_NORMALIZED_WINDOW'],
    });
    expect(fairAcceptsActivity(result.phase)).toBe(false);
  });
});

describe('AS-04: suspension and cancellation override the dates', () => {
  it('reports a suspended fair as suspended in any window', () => {
    const result = fairPhase({ ...fair, suspended: true }, '2020-03-06', epidemicEnd);
    expect(result.phase).toBe('suspended');
    expect(fairAcceptsActivity(result.phase)).toBe(false);
    expect(fairPhase({ ...fair, cancelled: true }, '2020-03-06', epidemicEnd).phase).toBe('cancelled');
  });
});

describe('addMonths', () => {
  it('clamps to the last day of shorter months', () => {
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2020-05-31', 3)).toBe('2020-08-31');
    expect(addMonths('2020-10-15', 3)).toBe('2021-01-15');
  });
});
