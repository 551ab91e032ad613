import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUBSIDY_POLICY_VALUES,
  isWorkingDay,
  noticePeriod,
  SubsidyPolicyValuesSchema,
} from './claims';

const none = { holidays: [], makeUpWorkdays: [] };

describe('公示 working days', () => {
  it('skips weekends: approved on a Friday, five working days run Monday to Friday', () => {
    expect(noticePeriod('2020-06-05', 5, none)).toEqual({ from: '2020-06-08', until: '2020-06-12' });
  });

  it('skips holidays and counts make-up working weekends as the calendar says', () => {
    // 2020 端午: 25–27 June off, Sunday 28 June worked.
    const calendar = { holidays: ['2020-06-25', '2020-06-26'], makeUpWorkdays: ['2020-06-28'] };
    expect(isWorkingDay('2020-06-25', calendar)).toBe(false);
    expect(isWorkingDay('2020-06-28', calendar)).toBe(true);
    expect(noticePeriod('2020-06-23', 3, calendar)).toEqual({ from: '2020-06-24', until: '2020-06-29' });
  });

  it('keeps the sourced Chongqing defaults valid and leaves unknown amounts empty', () => {
    expect(SubsidyPolicyValuesSchema.parse(DEFAULT_SUBSIDY_POLICY_VALUES)).toMatchObject({
      cqCapPerTraining: 4862,
      cqMaxPerYear: 3,
      urgentRatePerDay: 200,
      urgentCapPerPerson: 6000,
      livingAllowancePerDay: null,
      localStandards: [],
    });
  });
});
