import { describe, expect, it } from 'vitest';
import type { FairView } from '@/api/fair-types';
import { epidemicNote, fairTimeline, phaseEnd } from './fair-timeline';

const fair: FairView = {
  id: '00000000-0000-4000-8000-000000000001',
  theme: '就在山城 圆梦青春',
  year: 2020,
  hosts: ['重庆市教育委员会'],
  organizers: [],
  targetGroups: ['all_graduates'],
  description: '',
  launchOn: '2020-03-05',
  concentratedEndOn: '2020-03-12',
  normalizedMonthsAfterEpidemicEnd: 3,
  normalizedEndOn: null,
  epidemicEndOn: null,
  agencyDeadlineOn: '2020-03-04',
  agencyDeadlineInclusive: false,
  largeScale: true,
  phase: 'normalized',
  phaseEndsOn: null,
  phaseReasons: ['EPIDEMIC_END_NOT_SET'],
  suspensionReason: null,
  cancellationReason: null,
};

describe('fairTimeline', () => {
  it('gives the 2020 fair its windows, the normalized one open while the epidemic end is unset', () => {
    const rows = fairTimeline(fair);
    expect(rows.map((row) => row.labelKey)).toEqual([
      'fair.launch',
      'fair.concentrated',
      'fair.normalized',
      'fair.agencyDeadline',
    ]);
    expect(rows[1].value).toEqual({
      key: 'fair.dateRange',
      params: { from: '2020-03-05', to: '2020-03-12' },
    });
    expect(rows[2]).toEqual({
      labelKey: 'fair.normalized',
      value: { key: 'fair.normalizedOpen', params: { from: '2020-03-13', months: 3 } },
      current: true,
    });
    expect(rows[3].value).toEqual({ key: 'fair.deadlineExclusive', params: { date: '2020-03-04' } });
  });

  it('closes the normalized window once the administrator dates the end of the epidemic', () => {
    const dated = { ...fair, epidemicEndOn: '2020-06-30', normalizedEndOn: '2020-09-30' };
    expect(fairTimeline(dated)[2].value).toEqual({
      key: 'fair.dateRange',
      params: { from: '2020-03-13', to: '2020-09-30' },
    });
    expect(epidemicNote(dated)).toEqual({
      kind: 'set',
      params: { months: 3, date: '2020-06-30', end: '2020-09-30' },
    });
  });
});

describe('phaseEnd and epidemicNote', () => {
  it('says the normalized phase has no end date yet, and why', () => {
    expect(phaseEnd(fair)).toEqual({ key: 'fair.phaseNoEnd' });
    expect(epidemicNote(fair)).toEqual({ kind: 'unset', params: { months: 3 } });
  });

  it('gives the last day of the concentrated window and the launch day of a coming fair', () => {
    expect(phaseEnd({ ...fair, phase: 'concentrated', phaseEndsOn: '2020-03-12' })).toEqual({
      key: 'fair.phaseUntil',
      params: { date: '2020-03-12' },
    });
    expect(phaseEnd({ ...fair, phase: 'not_started', phaseEndsOn: '2020-03-04' })).toEqual({
      key: 'fair.phaseStartsOn',
      params: { date: '2020-03-05' },
    });
    expect(phaseEnd({ ...fair, phase: 'suspended' })).toBeNull();
  });
});
