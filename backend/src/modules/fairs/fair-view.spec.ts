import { describe, expect, it } from 'vitest';
import { datesInOrder, FairRow, toFairView } from './fair-view';

const fair = {
  id: '00000000-0000-4000-8000-000000000001',
  theme: '就在山城 圆梦青春',
  year: 2020,
  hosts: ['重庆市人力资源和社会保障局', '重庆市教育委员会'],
  organizers: ['重庆市人才交流服务中心'],
  targetGroups: ['all_graduates'],
  description: '',
  launchOn: '2020-03-05',
  concentratedEndOn: '2020-03-12',
  normalizedMonthsAfterEpidemicEnd: 3,
  agencyDeadlineOn: '2020-03-04',
  agencyDeadlineInclusive: false,
  largeScale: true,
  scheduledChange: null,
  suspendedAt: null,
  suspensionReason: null,
  cancelledAt: null,
  cancellationReason: null,
  createdBy: '00000000-0000-4000-8000-000000000002',
  createdAt: new Date(),
  updatedAt: new Date(),
} satisfies FairRow;

describe('fair view', () => {
  it('an announced date change applies only from its effective day', () => {
    const changed: FairRow = {
      ...fair,
      scheduledChange: {
        effectiveOn: '2020-03-01',
        launchOn: '2020-03-10',
        concentratedEndOn: '2020-03-17',
        agencyDeadlineOn: '2020-03-08',
      },
    };
    expect(toFairView(changed, null, '2020-02-29').launchOn).toBe('2020-03-05');
    expect(toFairView(changed, null, '2020-03-06')).toMatchObject({
      launchOn: '2020-03-10',
      phase: 'not_started',
    });
  });

  it('reports the normalized window end from the admin epidemic-end date', () => {
    expect(toFairView(fair, '2020-06-30', '2020-09-30')).toMatchObject({
      normalizedEndOn: '2020-09-30',
      phase: 'normalized',
    });
    expect(toFairView(fair, '2020-06-30', '2020-10-01').phase).toBe('closed');
  });

  it('dates out of order are refused', () => {
    expect(
      datesInOrder({
        agencyDeadlineOn: '2020-03-04',
        launchOn: '2020-03-05',
        concentratedEndOn: '2020-03-12',
      }),
    ).toBe(true);
    expect(
      datesInOrder({
        agencyDeadlineOn: '2020-03-04',
        launchOn: '2020-03-13',
        concentratedEndOn: '2020-03-12',
      }),
    ).toBe(false);
  });
});
