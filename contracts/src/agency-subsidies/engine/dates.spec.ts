import { describe, expect, it } from 'vitest';
import { addMonths as fairAddMonths } from '../../fairs/fair-phase';
import { addDays, addMonths, shiftMonth } from './dates';

describe('engine date arithmetic', () => {
  it('addMonths agrees with the fair calendar helper (clamped month ends, leap years)', () => {
    for (const date of ['2020-01-31', '2020-02-29', '2019-11-30', '2020-12-15', '2021-03-31'])
      for (const n of [-25, -12, -1, 0, 1, 3, 11, 12, 24])
        expect(addMonths(date, n), `${date} ${n}`).toBe(fairAddMonths(date, n));
  });
  it('addDays and shiftMonth cross month and year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-01-01', -1)).toBe('2019-12-31');
    expect(addDays('2020-01-30', 40)).toBe('2020-03-10');
    expect(shiftMonth('2020-01', -1)).toBe('2019-12');
    expect(shiftMonth('2020-12', 1)).toBe('2021-01');
    expect(shiftMonth('2020-03', -12)).toBe('2019-03');
  });
});
