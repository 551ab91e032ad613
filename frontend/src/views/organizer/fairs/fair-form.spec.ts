import { describe, expect, it } from 'vitest';
import { datesInOrder, emptyFairForm, fairBody } from './fair-form';

describe('datesInOrder', () => {
  it('accepts the 2020 fair: agencies before 03-04, launch 03-05, concentrated until 03-12', () => {
    expect(
      datesInOrder({
        agencyDeadlineOn: '2020-03-04',
        launchOn: '2020-03-05',
        concentratedEndOn: '2020-03-12',
      }),
    ).toBe(true);
  });

  it('accepts all three on one day and refuses any date out of order', () => {
    expect(
      datesInOrder({
        agencyDeadlineOn: '2020-03-05',
        launchOn: '2020-03-05',
        concentratedEndOn: '2020-03-05',
      }),
    ).toBe(true);
    expect(
      datesInOrder({
        agencyDeadlineOn: '2020-03-06',
        launchOn: '2020-03-05',
        concentratedEndOn: '2020-03-12',
      }),
    ).toBe(false);
    expect(
      datesInOrder({
        agencyDeadlineOn: '2020-03-04',
        launchOn: '2020-03-13',
        concentratedEndOn: '2020-03-12',
      }),
    ).toBe(false);
    expect(
      datesInOrder({ agencyDeadlineOn: '', launchOn: '2020-03-05', concentratedEndOn: '2020-03-12' }),
    ).toBe(false);
  });
});

describe('emptyFairForm and fairBody', () => {
  it('starts from today with a one-week concentrated window whose dates are in order', () => {
    const form = emptyFairForm('2026-02-27');
    expect(form.launchOn).toBe('2026-02-27');
    expect(form.concentratedEndOn).toBe('2026-03-06');
    expect(form.year).toBe(2026);
    expect(datesInOrder(form)).toBe(true);
  });

  it('turns the one-per-line hosts into a list', () => {
    const form = {
      ...emptyFairForm('2026-02-27'),
      theme: ' 就在山城 圆梦青春 ',
      hosts: '市教委\n市人力社保局\n',
    };
    expect(fairBody(form)).toMatchObject({
      theme: '就在山城 圆梦青春',
      hosts: ['市教委', '市人力社保局'],
      organizers: [],
    });
  });
});
